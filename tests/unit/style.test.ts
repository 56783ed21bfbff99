import { describe, expect, it } from 'vitest';
import { featureFilter, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { certaintiesUpTo } from '../../src/lib/state/visibility';
import {
	buildStyle,
	flowFilter,
	type StyleData,
	type StyleFonts,
	type StyleView
} from '../../src/lib/map/style';
import { DEFAULT_VIEW } from '../support/views';

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
const face = (name: string) => ({ url: `http://127.0.0.1/${name}.woff2`, 'unicode-range': ['U+0000-00FF'] });
const fonts: StyleFonts = { regular: [face('r')], bold: [face('b')] };

const view: StyleView = DEFAULT_VIEW;

const ids = (style: ReturnType<typeof buildStyle>) => style.layers.map((l) => l.id);

describe('buildStyle', () => {
	it('is a valid MapLibre style for every combination a reader can make', () => {
		const variants: StyleView[] = [
			view,
			{ ...view, lang: 'en', kinds: [], certainty: 'reported', monthIndex: 2023 * 12 + 6 },
			{ ...view, kinds: ['arms'], certainty: 'claimed', selectedId: 'x', hoveredId: 'y' },
			{ ...view, showPatrolWaters: false, showRegions: false, showBorders: false, showLabels: false }
		];
		for (const v of variants) {
			const errors = validateStyleMin(buildStyle(v, data, fonts));
			expect(errors.map((e) => e.message)).toEqual([]);
		}
	});

	it('uses no glyph or tile server: every source is in-memory app data', () => {
		const style = buildStyle(view, data, fonts);
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		for (const source of Object.values(style.sources)) {
			expect(source.type).toBe('geojson');
			expect(String((source as { data: unknown }).data)).toMatch(/^app-data:\/\//);
		}
		expect(style['font-faces']).toBeDefined();
	});

	it('stacks layers so flows sit above the basemap and cities above flows', () => {
		const order = ids(buildStyle(view, data, fonts));
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

	it('keeps the same layers in the same order whatever is toggled (no reload, no reordering)', () => {
		const all = ids(buildStyle(view, data, fonts));
		const none = ids(buildStyle({ ...view, kinds: [], showBorders: false, showLabels: false }, data, fonts));
		expect(none).toEqual(all);
	});

	it('names places and countries in the UI language', () => {
		const de = buildStyle(view, data, fonts).layers.find((l) => l.id === 'places-label');
		const en = buildStyle({ ...view, lang: 'en' }, data, fonts).layers.find((l) => l.id === 'places-label');
		expect(JSON.stringify(de?.layout)).toContain('name_de');
		expect(JSON.stringify(en?.layout)).toContain('name_en');
	});

	it('hides switched-off layers with visibility', () => {
		const style = buildStyle({ ...view, showBorders: false, showPatrolWaters: false }, data, fonts);
		const layout = (id: string) =>
			(style.layers.find((l) => l.id === id)?.layout ?? {}) as Record<string, unknown>;
		expect(layout('borders').visibility).toBe('none');
		expect(layout('patrol-waters-fill').visibility).toBe('none');
		expect(layout('coastline').visibility).toBeUndefined();
	});
});

describe('flow filters', () => {
	/** Evaluates the style's own filter on a flow, the way MapLibre does. */
	const shown = (v: StyleView, props: Record<string, unknown>) =>
		certaintiesUpToAll.some((c) =>
			featureFilter(flowFilter(v, c), 'filter').filter({ zoom: 4 }, { type: 2, properties: props } as never)
		);
	const certaintiesUpToAll = ['reported', 'claimed', 'possible'] as const;
	const flow = { id: 'f', kind: 'arms', certainty: 'claimed', start: 2023 * 12 + 6 };

	it('shows certainty levels up to the chosen one, most sure first', () => {
		expect(certaintiesUpTo('reported')).toEqual(['reported']);
		expect(certaintiesUpTo('claimed')).toEqual(['reported', 'claimed']);
		expect(certaintiesUpTo('possible')).toEqual(['reported', 'claimed', 'possible']);
		expect(shown({ ...view, certainty: 'reported' }, flow)).toBe(false);
		expect(shown({ ...view, certainty: 'claimed' }, flow)).toBe(true);
		expect(shown({ ...view, certainty: 'possible' }, flow)).toBe(true);
	});

	it('hides a kind that is switched off', () => {
		expect(shown({ ...view, kinds: ['food', 'visit'] }, flow)).toBe(false);
		expect(shown({ ...view, kinds: ['arms'] }, flow)).toBe(true);
	});

	it('shows a flow from its start month on, and undated flows always', () => {
		expect(shown({ ...view, monthIndex: flow.start - 1 }, flow)).toBe(false);
		expect(shown({ ...view, monthIndex: flow.start }, flow)).toBe(true);
		expect(shown({ ...view, monthIndex: flow.start + 2 }, flow)).toBe(true);
		expect(shown({ ...view, monthIndex: 0 }, { ...flow, start: -1 })).toBe(true);
	});
});
