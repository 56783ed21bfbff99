import type {
	Feature,
	FeatureCollection,
	Geometry,
	LineString,
	MultiPolygon,
	Point,
	Polygon,
	Position
} from 'geojson';
import {
	CERTAINTIES,
	FLOW_KINDS,
	type AreaKind,
	type Certainty,
	type LabelSide,
	type Lang,
	type StoryLook
} from '$lib/story';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import { LOCALES } from '$lib/i18n/format';
import {
	AREA_LOOK,
	BASE,
	CERTAINTY_DASH,
	CERTAINTY_WEIGHT,
	DIMMED_OPACITY,
	KIND_COLORS,
	LANE_SPACING,
	LANE_WIDTH
} from '$lib/map/theme';
import type { LaneStyle } from '$lib/map/layers';
import { offsetPolyline } from '$lib/geo/offset';
import { clipPolyline, clipRing, simplify } from '$lib/geo/clip';
import {
	KEEPOUT_PX,
	KEEPOUT_ROLES,
	LABEL_PADDING,
	labelOrder,
	SIDE_ANCHORS,
	sidesInOrder
} from '$lib/map/labelAnchors';
import { countryLabelsFor } from '$lib/map/storyFeatures';
import { strings } from '$lib/i18n/strings';
import type { WorldData } from '$lib/map/worldData';
import { isAreaKindShown } from '$lib/state/visibility';
import {
	approximateMeasure,
	layoutExport,
	type ExportLayout,
	type ExportMetadata,
	type LayoutContent,
	type LayoutOptions,
	type Measure,
	type Rect,
	type TextLine
} from './layout';
import { makeProjector, type ExportCamera, type Projector, type ScreenPoint } from './projection';
import { el, fragment, type Child, type Xml } from './xml';
import type { SwatchShape } from './legendSymbols';

/**
 * The current view as a true vector SVG: the same layers, order, colours and sizes as the MapLibre
 * style (style.ts), projected with MapLibre's own camera math (projection.ts), plus the header,
 * legend and credits of layout.ts. Plain SVG 1.1 attributes only (no CSS, no <image>, no external
 * references, no scripts), so it opens in Inkscape, Illustrator and browsers alike, and every
 * string from the data is escaped by the element builder.
 */

export interface SvgInput {
	/** Image size in pixels (SVG user units). */
	width: number;
	height: number;
	/** The live map's camera. */
	camera: ExportCamera;
	/**
	 * Output pixels per CSS pixel of the map, like MapLibre's pixelRatio: 2 draws the same area as
	 * a map half the size on screen, with lines and labels twice as big. Default 1.
	 */
	pixelRatio?: number;
	view: ViewSnapshot;
	/** The story's emphasised countries (presentationOf); label sides come from issue 14's placed labels. */
	look: Pick<StoryLook, 'emphasis' | 'countryLabels' | 'labelSide'>;
	world: WorldData;
	/** laneFeatures(story, relations): the lanes as drawn, one feature per level. */
	flows: FeatureCollection<LineString | Point>;
	/** Which lane features are drawn, highlighted and dimmed (AppState.exportLanes), as in the PNG. */
	lanes: LaneStyle;
	/** Areas not begun at the timeline's date (AppState.hiddenAreas), left out as in the PNG. */
	hiddenAreas: readonly string[];
	/** placeFeatures(story) */
	places: FeatureCollection<Point>;
	/** areaFeatures(story, geometries) */
	areas: FeatureCollection<Polygon | MultiPolygon>;
	/** areaLabelFeatures(areas) */
	areaLabels: FeatureCollection<Point>;
	options: LayoutOptions;
	content: LayoutContent;
	/** Label language; defaults to view.lang. */
	lang?: Lang;
	/** Text measure for wrapping and label collisions; defaults to approximateMeasure. */
	measure?: Measure;
	/** Font scale of header, legend and credits; defaults to layout.ts's width / 1200. */
	layoutScale?: number;
}

export const SVG_FONT_FAMILY = 'Noto Sans, sans-serif';
const CLIP_ID = 'nkr-map-clip';
/** Basemap points closer than this (output px) to the line through their neighbours are dropped. */
const SIMPLIFY_PX = 0.3;
/** MapLibre's default text-max-width, which the places-label layer keeps. */
const CITY_MAX_EMS = 10;
/** The area-labels layer's text-max-width. */
const AREA_MAX_EMS = 12;

// ---------------------------------------------------------------------------------------------
// Numbers, colours, zoom functions

/** Coordinates at 0.1 px: invisible at any print size, and a third of the digits of full floats. */
export function fmt(n: number): string {
	const r = Math.round(n * 10) / 10;
	return Object.is(r, -0) ? '0' : String(r);
}

/** MapLibre's ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1], clamped outside the stops. */
function interpolate(zoom: number, z0: number, v0: number, z1: number, v1: number): number {
	if (zoom <= z0) return v0;
	if (zoom >= z1) return v1;
	return v0 + ((zoom - z0) / (z1 - z0)) * (v1 - v0);
}

/** SVG 1.1 has no rgba(): split it into a colour and an opacity. */
export function svgPaint(color: string): { color: string; opacity: number | null } {
	const m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(color);
	if (!m) return { color, opacity: null };
	const hex = [m[1], m[2], m[3]]
		.map((v) =>
			Math.max(0, Math.min(255, Math.round(Number(v))))
				.toString(16)
				.padStart(2, '0')
		)
		.join('');
	const alpha = m[4] === undefined ? null : Number(m[4]);
	return { color: `#${hex}`, opacity: alpha === null || alpha >= 1 ? null : alpha };
}

// ---------------------------------------------------------------------------------------------
// Geometry

interface Box {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

function bboxOf(points: readonly ScreenPoint[]): Box {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const [x, y] of points) {
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	return { minX, minY, maxX, maxY };
}

function intersects(a: Box, b: Box): boolean {
	return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

function lonRange(rings: readonly (readonly Position[])[]): [number, number] {
	let min = Infinity;
	let max = -Infinity;
	for (const ring of rings)
		for (const p of ring) {
			const lon = p[0] ?? 0;
			if (lon < min) min = lon;
			if (lon > max) max = lon;
		}
	return [min, max];
}

/** Path data for projected rings or lines; consecutive points equal at 0.1 px are written once. */
function pathData(parts: readonly (readonly ScreenPoint[])[], close: boolean): string {
	let d = '';
	for (const part of parts) {
		let previous = '';
		let count = 0;
		for (const [x, y] of part) {
			const xy = `${fmt(x)} ${fmt(y)}`;
			if (xy === previous) continue;
			d += count === 0 ? `M${xy}` : count === 1 ? `L${xy}` : ` ${xy}`;
			previous = xy;
			count += 1;
		}
		if (close && count > 0) d += 'Z';
	}
	return d;
}

function polygonsOf(geometry: Geometry | null | undefined): Position[][][] {
	if (!geometry) return [];
	if (geometry.type === 'Polygon') return [geometry.coordinates];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates;
	return [];
}

function linesOf(geometry: Geometry | null | undefined): Position[][] {
	if (!geometry) return [];
	switch (geometry.type) {
		case 'LineString':
			return [geometry.coordinates];
		case 'MultiLineString':
			return geometry.coordinates;
		case 'Polygon':
			return geometry.coordinates;
		case 'MultiPolygon':
			return geometry.coordinates.flat();
		default:
			return [];
	}
}

/** Projects into image pixels: the map rect's offset added to the viewport projection. */
interface Stage {
	project: Projector;
	rect: Rect;
	/** Where anything drawn can still be seen: the map rect plus a margin for strokes. */
	cull: Box;
	toImage(lonlat: Position, shift: number): ScreenPoint;
}

function makeStage(rect: Rect, camera: ExportCamera, pixelRatio: number): Stage {
	const project = makeProjector({
		center: camera.center,
		// pixelRatio as MapLibre applies it: the same area, drawn at more pixels.
		zoom: camera.zoom + Math.log2(pixelRatio),
		bearing: camera.bearing,
		width: rect.width,
		height: rect.height
	});
	const margin = 16 * pixelRatio;
	return {
		project,
		rect,
		cull: {
			minX: rect.x - margin,
			minY: rect.y - margin,
			maxX: rect.x + rect.width + margin,
			maxY: rect.y + rect.height + margin
		},
		toImage(lonlat, shift) {
			const [x, y] = project([(lonlat[0] ?? 0) + shift, lonlat[1] ?? 0]);
			return [x + rect.x, y + rect.y];
		}
	};
}

/** Polygon parts (with their holes) on screen, in every world copy where they are visible. */
function projectPolygons(stage: Stage, polygons: readonly Position[][][]): ScreenPoint[][] {
	const rings: ScreenPoint[][] = [];
	for (const polygon of polygons) {
		const outer = polygon[0];
		if (!outer || outer.length === 0) continue;
		const [minLon, maxLon] = lonRange([outer]);
		for (const shift of stage.project.copyShifts(minLon, maxLon)) {
			const projected = outer.map((p) => stage.toImage(p, shift));
			if (!intersects(bboxOf(projected), stage.cull)) continue;
			// Only what the artboard shows (plus the stroke margin): files stay small and tidy.
			for (const ring of [
				projected,
				...polygon.slice(1).map((hole) => hole.map((p) => stage.toImage(p, shift)))
			]) {
				const clipped = simplify(clipRing(ring, stage.cull), SIMPLIFY_PX);
				if (clipped.length >= 3) rings.push(clipped);
			}
		}
	}
	return rings;
}

/**
 * Lines on screen, in every world copy where they are visible; `clip` cuts them to the artboard
 * (flows are kept whole, so their offsets and arrow spacing start where the map's do).
 */
function projectLines(stage: Stage, lines: readonly Position[][], clip = true): ScreenPoint[][] {
	const out: ScreenPoint[][] = [];
	for (const line of lines) {
		if (line.length < 2) continue;
		const [minLon, maxLon] = lonRange([line]);
		for (const shift of stage.project.copyShifts(minLon, maxLon)) {
			const projected = line.map((p) => stage.toImage(p, shift));
			if (!intersects(bboxOf(projected), stage.cull)) continue;
			if (clip) out.push(...clipPolyline(projected, stage.cull).map((piece) => simplify(piece, SIMPLIFY_PX)));
			else out.push(projected);
		}
	}
	return out;
}

/** A point on screen in whichever world copies put it inside the map rect. */
function projectPoint(stage: Stage, coord: Position): ScreenPoint[] {
	const lon = coord[0] ?? 0;
	const inside: ScreenPoint[] = [];
	for (const shift of stage.project.copyShifts(lon, lon)) {
		const p = stage.toImage(coord, shift);
		const r = stage.rect;
		if (p[0] >= r.x && p[0] <= r.x + r.width && p[1] >= r.y && p[1] <= r.y + r.height) inside.push(p);
	}
	return inside;
}

// ---------------------------------------------------------------------------------------------
// Labels

interface PlacedLabel {
	lines: string[];
	/** Where the lines start (start), end (end) or are centred (middle); y is the block's centre. */
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	size: number;
	lineHeight: number;
	box: Box;
}

class CollisionIndex {
	private boxes: Box[] = [];
	collides(box: Box): boolean {
		return this.boxes.some((b) => intersects(b, box));
	}
	insert(box: Box): void {
		this.boxes.push(box);
	}
}

/** Stroke-based text halo (MapLibre's halo width is outside the glyph; an SVG stroke is centred). */
function haloAttrs(color: string, haloWidth: number): Record<string, string | number | null> {
	const paint = svgPaint(color);
	return {
		stroke: paint.color,
		'stroke-opacity': paint.opacity,
		'stroke-width': fmt(haloWidth * 2),
		'stroke-linejoin': 'round'
	};
}

/** A group Inkscape shows as a layer (Illustrator as a group), named for the person editing. */
function layer(id: string, label: string): Record<string, string> {
	return { id, 'inkscape:groupmode': 'layer', 'inkscape:label': label };
}

/**
 * Labels over their halos, the halo as its own stroked copy underneath: Illustrator ignores SVG's
 * paint-order, and a designer can restyle or drop the halos as one group. `items(halo)` gives
 * the copies; ids and data go on the text copy only.
 */
function haloed(
	id: string,
	label: string,
	fill: Record<string, string | number | null>,
	halo: { color: string; width: number },
	items: (halo: boolean) => Child[]
): Xml {
	return el(
		'g',
		layer(id, label),
		el('g', { id: `${id}-halo`, fill: 'none', ...haloAttrs(halo.color, halo.width) }, ...items(true)),
		el('g', { id: `${id}-text`, ...fill, stroke: 'none' }, ...items(false))
	);
}

function textBlock(
	label: PlacedLabel,
	attrs: Record<string, string | number | null>,
	data: Record<string, string>
): Xml {
	const top = label.y - (label.lines.length * label.lineHeight) / 2;
	return el(
		'text',
		{
			...attrs,
			'font-size': fmt(label.size),
			'text-anchor': label.anchor === 'start' ? null : label.anchor,
			...data
		},
		...label.lines.map((line, i) =>
			el(
				'tspan',
				{
					x: fmt(label.x),
					// Baseline: the middle of the line box plus ~0.35 em (Noto Sans x-height centre).
					y: fmt(top + (i + 0.5) * label.lineHeight + label.size * 0.35)
				},
				line
			)
		)
	);
}

// ---------------------------------------------------------------------------------------------
// The document

export function renderSvg(input: SvgInput): string {
	const { width, height, view, camera } = input;
	const lang = input.lang ?? view.lang;
	const measure = input.measure ?? approximateMeasure;
	const pr = input.pixelRatio ?? 1;
	const zoom = camera.zoom;
	const layout = layoutExport({
		width,
		height,
		options: input.options,
		content: input.content,
		measure,
		...(input.layoutScale !== undefined ? { scale: input.layoutScale } : {})
	});
	const stage = makeStage(layout.map, camera, pr);
	const isActive = (id: unknown) => typeof id === 'string' && id === view.selectedId;
	const nameOf = (f: Feature) => String(f.properties?.[`name_${lang}`] ?? '');

	const map: Child[] = [];
	const r = layout.map;

	// Sea and land.
	map.push(
		el('rect', {
			id: 'sea',
			x: fmt(r.x),
			y: fmt(r.y),
			width: fmt(r.width),
			height: fmt(r.height),
			fill: BASE.sea
		})
	);
	const storyCountries = new Set<string>(input.look.emphasis);
	const land: Child[] = [];
	for (const country of input.world.countries.features) {
		const rings = projectPolygons(stage, polygonsOf(country.geometry));
		if (rings.length === 0) continue;
		const story = country.id !== undefined && storyCountries.has(String(country.id));
		land.push(
			el('path', {
				d: pathData(rings, true),
				fill: story ? BASE.landStory : BASE.land,
				'fill-rule': 'evenodd',
				'data-id': country.id !== undefined ? String(country.id) : null
			})
		);
	}
	map.push(el('g', layer('land', 'Land'), ...land));

	// Patrol waters and recognised regions, without those the rule leaves out.
	const hiddenArea = new Set(input.hiddenAreas);
	const areaGroup = (kind: 'patrol-waters' | 'recognised-region', id: string) => {
		if (!isAreaKindShown(kind, view)) return null;
		const { color, fillOpacity, outline } = AREA_LOOK[kind];
		const parts: Child[] = [];
		for (const area of input.areas.features) {
			if (area.properties?.kind !== kind || hiddenArea.has(String(area.properties?.id))) continue;
			const rings = projectPolygons(stage, polygonsOf(area.geometry));
			if (rings.length === 0) continue;
			const active = isActive(area.properties?.id);
			const d = pathData(rings, true);
			const lineWidth = outline.width * pr;
			parts.push(
				el('path', {
					d,
					fill: color,
					'fill-opacity': fillOpacity[active ? 1 : 0],
					'fill-rule': 'evenodd',
					stroke: 'none',
					'data-id': String(area.properties?.id ?? '')
				}),
				el('path', {
					d,
					fill: 'none',
					stroke: color,
					'stroke-width': fmt(lineWidth),
					'stroke-opacity': outline.opacity,
					'stroke-dasharray': outline.dash ? outline.dash.map((v) => fmt(v * lineWidth)).join(' ') : null,
					'stroke-linejoin': 'round'
				})
			);
		}
		return el('g', layer(id, id === 'regions' ? 'Regions' : 'Patrol waters'), ...parts);
	};
	map.push(areaGroup('patrol-waters', 'patrol-waters'), areaGroup('recognised-region', 'regions'));

	// Coastline and borders.
	const coastLines = input.world.land.features.flatMap((f) => projectLines(stage, linesOf(f.geometry)));
	map.push(
		el('path', {
			id: 'coastline',
			d: pathData(coastLines, false),
			fill: 'none',
			stroke: BASE.coast,
			'stroke-width': fmt(interpolate(zoom, 1, 0.5, 6, 1.2) * pr),
			'stroke-linejoin': 'round'
		})
	);
	if (view.showBorders) {
		const borderLines = projectLines(stage, linesOf(input.world.borders.geometry));
		map.push(
			el('path', {
				id: 'borders',
				d: pathData(borderLines, false),
				fill: 'none',
				stroke: BASE.border,
				'stroke-width': fmt(interpolate(zoom, 1, 0.6, 6, 1.4) * pr),
				'stroke-linejoin': 'round'
			})
		);
	}

	// Labels are placed in MapLibre's priority order (topmost layer first: city names always, then
	// area names, then country names, bigger countries first) and drawn in layer order below.
	const collisions = new CollisionIndex();
	const placeLabels = placeCityLabels(
		input.places,
		input.look.labelSide,
		stage,
		pr,
		measure,
		nameOf,
		collisions
	);
	const areaLabels = view.showLabels
		? placeAreaLabels(
				{
					...input.areaLabels,
					features: input.areaLabels.features.filter((f) => !hiddenArea.has(String(f.properties?.id)))
				},
				view,
				stage,
				zoom,
				pr,
				measure,
				nameOf,
				collisions
			)
		: [];
	const countryLabels = view.showLabels
		? placeCountryLabels(
				countryLabelsFor(input.world.countryLabels, input.look.countryLabels),
				stage,
				zoom,
				pr,
				measure,
				nameOf,
				lang,
				collisions
			)
		: [];

	map.push(
		haloed(
			'country-labels',
			'Country names',
			{ fill: BASE.countryLabel },
			{ color: BASE.halo, width: 1.2 * pr },
			() =>
				countryLabels.map(({ label, letterSpacing }) =>
					textBlock(label, { 'letter-spacing': fmt(letterSpacing) }, {})
				)
		),
		haloed('area-labels', 'Area names', {}, { color: BASE.halo, width: 1.4 * pr }, (halo) =>
			areaLabels.map(({ label, kind, id }) =>
				textBlock(
					label,
					halo ? {} : { fill: AREA_LOOK[kind as AreaKind].color },
					halo ? {} : { 'data-id': id }
				)
			)
		)
	);

	// Lanes: casing, then one pass per certainty (as the style's layers), then arrows on top.
	const shownLanes = new Set(input.lanes.shown);
	const activeLanes = new Set(input.lanes.active);
	const dimmedLanes = new Set(input.lanes.dimmed);
	const laneGap = interpolate(zoom, 2, LANE_SPACING[0], 6, LANE_SPACING[1]) * pr;
	const flows = input.flows.features
		// Lanes only: the names on the lines are labels (not drawn here yet, see issue 14).
		.filter((f) => f.geometry.type === 'LineString' && typeof f.properties?.certainty === 'string')
		.filter((f) => shownLanes.has(String(f.properties?.id)))
		.map((f) => {
			const offset = (Number(f.properties?.halfLanes ?? 0) * laneGap) / 2;
			const coordinates = (f.geometry as LineString).coordinates;
			const lines = projectLines(stage, [coordinates], false).map((l) => offsetPolyline(l, offset));
			return { feature: f, lines };
		})
		.filter((f) => f.lines.length > 0);
	const laneActive = (p: Record<string, unknown>) => activeLanes.has(String(p.id));
	const dim = (p: Record<string, unknown>, opacity: number) =>
		dimmedLanes.has(String(p.id)) ? opacity * DIMMED_OPACITY : opacity;
	/** Opacities to the hundredth; full opacity is the default and left out. */
	const fmt2 = (o: number) => String(Math.round(o * 100) / 100);
	const opacityAttr = (o: number) => (o === 1 ? null : fmt2(o));
	// As the style's layers: widths scaled by the certainty's weight (theme.ts CERTAINTY_WEIGHT).
	const weightOf = (p: Record<string, unknown>) =>
		CERTAINTY_WEIGHT[p.certainty as Certainty] ?? CERTAINTY_WEIGHT.reported;
	const zoomed = ([a, b]: readonly [number, number]) => interpolate(zoom, 2, a, 6, b);
	const casingWidth = (p: Record<string, unknown>) =>
		zoomed(LANE_WIDTH.casing[laneActive(p) ? 'lit' : 'plain']) * weightOf(p).width * pr;
	const flowWidth = (active: boolean) => zoomed(LANE_WIDTH.line[active ? 'lit' : 'plain']) * pr;
	const kindName = strings(lang).kinds;
	map.push(
		el(
			'g',
			{
				id: 'flow-casing',
				fill: 'none',
				stroke: '#ffffff',
				'stroke-linecap': 'round',
				'stroke-linejoin': 'round'
			},
			...flows.map((f) =>
				el('path', {
					d: pathData(f.lines, false),
					'stroke-opacity': fmt2(dim(f.feature.properties ?? {}, 0.85)),
					'stroke-width': fmt(casingWidth(f.feature.properties ?? {}))
				})
			)
		)
	);
	const flowPaths: { kind: string; path: Xml }[] = [];
	for (const certainty of CERTAINTIES as readonly Certainty[]) {
		for (const { feature, lines } of flows) {
			const p = feature.properties ?? {};
			if (p.certainty !== certainty) continue;
			const kind = String(p.kind);
			// Rounded first, so the dash pattern is exactly in line widths of the written width.
			const w = Math.round(flowWidth(laneActive(p)) * CERTAINTY_WEIGHT[certainty].width * 10) / 10;
			const dash = CERTAINTY_DASH[certainty];
			flowPaths.push({
				kind,
				path: el(
					'path',
					{
						d: pathData(lines, false),
						fill: 'none',
						stroke: KIND_COLORS[kind as keyof typeof KIND_COLORS] ?? '#555555',
						'stroke-width': fmt(w),
						'stroke-opacity': opacityAttr(dim(p, CERTAINTY_WEIGHT[certainty].opacity)),
						'stroke-linecap': dash ? 'butt' : 'round',
						'stroke-linejoin': 'round',
						'stroke-dasharray': dash ? dash.map((v) => fmt(v * w)).join(' ') : null,
						'data-id': String(p.id ?? ''),
						'data-kind': kind,
						'data-certainty': certainty
					},
					el('title', {}, kindName[kind as keyof typeof kindName] ?? kind)
				)
			});
		}
	}
	// One sublayer per kind, in the legend's order, each holding its lanes in certainty order.
	const kindsDrawn = FLOW_KINDS.filter((kind) => flowPaths.some((f) => f.kind === kind));
	map.push(
		el(
			'g',
			layer('flows', 'Flows'),
			...kindsDrawn.map((kind) =>
				el(
					'g',
					layer(`flows-${kind}`, kindName[kind]),
					...flowPaths.filter((f) => f.kind === kind).map((f) => f.path)
				)
			)
		)
	);
	const arrows: { d: string; fill: string; opacity: string | null; kind: string }[] = [];
	const spacing = interpolate(zoom, 2, 90, 6, 160) * pr;
	const iconScale = interpolate(zoom, 2, 0.55, 6, 0.85) * pr;
	for (const { feature, lines } of flows) {
		const p = feature.properties ?? {};
		if (p.mutual === true || !weightOf(p).arrows) continue;
		const kind = String(p.kind);
		const color = KIND_COLORS[kind as keyof typeof KIND_COLORS] ?? '#555555';
		for (const line of lines)
			for (const anchor of arrowAnchors(line, spacing)) {
				if (!insideRect(anchor.point, layout.map)) continue;
				arrows.push({
					d: arrowPath(anchor.point, anchor.angle, iconScale),
					fill: color,
					opacity: opacityAttr(dim(p, weightOf(p).opacity)),
					kind
				});
			}
	}
	map.push(
		haloed('flow-arrows', 'Arrows', {}, { color: '#ffffff', width: 1.2 * pr }, (halo) =>
			arrows.map((a) =>
				el(
					'path',
					halo ? { d: a.d } : { d: a.d, fill: a.fill, 'fill-opacity': a.opacity, 'data-kind': a.kind }
				)
			)
		)
	);

	// Places: circles, then names.
	const circles: Child[] = [];
	for (const place of input.places.features) {
		const capital = place.properties?.role === 'capital';
		const radius = (isActive(place.properties?.id) ? 8 : capital ? 5.5 : 4) * pr;
		for (const [x, y] of projectPoint(stage, place.geometry.coordinates)) {
			circles.push(
				el('circle', {
					cx: fmt(x),
					cy: fmt(y),
					r: fmt(radius),
					fill: capital ? BASE.placeText : '#ffffff',
					stroke: capital ? '#ffffff' : BASE.placeText,
					'stroke-width': fmt(2 * pr),
					'data-id': String(place.properties?.id ?? '')
				})
			);
		}
	}
	map.push(el('g', layer('places', 'Places'), ...circles));
	map.push(
		haloed(
			'place-labels',
			'Place names',
			{ fill: BASE.placeText },
			{ color: BASE.halo, width: 2 * pr },
			(halo) =>
				placeLabels.map(({ label, bold, id }) =>
					textBlock(label, { 'font-weight': bold ? 700 : null }, halo ? {} : { 'data-id': id })
				)
		)
	);

	const doc = el(
		'svg',
		{
			xmlns: 'http://www.w3.org/2000/svg',
			'xmlns:inkscape': 'http://www.inkscape.org/namespaces/inkscape',
			version: '1.1',
			width: fmt(width),
			height: fmt(height),
			viewBox: `0 0 ${fmt(width)} ${fmt(height)}`,
			'font-family': SVG_FONT_FAMILY
		},
		el('title', {}, input.content.title),
		el('desc', {}, input.content.metadata.description),
		metadataEl(input.content.metadata),
		el(
			'defs',
			{},
			el(
				'clipPath',
				{ id: CLIP_ID },
				el('rect', { x: fmt(r.x), y: fmt(r.y), width: fmt(r.width), height: fmt(r.height) })
			)
		),
		el('rect', { id: 'background', x: 0, y: 0, width: fmt(width), height: fmt(height), fill: '#ffffff' }),
		el('g', { ...layer('map', 'Map'), 'clip-path': `url(#${CLIP_ID})` }, ...map),
		overlays(layout)
	);
	return doc.xml + '\n';
}

// ---------------------------------------------------------------------------------------------
// Label placement

function insideRect([x, y]: ScreenPoint, r: Rect): boolean {
	return x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
}

/** MapLibre's text-max-width: words wrapped to `maxEms` ems. */
function wrapLabel(text: string, size: number, maxEms: number, widthOf: (s: string) => number): string[] {
	// Explicit line breaks (an area's name and caption) are kept, as MapLibre keeps them.
	if (text.includes('\n')) return text.split('\n').flatMap((part) => wrapLabel(part, size, maxEms, widthOf));
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let current = '';
	for (const word of words) {
		const candidate = current ? `${current} ${word}` : word;
		if (current && widthOf(candidate) > maxEms * size) {
			lines.push(current);
			current = word;
		} else current = candidate;
	}
	if (current) lines.push(current);
	return lines;
}

function centredLabel(
	lines: string[],
	x: number,
	y: number,
	size: number,
	widthOf: (s: string) => number
): PlacedLabel {
	const lineHeight = size * 1.2;
	const w = Math.max(0, ...lines.map(widthOf));
	const h = lines.length * lineHeight;
	return {
		lines,
		x,
		y,
		anchor: 'middle',
		size,
		lineHeight,
		box: { minX: x - w / 2, maxX: x + w / 2, minY: y - h / 2, maxY: y + h / 2 }
	};
}

/**
 * City names as the style places them (places-label): capitals first, each trying the story's
 * side for it and then the others in labelAnchors.ts's order, the first that keeps clear of the
 * dots (places-keepout) and of the names already placed; a name with no free side is left out,
 * as MapLibre leaves it out.
 */
function placeCityLabels(
	places: FeatureCollection<Point>,
	sides: Readonly<Record<string, LabelSide>>,
	stage: Stage,
	pr: number,
	measure: Measure,
	nameOf: (f: Feature) => string,
	collisions: CollisionIndex
): { label: PlacedLabel; bold: boolean; id: string }[] {
	const out: { label: PlacedLabel; bold: boolean; id: string }[] = [];
	const role = (f: Feature) => String(f.properties?.role ?? '');
	const keepout = (KEEPOUT_PX * pr) / 2;
	for (const place of places.features) {
		if (!(KEEPOUT_ROLES as readonly string[]).includes(role(place))) continue;
		for (const [px, py] of projectPoint(stage, place.geometry.coordinates))
			collisions.insert({ minX: px - keepout, maxX: px + keepout, minY: py - keepout, maxY: py + keepout });
	}
	const ordered = [...places.features].sort((a, b) => labelOrder(role(a)) - labelOrder(role(b)));
	for (const place of ordered) {
		const name = nameOf(place);
		if (!name) continue;
		const id = String(place.properties?.id ?? '');
		const bold = role(place) === 'capital';
		const size = (bold ? 15 : 13) * pr;
		// MapLibre wraps a name at text-max-width (10 em by default): "Vostochny / Cosmodrome".
		const lines = wrapLabel(name, size, CITY_MAX_EMS, (s) => measure(s, size, bold));
		const width = Math.max(...lines.map((line) => measure(line, size, bold)));
		const lineHeight = size * 1.2;
		const height = lines.length * lineHeight;
		for (const [px, py] of projectPoint(stage, place.geometry.coordinates)) {
			const candidates = sidesInOrder(sides[id]).map((side) => {
				const [anchor, [ox, oy]] = SIDE_ANCHORS[side];
				const x = px + ox * size;
				// MapLibre sets a top-anchored name 0.2 em higher than its offset (and a bottom-anchored
				// one as much lower): its line box is centred on the glyphs (measured in the e2e test).
				const shift = anchor.includes('top') ? -0.2 : anchor.includes('bottom') ? 0.2 : 0;
				const y = py + (oy + shift) * size;
				const minX = anchor.includes('left') ? x : anchor.includes('right') ? x - width : x - width / 2;
				const minY = anchor.includes('top') ? y : anchor.includes('bottom') ? y - height : y - height / 2;
				const align: PlacedLabel['anchor'] = anchor.includes('left')
					? 'start'
					: anchor.includes('right')
						? 'end'
						: 'middle';
				const pad = LABEL_PADDING * pr;
				return {
					align,
					box: { minX, minY, maxX: minX + width, maxY: minY + height },
					padded: { minX: minX - pad, minY: minY - pad, maxX: minX + width + pad, maxY: minY + height + pad }
				};
			});
			const free = candidates.find((c) => !collisions.collides(c.padded));
			if (!free) continue;
			const { box, align } = free;
			collisions.insert(free.padded);
			// text-justify auto: the lines are flush with the side the name hangs from.
			const x = align === 'start' ? box.minX : align === 'end' ? box.maxX : (box.minX + box.maxX) / 2;
			out.push({
				label: { lines, x, y: (box.minY + box.maxY) / 2, anchor: align, size, lineHeight, box },
				bold,
				id
			});
		}
	}
	return out;
}

function placeAreaLabels(
	points: FeatureCollection<Point>,
	view: ViewSnapshot,
	stage: Stage,
	zoom: number,
	pr: number,
	measure: Measure,
	nameOf: (f: Feature) => string,
	collisions: CollisionIndex
): { label: PlacedLabel; kind: string; id: string }[] {
	const size = interpolate(zoom, 2, 10, 6, 13) * pr;
	const widthOf = (s: string) => measure(s, size, false);
	const out: { label: PlacedLabel; kind: string; id: string }[] = [];
	for (const point of points.features) {
		const kind = String(point.properties?.kind ?? '');
		if (!isAreaKindShown(kind, view)) continue;
		// The same text as the map's label: the name plus its caption, where the area has one.
		const name = String(point.properties?.[`label_${view.lang}`] ?? '') || nameOf(point);
		if (!name) continue;
		// As the style's area-labels layer: 12 em wide, centred on its point, else below or above
		// it (text-radial-offset 1.2 em, less the 0.2 em MapLibre sets top and bottom anchors by).
		const lines = wrapLabel(name, size, AREA_MAX_EMS, widthOf);
		const half = (lines.length * size * 1.2) / 2;
		for (const [x, y] of projectPoint(stage, point.geometry.coordinates)) {
			const label = [y, y + size + half, y - size - half]
				.map((cy) => centredLabel(lines, x, cy, size, widthOf))
				.find((l) => !collisions.collides(l.box) && boxInside(l.box, stage.rect));
			if (!label) continue;
			collisions.insert(label.box);
			out.push({ label, kind, id: String(point.properties?.id ?? '') });
		}
	}
	return out;
}

function placeCountryLabels(
	points: FeatureCollection<Point>,
	stage: Stage,
	zoom: number,
	pr: number,
	measure: Measure,
	nameOf: (f: Feature) => string,
	lang: Lang,
	collisions: CollisionIndex
): { label: PlacedLabel; letterSpacing: number }[] {
	const size = interpolate(zoom, 2, 10, 6, 14) * pr;
	const letterSpacing = 0.08 * size;
	const widthOf = (s: string) => measure(s, size, false) + letterSpacing * [...s].length;
	const byArea = [...points.features].sort(
		(a, b) => Number(b.properties?.area ?? 0) - Number(a.properties?.area ?? 0)
	);
	const out: { label: PlacedLabel; letterSpacing: number }[] = [];
	for (const point of byArea) {
		const name = nameOf(point).toLocaleUpperCase(LOCALES[lang]);
		if (!name || !point.geometry) continue;
		for (const [x, y] of projectPoint(stage, point.geometry.coordinates)) {
			const label = centredLabel(wrapLabel(name, size, 8, widthOf), x, y, size, widthOf);
			if (collisions.collides(label.box)) continue;
			collisions.insert(label.box);
			out.push({ label, letterSpacing });
		}
	}
	return out;
}

function boxInside(box: Box, r: Rect): boolean {
	return box.minX >= r.x && box.maxX <= r.x + r.width && box.minY >= r.y && box.maxY <= r.y + r.height;
}

// ---------------------------------------------------------------------------------------------
// Arrows

/**
 * Where arrowheads sit along a projected line: evenly spread at about `spacing` px (MapLibre's
 * symbol-spacing), at least one in the middle of any line long enough to carry one.
 */
export function arrowAnchors(
	line: readonly ScreenPoint[],
	spacing: number
): { point: ScreenPoint; angle: number }[] {
	const lengths: number[] = [0];
	for (let i = 1; i < line.length; i++) {
		const a = line[i - 1] as ScreenPoint;
		const b = line[i] as ScreenPoint;
		lengths.push((lengths[i - 1] ?? 0) + Math.hypot(b[0] - a[0], b[1] - a[1]));
	}
	const total = lengths[lengths.length - 1] ?? 0;
	if (total < spacing / 4 || spacing <= 0) return [];
	const count = Math.max(1, Math.round(total / spacing));
	const anchors: { point: ScreenPoint; angle: number }[] = [];
	let segment = 1;
	for (let k = 0; k < count; k++) {
		const at = ((k + 0.5) * total) / count;
		while (segment < line.length - 1 && (lengths[segment] ?? 0) < at) segment++;
		const a = line[segment - 1] as ScreenPoint;
		const b = line[segment] as ScreenPoint;
		const start = lengths[segment - 1] ?? 0;
		const len = (lengths[segment] ?? 0) - start;
		const t = len > 0 ? (at - start) / len : 0;
		anchors.push({
			point: [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t],
			angle: Math.atan2(b[1] - a[1], b[0] - a[0])
		});
	}
	return anchors;
}

/**
 * The arrowhead of arrowImage.ts (a 24 px triangle with 12% padding, tip along +x) scaled by
 * icon-size, centred on the anchor and turned along the line.
 */
function arrowPath([x, y]: ScreenPoint, angle: number, scale: number): string {
	const half = 12 * (1 - 2 * 0.12) * scale;
	const cos = Math.cos(angle);
	const sin = Math.sin(angle);
	const pt = (u: number, v: number) => `${fmt(x + u * cos - v * sin)} ${fmt(y + u * sin + v * cos)}`;
	return `M${pt(half, 0)}L${pt(-half, half)} ${pt(-half, -half)}Z`;
}

// ---------------------------------------------------------------------------------------------
// Header, legend, credits

/** What the file says about itself, in Dublin Core (read by Inkscape's document properties). */
function metadataEl(m: ExportMetadata): Xml {
	return el(
		'metadata',
		{},
		el(
			'rdf:RDF',
			{
				'xmlns:rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
				'xmlns:dc': 'http://purl.org/dc/elements/1.1/'
			},
			el(
				'rdf:Description',
				{},
				el('dc:title', {}, m.title),
				el('dc:description', {}, m.description),
				el('dc:source', {}, m.source),
				el('dc:date', {}, m.created)
			)
		)
	);
}

function textLineEl(line: TextLine): Xml {
	return el(
		'text',
		{
			x: fmt(line.x),
			y: fmt(line.y),
			'font-size': fmt(line.fontPx),
			'font-weight': line.bold ? 700 : null,
			fill: line.color
		},
		line.text
	);
}

/** A legend symbol's shape (legendSymbols.ts), as renderPng.ts's drawShape paints it. */
function swatchShapeEl(shape: SwatchShape): Xml {
	if (shape.type === 'line')
		return el('line', {
			x1: fmt(shape.x1),
			y1: fmt(shape.y1),
			x2: fmt(shape.x2),
			y2: fmt(shape.y2),
			stroke: shape.color,
			'stroke-width': fmt(shape.width)
		});
	if (shape.type === 'polygon') return el('path', { d: pathData([shape.points], true), fill: shape.fill });
	if (shape.type === 'circle')
		return el('circle', {
			cx: fmt(shape.cx),
			cy: fmt(shape.cy),
			r: fmt(shape.r),
			fill: shape.fill,
			stroke: shape.stroke,
			'stroke-width': fmt(shape.strokeWidth)
		});
	return el('rect', {
		x: fmt(shape.x),
		y: fmt(shape.y),
		width: fmt(shape.width),
		height: fmt(shape.height),
		fill: shape.fill,
		'fill-opacity': shape.fillOpacity,
		stroke: shape.stroke,
		'stroke-opacity': shape.strokeOpacity,
		'stroke-width': fmt(shape.strokeWidth),
		'stroke-dasharray': shape.dash ? shape.dash.map(fmt).join(' ') : null
	});
}

function overlays(layout: ExportLayout): Xml {
	const parts: Child[] = [];
	if (layout.header) {
		const h = layout.header;
		parts.push(
			el(
				'g',
				layer('header', 'Title'),
				el('rect', { x: 0, y: 0, width: fmt(h.rect.width), height: fmt(h.rect.height), fill: '#ffffff' }),
				...h.lines.map(textLineEl)
			)
		);
	}
	if (layout.footer) {
		const f = layout.footer;
		const footer: Child[] = [
			el('rect', { x: fmt(f.x), y: fmt(f.y), width: fmt(f.width), height: fmt(f.height), fill: '#ffffff' })
		];
		if (layout.legend) {
			const legend: Child[] = layout.legend.lines.map(textLineEl);
			for (const item of layout.legend.items) {
				const s = item.swatch;
				if (item.shapes) {
					legend.push(
						el('g', { 'data-symbol': item.key }, ...item.shapes.map(swatchShapeEl), textLineEl(item.label))
					);
					continue;
				}
				legend.push(
					el(
						'g',
						{ [`data-${item.type}`]: item.key },
						el('line', {
							x1: fmt(s.x1),
							y1: fmt(s.y),
							x2: fmt(s.x2),
							y2: fmt(s.y),
							stroke: item.color,
							'stroke-width': fmt(s.lineWidth),
							'stroke-opacity': item.opacity === 1 ? null : item.opacity,
							'stroke-linecap': item.dash ? 'butt' : 'round',
							'stroke-dasharray': item.dash ? item.dash.map((v) => fmt(v * s.lineWidth)).join(' ') : null
						}),
						textLineEl(item.label),
						textLineEl(item.count)
					)
				);
			}
			parts.push(el('g', layer('legend', 'Legend'), ...legend));
		}
		if (layout.credits)
			parts.push(el('g', layer('credits', 'Notes and sources'), ...layout.credits.lines.map(textLineEl)));
		parts.unshift(el('g', layer('footer-background', 'Footer'), ...footer));
	}
	return fragment(parts);
}
