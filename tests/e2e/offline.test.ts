import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { story } from '../../src/lib/story';
import { BUILD_DIR, startSite, type Site } from '../support/site';
import { serveStatic, type StaticServer } from '../support/server';
import { recordCspViolations, waitForMap, watchPage } from '../support/browser';

/*
 * The service worker (src/service-worker.ts) against the built site: files as files, a real 404
 * page, network errors as errors, offline use, and a deploy while pages are open (the "new
 * version" prompt, and old pages that keep working under the new worker).
 */

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const VIEWPORT = { width: 960, height: 640 };

/** Waits until the service worker controls the page (the first install claims it). */
async function controlled(page: Page): Promise<void> {
	await page.evaluate(async () => {
		const container = navigator.serviceWorker;
		await container.ready;
		if (!container.controller)
			await new Promise((done) => container.addEventListener('controllerchange', done, { once: true }));
	});
}

/** What a fetch from the page gets: `status content-type`, or 'network error'. */
function probe(page: Page, url: string): Promise<string> {
	return page.evaluate(async (u) => {
		try {
			const r = await fetch(u);
			return `${r.status} ${r.headers.get('content-type')}`;
		} catch {
			return 'network error';
		}
	}, url);
}

describe('files as files, a real 404, under the service worker', () => {
	it('opens the schema and a sample in a tab as JSON, not as the page', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		await controlled(page);
		for (const file of ['story.schema.json', 'samples/later-events.json']) {
			const response = (await page.goto(new URL(file, site.server.url).href))!;
			expect(response.fromServiceWorker(), file).toBe(true);
			expect(response.status(), file).toBe(200);
			expect(response.headers()['content-type'], file).toContain('application/json');
			expect(await page.evaluate(() => document.contentType), file).toBe('application/json');
		}
		// An unknown file is the server's 404 (whatever its body), never the page with 200.
		expect(await probe(page, new URL('data/missing.json', site.server.url).href)).toMatch(/^404 /);
	});

	it('answers an unknown path with the 404 page, whose link leads back to the app', async () => {
		const { page, log } = await site.open({ locale: 'en-US' });
		await controlled(page);
		const response = (await page.goto(new URL('some/sub/path?embed=1', site.server.url).href))!;
		expect(response.fromServiceWorker()).toBe(true);
		expect(response.status()).toBe(404);
		expect(response.headers()['content-type']).toContain('text/html');
		await expect(page.locator('h1').textContent()).resolves.toBe('Seite nicht gefunden');
		await expect(page.locator('[lang="en"] h2').textContent()).resolves.toBe('Page not found');
		// Its stylesheet and its link resolve in the app's folder, not under /some/sub/.
		const sheets = await page.evaluate(() =>
			[...document.styleSheets].map((s) => ({ href: s.href, rules: s.cssRules.length > 0 }))
		);
		expect(sheets).toEqual([{ href: new URL('404.css', site.server.url).href, rules: true }]);
		const back = page.getByRole('link', { name: /North Korea and Russia/ });
		expect(await back.evaluate((a) => (a as HTMLAnchorElement).href)).toBe(site.server.url);
		expect(await log.cspViolations()).toEqual([]);
		await back.click();
		await waitForMap(page);
		expect(log.errors).toEqual([]);
	});

	it('offline: the app loads and gets ready, files stay files, a missing file is an error', async () => {
		const { page, context } = await site.open({ locale: 'en-US' });
		await controlled(page);
		// A font the build has but the precache leaves out (another script's face): the network's.
		const worker = readFileSync(join(BUILD_DIR, 'service-worker.js'), 'utf8');
		const fonts = [...worker.matchAll(/\/_app\/immutable\/assets\/[\w.-]+\.woff2/g)].map((m) => m[0]);
		const uncached = await page.evaluate(async (paths) => {
			for (const path of paths) {
				const url = new URL(`.${path}`, location.href).href;
				if (!(await caches.match(url))) return url;
			}
			return null;
		}, fonts);
		expect(uncached, 'a font left out of the precache').not.toBeNull();

		await context.setOffline(true);
		try {
			expect(await probe(page, uncached!)).toBe('network error');
			expect(await probe(page, new URL('data/missing.json', site.server.url).href)).toBe('network error');
			expect(await probe(page, new URL('story.schema.json', site.server.url).href)).toBe(
				'200 application/json'
			);

			const log = watchPage(page, new URL(site.server.url).origin);
			await page.goto(new URL('index.html?lang=en', site.server.url).href);
			await waitForMap(page);
			await expect(page.locator('[data-flow-id]').count()).resolves.toBe(story.flows.length);
			expect(log.errors).toEqual([]);
			expect(log.foreignRequests).toEqual([]);

			const missing = (await page.goto(new URL('nowhere/at/all', site.server.url).href))!;
			expect(missing.status()).toBe(404);
			await expect(page.locator('h1').textContent()).resolves.toBe('Seite nicht gefunden');
			await page.goto(new URL('samples/later-events.json', site.server.url).href);
			expect(await page.evaluate(() => document.contentType)).toBe('application/json');
		} finally {
			await context.setOffline(false);
		}
	});
});

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A new deploy in `dir`: another version (in the worker's file, as every build has), a page that
 * says it is the new one, and the files in `gone` renamed away as a real deploy's new hashes
 * would: neither the host nor the new worker's list has them any more.
 */
function redeploy(dir: string, gone: readonly string[]): void {
	const workerPath = join(dir, 'service-worker.js');
	let worker = readFileSync(workerPath, 'utf8');
	const { version } = JSON.parse(readFileSync(join(dir, '_app/version.json'), 'utf8')) as { version: string };
	if (!worker.includes(version)) throw new Error(`redeploy: version ${version} is not in service-worker.js`);
	worker = worker.replaceAll(version, `${version}-redeployed`);
	for (const path of gone) {
		// A list entry of the minified worker (`e+\`/_app/…\``), with its comma on either side.
		const entry = new RegExp(`(,\\s*)?[\\w$]+\\s*\\+\\s*[\`'"]${escapeRegExp(path)}[\`'"](\\s*,)?`);
		if (!entry.test(worker)) throw new Error(`redeploy: ${path} is not in service-worker.js's lists`);
		worker = worker.replace(entry, (_, before?: string, after?: string) => (before && after ? ',' : ''));
		rmSync(join(dir, path));
	}
	writeFileSync(workerPath, worker);
	const indexPath = join(dir, 'index.html');
	const index = readFileSync(indexPath, 'utf8');
	if (!index.includes('<head>')) throw new Error('redeploy: no <head> in index.html');
	writeFileSync(indexPath, index.replace('<head>', '<head>\n\t\t<meta name="x-deploy" content="2">'));
}

async function openExport(page: Page): Promise<void> {
	await page.getByRole('button', { name: 'Export', exact: true }).click();
	await page
		.getByTestId('export-dialog')
		.locator('input[name="export-format"]')
		.first()
		.waitFor({ timeout: 60_000 });
}

describe('a new deploy while pages are open', () => {
	let dir: string;
	let server: StaticServer;
	const contexts: BrowserContext[] = [];
	beforeAll(async () => {
		// A copy of the build, so the deploy can change it.
		dir = mkdtempSync(join(tmpdir(), 'nk-deploy-'));
		cpSync(BUILD_DIR, dir, { recursive: true });
		server = await serveStatic(dir);
	});
	afterAll(async () => {
		for (const c of contexts) await c.close().catch(() => {});
		await server?.close();
		rmSync(dir, { recursive: true, force: true });
	});

	it('offers the new version, whose reload button brings it, and old pages keep working', async () => {
		const origin = new URL(server.url).origin;
		// Which files the export dialog loads on its first open (lazy chunks, not in the first load),
		// found on a page of its own so the pages below have not loaded them yet.
		const scratch = await site.browser.newContext({ locale: 'en-US', viewport: VIEWPORT });
		contexts.push(scratch);
		const first = await scratch.newPage();
		await first.goto(server.url);
		await waitForMap(first);
		const lazy = new Set<string>();
		first.on('request', (r) => {
			const path = new URL(r.url()).pathname;
			if (/^\/_app\/immutable\/.+\.(?:js|css)$/.test(path)) lazy.add(path);
		});
		await openExport(first);
		await scratch.close();
		expect(lazy.size, 'the export dialog loads chunks of its own').toBeGreaterThan(0);

		const context = await site.browser.newContext({ locale: 'en-US', viewport: VIEWPORT });
		contexts.push(context);
		const old = await context.newPage();
		await recordCspViolations(old);
		const oldLog = watchPage(old, origin);
		await old.goto(server.url);
		await waitForMap(old);
		await controlled(old);
		// The first install took the page without asking.
		expect(await old.getByTestId('update-prompt').count()).toBe(0);

		redeploy(dir, [...lazy]);
		for (const path of lazy) expect((await fetch(new URL(path.slice(1), server.url))).status, path).toBe(404);
		// What the browser does on its own on a later navigation or after a day.
		await old.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())!.update();
		});
		const prompt = old.getByTestId('update-prompt');
		await prompt.waitFor({ timeout: 60_000 });
		await expect(prompt.textContent()).resolves.toContain('A new version is available.');
		expect(await old.locator('meta[name="x-deploy"]').count()).toBe(0);

		// A tab opened now still gets the version in charge, with the same offer; its button brings the new one.
		const other = await context.newPage();
		await recordCspViolations(other);
		await other.goto(server.url);
		await waitForMap(other);
		expect(await other.locator('meta[name="x-deploy"]').count()).toBe(0);
		await other.getByTestId('update-prompt').waitFor({ timeout: 30_000 });
		const reloaded = other.waitForEvent('load', { timeout: 60_000 });
		await other.getByTestId('update-prompt').getByRole('button', { name: 'Reload', exact: true }).click();
		await reloaded;
		await waitForMap(other);
		expect(await other.locator('meta[name="x-deploy"]').count()).toBe(1);
		expect(await other.getByTestId('update-prompt').count()).toBe(0);

		// The old page, now under the new worker, still works: its export chunks, gone from the host
		// and from the new version, come from the previous version's cache.
		await old.evaluate(
			() =>
				new Promise<void>((done) => {
					const check = async () => {
						const r = await navigator.serviceWorker.getRegistration();
						if (r && !r.waiting && !r.installing && r.active?.state === 'activated') done();
						else setTimeout(check, 100);
					};
					void check();
				})
		);
		await openExport(old);
		await old.keyboard.press('Escape');
		expect(oldLog.errors).toEqual([]);
		// It is still the old version, and still says so; its button reloads it into the new one.
		expect(await old.locator('meta[name="x-deploy"]').count()).toBe(0);
		await prompt.waitFor();
		const oldReloaded = old.waitForEvent('load', { timeout: 60_000 });
		await prompt.getByRole('button', { name: 'Reload', exact: true }).click();
		await oldReloaded;
		await waitForMap(old);
		expect(await old.locator('meta[name="x-deploy"]').count()).toBe(1);
		expect(oldLog.errors).toEqual([]);
		expect(await oldLog.cspViolations()).toEqual([]);
		expect(oldLog.foreignRequests).toEqual([]);
	}, 300_000);
});
