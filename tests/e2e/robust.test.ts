import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { story } from '../../src/lib/story';
import { startSite, type Site } from '../support/site';
import { drawnLanes, type MapWindow } from '../support/map';
import { launchChromium, waitForMap, watchPage } from '../support/browser';

let site: Site;
const dir = mkdtempSync(join(tmpdir(), 'nk-story-'));
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

function file(name: string, content: unknown): string {
	const path = join(dir, name);
	writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
	return path;
}

async function openStoryFile(page: Page, path: string): Promise<void> {
	// The dialog stays open after an error, so the next file can be chosen right away.
	if (!(await page.getByTestId('story-loader').isVisible())) {
		await page.getByRole('button', { name: 'Open story' }).click();
	}
	await page.getByTestId('story-file').setInputFiles(path);
}

/** How many lanes the map holds (lane features with a certainty; not the names on the lines). */
async function flowCountOnMap(page: Page): Promise<number> {
	return page.evaluate(() => {
		const map = (window as unknown as MapWindow).__map;
		const lanes = map.querySourceFeatures('flows').filter((f) => typeof f.properties.certainty === 'string');
		return new Set(lanes.map((f) => f.properties.id)).size;
	});
}

async function mapIsDrawn(page: Page): Promise<boolean> {
	const box = (await page.getByTestId('map').boundingBox())!;
	const png = PNG.sync.read(await page.screenshot({ clip: box }));
	const colours = new Set<number>();
	for (let i = 0; i < png.data.length; i += 40) {
		colours.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
	}
	return colours.size > 100;
}

describe('your own story file', () => {
	it('lists what is wrong in a broken file, by path, and keeps the map as it was', async () => {
		const { page, log } = await site.open({ locale: 'en-US' });
		const before = await flowCountOnMap(page);
		const badPlace = { flows: [{ ...story.flows[0], id: 'extra', to: 'pyongyng' }] };
		await openStoryFile(page, file('bad-place.json', badPlace));
		const errors = page.getByTestId('story-errors');
		// The file is read asynchronously: wait for its own message, not the previous one.
		await expect.poll(() => errors.textContent()).toContain('flows[0].to: unknown place "pyongyng"');
		const badDate = {
			flows: [{ ...story.flows[0], id: 'extra', when: { precision: 'day', start: '2023-02-30' } }]
		};
		await openStoryFile(page, file('bad-date.json', badDate));
		await expect.poll(() => errors.textContent()).toContain('flows[0].when.start');
		await openStoryFile(page, file('not-json.json', '{"flows": [1, 2'));
		await expect.poll(() => errors.textContent()).toContain('not valid JSON');
		await page.keyboard.press('Escape');
		expect(await flowCountOnMap(page)).toBe(before);
		await expect(page.locator('[data-flow-id]').count()).resolves.toBe(story.flows.length);
		expect(log.errors).toEqual([]);
	});

	it('extends the map with the sample file and replaces it with a whole story', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		const sample = await (
			await page.request.get(new URL('samples/later-events.json', site.server.url).href)
		).text();
		await openStoryFile(page, file('sample.json', sample));
		await expect.poll(() => page.getByTestId('story-status').textContent()).toContain('Loaded');
		await page.keyboard.press('Escape');
		await expect(page.locator('[data-event-id="artyom-airfield"]').count()).resolves.toBe(1);
		await page.locator('[data-event-id="artyom-airfield"]').click();
		await expect(page.getByTestId('details').textContent()).resolves.toContain('Knevichi');

		// Without its steps, which point at flows the smaller story no longer has.
		const small = { ...story, flows: story.flows.slice(0, 3), steps: undefined };
		await openStoryFile(page, file('small.json', small));
		await page.keyboard.press('Escape');
		// Three flows in three lanes: the train's route, Shoigu's visit and the delegation's arc.
		await page.waitForFunction(
			(n) =>
				new Set(
					(window as unknown as MapWindow).__map
						.querySourceFeatures('flows')
						.filter((f) => typeof f.properties.certainty === 'string')
						.map((f) => f.properties.id)
				).size === n,
			3
		);
		await expect(page.locator('[data-flow-id]').count()).resolves.toBe(3);
	});

	it('renders hostile text as text: nothing from the data runs', async () => {
		const { page, log } = await site.open({ locale: 'en-US' });
		const payloads = [
			'<img src=x onerror="window.__xss=1">',
			'<script>window.__xss=2</script>',
			'javascript:window.__xss=3',
			'"><svg onload="window.__xss=4">'
		];
		const hostile = structuredClone(story);
		hostile.places[0]!.name = { de: payloads[0]!, en: payloads[0]! };
		hostile.flows[0]!.label = { de: payloads[1]!, en: payloads[1]! };
		hostile.flows[0]!.summary = { de: payloads[3]!, en: payloads[3]! };
		hostile.sources[0]!.name = { de: payloads[2]!, en: payloads[2]! };
		hostile.title = { de: payloads[1]!, en: payloads[1]! };
		await openStoryFile(page, file('hostile.json', hostile));
		await page.keyboard.press('Escape');
		await page.locator(`[data-flow-id="${hostile.flows[0]!.id}"]`).click();
		await page.locator(`[data-place-id="${hostile.places[0]!.id}"]`).click();
		await page.locator(`[data-flow-id="${hostile.flows[0]!.id}"]`).click();
		const details = (await page.getByTestId('details').textContent()) ?? '';
		expect(details).toContain(payloads[1]);
		expect(details).toContain(payloads[3]);
		await expect(page.locator('h1').textContent()).resolves.toBe(payloads[1]);
		await page.waitForTimeout(300);
		expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
		await expect(page.locator('img[src="x"], svg[onload]').count()).resolves.toBe(0);
		await expect(page.locator('a[href^="javascript:"]').count()).resolves.toBe(0);
		expect(log.errors).toEqual([]);
		expect(await log.cspViolations()).toEqual([]);
	});
});

describe('no WebGL 2, lost GPU, offline', () => {
	it('explains the missing map without WebGL and still offers the flow list', async () => {
		const browser = await launchChromium(['--disable-webgl', '--disable-3d-apis']);
		try {
			const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1280, height: 800 } });
			const page = await context.newPage();
			const log = watchPage(page, new URL(site.server.url).origin);
			await page.goto(site.server.url);
			await expect(page.getByRole('alert').textContent({ timeout: 20_000 })).resolves.toContain('WebGL 2');
			await expect(page.locator('[data-flow-id]').count()).resolves.toBe(story.flows.length);
			await page.locator(`[data-flow-id="${story.flows[0]!.id}"]`).click();
			await expect(page.getByTestId('details').locator('h2').textContent()).resolves.toBe(
				story.flows[0]!.label.en
			);
			expect(log.errors).toEqual([]);
		} finally {
			await browser.close();
		}
	});

	it('comes back by itself with the same state after the WebGL context is lost', async () => {
		const { page, log } = await site.open({ locale: 'en-US', path: '?kinds=arms,visit&sel=moscow' });
		expect(await mapIsDrawn(page)).toBe(true);
		await page.evaluate(() => {
			const gl = (window as unknown as MapWindow).__map.getCanvas().getContext('webgl2')!;
			const ext = gl.getExtension('WEBGL_lose_context')!;
			(window as unknown as { __lose: WEBGL_lose_context }).__lose = ext;
			ext.loseContext();
		});
		await page.waitForSelector('[data-testid="map"][aria-busy="true"]');
		// Meanwhile the reader changes a layer: it must be applied once the map is back.
		await page.locator('input[name="kind"][value="food"]').check();
		await page.evaluate(() => (window as unknown as { __lose: WEBGL_lose_context }).__lose.restoreContext());
		await waitForMap(page);
		expect(await mapIsDrawn(page)).toBe(true);
		const drawnKinds = [...new Set((await drawnLanes(page)).map((f) => f.kind))].sort();
		expect(drawnKinds).toEqual(['arms', 'food', 'visit']);
		expect(log.errors).toEqual([]);
	});

	it('reloads offline after the first visit, from its service worker', async () => {
		const { page, context } = await site.open({ locale: 'en-US' });
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		// The worker controls the page from the next load on.
		await page.reload();
		await waitForMap(page);
		await context.setOffline(true);
		const log = watchPage(page, new URL(site.server.url).origin);
		await page.reload();
		await waitForMap(page);
		expect(await mapIsDrawn(page)).toBe(true);
		await expect(page.locator('[data-flow-id]').count()).resolves.toBe(story.flows.length);
		expect(log.errors).toEqual([]);
		expect(log.foreignRequests).toEqual([]);
		await context.setOffline(false);
	});

	it('counts zero CSP violations in normal use', async () => {
		const { page, log } = await site.open({ locale: 'en-US' });
		await page.locator('[data-flow-id]').first().click();
		await page.locator('input[name="kind"][value="arms"]').uncheck();
		await page.getByRole('button', { name: 'Deutsch' }).click();
		await page.getByTestId('timeline').locator('input[type="range"]').focus();
		await page.keyboard.press('Home');
		await page.waitForTimeout(500);
		expect(await log.cspViolations()).toEqual([]);
		expect(log.consoleErrors.filter((m) => /Content Security Policy/i.test(m))).toEqual([]);
	});
});
