import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FLOW_KINDS, story } from '../../src/lib/story';
import { startSite, type Site } from '../support/site';

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const sourceName = (id: string, lang: 'de' | 'en') => story.sources.find((s) => s.id === id)!.name[lang];

/** Screen point a third of the way along a flow's drawn line, read from the rendered map. */
async function pointOnFlow(page: Page, id: string): Promise<{ x: number; y: number } | null> {
	return page.evaluate((flowId) => {
		const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
		const rect = map.getCanvas().getBoundingClientRect();
		// The flow's lane (a routed flow has one of its own).
		const feature = map
			.querySourceFeatures('flows')
			.find((f) => String(f.properties.lane).endsWith(`/${flowId}`));
		if (!feature || feature.geometry.type !== 'LineString') return null;
		const coords = feature.geometry.coordinates;
		// The vertex nearest the screen centre, so the click lands inside the view.
		const centre = map.getCenter();
		const c = (coords as [number, number][]).reduce((best, p) =>
			Math.hypot(p[0] - centre.lng, p[1] - centre.lat) <
			Math.hypot(best[0] - centre.lng, best[1] - centre.lat)
				? p
				: best
		);
		const p = map.project(c);
		return { x: p.x + rect.left, y: p.y + rect.top };
	}, id);
}

describe('the story on the map', () => {
	it('opens the details of a flow of every kind from the list, with its source', async () => {
		const { page, log } = await site.open({ locale: 'en-US' });
		for (const kind of FLOW_KINDS) {
			const flow = story.flows.find((f) => f.kind === kind)!;
			await page.locator(`[data-flow-id="${flow.id}"]`).click();
			const details = page.getByTestId('details');
			await expect(details.locator('h2').textContent()).resolves.toBe(flow.label.en);
			const text = (await details.textContent()) ?? '';
			for (const evidence of flow.evidence) {
				expect(text, `${flow.id}: source`).toContain(sourceName(evidence.source, 'en'));
				// Public record has no place in the article; everything else names its paragraph.
				if (evidence.paragraph !== undefined)
					expect(text, `${flow.id}: paragraph`).toContain(
						`${story.article.publisher}, paragraph ${evidence.paragraph}`
					);
				if (evidence.quote) expect(text, `${flow.id}: key phrase`).toContain(evidence.quote);
			}
			expect(text).toMatch(/reported|claimed|possible/);
			// The selection is in the URL, so the view can be shared.
			expect(new URL(page.url()).searchParams.get('sel')).toBe(flow.id);
		}
		expect(log.errors).toEqual([]);
		expect(log.consoleErrors).toEqual([]);
	});

	it('selects a flow by clicking its line on the map', async () => {
		// Zoomed in on the east coast of North Korea, where only the train route runs.
		const { page } = await site.open({ locale: 'de-DE', path: '?map=7/40.6/129' });
		// The train trip follows its own route: a click on it must find that flow.
		const train = story.flows.find((f) => f.via && f.via.length > 3)!;
		const p = await pointOnFlow(page, train.id);
		expect(p).not.toBeNull();
		await page.mouse.click(p!.x, p!.y);
		await expect(page.getByTestId('details').locator('h2').textContent()).resolves.toBe(train.label.de);
	});

	it('reaches the same details by keyboard', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		const first = story.flows[0]!;
		await page.locator(`[data-flow-id="${first.id}"]`).focus();
		await page.keyboard.press('Enter');
		await expect(page.getByTestId('details').locator('h2').textContent()).resolves.toBe(first.label.en);
	});

	it('lists the flows of a place and the submarine event, and explains the patrol waters', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		await page.locator('[data-place-id="pyongyang"]').click();
		const details = page.getByTestId('details');
		const pyongyangFlows = story.flows.filter((f) => f.from === 'pyongyang' || f.to === 'pyongyang');
		// Wait for the panel to show the place: poll, do not sample.
		await expect
			.poll(() => details.locator('.links button').count())
			.toBeGreaterThanOrEqual(pyongyangFlows.length);

		await page.locator('[data-area-id="patrol-waters"]').click();
		const areaText = (await details.textContent()) ?? '';
		expect(areaText).toContain('East Sea');
		const sub = story.events.find((e) => /Kim Kun Ok/.test(e.summary.en + e.title.en))!;
		await page.locator(`[data-event-id="${sub.id}"]`).click();
		expect((await details.textContent()) ?? '').toContain('Hero Kim Kun Ok');
	});

	it('switches every text to English and back', async () => {
		const { page } = await site.open({ locale: 'de-DE' });
		await expect(page.locator('h1').textContent()).resolves.toBe(story.title.de);
		await page.getByRole('button', { name: 'Switch to English' }).click();
		await expect(page.locator('h1').textContent()).resolves.toBe(story.title.en);
		// The map's labels follow: the style now names places from their English name.
		await page.waitForFunction(() => {
			const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
			return JSON.stringify(map.getLayoutProperty('places-label', 'text-field')).includes('name_en');
		});
	});
});
