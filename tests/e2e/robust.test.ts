import { writeFileSync, mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { story } from '../../src/lib/story';
import { startSite, type Site } from '../support/site';
import { drawnLanes, type MapWindow } from '../support/map';
import { launchChromium, waitForMap, watchPage } from '../support/browser';
import { bidiProblems } from '../support/bidi';

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

	it('keeps a right-to-left override in a name to the name: every story string is isolated', async () => {
		const { page, log } = await site.open({ locale: 'en-US' });
		const RLO = '\u202e';
		const spoof = structuredClone(story);
		// The first place and the first flow (Kim's train, which leaves from it and cites the article).
		const place = spoof.places[0]!;
		const flow = spoof.flows.find((f) => f.from === place.id || f.to === place.id)!;
		const source = spoof.sources.find((s) => flow.evidence.some((e) => e.source === s.id))!;
		place.name = { de: `${RLO}Datum`, en: `${RLO}Datum` };
		flow.label = { de: `${RLO}${flow.label.de}`, en: `${RLO}${flow.label.en}` };
		source.name = { de: `${RLO}${source.name.de}`, en: `${RLO}${source.name.en}` };
		spoof.title = { de: `${RLO}${spoof.title.de}`, en: `${RLO}${spoof.title.en}` };
		spoof.article = { ...spoof.article, publisher: `${RLO}${spoof.article.publisher}` };
		// The map's name (its region's aria-label) and the legend's name for the patrol waters.
		const patrol = { de: `${RLO}Patrouille`, en: `${RLO}Patrol` };
		spoof.presentation = {
			...spoof.presentation,
			mapLabel: { de: `${RLO}Karte`, en: `${RLO}Map` },
			areaKindNames: { ...spoof.presentation?.areaKindNames, 'patrol-waters': patrol }
		};
		const strings = [
			place.name.en,
			flow.label.en,
			source.name.en,
			spoof.title.en,
			spoof.article.publisher,
			spoof.presentation.mapLabel!.en,
			patrol.en
		];
		await openStoryFile(page, file('bidi.json', spoof));
		await expect.poll(() => page.getByTestId('story-status').textContent()).toContain('Loaded');
		await page.keyboard.press('Escape');

		/** No problems, and at least `texts` text nodes and `attributes` attributes with an override. */
		const isolated = async (where: string, texts: number, attributes = 0) => {
			const found = await bidiProblems(page, strings);
			expect(found.problems, where).toEqual([]);
			expect(found.texts, where).toBeGreaterThanOrEqual(texts);
			expect(found.attributes, where).toBeGreaterThanOrEqual(attributes);
		};
		// The heading, the document's title, the credit line, the map's description and name, the
		// legend and the layer switches, and the list: the place's row, and every flow's row that
		// runs from or to it (its route line).
		await expect(page.locator('h1').textContent()).resolves.toBe(spoof.title.en);
		await expect(
			page.getByTestId('legend').locator('[data-area-kind="patrol-waters"] bdi').textContent()
		).resolves.toBe(patrol.en);
		expect(await page.title()).toBe(`\u2068${spoof.title.en}\u2069`);
		await expect(page.getByTestId('credits').textContent()).resolves.toContain(
			`\u2068${spoof.article.publisher}\u2069, `
		);
		const index = page.locator('#story-index ~ nav');
		await expect(index.locator(`[data-place-id="${place.id}"] bdi`).textContent()).resolves.toBe(
			place.name.en
		);
		await expect(index.locator(`[data-flow-id="${flow.id}"] bdi`).first().textContent()).resolves.toBe(
			flow.label.en
		);
		await isolated('the list, heading, legend and credits', 8, 1);

		// A flow's details: its label, its route, its sources (the source's name, the publisher).
		await page.locator(`[data-flow-id="${flow.id}"]`).click();
		const details = page.getByTestId('details');
		await expect(details.locator('h2').textContent()).resolves.toBe(flow.label.en);
		await expect(details.textContent()).resolves.toContain(source.name.en);
		await isolated('the flow details', 10, 1);

		// The place's details: its name and the flows from and to it.
		await page.locator(`[data-place-id="${place.id}"]`).click();
		await expect(details.locator('h2').textContent()).resolves.toBe(place.name.en);
		await isolated('the place details', 10, 1);

		expect(log.errors).toEqual([]);
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
			// The page is done, not loading: what waits for the map's region is told so.
			await expect(page.getByTestId('map').getAttribute('aria-busy')).resolves.toBe('false');
			await expect(page.locator('[data-flow-id]').count()).resolves.toBe(story.flows.length);
			await page.locator(`[data-flow-id="${story.flows[0]!.id}"]`).click();
			await expect(page.getByTestId('details').locator('h2').textContent()).resolves.toBe(
				story.flows[0]!.label.en
			);
			// The SVG of the story's frame needs no WebGL: it is offered and it downloads.
			await page.keyboard.press('Escape');
			await page.getByRole('button', { name: 'Export', exact: true }).click();
			const dialog = page.getByTestId('export-dialog');
			await expect(dialog.locator('input[name="export-format"][value="png"]').isDisabled()).resolves.toBe(
				true
			);
			await expect(dialog.locator('input[name="export-format"][value="svg"]').isChecked()).resolves.toBe(
				true
			);
			const [download] = await Promise.all([
				page.waitForEvent('download', { timeout: 120_000 }),
				dialog.getByRole('button', { name: 'Download', exact: true }).click()
			]);
			const svg = await readFile((await download.path())!, 'utf8');
			expect(download.suggestedFilename()).toMatch(/\.svg$/);
			expect(svg).toContain('<svg');
			for (const place of story.places.filter((p) => p.role === 'capital'))
				expect(svg).toContain(place.name.en);
			expect(log.errors).toEqual([]);
		} finally {
			await browser.close();
		}
	});

	it('explains a map whose worker the host serves with the wrong type, instead of loading forever', async () => {
		// No service worker here: the host's answer is what the page gets.
		const context = await site.browser.newContext({ locale: 'en-US', serviceWorkers: 'block' });
		try {
			await context.route(/maplibre-gl-worker[^/]*\.mjs$/, (route) =>
				route.fulfill({ status: 200, contentType: 'text/plain', body: 'not served as a script' })
			);
			const page = await context.newPage();
			await page.goto(site.server.url);
			const map = page.getByTestId('map');
			await page.waitForSelector('[data-testid="map"][aria-busy="false"]', { timeout: 90_000 });
			await expect(map.getAttribute('data-map-failed')).resolves.not.toBeNull();
			const alert = (await map.getByRole('alert').textContent()) ?? '';
			expect(alert).toContain('The map could not be loaded');
			expect(alert).toMatch(/maplibre-gl-worker[^ ]*\.mjs as "text\/plain"/);
			// The story is still there to read.
			await expect(page.locator('[data-flow-id]').count()).resolves.toBe(story.flows.length);
		} finally {
			await context.close();
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

	// Reloading offline after the first visit: tests/e2e/offline.test.ts, with the worker's other routes.

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
