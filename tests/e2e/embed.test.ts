import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Frame, Page } from 'playwright-core';
import { startSite, type Site } from '../support/site';
import { recordCspViolations } from '../support/browser';
import { axe, serious } from '../support/axe';
import { embedCode } from '../../src/lib/state/embed';
import { story } from '../../src/lib/story';

/*
 * The map inside a news article: a parent page on another origin pastes the embed code (the
 * app's own embedCode), and the iframe must follow the embed's content height (the parent
 * script, embed.js) at phone and desktop widths and after the story moves on a step, with no
 * request beyond the two origins and no CSP violation.
 */

let site: Site;
/** The news site: another origin (another port), serving the article at /article.html?w=<width>. */
let news: Server;
let NEWS = '';
beforeAll(async () => {
	site = await startSite();
	const code = embedCode({
		src: new URL('?embed=1&lang=en', site.server.url).href,
		title: story.title.en,
		alt: 'A map of the story',
		base: site.server.url
	});
	news = createServer((req, res) => {
		const width = new URL(req.url ?? '/', 'http://x').searchParams.get('w') ?? '1280';
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head>
			<body style="margin:0;font-family:sans-serif"><article style="max-width:${Number(width)}px">
			<h1>Kim in Russia</h1><p>Article text before the map.</p>${code}<p>After the map.</p>
			</article></body></html>`);
	});
	await new Promise<void>((ok) => news.listen(0, '127.0.0.1', ok));
	const address = news.address();
	if (!address || typeof address === 'string') throw new Error('news server has no port');
	NEWS = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
	await new Promise((ok) => news?.close(ok));
	await site?.close();
});

async function openArticle(width: number, height: number) {
	const context = await site.browser.newContext({ viewport: { width, height }, locale: 'en-US' });
	const requests: string[] = [];
	context.on('request', (r) => requests.push(r.url()));
	const page = await context.newPage();
	await recordCspViolations(page);
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`${NEWS}/article.html?w=${width}`);
	const frame = await embedFrame(page);
	await frame.waitForSelector('[data-testid="map"][aria-busy="false"]', { timeout: 60_000 });
	return { context, page, frame, requests, errors };
}

async function embedFrame(page: Page): Promise<Frame> {
	const handle = await page.waitForSelector('iframe[data-nk-embed]');
	for (let i = 0; i < 100; i++) {
		const frame = await handle.contentFrame();
		if (frame && frame.url().includes('embed=1')) return frame;
		await page.waitForTimeout(100);
	}
	throw new Error(
		`no embed frame: ${page
			.frames()
			.map((f) => f.url())
			.join(', ')}`
	);
}

/** Waits until the iframe is as tall as the embed's content (the parent script at work). */
async function heightsAgree(page: Page, frame: Frame): Promise<{ iframe: number; content: number }> {
	let last = { iframe: 0, content: 0 };
	const deadline = Date.now() + 30_000;
	while (Date.now() < deadline) {
		const content = await frame.evaluate(() =>
			Math.ceil(document.querySelector('.app')!.getBoundingClientRect().height)
		);
		const iframe = await page.evaluate(() =>
			Math.round(document.querySelector('iframe[data-nk-embed]')!.getBoundingClientRect().height)
		);
		last = { iframe, content };
		if (Math.abs(iframe - content) <= 1) return last;
		await page.waitForTimeout(100);
	}
	throw new Error(`iframe ${last.iframe} px, content ${last.content} px`);
}

describe('embed', () => {
	for (const [width, height] of [
		[390, 844],
		[1280, 800]
	] as const) {
		it(`follows its content at ${width} px: on load and after a step`, async () => {
			const { context, page, frame, requests, errors } = await openArticle(width, height);
			try {
				const start = await heightsAgree(page, frame);
				// Not the iframe's default 640 px: the height came from the embed.
				expect(start.iframe).not.toBe(640);
				// Minimal chrome: no story loader, no export; the layer toggles and the stepper stay.
				await expect(frame.getByRole('button', { name: 'Open story' }).count()).resolves.toBe(0);
				await expect(frame.getByRole('button', { name: 'Export' }).count()).resolves.toBe(0);
				// The layer toggles are one click away.
				await frame.getByText('Layers', { exact: true }).click();
				await expect(frame.getByRole('checkbox', { name: /Visits/ }).isVisible()).resolves.toBe(true);
				await heightsAgree(page, frame);
				await frame.getByText('Layers', { exact: true }).click();
				await expect(frame.getByTestId('credits').isVisible()).resolves.toBe(true);
				const full = await frame.getByRole('link', { name: /Open the full map/ }).getAttribute('href');
				expect(full).toContain('lang=en');
				expect(full).not.toContain('embed');
				expect(serious(await axe(frame)), 'axe in the embed').toEqual([]);
				// Nothing to scroll inside: the page is exactly as tall as its iframe.
				const scroll = await frame.evaluate(() => document.documentElement.scrollHeight - innerHeight);
				expect(scroll).toBeLessThanOrEqual(1);

				// A step: the card changes the content's height, and the iframe follows.
				const entries = await page.evaluate(() => history.length);
				await frame.getByRole('button', { name: /Start the story/ }).click();
				await frame.waitForFunction(() => new URL(location.href).searchParams.get('step') === '1');
				const first = await heightsAgree(page, frame);
				await frame.getByRole('button', { name: /^Next/ }).click();
				await frame.waitForFunction(() => new URL(location.href).searchParams.get('step') === '2');
				const second = await heightsAgree(page, frame);
				expect(first.content).not.toBe(start.content);
				expect(second.content).toBeGreaterThan(0);
				// The steps rewrote the embed's entry: Back still leaves the article, not the step.
				expect(await page.evaluate(() => history.length)).toBe(entries);
				// The full-map link follows the view.
				await expect
					.poll(() => frame.getByRole('link', { name: /Open the full map/ }).getAttribute('href'))
					.toContain('step=2');

				// Another window's message does not resize the map's iframe.
				await page.evaluate(() => window.postMessage({ 'datawrapper-height': { x: 77 } }, '*'));
				await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
				expect((await heightsAgree(page, frame)).iframe).toBe(second.iframe);

				const origin = new URL(site.server.url).origin;
				const foreign = requests.filter(
					(u) =>
						!u.startsWith(origin) && !u.startsWith(NEWS) && !u.startsWith('data:') && !u.startsWith('blob:')
				);
				expect(foreign).toEqual([]);
				expect(await frame.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
				expect(errors).toEqual([]);
			} finally {
				await context.close();
			}
		}, 180_000);
	}

	it('offers the embed code in the export dialog: this view, or the story from its first step', async () => {
		const { page, log } = await site.open({
			path: '?lang=en&kinds=arms,food&utm_source=newsletter&fbclid=abc',
			locale: 'en-US'
		});
		await page.getByRole('button', { name: 'Export', exact: true }).click();
		const dialog = page.getByTestId('export-dialog');
		await dialog.locator('summary', { hasText: 'Embed in an article' }).click();
		const code = dialog.locator('#export-embed-code');
		await expect.poll(() => code.inputValue(), { timeout: 10_000 }).toContain('<iframe');
		const view = await code.inputValue();
		const src = /<iframe src="([^"]+)"/.exec(view)![1]!.replaceAll('&amp;', '&');
		const url = new URL(src);
		expect(url.origin).toBe(new URL(site.server.url).origin);
		expect(url.searchParams.get('embed')).toBe('1');
		expect(url.searchParams.get('kinds')).toBe('arms,food');
		// No tracking tag travels into an article.
		expect(src).not.toMatch(/utm_|fbclid/);
		// Light unless the desk asks: an article is, whatever its reader's system says.
		expect(url.searchParams.get('theme')).toBe('light');
		expect(view).toContain(`title="${story.title.en}"`);
		expect(view).toContain(`<script src="${new URL('embed.js', site.server.url).href}" async></script>`);
		expect(view).toContain(new URL('social-preview.png', site.server.url).href);
		await dialog.getByRole('radio', { name: 'The story from its first step' }).check();
		await expect.poll(() => code.inputValue(), { timeout: 10_000 }).toContain('step=1');
		const first = new URL(
			/<iframe src="([^"]+)"/.exec(await code.inputValue())![1]!.replaceAll('&amp;', '&')
		);
		expect(first.searchParams.get('step')).toBe('1');
		expect(first.searchParams.get('kinds')).toBeNull();
		await dialog.locator('input[name="export-embed-theme"][value="system"]').check();
		await expect.poll(() => code.inputValue(), { timeout: 10_000 }).not.toContain('theme=');
		await dialog.locator('input[name="export-embed-theme"][value="dark"]').check();
		await expect.poll(() => code.inputValue(), { timeout: 10_000 }).toContain('theme=dark');
		// The picture it falls back to is there.
		const preview = await page.request.get(new URL('social-preview.png', site.server.url).href);
		expect(preview.status()).toBe(200);
		expect(preview.headers()['content-type']).toBe('image/png');
		expect(log.errors).toEqual([]);
	}, 120_000);
});
