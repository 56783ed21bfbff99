import type {
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	StyleSpecification
} from 'maplibre-gl';
import type { Certainty, FlowKind, Lang } from '$lib/story';
import { CERTAINTIES } from '$lib/story';
import { certaintiesUpTo } from '$lib/state/visibility';
import {
	BASE,
	CERTAINTY_DASH,
	FONT_BOLD,
	FONT_REGULAR,
	KIND_COLORS,
	LABEL_ON_LEFT,
	STORY_COUNTRIES
} from './theme';

/**
 * Where each source's data comes from. The data itself never enters the style: sources point at
 * `app-data://` URLs that the map resolves from memory (see dataProtocol.ts), so the style stays
 * small and cheap to diff on every toggle, and an offscreen export map can reuse it unchanged.
 */
export interface StyleData {
	countries: string;
	countryLabels: string;
	land: string;
	borders: string;
	areas: string;
	areaLabels: string;
	flows: string;
	places: string;
}

/** One self-hosted font file and the characters it covers. */
export interface StyleFontFace {
	url: string;
	'unicode-range': string[];
}

/** The self-hosted fonts (no glyph server): regular and bold. */
export interface StyleFonts {
	regular: StyleFontFace[];
	bold: StyleFontFace[];
}

/** What the reader has chosen to see: everything the style depends on besides the data. */
export interface StyleView {
	lang: Lang;
	/** Flow kinds that are switched on. */
	kinds: readonly FlowKind[];
	/** The least certain level still shown: 'reported' shows only reported flows, 'possible' shows all. */
	certainty: Certainty;
	/** Month index (see monthIndex in story/when) up to which flows are shown; null = no time filter. */
	monthIndex: number | null;
	showPatrolWaters: boolean;
	showRegions: boolean;
	showBorders: boolean;
	showLabels: boolean;
	selectedId: string | null;
	hoveredId: string | null;
}

export const FLOW_LINE_LAYERS = CERTAINTIES.map((c) => `flows-${c}`);
export const FLOW_ARROW_LAYER = 'flows-arrows';
export const PLACE_LAYERS = ['places-circle', 'places-label'];
export const AREA_LAYERS = ['patrol-waters-fill', 'regions-fill'];
/** Layers whose features the reader can hover and click. */
export const INTERACTIVE_LAYERS = [...FLOW_LINE_LAYERS, 'places-circle', ...AREA_LAYERS];

export const ARROW_IMAGE = 'flow-arrow';

function visibility(on: boolean): 'visible' | 'none' {
	return on ? 'visible' : 'none';
}

/** The filter that decides which flows are drawn; hidden flows are filtered out, so they cannot be hit. */
export function flowFilter(view: StyleView, certainty: Certainty): FilterSpecification {
	const parts: ExpressionSpecification[] = [
		['==', ['get', 'certainty'], certainty],
		['in', ['get', 'kind'], ['literal', [...view.kinds]]]
	];
	if (!certaintiesUpTo(view.certainty).includes(certainty)) parts.push(['literal', false]);
	// Undated flows carry start -1 and so stay visible at every month (the rule the timeline explains).
	if (view.monthIndex !== null) parts.push(['<=', ['get', 'start'], view.monthIndex]);
	return ['all', ...parts];
}

function kindColor(): ExpressionSpecification {
	const pairs = Object.entries(KIND_COLORS).flat();
	return ['match', ['get', 'kind'], ...pairs, '#555555'] as unknown as ExpressionSpecification;
}

function isActive(view: StyleView): ExpressionSpecification {
	return ['any', ['==', ['get', 'id'], view.selectedId ?? ''], ['==', ['get', 'id'], view.hoveredId ?? '']];
}

function nameField(lang: Lang): ExpressionSpecification {
	return ['get', `name_${lang}`];
}

function flowLineLayers(view: StyleView): LayerSpecification[] {
	const width: ExpressionSpecification = [
		'interpolate',
		['linear'],
		['zoom'],
		2,
		['case', isActive(view), 4.5, 2.2],
		6,
		['case', isActive(view), 7, 3.6]
	];
	const layers: LayerSpecification[] = [];
	// A white casing under every flow keeps lines readable over borders and crossing flows.
	layers.push({
		id: 'flows-casing',
		type: 'line',
		source: 'flows',
		filter: ['any', ...CERTAINTIES.map((c) => flowFilter(view, c))] as FilterSpecification,
		layout: { 'line-cap': 'round', 'line-join': 'round' },
		paint: {
			'line-color': '#ffffff',
			'line-opacity': 0.85,
			'line-width': ['interpolate', ['linear'], ['zoom'], 2, 4.5, 6, 7]
		}
	});
	for (const certainty of CERTAINTIES) {
		const dash = CERTAINTY_DASH[certainty];
		layers.push({
			id: `flows-${certainty}`,
			type: 'line',
			source: 'flows',
			filter: flowFilter(view, certainty),
			layout: { 'line-cap': dash ? 'butt' : 'round', 'line-join': 'round' },
			paint: {
				'line-color': kindColor(),
				'line-width': width,
				...(dash ? { 'line-dasharray': dash } : {})
			}
		});
	}
	layers.push({
		id: FLOW_ARROW_LAYER,
		type: 'symbol',
		source: 'flows',
		filter: [
			'all',
			['!', ['get', 'mutual']],
			['any', ...CERTAINTIES.map((c) => flowFilter(view, c))]
		] as FilterSpecification,
		layout: {
			'symbol-placement': 'line',
			'symbol-spacing': ['interpolate', ['linear'], ['zoom'], 2, 90, 6, 160],
			'icon-image': ARROW_IMAGE,
			'icon-size': ['interpolate', ['linear'], ['zoom'], 2, 0.75, 6, 1.05],
			'icon-rotation-alignment': 'map',
			'icon-allow-overlap': true,
			// Arrows must never push city names off the map.
			'icon-ignore-placement': true
		},
		paint: { 'icon-color': kindColor(), 'icon-halo-color': '#ffffff', 'icon-halo-width': 1.2 }
	});
	return layers;
}

/**
 * The whole map as a MapLibre style: pure, so it can be unit-tested, diffed by MapLibre on every
 * change of view state, and rendered again offscreen for exports.
 */
export function buildStyle(view: StyleView, data: StyleData, fonts: StyleFonts): StyleSpecification {
	// By property, not feature id: MapLibre turns numeric-looking string ids into numbers.
	const storyCountry: ExpressionSpecification = ['in', ['get', 'id'], ['literal', [...STORY_COUNTRIES]]];
	const layers: LayerSpecification[] = [
		{ id: 'sea', type: 'background', paint: { 'background-color': BASE.sea } },
		{
			id: 'land',
			type: 'fill',
			source: 'countries',
			paint: { 'fill-color': ['case', storyCountry, BASE.landStory, BASE.land], 'fill-antialias': true }
		},
		{
			id: 'patrol-waters-fill',
			type: 'fill',
			source: 'areas',
			filter: ['==', ['get', 'kind'], 'patrol-waters'],
			layout: { visibility: visibility(view.showPatrolWaters) },
			paint: {
				'fill-color': BASE.patrolFill,
				'fill-opacity': ['case', isActive(view), 0.26, 0.14]
			}
		},
		{
			id: 'patrol-waters-outline',
			type: 'line',
			source: 'areas',
			filter: ['==', ['get', 'kind'], 'patrol-waters'],
			layout: { visibility: visibility(view.showPatrolWaters) },
			paint: {
				'line-color': BASE.patrolFill,
				'line-width': 1.2,
				'line-dasharray': [2, 2],
				'line-opacity': 0.7
			}
		},
		{
			id: 'regions-fill',
			type: 'fill',
			source: 'areas',
			filter: ['==', ['get', 'kind'], 'recognised-region'],
			layout: { visibility: visibility(view.showRegions) },
			paint: { 'fill-color': BASE.regionFill, 'fill-opacity': ['case', isActive(view), 0.4, 0.22] }
		},
		{
			id: 'regions-outline',
			type: 'line',
			source: 'areas',
			filter: ['==', ['get', 'kind'], 'recognised-region'],
			layout: { visibility: visibility(view.showRegions) },
			paint: { 'line-color': BASE.regionFill, 'line-width': 1, 'line-opacity': 0.8 }
		},
		{
			id: 'coastline',
			type: 'line',
			source: 'land',
			layout: { 'line-join': 'round' },
			paint: { 'line-color': BASE.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.2] }
		},
		{
			id: 'borders',
			type: 'line',
			source: 'borders',
			layout: { visibility: visibility(view.showBorders), 'line-join': 'round' },
			paint: {
				'line-color': BASE.border,
				'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.6, 6, 1.4]
			}
		},
		{
			id: 'country-labels',
			type: 'symbol',
			source: 'countryLabels',
			// Small territories (glaciers, bases, islets) only get a name once there is room.
			filter: [
				'step',
				['zoom'],
				['>=', ['get', 'area'], 60000],
				4,
				['>=', ['get', 'area'], 8000],
				6,
				true
			] as FilterSpecification,
			layout: {
				visibility: visibility(view.showLabels),
				'text-field': nameField(view.lang),
				'text-font': FONT_REGULAR,
				'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 14],
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.08,
				'text-max-width': 8,
				// Bigger countries win label collisions.
				'symbol-sort-key': ['-', 0, ['get', 'area']]
			},
			paint: { 'text-color': BASE.countryLabel, 'text-halo-color': BASE.halo, 'text-halo-width': 1.2 }
		},
		{
			id: 'area-labels',
			type: 'symbol',
			source: 'areaLabels',
			filter: [
				'any',
				['all', ['==', ['get', 'kind'], 'patrol-waters'], view.showPatrolWaters],
				['all', ['==', ['get', 'kind'], 'recognised-region'], view.showRegions]
			],
			layout: {
				visibility: visibility(view.showLabels),
				'text-field': ['get', `label_${view.lang}`],
				'text-font': FONT_REGULAR,
				'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 13],
				'text-max-width': 14,
				'text-allow-overlap': false
			},
			paint: {
				'text-color': ['match', ['get', 'kind'], 'patrol-waters', BASE.patrolFill, BASE.regionFill],
				'text-halo-color': BASE.halo,
				'text-halo-width': 1.4
			}
		},
		...flowLineLayers(view),
		{
			id: 'places-circle',
			type: 'circle',
			source: 'places',
			paint: {
				'circle-radius': ['case', isActive(view), 8, ['==', ['get', 'role'], 'capital'], 5.5, 4],
				'circle-color': ['case', ['==', ['get', 'role'], 'capital'], BASE.placeText, '#ffffff'],
				'circle-stroke-color': ['case', ['==', ['get', 'role'], 'capital'], '#ffffff', BASE.placeText],
				'circle-stroke-width': 2
			}
		},
		{
			id: 'places-label',
			type: 'symbol',
			source: 'places',
			layout: {
				'text-field': nameField(view.lang),
				'text-font': [
					'case',
					['==', ['get', 'role'], 'capital'],
					['literal', FONT_BOLD],
					['literal', FONT_REGULAR]
				],
				'text-size': ['case', ['==', ['get', 'role'], 'capital'], 15, 13],
				// Anchors in order of preference, per place: a name goes right of its dot unless the
				// place is marked to be labelled on its left (Beijing: Pyongyang lies just east).
				'text-variable-anchor-offset': [
					'case',
					['in', ['get', 'id'], ['literal', [...LABEL_ON_LEFT]]],
					['literal', ['right', [-0.7, 0], 'top', [0, 0.7], 'bottom', [0, -0.7], 'left', [0.7, 0]]],
					['literal', ['left', [0.7, 0], 'right', [-0.7, 0], 'bottom', [0, -0.7], 'top', [0, 0.7]]]
				] as unknown as ExpressionSpecification,
				'text-justify': 'auto',
				// Names dodge each other (Beijing's must not cover Pyongyang's dot): MapLibre tries
				// each anchor in turn. Capitals are placed first, and this layer is placed before
				// every layer below it, so country names give way to city names, never the reverse.
				'symbol-sort-key': ['match', ['get', 'role'], 'capital', 0, 'port', 1, 2],
				'text-padding': 1
			},
			paint: { 'text-color': BASE.placeText, 'text-halo-color': BASE.halo, 'text-halo-width': 2 }
		},
		{
			// An invisible box over the dots of the cities. Placed first (it is the top layer), it
			// keeps every name off them: a name never hides a city, however crowded the view. Minor
			// places (the shipyard) get none, so at low zoom a city's name may pass over them.
			id: 'places-keepout',
			type: 'symbol',
			source: 'places',
			filter: ['in', ['get', 'role'], ['literal', ['capital', 'port', 'city']]],
			layout: {
				'icon-image': ARROW_IMAGE,
				'icon-size': 0.75,
				'icon-allow-overlap': true,
				'icon-ignore-placement': false
			},
			paint: { 'icon-opacity': 0 }
		}
	];

	const geojson = (url: string, extra: Record<string, unknown> = {}) =>
		({ type: 'geojson', data: url, ...extra }) as const;

	return {
		version: 8,
		name: 'nk-russia',
		'font-faces': {
			[FONT_REGULAR[0]!]: fonts.regular,
			[FONT_BOLD[0]!]: fonts.bold
		},
		sources: {
			countries: geojson(data.countries, { tolerance: 0.3 }),
			countryLabels: geojson(data.countryLabels),
			land: geojson(data.land, { tolerance: 0.3 }),
			borders: geojson(data.borders, { tolerance: 0.3 }),
			areas: geojson(data.areas),
			areaLabels: geojson(data.areaLabels),
			flows: geojson(data.flows),
			places: geojson(data.places)
		},
		layers
	};
}
