import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, type Site } from '../support/site';
import { settled, type MapWindow } from '../support/map';
import { overlaps, placedLabels, type PlacedLabel } from '../support/labels';
import { FLOW_LINE_LAYERS } from '../../src/lib/map/layers';
import { story } from '../../src/lib/story';

/*
 * The opening view, checked against what MapLibre itself placed (its collision index): every story
 * place and story country is named, no place name covers another label or a city's dot, and no
 * flow runs through a place's name. The train and the long cable are named too.
 */

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** The dots of the story's places, in the map's CSS px (radius plus stroke, as layers.ts draws them). */
async function placeDots(page: Page) {
	return page.evaluate(
		(places) => {
			const map = (window as unknown as MapWindow).__map;
			return places.map(({ id, coord, capital }) => {
				const p = map.project(coord as [number, number]);
				const r = (capital ? 5.5 : 4) + 2;
				return { id, box: { x1: p.x - r, y1: p.y - r, x2: p.x + r, y2: p.y + r } };
			});
		},
		story.places.map((p) => ({ id: p.id, coord: p.coord, capital: p.role === 'capital' }))
	);
}

/** Shown flow lanes that pass through a box (MapLibre's own hit test, with offsets and widths). */
async function flowsThrough(page: Page, box: PlacedLabel['box']): Promise<string[]> {
	return page.evaluate(
		({ box, layers }) => {
			const map = (window as unknown as MapWindow).__map;
			return map
				.queryRenderedFeatures(
					[
						[box.x1, box.y1],
						[box.x2, box.y2]
					],
					{ layers }
				)
				.filter((f) => !f.state?.hidden)
				.map((f) => String(f.properties.id));
		},
		{ box, layers: FLOW_LINE_LAYERS }
	);
}

const SIZES = [
	{ name: 'desktop 1280x800', width: 1280, height: 800 },
	{ name: 'phone 390x844', width: 390, height: 844 }
];

describe.each(SIZES)('the opening view on a $name', ({ width, height }) => {
	for (const lang of ['en', 'de'] as const) {
		it(`names every story place and country, and the train with its date (${lang})`, async () => {
			const { page } = await site.open({
				viewport: { width, height },
				path: `?lang=${lang}`,
				locale: lang === 'de' ? 'de-DE' : 'en-US'
			});
			await settled(page);
			const labels = await placedLabels(page);
			const inView = (l: PlacedLabel) => l.box.x1 >= 0 && l.box.y1 >= 0 && l.box.x2 <= width;
			const names = (layer: string) =>
				labels.filter((l) => l.layer === layer && inView(l)).map((l) => l.text);

			// Places in the frame by their own names; a place beyond it (Moscow) by the name of the
			// cable that leads there, in view.
			const dots = await placeDots(page);
			const inFrame = (id: string) => {
				const d = dots.find((x) => x.id === id)!.box;
				return d.x1 >= 0 && d.x2 <= width && d.y1 >= 0 && d.y2 <= height;
			};
			const within = story.places.filter((p) => inFrame(p.id));
			const beyond = story.places.filter((p) => !inFrame(p.id));
			expect(within.length).toBeGreaterThanOrEqual(4);
			expect(names('places-label').sort()).toEqual(within.map((p) => p.name[lang]).sort());
			const cables = names('flow-labels-cable');
			for (const place of beyond) {
				expect(
					cables.some((c) => c.includes(place.name[lang]) && / km$/.test(c)),
					`${place.id} named on a cable`
				).toBe(true);
			}
			const countries = { de: ['Nordkorea', 'Russland', 'China'], en: ['North Korea', 'Russia', 'China'] }[
				lang
			];
			expect(names('story-country-labels').sort()).toEqual([...countries].sort());
			const train = names('flow-labels-route');
			expect(train).toHaveLength(1);
			expect(train[0]).toMatch(
				lang === 'de' ? /Panzerzug\n12\. September 2023/ : /armoured train\n12 September 2023/
			);
			expect(train[0]).toMatch(lang === 'de' ? /öffentlich dokumentiert/ : /public record/);
		});
	}

	it('keeps place names off other labels, off city dots and free of flow lines', async () => {
		const { page } = await site.open({ viewport: { width, height }, path: '?lang=en', locale: 'en-US' });
		await settled(page);
		const labels = (await placedLabels(page)).filter((l) => l.layer !== 'places-keepout');
		const dots = await placeDots(page);
		const placeLabels = labels.filter((l) => l.layer === 'places-label');
		expect(placeLabels.length).toBeGreaterThanOrEqual(4);
		for (const label of placeLabels) {
			const own = story.places.find((p) => p.name.en === label.text)!;
			for (const other of labels) {
				if (other === label) continue;
				expect(overlaps(label.box, other.box), `"${label.text}" overlaps "${other.text}"`).toBe(false);
			}
			for (const dot of dots) {
				if (dot.id === own.id) continue;
				expect(overlaps(label.box, dot.box), `"${label.text}" covers the dot of ${dot.id}`).toBe(false);
			}
			expect(await flowsThrough(page, label.box), `lines through "${label.text}"`).toEqual([]);
		}
	});
});
