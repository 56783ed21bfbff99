import type {
	ExpressionSpecification,
	FilterSpecification,
	LayerSpecification,
	SymbolLayerSpecification
} from 'maplibre-gl';
import type { LabelSide, Lang, StoryLook } from '$lib/story';
import {
	KEEPOUT_ICON_SIZE,
	KEEPOUT_ROLES,
	FLOW_LABEL_SIZE,
	LABEL_MAX_EMS,
	LABEL_PADDING,
	labelOrder,
	SIDE_ANCHORS,
	sidesInOrder
} from './labelAnchors';
import { CERTAINTIES } from '$lib/story';
import { DEFAULT_VIEW, snapshotOf, type ViewSnapshot } from '$lib/state/view.svelte';
import {
	AREA_LOOK,
	CERTAINTY_DASH,
	CERTAINTY_WEIGHT,
	DIMMED_OPACITY,
	FONT_BOLD,
	FONT_REGULAR,
	LANE_SPACING,
	LANE_WIDTH,
	LIGHT,
	type Palette
} from './theme';
import { AREA_SWITCH } from '$lib/state/visibility';
import type { AreaKind } from '$lib/story';

/**
 * How a style shows which lanes are on and which feature is highlighted.
 * - 'live': the reader's map. Which lanes show (kind, certainty, date), which are highlighted and
 *   which step back are feature state, so a toggle or a hover repaints without re-laying out a
 *   single tile. Hidden lanes keep their geometry; MapView leaves them out of hit-testing.
 * - 'export': a one-off map (PNG, SVG). The same three sets as literal ids (`LaneStyle`), so the
 *   style alone says everything and needs no feature state.
 */
export type StyleMode = 'live' | 'export';

/** The lane features an export map draws, highlights and dims (AppState.exportLanes). */
export interface LaneStyle {
	shown: string[];
	active: string[];
	dimmed: string[];
}

const NO_LANES: LaneStyle = { shown: [], active: [], dimmed: [] };

export interface LayerOptions {
	/** Export maps: which lanes show, light up and step back (live maps use feature state). */
	lanes?: LaneStyle;
	/** A phone's map: every name a little smaller, so the story's names all fit its first view. */
	compact?: boolean;
	/** Areas left out: not begun at the timeline's date (AppState.hiddenAreas). */
	hiddenAreas?: readonly string[];
	/** The colours (the page's theme on the live map; exports are light unless asked). */
	palette?: Palette;
}

/** An area layer's filter: its kind, without the areas the rule leaves out. */
function areaFilter(kind: AreaKind, hidden: readonly string[]): FilterSpecification {
	const ofKind: FilterSpecification = ['==', ['get', 'kind'], kind];
	return hidden.length ? ['all', ofKind, ['!', ['in', ['get', 'id'], ['literal', [...hidden]]]]] : ofKind;
}

/** How much smaller names are on a phone's map. */
const COMPACT_TEXT = 0.86;

export const FLOW_LINE_LAYERS = CERTAINTIES.map((c) => `flows-${c}`);
const FLOW_ARROW_LAYER = 'flows-arrows';
const AREA_LAYERS = ['patrol-waters-fill', 'regions-fill'];
/** Layers whose features the reader can hover and click. */
export const INTERACTIVE_LAYERS = [...FLOW_LINE_LAYERS, 'places-circle', ...AREA_LAYERS];

export const ARROW_IMAGE = 'flow-arrow';

function visibility(on: boolean): 'visible' | 'none' {
	return on ? 'visible' : 'none';
}

function kindColor(palette: Palette): ExpressionSpecification {
	const pairs = Object.entries(palette.kinds).flat();
	return ['match', ['get', 'kind'], ...pairs, '#555555'] as unknown as ExpressionSpecification;
}

const DEFAULT_SNAPSHOT = snapshotOf(DEFAULT_VIEW);

/**
 * The view as the live map's layers read it: the language and the basemap switches. Kinds,
 * certainty, date and selection are feature state there, so a caller that passes only these
 * fields is not even re-run, let alone diffed, when a toggle or a timeline step changes the rest.
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
export const STATE_DIM = 'dim';

/** Whether a place or area is hovered or selected: feature state live, the selected id in exports. */
function isActive(view: ViewSnapshot, mode: StyleMode): ExpressionSpecification {
	return mode === 'live'
		? ['boolean', ['feature-state', STATE_ACTIVE], false]
		: ['==', ['get', 'id'], view.selectedId ?? ''];
}

/** A lane feature's flag: feature state live, membership of the literal list in exports. */
function laneFlag(mode: StyleMode, state: string, ids: readonly string[]): ExpressionSpecification {
	return mode === 'live'
		? ['boolean', ['feature-state', state], false]
		: ['in', ['get', 'id'], ['literal', [...ids]]];
}

/**
 * A lane's opacity: 0 when switched off (live only: exports filter those out), stepped back
 * behind a selection, else `shown`.
 */
function laneOpacity(
	mode: StyleMode,
	lanes: LaneStyle,
	shown: number | ExpressionSpecification
): ExpressionSpecification {
	const dimmed: ExpressionSpecification = ['*', DIMMED_OPACITY, shown];
	const dimOrShown: ExpressionSpecification = [
		'case',
		laneFlag(mode, STATE_DIM, lanes.dimmed),
		dimmed,
		shown
	];
	return mode === 'live'
		? ['case', ['boolean', ['feature-state', STATE_HIDDEN], false], 0, dimOrShown]
		: dimOrShown;
}

/** Which lane features a layer draws: live all (hidden ones are transparent), in exports the shown. */
function lanesFilter(
	mode: StyleMode,
	lanes: LaneStyle,
	certainty?: (typeof CERTAINTIES)[number]
): FilterSpecification | undefined {
	const parts: ExpressionSpecification[] = [];
	if (certainty) parts.push(['==', ['get', 'certainty'], certainty]);
	if (mode === 'export') parts.push(['in', ['get', 'id'], ['literal', [...lanes.shown]]]);
	if (parts.length === 0) return undefined;
	return (parts.length === 1 ? parts[0] : ['all', ...parts]) as FilterSpecification;
}

/** A lane's offset from its relation's line, in px: `halfLanes` half lane widths, growing with zoom. */
function laneOffset(): ExpressionSpecification {
	return [
		'interpolate',
		['linear'],
		['zoom'],
		2,
		['*', ['get', 'halfLanes'], LANE_SPACING[0] / 2],
		6,
		['*', ['get', 'halfLanes'], LANE_SPACING[1] / 2]
	];
}

/** Arrow icon sizes at zoom 2 and 6 (the SVG export reads them too). */
export const ARROW_ICON_SIZE: [number, number] = [0.75, 1.05];

/**
 * The arrowheads' offset onto their lane. An icon along a line is turned with it and its offset
 * with it, so [0, d] moves it d to the right of the line's direction, where `line-offset` puts the
 * lane. There is no expression that builds an array from a number, so each lane offset the
 * relations can produce (in half lane widths, see story/relations.ts) is matched to its own.
 */
function arrowOffset(): ExpressionSpecification {
	return perHalfLane((px, stop) => [0, px / ARROW_ICON_SIZE[stop]]);
}

/**
 * An [x, y] offset per feature from its `halfLanes` property, at zoom 2 and 6: `at` turns the
 * distance in px (half lanes times half the lane spacing at that zoom) into the offset.
 */
function perHalfLane(at: (px: number, stop: 0 | 1) => [number, number]): ExpressionSpecification {
	const arms = (stop: 0 | 1): ExpressionSpecification => {
		const out: unknown[] = [];
		for (let half = -MAX_HALF_LANES; half <= MAX_HALF_LANES; half++)
			out.push(half, ['literal', at((half * LANE_SPACING[stop]) / 2, stop)]);
		return [
			'match',
			['get', 'halfLanes'],
			...out,
			['literal', at(0, stop)]
		] as unknown as ExpressionSpecification;
	};
	return ['interpolate', ['linear'], ['zoom'], 2, arms(0), 6, arms(1)];
}

/**
 * The widest lane offset the style provides for, in half lane widths: 24 lanes on one side of a
 * relation (8 kinds each way and 8 mutual). Wider cables draw their outer lanes at 0.
 */
const MAX_HALF_LANES = 48;

/** Text anchors facing each of eight screen directions (0 = east, clockwise, y down). */
const ANCHOR_FACING = [
	'left',
	'top-left',
	'top',
	'top-right',
	'right',
	'bottom-right',
	'bottom',
	'bottom-left'
];
/**
 * How far a cable's name sits from its centre line: past its outermost lane (`halfLanes`, in
 * half lane widths at zoom 4, where the story's first views are) and a small gap, in ems.
 */
function cableLabelGap(halfLanes: number): number {
	const laneAtZoom4 = (LANE_SPACING[0] + LANE_SPACING[1]) / 2;
	return Math.round((((halfLanes * laneAtZoom4) / 2 + 7) / FLOW_LABEL_SIZE) * 100) / 100;
}

/**
 * For each `side` (flowLabels.ts: the roomier one) and cable width, the anchor and offset off the
 * cable. One side only: on the other, the name could seem to belong to a neighbouring cable, so
 * rather none than that.
 */
function cableLabelAnchors(): ExpressionSpecification {
	const candidate = (side: number, gap: number) => {
		const angle = (side * Math.PI) / 4;
		const off = [Math.cos(angle), Math.sin(angle)].map((v) => Math.round(v * gap * 100) / 100);
		return [ANCHOR_FACING[side], off];
	};
	const bySide = (halfLanes: number) => {
		const gap = cableLabelGap(halfLanes);
		const arms: unknown[] = [];
		for (let side = 0; side < 8; side++) arms.push(side, ['literal', candidate(side, gap)]);
		return ['match', ['get', 'side'], ...arms, ['literal', candidate(0, gap)]];
	};
	const arms: unknown[] = [];
	for (let half = 0; half <= MAX_HALF_LANES; half++) arms.push(half, bySide(half));
	return [
		'match',
		['get', 'halfLanes'],
		...arms,
		bySide(MAX_HALF_LANES)
	] as unknown as ExpressionSpecification;
}

/** Size of the names on the lines (flowLabels.ts), px. */

/**
 * The names on the lines: a long relation's along its cable, just beside its outermost lane (either
 * side: both carry lanes), and a routed flow's beside its route.
 */
function flowLabelLayers(
	view: ViewSnapshot,
	mode: StyleMode,
	lanes: LaneStyle,
	textScale: number,
	palette: Palette
): LayerSpecification[] {
	const shown: ExpressionSpecification[] =
		mode === 'export' ? [['in', ['get', 'id'], ['literal', [...lanes.shown]]]] : [];
	const common = {
		source: 'flows',
		paint: {
			'text-color': palette.placeText,
			'text-halo-color': palette.halo,
			'text-halo-width': 1.6,
			'text-opacity': laneOpacity(mode, NO_LANES, 1)
		}
	};
	const text = {
		visibility: visibility(view.showLabels),
		'text-field': ['get', `label_${view.lang}`] as ExpressionSpecification,
		'text-font': FONT_REGULAR,
		'text-size': FLOW_LABEL_SIZE * textScale
	};
	return [
		{
			id: 'flow-labels-cable',
			type: 'symbol',
			...common,
			// Each first view gets the names of the relations that leave it.
			filter: [
				'all',
				['has', 'side'],
				['==', ['get', 'frame'], textScale === 1 ? 'desktop' : 'phone'],
				...shown
			] as FilterSpecification,
			layout: {
				...text,
				// Level text beside the cable, on whichever side has room (flowLabels.ts chose the point
				// and the two sides off it).
				'text-variable-anchor-offset': CABLE_LABEL_ANCHORS,
				'text-justify': 'auto',
				'text-max-width': LABEL_MAX_EMS.cable
			}
		},
		{
			id: 'flow-labels-route',
			type: 'symbol',
			...common,
			filter: ['all', ['has', 'label_en'], ['!', ['has', 'side']], ...shown] as FilterSpecification,
			layout: {
				...text,
				// East of the route only: over the sea, never over the cables reaching Pyongyang.
				'text-variable-anchor-offset': [
					'top-left',
					[1.5, 0.6],
					'left',
					[1.5, 0],
					'bottom-left',
					[1.2, -0.8],
					'top',
					[0, 1.2],
					// Where the cities crowd the route (an export's larger type, a smaller map): further
					// out over the sea, below the route or beside it.
					'top-left',
					[2, 1.5],
					'left',
					[5, 0.5]
				],
				'text-justify': 'auto',
				'text-max-width': LABEL_MAX_EMS.route
			}
		}
	];
}

/**
 * Each place's anchors in order of preference: its own side first, then the default order. The
 * offsets are in ems of the name, so smaller names (a phone's) get them scaled back to the same
 * pixels: they must clear the invisible box over the dot (places-keepout), or no side fits.
 */
function placeAnchors(
	sides: Readonly<Record<string, LabelSide>>,
	textScale: number
): ExpressionSpecification {
	const scaled = (s: LabelSide) => {
		const [anchor, [x, y]] = SIDE_ANCHORS[s];
		return [anchor, [x / textScale, y / textScale]];
	};
	const anchors = (first?: LabelSide) => ['literal', sidesInOrder(first).flatMap(scaled)];
	const entries = Object.entries(sides);
	if (entries.length === 0) return anchors() as unknown as ExpressionSpecification;
	return [
		'match',
		['get', 'id'],
		...entries.flatMap(([id, side]) => [id, anchors(side)]),
		anchors()
	] as unknown as ExpressionSpecification;
}

/** Country names: capitals of the basemap, letter-spaced, the bigger country first. */
function countryLabelLayout(view: ViewSnapshot, textScale: number): SymbolLayerSpecification['layout'] {
	return {
		visibility: visibility(view.showLabels),
		'text-field': nameField(view.lang),
		'text-font': FONT_REGULAR,
		'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10 * textScale, 6, 14 * textScale],
		'text-transform': 'uppercase',
		'text-letter-spacing': 0.08,
		'text-max-width': LABEL_MAX_EMS.country,
		'symbol-sort-key': ['-', 0, ['get', 'area']]
	};
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
	active: ExpressionSpecification,
	hidden: readonly string[],
	palette: Palette
): LayerSpecification[] {
	const look = AREA_LOOK[kind];
	const areaColor = palette.areas[kind];
	const common = {
		source: 'areas',
		filter: areaFilter(kind, hidden),
		layout: { visibility: visibility(view[AREA_SWITCH[kind]]) }
	};
	const color = ['match', ['get', 'kind'], kind, areaColor, areaColor] as ExpressionSpecification;
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
function areaLabelLayers(
	view: ViewSnapshot,
	textScale: number,
	hidden: readonly string[],
	palette: Palette
): LayerSpecification[] {
	const kinds = [
		{ id: 'patrol-waters-label', kind: 'patrol-waters' },
		{ id: 'regions-label', kind: 'recognised-region' }
	].map(({ id, kind }) => ({
		id,
		kind,
		on: view[AREA_SWITCH[kind as AreaKind]],
		color: palette.areas[kind as AreaKind]
	}));
	return kinds.map(({ id, kind, on, color }) => ({
		id,
		type: 'symbol',
		source: 'areaLabels',
		filter: areaFilter(kind as AreaKind, hidden),
		layout: {
			visibility: visibility(on && view.showLabels),
			'text-field': ['get', `label_${view.lang}`],
			'text-font': FONT_REGULAR,
			'text-size': ['interpolate', ['linear'], ['zoom'], 2, 10 * textScale, 6, 13 * textScale],
			'text-max-width': LABEL_MAX_EMS.area * textScale,
			// Centred on the area if there is room, else just above or below its centre.
			'text-variable-anchor': ['center', 'top', 'bottom'],
			'text-radial-offset': 1.2,
			'text-allow-overlap': false
		},
		paint: { 'text-color': color, 'text-halo-color': palette.halo, 'text-halo-width': 1.4 }
	}));
}

/** A layer's filter, left out where there is none (MapLibre rejects `filter: undefined`). */
function withFilter(filter: FilterSpecification | undefined): { filter?: FilterSpecification } {
	return filter ? { filter } : {};
}

function flowLineLayers(mode: StyleMode, lanes: LaneStyle, palette: Palette): LayerSpecification[] {
	const active = laneFlag(mode, STATE_ACTIVE, lanes.active);
	// Line widths at zoom 2 and 6, plain and highlighted, scaled by the certainty's weight.
	const width = (f: number): ExpressionSpecification => [
		'interpolate',
		['linear'],
		['zoom'],
		2,
		['case', active, LANE_WIDTH.line.lit[0] * f, LANE_WIDTH.line.plain[0] * f],
		6,
		['case', active, LANE_WIDTH.line.lit[1] * f, LANE_WIDTH.line.plain[1] * f]
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
	// A white casing under every lane keeps lines readable over borders and apart in their cable.
	layers.push({
		id: 'flows-casing',
		type: 'line',
		source: 'flows',
		filter: [
			'all',
			['has', 'certainty'],
			...(lanesFilter(mode, lanes) ? [lanesFilter(mode, lanes)!] : [])
		] as FilterSpecification,
		layout: { 'line-cap': 'round', 'line-join': 'round' },
		// Colour and width per feature, as the flows have, so both share one shader program; the
		// casing widens with a highlighted flow, which would otherwise outgrow it.
		paint: {
			'line-color': ['case', active, palette.casing, palette.casing],
			'line-opacity': laneOpacity(mode, lanes, 0.85),
			'line-offset': laneOffset(),
			'line-width': [
				'interpolate',
				['linear'],
				['zoom'],
				2,
				['*', weightOf('width'), ['case', active, LANE_WIDTH.casing.lit[0], LANE_WIDTH.casing.plain[0]]],
				6,
				['*', weightOf('width'), ['case', active, LANE_WIDTH.casing.lit[1], LANE_WIDTH.casing.plain[1]]]
			]
		}
	});
	for (const certainty of CERTAINTIES) {
		const dash = CERTAINTY_DASH[certainty];
		layers.push({
			id: `flows-${certainty}`,
			type: 'line',
			source: 'flows',
			...withFilter(lanesFilter(mode, lanes, certainty)),
			layout: { 'line-cap': dash ? 'butt' : 'round', 'line-join': 'round' },
			paint: {
				'line-color': kindColor(palette),
				'line-width': width(CERTAINTY_WEIGHT[certainty].width),
				'line-opacity': laneOpacity(mode, lanes, CERTAINTY_WEIGHT[certainty].opacity),
				'line-offset': laneOffset(),
				...(dash ? { 'line-dasharray': dash } : {})
			}
		});
	}
	const shownLanes = lanesFilter(mode, lanes);
	layers.push({
		id: FLOW_ARROW_LAYER,
		type: 'symbol',
		source: 'flows',
		// One way only, and only as sure as the weight table allows (possible flows have none).
		filter: [
			'all',
			['in', ['get', 'certainty'], ['literal', arrowCertainties]],
			['!', ['get', 'mutual']],
			...(shownLanes ? [shownLanes] : [])
		] as FilterSpecification,
		layout: {
			'symbol-placement': 'line',
			'symbol-spacing': ['interpolate', ['linear'], ['zoom'], 2, 90, 6, 160],
			'icon-image': ARROW_IMAGE,
			'icon-size': ['interpolate', ['linear'], ['zoom'], 2, ARROW_ICON_SIZE[0], 6, ARROW_ICON_SIZE[1]],
			'icon-offset': ARROW_OFFSET,
			'icon-rotation-alignment': 'map',
			'icon-allow-overlap': true,
			// Arrows must never push city names off the map.
			'icon-ignore-placement': true
		},
		paint: {
			'icon-color': kindColor(palette),
			'icon-halo-color': palette.casing,
			'icon-halo-width': 1.2,
			'icon-opacity': laneOpacity(mode, lanes, weightOf('opacity'))
		}
	});
	return layers;
}

/**
 * Every layer of the map, bottom to top: pure, so it can be unit-tested, diffed layer by layer
 * by MapView on every change of view state, and rendered again offscreen for exports. The list
 * and its order never change with the view; only filters, paint and layout values do.
 */
export function buildLayers(
	view: ViewSnapshot,
	mode: StyleMode,
	look: StoryLook,
	{ lanes = NO_LANES, compact = false, hiddenAreas = [], palette = LIGHT }: LayerOptions = {}
): LayerSpecification[] {
	const textScale = compact ? COMPACT_TEXT : 1;
	const active = isActive(view, mode);
	// By property, not feature id: MapLibre turns numeric-looking string ids into numbers.
	const storyCountry: ExpressionSpecification = ['in', ['get', 'id'], ['literal', [...look.emphasis]]];
	const layers: LayerSpecification[] = [
		{ id: 'sea', type: 'background', paint: { 'background-color': palette.sea } },
		{
			id: 'land',
			type: 'fill',
			source: 'countries',
			// No outline pass (a shader program and a draw call more): the coastline layer draws the edge.
			// Opacity per feature (always 1) only so that land and areas share one fill program.
			paint: {
				'fill-color': ['case', storyCountry, palette.landStory, palette.land],
				'fill-opacity': ['case', storyCountry, 1, 1],
				'fill-antialias': false
			}
		},
		...areaLayers('patrol-waters', 'patrol-waters', view, active, hiddenAreas, palette),
		...areaLayers('regions', 'recognised-region', view, active, hiddenAreas, palette),
		{
			id: 'coastline',
			type: 'line',
			source: 'land',
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': palette.coast,
				'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.2]
			}
		},
		{
			id: 'borders',
			type: 'line',
			source: 'borders',
			layout: { visibility: visibility(view.showBorders), 'line-join': 'round' },
			paint: {
				'line-color': palette.border,
				'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.6, 6, 1.4]
			}
		},
		{
			id: 'country-labels',
			type: 'symbol',
			source: 'countryLabels',
			// Small territories (glaciers, bases, islets) only get a name once there is room; the
			// story's own countries have a layer of their own, above the lines.
			filter: [
				'all',
				['!', storyCountry],
				['step', ['zoom'], ['>=', ['get', 'area'], 60000], 4, ['>=', ['get', 'area'], 8000], 6, true]
			] as FilterSpecification,
			layout: countryLabelLayout(view, textScale),
			paint: { 'text-color': palette.countryLabel, 'text-halo-color': palette.halo, 'text-halo-width': 1.2 }
		},
		...areaLabelLayers(view, textScale, hiddenAreas, palette),
		...flowLineLayers(mode, lanes, palette),
		...flowLabelLayers(view, mode, lanes, textScale, palette),
		{
			// Above the lines and placed before their names: a story country is always named.
			id: 'story-country-labels',
			type: 'symbol',
			source: 'countryLabels',
			filter: storyCountry as FilterSpecification,
			layout: countryLabelLayout(view, textScale),
			paint: {
				'text-color': palette.storyCountryLabel,
				'text-halo-color': palette.halo,
				'text-halo-width': 1.6
			}
		},
		{
			id: 'places-circle',
			type: 'circle',
			source: 'places',
			paint: {
				'circle-radius': ['case', active, 8, ['==', ['get', 'role'], 'capital'], 5.5, 4],
				'circle-color': ['case', ['==', ['get', 'role'], 'capital'], palette.placeText, palette.casing],
				'circle-stroke-color': [
					'case',
					['==', ['get', 'role'], 'capital'],
					palette.casing,
					palette.placeText
				],
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
				'text-size': ['case', ['==', ['get', 'role'], 'capital'], 15 * textScale, 13 * textScale],
				// Anchors in order of preference, per place: the story's side for it first (Beijing's
				// left: Pyongyang lies just east), then right, left, above, below.
				'text-variable-anchor-offset': placeAnchors(look.labelSide, textScale),
				'text-justify': 'auto',
				// Names dodge each other (Beijing's must not cover Pyongyang's dot): MapLibre tries
				// each anchor in turn. Capitals are placed first, and this layer is placed before
				// every layer below it, so country names give way to city names, never the reverse.
				'symbol-sort-key': [
					'match',
					['get', 'role'],
					'capital',
					labelOrder('capital'),
					'port',
					labelOrder('port'),
					labelOrder('city')
				],
				'text-padding': LABEL_PADDING
			},
			paint: { 'text-color': palette.placeText, 'text-halo-color': palette.halo, 'text-halo-width': 2 }
		},
		{
			// An invisible box over the dots of the cities. Placed first (it is the top layer), it
			// keeps every name off them: a name never hides a city, however crowded the view. Minor
			// places (the shipyard) get none, so at low zoom a city's name may pass over them.
			id: 'places-keepout',
			type: 'symbol',
			source: 'places',
			filter: ['in', ['get', 'role'], ['literal', [...KEEPOUT_ROLES]]],
			layout: {
				'icon-image': ARROW_IMAGE,
				'icon-size': KEEPOUT_ICON_SIZE,
				'icon-allow-overlap': true,
				'icon-ignore-placement': false
			},
			paint: { 'icon-opacity': 0 }
		}
	];

	return layers;
}

/*
 * The long per-lane expressions depend on no view: built once when the module loads (every
 * function they need is defined above), not on every style build.
 */
const ARROW_OFFSET = arrowOffset();
const CABLE_LABEL_ANCHORS = cableLabelAnchors();
