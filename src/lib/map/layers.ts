import type { ExpressionSpecification, FilterSpecification, LayerSpecification } from 'maplibre-gl';
import type { Lang, StoryLook } from '$lib/story';
import { CERTAINTIES } from '$lib/story';
import { flowFilter } from '$lib/state/visibility';
import { DEFAULT_VIEW, snapshotOf, type ViewSnapshot } from '$lib/state/view.svelte';
import {
	AREA_LOOK,
	BASE,
	CERTAINTY_DASH,
	CERTAINTY_WEIGHT,
	FONT_BOLD,
	FONT_REGULAR,
	KIND_COLORS
} from './theme';
import { AREA_SWITCH } from '$lib/state/visibility';
import type { AreaKind } from '$lib/story';

/**
 * How a style shows which flows are on and which feature is highlighted.
 * - 'live': the reader's map. Flow visibility (kind, certainty, month) and highlight are feature
 *   state, so a toggle or a hover repaints without re-laying out a single tile. Hidden flows keep
 *   their geometry; MapView leaves them out of hit-testing.
 * - 'export': a one-off map (PNG, SVG). Hidden flows are filtered out and the selection is a
 *   literal id, so the style alone says everything and needs no feature state.
 */
export type StyleMode = 'live' | 'export';

export const FLOW_LINE_LAYERS = CERTAINTIES.map((c) => `flows-${c}`);
const FLOW_ARROW_LAYER = 'flows-arrows';
const AREA_LAYERS = ['patrol-waters-fill', 'regions-fill'];
/** Layers whose features the reader can hover and click. */
export const INTERACTIVE_LAYERS = [...FLOW_LINE_LAYERS, 'places-circle', ...AREA_LAYERS];

export const ARROW_IMAGE = 'flow-arrow';

function visibility(on: boolean): 'visible' | 'none' {
	return on ? 'visible' : 'none';
}

function kindColor(): ExpressionSpecification {
	const pairs = Object.entries(KIND_COLORS).flat();
	return ['match', ['get', 'kind'], ...pairs, '#555555'] as unknown as ExpressionSpecification;
}

const DEFAULT_SNAPSHOT = snapshotOf(DEFAULT_VIEW);

/**
 * The view as the live map's layers read it: the language and the basemap switches. Kinds,
 * certainty, month and selection are feature state there, so a caller that passes only these
 * fields is not even re-run, let alone diffed, when a toggle or a month step changes the rest.
 */
export function liveLayerView(
	v: Pick<ViewSnapshot, 'lang' | 'showPatrolWaters' | 'showRegions' | 'showBorders' | 'showLabels'>
): ViewSnapshot {
	return {
		...DEFAULT_SNAPSHOT,
		lang: v.lang,
		showPatrolWaters: v.showPatrolWaters,
		showRegions: v.showRegions,
		showBorders: v.showBorders,
		showLabels: v.showLabels
	};
}

/** Feature-state keys the live map sets (see featureStates.ts). */
export const STATE_ACTIVE = 'active';
export const STATE_HIDDEN = 'hidden';

/** Whether a feature is hovered or selected: feature state live, the selected id in exports. */
function isActive(view: ViewSnapshot, mode: StyleMode): ExpressionSpecification {
	return mode === 'live'
		? ['boolean', ['feature-state', STATE_ACTIVE], false]
		: ['==', ['get', 'id'], view.selectedId ?? ''];
}

/** Flows the reader switched off: only live, where they stay in the data (see StyleMode). */
function opacityUnlessHidden(
	mode: StyleMode,
	shown: number | ExpressionSpecification
): ExpressionSpecification | number {
	return mode === 'live' ? ['case', ['boolean', ['feature-state', STATE_HIDDEN], false], 0, shown] : shown;
}

/** Which flows a layer draws: in exports only the visible ones. */
function flowsFilter(view: ViewSnapshot, mode: StyleMode, certainty?: (typeof CERTAINTIES)[number]) {
	if (mode === 'export') {
		return certainty
			? flowFilter(view, certainty)
			: (['any', ...CERTAINTIES.map((c) => flowFilter(view, c))] as FilterSpecification);
	}
	return certainty ? (['==', ['get', 'certainty'], certainty] as FilterSpecification) : undefined;
}

function nameField(lang: Lang): ExpressionSpecification {
	return ['get', `name_${lang}`];
}

/**
 * An area kind as a fill and its outline (`<prefix>-fill`, `<prefix>-outline`), switched together.
 *
 * Shader programs cost more than layers here (each one is compiled and linked when the map first
 * draws it: 40 to 200 ms in SwiftShader, again in every export map). So the paint below is shaped to
 * reuse programs other layers need anyway: fills take colour and opacity per feature, as the land
 * does; outlines take colour, opacity and width per feature (so hover thickens them), as the
 * flows do, and a dashed outline shares the dashed flows' program.
 */
function areaLayers(
	prefix: string,
	kind: AreaKind,
	view: ViewSnapshot,
	active: ExpressionSpecification
): LayerSpecification[] {
	const look = AREA_LOOK[kind];
	const common = {
		source: 'areas',
		filter: ['==', ['get', 'kind'], kind] as FilterSpecification,
		layout: { visibility: visibility(view[AREA_SWITCH[kind]]) }
	};
	const color = ['match', ['get', 'kind'], kind, look.color, look.color] as ExpressionSpecification;
	const { width, opacity, dash } = look.outline;
	return [
		{
			id: `${prefix}-fill`,
			type: 'fill',
			...common,
			// No outline pass: the outline layer draws the edge.
			paint: {
				'fill-color': color,
				'fill-opacity': ['case', active, look.fillOpacity[1], look.fillOpacity[0]],
				'fill-antialias': false
			}
		},
		{
			id: `${prefix}-outline`,
			type: 'line',
			...common,
			paint: {
				'line-color': color,
				'line-opacity': ['case', active, 1, opacity],
				'line-width': [
					'interpolate',
					['linear'],
					['zoom'],
					2,
					['case', active, width * 1.6, width],
					6,
					['case', active, width * 1.6, width]
				],
				...(dash ? { 'line-dasharray': dash } : {})
			}
		}
	];
}

/**
 * The names of the areas, one layer per kind: a constant colour each, so all labels share one text
 * shader program (a colour per feature would need a second).
 */
function areaLabelLayers(view: ViewSnapshot): LayerSpecification[] {
	const kinds = [
		{ id: 'patrol-waters-label', kind: 'patrol-waters' },
		{ id: 'regions-label', kind: 'recognised-region' }
	].map(({ id, kind }) => ({
		id,
		kind,
		on: view[AREA_SWITCH[kind as AreaKind]],
		color: AREA_LOOK[kind as AreaKind].color
	}));
	return kinds.map(({ id, kind, on, color }) => ({
		id,
		type: 'symbol',
		source: 'areaLabels',
		filter: ['==', ['get', 'kind'], kind] as FilterSpecification,
		layout: {
			visibility: visibility(on && view.showLabels),
			'text-field': ['get', `label_${view.lang}`],
			'text-font': FONT_REGULAR,
			'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10, 6, 13],
			'text-max-width': 14,
			'text-allow-overlap': false
		},
		paint: { 'text-color': color, 'text-halo-color': BASE.halo, 'text-halo-width': 1.4 }
	}));
}

/** A layer's filter, left out where there is none (MapLibre rejects `filter: undefined`). */
function withFilter(filter: FilterSpecification | undefined): { filter?: FilterSpecification } {
	return filter ? { filter } : {};
}

function flowLineLayers(view: ViewSnapshot, mode: StyleMode): LayerSpecification[] {
	const active = isActive(view, mode);
	// Line widths at zoom 2 and 6, plain and highlighted, scaled by the certainty's weight.
	const width = (f: number): ExpressionSpecification => [
		'interpolate',
		['linear'],
		['zoom'],
		2,
		['case', active, 4.5 * f, 2.2 * f],
		6,
		['case', active, 7 * f, 3.6 * f]
	];
	/** A certainty's weight, per feature (for the layers that draw every certainty at once). */
	const weightOf = (key: 'width' | 'opacity'): ExpressionSpecification =>
		[
			'match',
			['get', 'certainty'],
			...CERTAINTIES.flatMap((c) => [c, CERTAINTY_WEIGHT[c][key]]),
			1
		] as unknown as ExpressionSpecification;
	const arrowCertainties = CERTAINTIES.filter((c) => CERTAINTY_WEIGHT[c].arrows);
	const layers: LayerSpecification[] = [];
	// A white casing under every flow keeps lines readable over borders and crossing flows.
	layers.push({
		id: 'flows-casing',
		type: 'line',
		source: 'flows',
		...withFilter(flowsFilter(view, mode)),
		layout: { 'line-cap': 'round', 'line-join': 'round' },
		// Colour and width per feature, as the flows have, so both share one shader program; the
		// casing widens with a highlighted flow, which would otherwise outgrow it.
		paint: {
			'line-color': ['case', active, '#ffffff', '#ffffff'],
			'line-opacity': opacityUnlessHidden(mode, 0.85),
			'line-width': [
				'interpolate',
				['linear'],
				['zoom'],
				2,
				['*', weightOf('width'), ['case', active, 7, 4.5]],
				6,
				['*', weightOf('width'), ['case', active, 10, 7]]
			]
		}
	});
	for (const certainty of CERTAINTIES) {
		const dash = CERTAINTY_DASH[certainty];
		layers.push({
			id: `flows-${certainty}`,
			type: 'line',
			source: 'flows',
			...withFilter(flowsFilter(view, mode, certainty)),
			layout: { 'line-cap': dash ? 'butt' : 'round', 'line-join': 'round' },
			paint: {
				'line-color': kindColor(),
				'line-width': width(CERTAINTY_WEIGHT[certainty].width),
				'line-opacity': opacityUnlessHidden(mode, CERTAINTY_WEIGHT[certainty].opacity),
				...(dash ? { 'line-dasharray': dash } : {})
			}
		});
	}
	const shownFlows = flowsFilter(view, mode);
	layers.push({
		id: FLOW_ARROW_LAYER,
		type: 'symbol',
		source: 'flows',
		// One way only, and only as sure as the weight table allows (possible flows have none).
		filter: [
			'all',
			['!', ['get', 'mutual']],
			['in', ['get', 'certainty'], ['literal', arrowCertainties]],
			...(shownFlows ? [shownFlows] : [])
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
		paint: {
			'icon-color': kindColor(),
			'icon-halo-color': '#ffffff',
			'icon-halo-width': 1.2,
			'icon-opacity': opacityUnlessHidden(mode, weightOf('opacity'))
		}
	});
	return layers;
}

/**
 * Every layer of the map, bottom to top: pure, so it can be unit-tested, diffed layer by layer
 * by MapView on every change of view state, and rendered again offscreen for exports. The list
 * and its order never change with the view; only filters, paint and layout values do.
 */
export function buildLayers(view: ViewSnapshot, mode: StyleMode, look: StoryLook): LayerSpecification[] {
	const active = isActive(view, mode);
	// By property, not feature id: MapLibre turns numeric-looking string ids into numbers.
	const storyCountry: ExpressionSpecification = ['in', ['get', 'id'], ['literal', [...look.emphasis]]];
	const layers: LayerSpecification[] = [
		{ id: 'sea', type: 'background', paint: { 'background-color': BASE.sea } },
		{
			id: 'land',
			type: 'fill',
			source: 'countries',
			// No outline pass (a shader program and a draw call more): the coastline layer draws the edge.
			// Opacity per feature (always 1) only so that land and areas share one fill program.
			paint: {
				'fill-color': ['case', storyCountry, BASE.landStory, BASE.land],
				'fill-opacity': ['case', storyCountry, 1, 1],
				'fill-antialias': false
			}
		},
		...areaLayers('patrol-waters', 'patrol-waters', view, active),
		...areaLayers('regions', 'recognised-region', view, active),
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
		...areaLabelLayers(view),
		...flowLineLayers(view, mode),
		{
			id: 'places-circle',
			type: 'circle',
			source: 'places',
			paint: {
				'circle-radius': ['case', active, 8, ['==', ['get', 'role'], 'capital'], 5.5, 4],
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
					['in', ['get', 'id'], ['literal', [...look.labelLeft]]],
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

	return layers;
}
