import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { story } from '../../src/lib/story';
import { startSite, type Site } from '../support/site';
import { countWorkerMessages, settled, workerMessages, type MapWindow } from '../support/map';
import { syntheticStoryFile } from '../bench/synthetic';

/*
 * The map core's promises, counted rather than timed: what each reader action makes MapLibre's
 * worker do (loadData `LD` re-parses a source, reloadTile `RT` lays a tile out again), where the
 * camera stays, what the history holds, and that replaced stories are freed.
 */

let site: Site;
let dir: string;
beforeAll(async () => {
	site = await startSite();
	dir = mkdtempSync(join(tmpdir(), 'core-'));
});
afterAll(async () => {
	await site?.close();
});

async function openCounted(path = '') {
	const opened = await site.open({ locale: 'en-US', path, waitForMap: false });
	await countWorkerMessages(opened.page);
	// The counter is installed for the next document: load the page again with it in place.
	await opened.page.reload();
	await opened.page.waitForSelector('[data-testid="map"][aria-busy="false"]', { timeout: 60_000 });
	await settled(opened.page);
	return opened;
}

/** The worker messages one action causes, once the map has settled after it. */
async function messagesOf(page: Page, action: () => Promise<unknown>): Promise<{ LD: number; RT: number }> {
	const before = await workerMessages(page);
	await action();
	await settled(page);
	const after = await workerMessages(page);
	const diff = (type: string) => (after[type] ?? 0) - (before[type] ?? 0);
	return { LD: diff('LD'), RT: diff('RT') };
}

/** Where a lng/lat is on the page, in CSS pixels. */
function pagePoint(page: Page, lngLat: [number, number]) {
	return page.evaluate((ll) => {
		const map = (window as unknown as MapWindow).__map;
		const r = map.getCanvas().getBoundingClientRect();
		const p = map.project(ll);
		return { x: p.x + r.left, y: p.y + r.top };
	}, lngLat);
}

function cameraOf(page: Page) {
	return page.evaluate(() => {
		const map = (window as unknown as MapWindow).__map;
		const c = map.getCenter();
		return { lng: c.lng, lat: c.lat, zoom: map.getZoom() };
	});
}

describe('worker message budgets', () => {
	it('hover, selection, certainty and language re-load nothing; toggles and dates re-parse nothing', async () => {
		const { page, log } = await openCounted();
		const flow = story.flows.find((f) => f.kind === 'arms')!;
		const item = page.locator(`[data-flow-id="${flow.id}"]`);

		expect(await messagesOf(page, () => item.hover()), 'hover (list)').toEqual({ LD: 0, RT: 0 });
		expect(await messagesOf(page, () => page.mouse.move(1, 1)), 'hover out').toEqual({ LD: 0, RT: 0 });
		// Hovering a flow on the map itself: the train's line in North Korea.
		const train = story.flows.find((f) => (f.via?.length ?? 0) > 3)!;
		const onTrain = await pagePoint(page, train.via![Math.floor(train.via!.length / 2)]!);
		expect(await messagesOf(page, () => page.mouse.move(onTrain.x, onTrain.y)), 'hover (map)').toEqual({
			LD: 0,
			RT: 0
		});
		expect(await messagesOf(page, () => item.click()), 'select').toEqual({ LD: 0, RT: 0 });
		await expect.poll(() => page.getByTestId('details').count()).toBe(1);
		const close = page.getByTestId('details').getByRole('button', { name: 'Close' });
		expect(await messagesOf(page, () => close.click()), 'deselect').toEqual({ LD: 0, RT: 0 });
		const reported = page.getByRole('radio', { name: 'reported only' });
		expect(await messagesOf(page, () => reported.check()), 'certainty').toEqual({ LD: 0, RT: 0 });
		const all = page.getByRole('radio', { name: 'also possible' });
		expect(await messagesOf(page, () => all.check()), 'certainty back').toEqual({ LD: 0, RT: 0 });

		// The budget allows tile re-layout here; feature state needs none.
		const arms = page.locator('input[name="kind"][value="arms"]');
		expect(await messagesOf(page, () => arms.uncheck()), 'kind toggle').toEqual({ LD: 0, RT: 0 });
		const slider = page.getByTestId('timeline').locator('input[type="range"]');
		// A date that changes which areas are drawn lays out the area tiles again (their layers'
		// filter names the areas left out, four small shapes); the flows are feature state.
		const date = await messagesOf(page, () => slider.fill('2'));
		expect(date.LD, 'date').toBe(0);
		expect(date.RT, 'date: only the areas and their names are laid out again').toBeLessThanOrEqual(6);

		// A new text field must be shaped again, so the three label sources' tiles are laid out
		// anew (about six tiles at the opening zoom); no source is parsed again. A label layer per
		// language, switched by opacity, would avoid it, but hidden labels still take part in
		// MapLibre's collision detection and would push the shown ones away.
		const language = await messagesOf(page, () =>
			page.getByRole('button', { name: 'Auf Deutsch umschalten' }).click()
		);
		expect(language.LD, 'language: no source is parsed again').toBe(0);
		expect(log.errors).toEqual([]);
	});

	it('opening a story file parses each changed source once, and only those', async () => {
		const { page } = await openCounted();
		const path = join(dir, 'replacement.json');
		writeFileSync(path, syntheticStoryFile({ flows: 60 }).json);
		const counts = await messagesOf(page, async () => {
			await page.getByRole('button', { name: 'Open story' }).click();
			await page.getByTestId('story-file').setInputFiles(path);
			await expect.poll(() => page.getByTestId('story-status').textContent()).toContain('Loaded');
			await page.keyboard.press('Escape');
			await page.waitForFunction(
				() => (window as unknown as MapWindow).__map.querySourceFeatures('flows').length > 0
			);
		});
		// Flows, places, areas and their labels changed, and the country names: the built-in story
		// moves them into its frame, this file does not. The other three basemap sources did not.
		expect(counts.LD).toBe(5);
	});
});

describe('camera by command', () => {
	it('stays where the reader moved it when a toggle changes the legend (no re-fit)', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		const flow = story.flows.find((f) => f.kind === 'arms')!;
		await page.locator(`[data-flow-id="${flow.id}"]`).click();
		await settled(page);
		await page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ center: [140, 35], zoom: 5 }));
		await settled(page);
		await page.getByRole('button', { name: 'None' }).click();
		await settled(page);
		// The legend shrank (so the fit padding changed); the camera must not jump back.
		await expect(page.getByTestId('legend').textContent()).resolves.toContain('No flows visible');
		const camera = await cameraOf(page);
		expect(camera.lng).toBeCloseTo(140, 3);
		expect(camera.lat).toBeCloseTo(35, 3);
		expect(camera.zoom).toBeCloseTo(5, 3);
	});
});

describe('URL and history', () => {
	it('pushes one entry per reader action, rewrites for the camera and a drag, and restores on back', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		await settled(page);
		const length = () => page.evaluate(() => history.length);
		const search = () => page.evaluate(() => location.search);
		// A shared link always says its language.
		await expect.poll(search).toContain('lang=en');
		const start = await length();

		await page.locator('input[name="kind"][value="food"]').uncheck();
		await expect.poll(search).toContain('kinds=');
		expect(await length()).toBe(start + 1);

		// Panning rewrites the entry.
		await page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ center: [130, 40], zoom: 4 }));
		await expect.poll(search).toContain('map=4/40/130');
		expect(await length()).toBe(start + 1);

		// Dragging the timeline across several dates is one action.
		const slider = page.getByTestId('timeline').locator('input[type="range"]');
		// The side panel scrolls: the mouse can only drag what is on screen.
		await slider.scrollIntoViewIfNeeded();
		const box = (await slider.boundingBox())!;
		const y = box.y + box.height / 2;
		await page.mouse.move(box.x + box.width - 4, y);
		await page.mouse.down();
		for (let i = 1; i <= 6; i++) await page.mouse.move(box.x + box.width * (1 - i / 7), y, { steps: 2 });
		await page.mouse.up();
		await expect.poll(search).toContain('until=');
		expect(await length()).toBe(start + 2);
		const dragged = await search();

		await page.goBack();
		await expect.poll(search).not.toContain('until=');
		expect(await search()).toContain('kinds=');
		await expect(page.locator('input[name="kind"][value="food"]').isChecked()).resolves.toBe(false);
		await page.goBack();
		await expect.poll(search).not.toContain('kinds=');
		await expect(page.locator('input[name="kind"][value="food"]').isChecked()).resolves.toBe(true);
		await page.goForward();
		await page.goForward();
		await expect.poll(search).toBe(dragged);
	});
});

describe('data lifetime', () => {
	it('frees a replaced story: the heap after 16 story loads is within 10% of after 2', async () => {
		const { page, context } = await site.open({ locale: 'en-US' });
		const cdp = await context.newCDPSession(page);
		const heap = async () => {
			await cdp.send('HeapProfiler.collectGarbage');
			await cdp.send('HeapProfiler.collectGarbage');
			return (await cdp.send('Runtime.getHeapUsage')).usedSize;
		};
		// Two stories, alternated, so every load really replaces the data; a file name per load,
		// so the status line tells each load apart. Sixteen loads: thirty until the dark-mode and
		// house-style tests needed their CI time.
		const json = [0, 1].map((i) => syntheticStoryFile({ flows: 2500, seed: 7 + i }).json);
		await page.getByRole('button', { name: 'Open story' }).click();
		let sizeAfter2 = 0;
		for (let i = 1; i <= 16; i++) {
			const path = join(dir, `load-${i}.json`);
			writeFileSync(path, json[i % 2]!);
			await page.getByTestId('story-file').setInputFiles(path);
			await expect
				.poll(() => page.getByTestId('story-status').textContent(), { timeout: 30_000 })
				.toContain(`load-${i}.json`);
			if (i === 2 || i === 16) {
				await settled(page);
				const size = await heap();
				if (i === 2) sizeAfter2 = size;
				else expect(size / sizeAfter2, `heap ${size} after 16 vs ${sizeAfter2} after 2`).toBeLessThan(1.1);
			}
		}
	}, 240_000);
});
