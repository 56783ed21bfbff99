import { describe, expect, it } from 'vitest';
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { passesVisibility } from '../../src/lib/state/visibility';
import { buildStyle, type StyleData, type StyleMode } from '../../src/lib/map/style';
import { buildLayers, liveLayerView } from '../../src/lib/map/layers';
import { buildSources } from '../../src/lib/map/sources';
import { diffLayers, diffSources } from '../../src/lib/map/styleDiff';
import { DARK } from '../../src/lib/map/theme';
import type { ViewSnapshot } from '../../src/lib/state/view.svelte';
import { DEFAULT_VIEW } from '../support/views';
import { presentationOf, story } from '../../src/lib/story';

const look = presentationOf(story);

const data: StyleData = {
	countries: 'app-data://countries/1',
	countryLabels: 'app-data://country-labels/2',
	land: 'app-data://land/3',
	borders: 'app-data://borders/4',
	areas: 'app-data://areas/5',
	areaLabels: 'app-data://area-labels/6',
	flows: 'app-data://flows/7',
	places: 'app-data://places/8'
};

const view: ViewSnapshot = DEFAULT_VIEW;
const MODES: StyleMode[] = ['live', 'export'];

const ids = (style: ReturnType<typeof buildStyle>) => style.layers.map((l) => l.id);
const layer = (v: ViewSnapshot, mode: StyleMode, id: string) =>
	buildLayers(v, mode, look).find((l) => l.id === id)!;

describe('buildStyle', () => {
	it('is a valid MapLibre style for every combination a reader can make, live and exported', () => {
		const variants: ViewSnapshot[] = [
			view,
			{ ...view, lang: 'en', kinds: [], certainty: 'reported', until: '2023-07' },
			{ ...view, kinds: ['arms'], certainty: 'claimed', selectedId: 'x' },
			{ ...view, showPatrolWaters: false, showRegions: false, showBorders: false, showLabels: false }
		];
		for (const mode of MODES) {
			for (const v of variants) {
				const errors = validateStyleMin(buildStyle(v, data, mode, look));
				expect(errors.map((e) => e.message)).toEqual([]);
			}
		}
	});

	it('uses no glyph, font or tile server: every source is in-memory app data', () => {
		const style = buildStyle(view, data, 'live', look);
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		// Labels use the page's CSS fonts, so MapLibre downloads no font file of its own.
		expect(style['font-faces']).toBeUndefined();
		for (const source of Object.values(style.sources)) {
			expect(source.type).toBe('geojson');
			expect(String((source as { data: unknown }).data)).toMatch(/^app-data:\/\//);
		}
	});

	it('stacks layers so flows sit above the basemap and cities above flows', () => {
		const order = ids(buildStyle(view, data, 'live', look));
		const at = (id: string) => {
			const i = order.indexOf(id);
			expect(i, id).toBeGreaterThanOrEqual(0);
			return i;
		};
		expect(at('sea')).toBe(0);
		expect(at('land')).toBeLessThan(at('patrol-waters-fill'));
		expect(at('patrol-waters-fill')).toBeLessThan(at('coastline'));
		expect(at('coastline')).toBeLessThan(at('borders'));
		expect(at('borders')).toBeLessThan(at('country-labels'));
		expect(at('country-labels')).toBeLessThan(at('flows-casing'));
		expect(at('flows-casing')).toBeLessThan(at('flows-reported'));
		expect(at('flows-possible')).toBeLessThan(at('flows-arrows'));
		expect(at('flows-arrows')).toBeLessThan(at('places-circle'));
		expect(at('places-circle')).toBeLessThan(at('places-label'));
		// The invisible keep-out boxes over the dots are placed first, so names avoid dots.
		expect(at('places-keepout')).toBe(order.length - 1);
	});

	it('names places and countries in the UI language', () => {
		expect(JSON.stringify(layer(view, 'live', 'places-label').layout)).toContain('name_de');
		expect(JSON.stringify(layer({ ...view, lang: 'en' }, 'live', 'places-label').layout)).toContain(
			'name_en'
		);
	});

	it('hides switched-off basemap layers with visibility', () => {
		const v = { ...view, showBorders: false, showPatrolWaters: false };
		const layout = (id: string) => (layer(v, 'live', id).layout ?? {}) as Record<string, unknown>;
		expect(layout('borders').visibility).toBe('none');
		expect(layout('patrol-waters-fill').visibility).toBe('none');
		expect(layout('coastline').visibility).toBeUndefined();
	});

	it('gives story sources a feature id for feature state, and no source depends on the view', () => {
		const sources = buildSources(data);
		expect(sources.flows.promoteId).toBe('id');
		expect(sources.places.promoteId).toBe('id');
		expect(sources.areas.promoteId).toBe('id');
		expect(buildStyle({ ...view, kinds: [], lang: 'en' }, data, 'live', look).sources).toEqual(sources);
	});
});

describe('the live map changes as little as possible', () => {
	const live = (v: ViewSnapshot) => buildLayers(v, 'live', look);

	it('keeps the same layers in the same order whatever is toggled', () => {
		const none = { ...view, kinds: [], showBorders: false, showLabels: false, lang: 'en' as const };
		for (const mode of MODES) {
			expect(buildLayers(none, mode, look).map((l) => l.id)).toEqual(
				buildLayers(view, mode, look).map((l) => l.id)
			);
			expect(diffLayers(buildLayers(view, mode, look), buildLayers(none, mode, look))).not.toBeNull();
		}
	});

	it('turns dark by repainting: paint values only, no new style, no layout or filter change', () => {
		const changes = diffLayers(live(view), buildLayers(view, 'live', look, { palette: DARK }));
		expect(changes).not.toBeNull();
		expect(changes!.length).toBeGreaterThan(10);
		expect(changes!.filter((c) => c.kind !== 'paint')).toEqual([]);
		expect(JSON.stringify(changes)).toContain(DARK.sea);
	});

	it('changes no layer for kinds, certainty, date or selection: those are feature state', () => {
		const variants: ViewSnapshot[] = [
			{ ...view, kinds: ['arms'] },
			{ ...view, kinds: [] },
			{ ...view, certainty: 'reported' },
			{ ...view, until: '2023-07' },
			{ ...view, selectedId: 'kim-train' }
		];
		for (const v of variants) expect(diffLayers(live(view), live(v))).toEqual([]);
	});

	it('leaves out hidden areas by filter, in the area layers and their labels only', () => {
		const changed = diffLayers(
			buildLayers(view, 'live', look),
			buildLayers(view, 'live', look, { hiddenAreas: ['patrol-waters'] })
		)!;
		const ids = [...new Set(changed.map((c) => c.layer))].sort();
		expect(ids).toEqual(
			[
				'patrol-waters-fill',
				'patrol-waters-outline',
				'patrol-waters-label',
				'regions-fill',
				'regions-outline',
				'regions-label'
			].sort()
		);
		const fill = buildLayers(view, 'live', look, { hiddenAreas: ['patrol-waters'] }).find(
			(l) => l.id === 'patrol-waters-fill'
		)!;
		const filter = featureFilter((fill as { filter: unknown }).filter as never, 'filter');
		const area = (id: string) => ({ type: 3, properties: { id, kind: 'patrol-waters' } }) as never;
		expect(filter.filter({ zoom: 3 }, area('patrol-waters'))).toBe(false);
		expect(filter.filter({ zoom: 3 }, area('other-waters'))).toBe(true);
	});

	it('changes exactly the text fields for a language switch and one visibility for a basemap toggle', () => {
		const lang = diffLayers(live(view), live({ ...view, lang: 'en' }))!;
		expect(lang.length).toBeGreaterThan(0);
		expect(lang.every((c) => c.kind === 'layout' && c.name === 'text-field')).toBe(true);
		const borders = diffLayers(live(view), live({ ...view, showBorders: false }))!;
		expect(borders).toEqual([{ kind: 'layout', layer: 'borders', name: 'visibility', value: 'none' }]);
	});

	it('in exports filters the lanes not shown out instead', () => {
		const lanes = (shown: string[]) => ({ lanes: { shown, active: [], dimmed: [] } });
		const changes = diffLayers(
			buildLayers(view, 'export', look, lanes(['a#reported', 'b#claimed'])),
			buildLayers(view, 'export', look, lanes(['a#reported']))
		)!;
		expect(changes.length).toBeGreaterThan(0);
		expect(changes.every((c) => c.kind === 'filter' && /^flows?-/.test(c.layer))).toBe(true);
	});

	it('reloads only the sources whose data URL changed', () => {
		const before = buildSources(data);
		const after = buildSources({ ...data, flows: 'app-data://flows/9', places: 'app-data://places/10' });
		expect(diffSources(before, after)).toEqual([
			{ id: 'flows', data: 'app-data://flows/9' },
			{ id: 'places', data: 'app-data://places/10' }
		]);
		expect(diffSources(before, buildSources(data))).toEqual([]);
		const fewer: Partial<typeof after> = { ...after };
		delete fewer.places;
		expect(diffSources(before, fewer as typeof after)).toBeNull();
	});
});

describe('the visibility rule', () => {
	const flow = { kind: 'arms' as const, certainty: 'claimed' as const, start: '2023-07-25' };
	const shown = (v: ViewSnapshot, f: Parameters<typeof passesVisibility>[0] = flow) => passesVisibility(f, v);

	it('shows certainty levels up to the chosen one, most sure first', () => {
		expect(shown({ ...view, certainty: 'reported' })).toBe(false);
		expect(shown({ ...view, certainty: 'claimed' })).toBe(true);
		expect(shown({ ...view, certainty: 'possible' })).toBe(true);
	});

	it('hides a kind that is switched off', () => {
		expect(shown({ ...view, kinds: ['food', 'visit'] })).toBe(false);
		expect(shown({ ...view, kinds: ['arms'] })).toBe(true);
	});

	it('shows a flow from its start on, and an undated one only when no date is chosen', () => {
		expect(shown({ ...view, until: '2023-07-24' })).toBe(false);
		expect(shown({ ...view, until: '2023-06' })).toBe(false);
		expect(shown({ ...view, until: '2023-07-25' })).toBe(true);
		expect(shown({ ...view, until: '2023-07' })).toBe(true);
		expect(shown({ ...view, until: '2023-09' })).toBe(true);
		expect(shown({ ...view, until: null }, { ...flow, start: null })).toBe(true);
		expect(shown({ ...view, until: '2100-12' }, { ...flow, start: null })).toBe(false);
	});

	it('counts something dated only by its month as begun once the month is over', () => {
		const august = { ...flow, start: '2023-08-31' };
		expect(shown({ ...view, until: '2023-08-15' }, august)).toBe(false);
		expect(shown({ ...view, until: '2023-08' }, august)).toBe(true);
	});
});

describe('the live layers read only the language and the basemap switches', () => {
	it('builds the same live layers from liveLayerView as from the full view', () => {
		const v: ViewSnapshot = {
			...view,
			lang: 'en',
			showBorders: false,
			kinds: ['arms'],
			certainty: 'reported'
		};
		expect(buildLayers(liveLayerView(v), 'live', look)).toEqual(buildLayers(v, 'live', look));
	});
});

describe('weight follows certainty', () => {
	const stops = (width: unknown) => {
		// ['interpolate', ['linear'], ['zoom'], 2, ['case', active, a, b], 6, ['case', active, c, d]]
		const w = width as [string, unknown, unknown, number, unknown[], number, unknown[]];
		return [w[4][2], w[4][3], w[6][2], w[6][3]] as number[];
	};
	for (const mode of MODES) {
		it(`draws reported strongest, claimed weaker, possible thinnest and palest (${mode})`, () => {
			const [r, c, p] = (['reported', 'claimed', 'possible'] as const).map((cert) =>
				layer(view, mode, `flows-${cert}`)
			);
			const [wr, wc, wp] = [r, c, p].map((l) =>
				stops((l as { paint: Record<string, unknown> }).paint['line-width'])
			);
			for (let i = 0; i < 4; i++) {
				expect(wr![i]!).toBeGreaterThan(wc![i]!);
				expect(wc![i]!).toBeGreaterThan(wp![i]!);
			}
			// Opacity: the shown value is the last branch of the hidden/dimmed cases.
			const opacity = (l: unknown) => {
				let o = (l as { paint: Record<string, unknown> }).paint['line-opacity'];
				while (Array.isArray(o)) o = o.at(-1);
				return o as number;
			};
			expect(opacity(r)).toBeGreaterThan(opacity(c) as number);
			expect(opacity(c)).toBeGreaterThan(opacity(p) as number);
		});

		it(`puts no arrowheads on possible flows (${mode})`, () => {
			const arrows = buildLayers(view, mode, look, {
				lanes: { shown: ['x'], active: [], dimmed: [] }
			}).find((l) => l.id === 'flows-arrows')!;
			const filter = featureFilter((arrows as { filter: unknown }).filter as never, 'filter');
			const feature = (certainty: string) =>
				({ type: 2, properties: { id: 'x', kind: 'arms', certainty, mutual: false, month: -1 } }) as never;
			expect(filter.filter({ zoom: 3 }, feature('reported'))).toBe(true);
			expect(filter.filter({ zoom: 3 }, feature('possible'))).toBe(false);
		});
	}
});
