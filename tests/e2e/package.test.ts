import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { story as builtIn, type Story } from '../../src/lib/story';
import { startSite, type Site } from '../support/site';
import { settled, type MapWindow } from '../support/map';

/*
 * A story is a package of data: a file opened from disk brings its own title, deck, credits,
 * frame and file names, and leaves nothing of the built-in story behind; Save story writes the
 * story on the map as a file that opens the identical map again.
 */

let site: Site;
const dir = mkdtempSync(join(tmpdir(), 'nk-package-'));
const sample = JSON.parse(
	readFileSync(new URL('../../static/samples/kim-trip-2023.json', import.meta.url), 'utf8')
) as Story;

beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

async function openStory(page: Page, path: string): Promise<void> {
	if (!(await page.getByTestId('story-loader').isVisible()))
		await page.getByRole('button', { name: 'Open story' }).click();
	await page.getByTestId('story-file').setInputFiles(path);
	await expect.poll(() => page.getByTestId('story-status').textContent()).toContain('Loaded');
	await page.keyboard.press('Escape');
}

async function saveStory(page: Page): Promise<string> {
	if (!(await page.getByTestId('story-loader').isVisible()))
		await page.getByRole('button', { name: 'Open story' }).click();
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 60_000 }),
		page.getByTestId('save-story').click()
	]);
	const path = join(dir, download.suggestedFilename());
	await download.saveAs(path);
	await page.keyboard.press('Escape');
	return path;
}

/** Place ids in the map's own places source: what the map really draws. */
/** Every place the map holds: read at world zoom, where every place's tile is loaded. */
async function placesOnMap(page: Page): Promise<string[]> {
	await page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ center: [80, 45], zoom: 1.2 }));
	await settled(page);
	return page.evaluate(() =>
		[
			...new Set(
				(window as unknown as MapWindow).__map
					.querySourceFeatures('places')
					.map((f) => String(f.properties.id))
			)
		].sort()
	);
}

describe('a story is a package', () => {
	it('opens the second sample with its own title, deck, credits, frame and file names, and no trace of the built-in story', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		const samplePath = join(dir, 'kim-trip-2023.json');
		writeFileSync(samplePath, JSON.stringify(sample));
		await openStory(page, samplePath);

		await expect(page.locator('h1').textContent()).resolves.toBe(sample.title.en);
		await expect(page.locator('.titles p').textContent()).resolves.toBe(sample.presentation!.deck!.en);
		await expect(page.getByTestId('credits').textContent()).resolves.toContain(sample.article.publisher);
		await expect(page.getByTestId('map').getAttribute('aria-label')).resolves.toBe(
			sample.presentation!.mapLabel!.en
		);

		// Its frame: the map moved to the Far East and shows all of the journey's places.
		await page.waitForFunction(
			(ids) => {
				const map = (window as unknown as MapWindow).__map;
				const have = new Set(map.querySourceFeatures('places').map((f) => String(f.properties.id)));
				return ids.every((id) => have.has(id));
			},
			sample.places.map((p) => p.id)
		);
		await settled(page);
		const view = await page.evaluate(
			(coords) => {
				const map = (window as unknown as MapWindow).__map;
				const b = map.getBounds();
				return {
					inView: coords.map((c) => b.contains(c)),
					west: b.getWest(),
					moscow: b.contains([37.6, 55.8])
				};
			},
			sample.places.map((p) => p.coord)
		);
		expect(view.inView.every(Boolean)).toBe(true);
		expect(view.moscow).toBe(false);
		expect(await placesOnMap(page)).toEqual(sample.places.map((p) => p.id).sort());

		// Its file names.
		await page.getByRole('button', { name: 'Export', exact: true }).click();
		await expect(page.getByTestId('export-filename').textContent()).resolves.toMatch(/^kim-trip-2023_/);
		await page.keyboard.press('Escape');

		// Nothing of the built-in story: not its publisher, title, deck, places or claims.
		const text = (await page.locator('body').textContent()) ?? '';
		for (const trace of [
			'ZDFheute',
			builtIn.title.en,
			builtIn.presentation!.deck!.en,
			'Moscow',
			'Beijing',
			"Shoigu's visit"
		])
			expect(text, trace).not.toContain(trace);
	});

	it('refuses an area whose shape does not ship with the map, naming it, and keeps the map', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		const path = join(dir, 'unknown-area.json');
		writeFileSync(path, JSON.stringify({ ...builtIn, areas: [{ ...builtIn.areas[0]!, id: 'atlantis' }] }));
		await page.getByRole('button', { name: 'Open story' }).click();
		await page.getByTestId('story-file').setInputFiles(path);
		await expect
			.poll(() => page.getByTestId('story-errors').textContent())
			.toContain('areas[0].id: no shape "atlantis" ships with the map');
		await page.keyboard.press('Escape');
		await expect(page.locator('h1').textContent()).resolves.toBe(builtIn.title.en);
	});

	it('saves the story on the map as a file that opens the identical map again', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		const first = await saveStory(page);
		expect(first.endsWith('nk-russia-flows.story.json')).toBe(true);
		const saved = readFileSync(first, 'utf8');
		expect(JSON.parse(saved)).toEqual(builtIn);

		// Open the saved file (as a whole story) and save again: byte for byte the same file.
		await openStory(page, first);
		await settled(page);
		expect(await placesOnMap(page)).toEqual(builtIn.places.map((p) => p.id).sort());
		await expect(page.locator('[data-flow-id]').count()).resolves.toBe(builtIn.flows.length);
		const second = await saveStory(page);
		expect(readFileSync(second, 'utf8')).toBe(saved);

		// The same for a story opened from a file: the sample comes back exactly.
		const samplePath = join(dir, 'sample-for-save.json');
		writeFileSync(samplePath, JSON.stringify(sample));
		await openStory(page, samplePath);
		const third = await saveStory(page);
		expect(third.endsWith('kim-trip-2023.story.json')).toBe(true);
		expect(JSON.parse(readFileSync(third, 'utf8'))).toEqual(sample);
	});
});
