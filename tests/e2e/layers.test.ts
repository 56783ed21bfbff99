import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { FLOW_KINDS, story } from '../../src/lib/story';
import { startSite, type Site } from '../support/site';
import { waitForMap } from '../support/browser';
import { drawnLaneIds, lanesOf, settled, type MapWindow } from '../support/map';

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** The map as a reader sees it, in pixels: above the legend, whose own entries change too. */
async function mapShot(page: Page): Promise<PNG> {
	const box = (await page.getByTestId('map').boundingBox())!;
	const legend = (await page.getByTestId('legend').boundingBox())!;
	return PNG.sync.read(await page.screenshot({ clip: { ...box, height: legend.y - box.y - 12 } }));
}

/** How many pixels differ visibly between two shots of the same size. */
function changedPixels(a: PNG, b: PNG): number {
	let n = 0;
	for (let i = 0; i < a.data.length; i += 4) {
		const d =
			Math.abs(a.data[i]! - b.data[i]!) +
			Math.abs(a.data[i + 1]! - b.data[i + 1]!) +
			Math.abs(a.data[i + 2]! - b.data[i + 2]!);
		if (d > 24) n++;
	}
	return n;
}

describe('layer panel and legend', () => {
	it('toggles each kind on the map (filter and pixels) and in the legend', async () => {
		const { page, log } = await site.open({ locale: 'en-US' });
		await settled(page);
		const all = await drawnLaneIds(page);
		expect(all).toEqual(lanesOf(story.flows));

		// Pixels, not only data: hiding a kind visibly changes the map, showing it again restores it.
		// (By difference, since possible flows are drawn pale, not in their kind's full colour.)
		const before = await mapShot(page);
		for (const kind of FLOW_KINDS) {
			const ids = story.flows.filter((f) => f.kind === kind).map((f) => f.id);
			const box = page.locator(`input[name="kind"][value="${kind}"]`);
			await box.uncheck();
			await settled(page);
			const drawn = await drawnLaneIds(page);
			expect(drawn).toEqual(lanesOf(story.flows.filter((f) => f.kind !== kind)));
			const gone = changedPixels(before, await mapShot(page));
			expect(gone, `${kind}: pixels that change when it is hidden`).toBeGreaterThan(20);
			await expect(page.locator(`[data-testid="legend"] [data-kind="${kind}"]`).count()).resolves.toBe(0);

			await box.check();
			await settled(page);
			expect(await drawnLaneIds(page)).toEqual(all);
			expect(changedPixels(before, await mapShot(page)), `${kind}: back as before`).toBeLessThan(
				Math.max(10, gone * 0.05)
			);
			await expect(
				page.locator(`[data-testid="legend"] [data-kind="${kind}"]`).textContent()
			).resolves.toContain(String(ids.length));
		}
		expect(log.errors).toEqual([]);
	});

	it('"none" empties map and legend; a hidden flow cannot be clicked', async () => {
		// Zoomed in on the train route in North Korea, away from places and areas.
		const { page } = await site.open({ locale: 'en-US', path: '?map=7/40.2/128.5' });
		await page.getByRole('button', { name: 'None' }).click();
		await settled(page);
		expect(await drawnLaneIds(page)).toEqual([]);
		await expect(page.getByTestId('legend').textContent()).resolves.toContain('No flows visible');
		// Click where the train route runs: nothing is selected.
		const p = await page.evaluate(() => {
			const map = (window as unknown as MapWindow).__map;
			const r = map.getCanvas().getBoundingClientRect();
			const q = map.project([128.33, 40.2]);
			return { x: q.x + r.left, y: q.y + r.top };
		});
		await page.mouse.click(p.x, p.y);
		// Nothing was selected: the state says so, not only the missing panel.
		await expect(page.evaluate(() => new URLSearchParams(location.search).get('sel'))).resolves.toBeNull();
		await expect(page.getByTestId('details').count()).resolves.toBe(0);
		await page.getByRole('button', { name: 'All' }).click();
		await settled(page);
		const train = story.flows.find((f) => f.via && f.via.length > 3)!;
		expect(await drawnLaneIds(page)).toEqual(expect.arrayContaining(lanesOf([train])));
	});

	it('filters by certainty: only reported, then also claimed', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		await page.getByRole('radio', { name: 'reported only' }).check();
		await settled(page);
		const reported = story.flows.filter((f) => f.certainty === 'reported');
		expect(await drawnLaneIds(page)).toEqual(lanesOf(reported));
		await expect(page.locator('[data-testid="legend"] [data-certainty]').count()).resolves.toBe(1);
		await page.getByRole('radio', { name: 'also claimed' }).check();
		await settled(page);
		const claimed = story.flows.filter((f) => f.certainty !== 'possible');
		expect(await drawnLaneIds(page)).toEqual(lanesOf(claimed));
	});

	it('hides basemap layers with their checkboxes', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		for (const [name, layer] of [
			['showBorders', 'borders'],
			['showPatrolWaters', 'patrol-waters-fill'],
			['showRegions', 'regions-fill'],
			['showLabels', 'country-labels']
		] as const) {
			await page.locator(`input[name="${name}"]`).uncheck();
			await settled(page);
			const visibility = await page.evaluate(
				(id) => (window as unknown as MapWindow).__map.getLayoutProperty(id, 'visibility'),
				layer
			);
			expect(visibility, layer).toBe('none');
		}
	});

	it('keys every symbol on the map: capitals, other places and the areas switched on', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		const legend = page.getByTestId('legend');
		await expect(legend.locator('[data-symbol="capital"]').textContent()).resolves.toContain('capital');
		await expect(legend.locator('[data-symbol="place"]').textContent()).resolves.toContain('other place');
		await expect(legend.locator('[data-symbol="arrow"]').textContent()).resolves.toContain('direction');
		await expect(legend.locator('[data-area-kind="patrol-waters"]').textContent()).resolves.toContain(
			'Planned patrol area'
		);
		await expect(legend.locator('[data-area-kind="recognised-region"]').textContent()).resolves.toContain(
			'Recognised by North Korea as Russian'
		);
		// An area switched off leaves the key with it.
		await page.locator('input[name="showPatrolWaters"]').uncheck();
		await expect(legend.locator('[data-area-kind="patrol-waters"]').count()).resolves.toBe(0);
		await expect(legend.locator('[data-area-kind="recognised-region"]').count()).resolves.toBe(1);
	});

	it('drives the timeline: July shows the Shoigu visit, not the August delegation, nothing undated', async () => {
		const { page } = await site.open({ locale: 'en-US', path: '?until=2023-07' });
		await settled(page);
		const drawn = await drawnLaneIds(page);
		const august = story.flows.filter((f) => f.when.start?.startsWith('2023-08'));
		const july = story.flows.filter((f) => f.when.start?.startsWith('2023-07'));
		expect(august.length).toBeGreaterThan(0);
		// Exactly what had begun by the end of July: dated flows only, not August's delegation.
		const byJuly = story.flows.filter((f) => f.when.start !== undefined && f.when.start < '2023-08');
		expect(drawn).toEqual(lanesOf(byJuly));
		expect(drawn).toEqual(expect.arrayContaining(lanesOf(july)));
		const augustOnly = lanesOf(august).filter((id) => !lanesOf(byJuly).includes(id));
		expect(augustOnly.length).toBeGreaterThan(0);
		for (const id of augustOnly) expect(drawn).not.toContain(id);
		const undated = story.flows.filter((f) => f.when.precision === 'undated');
		for (const id of lanesOf(undated).filter((l) => !lanesOf(byJuly).includes(l)))
			expect(drawn).not.toContain(id);
		// Areas obey time too: the patrol waters (6 September) and the undated regions are not drawn.
		const areasDrawn = () =>
			page.evaluate(() =>
				[
					...new Set(
						(window as unknown as MapWindow).__map
							.queryRenderedFeatures({ layers: ['patrol-waters-fill', 'regions-fill'] })
							.map((f) => String(f.properties.id))
					)
				].sort()
			);
		expect(await areasDrawn()).toEqual([]);
		await expect(
			page.getByTestId('legend').locator('[data-area-kind="patrol-waters"]').count(),
			'the legend keys only what is drawn'
		).resolves.toBe(0);

		const timeline = page.getByTestId('timeline');
		const slider = timeline.locator('input[type="range"]');
		await slider.focus();
		await page.keyboard.press('End');
		await settled(page);
		expect(await drawnLaneIds(page)).toEqual(lanesOf(story.flows));
		expect(new URL(page.url()).searchParams.get('until')).toBeNull();
		await expect(timeline.locator('.state').textContent()).resolves.toBe('All dates, undated included');
		expect(await areasDrawn()).toContain('patrol-waters');
		// One step back is the last date: 12 September, Kim's train, and still nothing undated.
		await page.keyboard.press('ArrowLeft');
		await settled(page);
		expect(new URL(page.url()).searchParams.get('until')).toBe('2023-09-12');
		await expect(timeline.locator('.state').textContent()).resolves.toBe('Up to 12 September 2023');
		const dated = story.flows.filter((f) => f.when.precision !== 'undated');
		expect(await drawnLaneIds(page)).toEqual(lanesOf(dated));
		await page.keyboard.press('ArrowLeft');
		await settled(page);
		expect(new URL(page.url()).searchParams.get('until')).toBe('2023-09-06');
		expect(await areasDrawn()).toEqual(['patrol-waters']);
		expect(await drawnLaneIds(page)).toEqual(
			lanesOf(dated.filter((f) => f.id !== 'kim-train-to-vladivostok'))
		);
		await page.keyboard.press('Home');
		await settled(page);
		expect(new URL(page.url()).searchParams.get('until')).toBe('2022-02');
		await page.getByRole('button', { name: 'Play' }).click();
		await page.waitForFunction(
			() => new URL(location.href).searchParams.get('until') === '2023-07-25',
			null,
			{
				timeout: 15_000
			}
		);
	});
});

describe('state in the URL', () => {
	it('restores a URL with every field set, and back/forward step through choices', async () => {
		const path =
			'?lang=en&map=4.5/42.1/129.3/0&kinds=visit,arms&cert=claimed&month=2023-08&layers=patrol,labels&sel=pyongyang';
		const { page, log } = await site.open({ path, locale: 'de-DE' });
		await settled(page);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
		const camera = await page.evaluate(() => {
			const map = (window as unknown as MapWindow).__map;
			return { zoom: map.getZoom(), center: map.getCenter().toArray(), bearing: map.getBearing() };
		});
		expect(camera.zoom).toBeCloseTo(4.5, 2);
		expect(camera.center[0]).toBeCloseTo(129.3, 2);
		expect(camera.center[1]).toBeCloseTo(42.1, 2);
		await expect(page.locator('input[name="kind"]:checked').count()).resolves.toBe(2);
		await expect(page.getByRole('radio', { name: 'also claimed' }).isChecked()).resolves.toBe(true);
		await expect(page.locator('input[name="showBorders"]').isChecked()).resolves.toBe(false);
		await expect(page.locator('input[name="showPatrolWaters"]').isChecked()).resolves.toBe(true);
		await expect(page.getByTestId('details').locator('h2').textContent()).resolves.toBe('Pyongyang');
		const drawn = await drawnLaneIds(page);
		const expected = story.flows.filter(
			(f) =>
				['visit', 'arms'].includes(f.kind) &&
				f.certainty !== 'possible' &&
				f.when.start !== undefined &&
				f.when.start.slice(0, 7) <= '2023-08'
		);
		expect(drawn).toEqual(lanesOf(expected));
		// The URL is written back in its canonical form, with every field kept.
		const params = new URL(page.url()).searchParams;
		expect(params.get('kinds')).toBe('visit,arms');
		// An older link's `month=` is written back as `until=`.
		expect(params.get('until')).toBe('2023-08');
		expect(params.has('month')).toBe(false);
		expect(params.get('sel')).toBe('pyongyang');

		await page.locator('input[name="kind"][value="food"]').check();
		await page.waitForFunction(() => location.search.includes('food'));
		await page.goBack();
		await page.waitForFunction(() => !location.search.includes('food'));
		await expect(page.locator('input[name="kind"][value="food"]').isChecked()).resolves.toBe(false);
		await page.goForward();
		await page.waitForFunction(() => location.search.includes('food'));
		await expect(page.locator('input[name="kind"][value="food"]').isChecked()).resolves.toBe(true);
		expect(log.errors).toEqual([]);
	});

	it('ignores malformed values one by one, never throwing', async () => {
		// Thousands of random URLs go through the parser in the unit tests; here a few real
		// page loads check that the page as a whole shrugs them off.
		const bad = [
			'?lang=xx&map=NaN/1/2&cert=reported&month=2023-13&layers=foo&sel=%3Cscript%3E&kinds=arms',
			`?__proto__=x&constructor=y&kinds=arms&month=%E0%A4%A&map=99/99/999/9999&sel=${'a'.repeat(5000)}`
		];
		for (const path of bad) {
			const { page, log } = await site.open({ path, locale: 'en-US' });
			await waitForMap(page);
			expect(log.errors, path.slice(0, 80)).toEqual([]);
			if (path.includes('kinds=arms')) {
				await expect(page.locator('input[name="kind"]:checked').count(), path.slice(0, 80)).resolves.toBe(1);
			}
			if (path.includes('cert=reported')) {
				await expect(page.getByRole('radio', { name: 'reported only' }).isChecked()).resolves.toBe(true);
			}
			await page.context().close();
		}
	});
});
