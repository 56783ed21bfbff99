import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import {
	CERTAINTIES,
	FLOW_KINDS,
	type AreaKind,
	type Certainty,
	type Lang,
	type StoryLook
} from '$lib/story';
import type { ViewSnapshot } from '$lib/state/view.svelte';
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
import { countryLabelsFor } from '$lib/map/storyFeatures';
import { strings } from '$lib/i18n/strings';
import type { WorldData } from '$lib/map/worldData';
import { isAreaKindShown } from '$lib/state/visibility';
import {
	approximateMeasure,
	layoutExport,
	type LayoutContent,
	type LayoutOptions,
	type Measure
} from './layout';
import { type ExportCamera, type ScreenPoint } from './projection';
import { el, type Child, type Xml } from './xml';
import {
	fmt,
	interpolate,
	linesOf,
	makeStage,
	pathData,
	polygonsOf,
	projectLines,
	projectPoint,
	projectPolygons,
	svgPaint
} from './svgStage';
import {
	CollisionIndex,
	placeAreaLabels,
	placeCityLabels,
	placeCountryLabels,
	type PlacedLabel,
	insideRect
} from './svgLabels';
import { layer, metadataEl, overlays } from './svgOverlays';
export { fmt, svgPaint } from './svgStage';

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
