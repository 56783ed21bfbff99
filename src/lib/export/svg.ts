import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import { type AreaKind, type Lang, type StoryLook } from '$lib/story';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import { AREA_LOOK } from '$lib/map/theme';
import type { LaneStyle } from '$lib/map/layers';
import { DEFAULT_TEXT_PADDING, FLOW_LABEL_SIZE, LABEL_PADDING } from '$lib/map/labelAnchors';
import type { MapLabels } from './mapLabels';
import { countryLabelsFor } from '$lib/map/storyFeatures';
import type { WorldData } from '$lib/map/worldData';
import { isAreaKindShown } from '$lib/state/visibility';
import {
	approximateMeasure,
	layoutExport,
	type LayoutContent,
	type LayoutOptions,
	type Measure
} from './layout';
import { type ExportCamera } from './projection';
import { el, type Child } from './xml';
import {
	fmt,
	interpolate,
	linesOf,
	makeStage,
	pathData,
	polygonsOf,
	projectLines,
	projectPoint,
	projectPolygons
} from './svgStage';
import {
	boxesFromMap,
	CollisionIndex,
	placeAreaLabels,
	placeCityLabels,
	placeCountryLabels,
	placeFlowLabels
} from './svgLabels';
import { layer, metadataEl, overlays } from './svgOverlays';
import { nameLayer } from './svgText';
import { flowLayers } from './svgFlows';
export { fmt, svgPaint } from './svgStage';

/**
 * The current view as a true vector SVG: the same layers, order, colours and sizes as the MapLibre
 * style (style.ts), projected with MapLibre's own camera math (projection.ts), plus the header,
 * legend and credits of layout.ts. Plain SVG 1.1 attributes only (no CSS, no <image>, no external
 * references, no scripts), so it opens in Inkscape, Illustrator and browsers alike, and every
 * string from the data is escaped by the element builder. The file a reader downloads adds its
 * font (svgFonts.ts: an @font-face subset, or the text as outlines).
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
	/**
	 * The names MapLibre placed at this export's camera and size (mapLabels.ts): then the SVG names
	 * exactly those, where the map put them. Without it (no WebGL), it places them by the style's
	 * rules itself, and leaves out the names on the lines.
	 */
	mapLabels?: MapLabels;
}

export const SVG_FONT_FAMILY = 'Noto Sans, sans-serif';
const CLIP_ID = 'nkr-map-clip';

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
	const palette = layout.palette;
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
			fill: palette.sea
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
				fill: story ? palette.landStory : palette.land,
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
		const { fillOpacity, outline } = AREA_LOOK[kind];
		const color = palette.areas[kind];
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
			stroke: palette.coast,
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
				stroke: palette.border,
				'stroke-width': fmt(interpolate(zoom, 1, 0.6, 6, 1.4) * pr),
				'stroke-linejoin': 'round'
			})
		);
	}

	// Labels are placed in MapLibre's priority order (topmost layer first: city names always, then
	// area names, then country names, bigger countries first) and drawn in layer order below.
	const collisions = new CollisionIndex();
	const fromMap = (layers: readonly string[], padding = DEFAULT_TEXT_PADDING) =>
		input.mapLabels ? boxesFromMap(input.mapLabels, layers, stage, pr, padding) : undefined;
	const placeLabels = placeCityLabels(
		input.places,
		input.look.labelSide,
		stage,
		pr,
		measure,
		nameOf,
		collisions,
		fromMap(['places-label'], LABEL_PADDING)
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
				collisions,
				fromMap(['patrol-waters-label', 'regions-label'])
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
				collisions,
				fromMap(['country-labels', 'story-country-labels'])
			)
		: [];
	// The story's countries are named above the lines (story-country-labels), the rest below.
	const storyCountryLabels = countryLabels.filter((c) => storyCountries.has(c.id));
	const flowLabelBoxes = view.showLabels ? fromMap(['flow-labels-cable', 'flow-labels-route']) : undefined;
	const flowLabels = flowLabelBoxes
		? placeFlowLabels(input.flows, flowLabelBoxes, stage, FLOW_LABEL_SIZE * pr, measure, lang)
		: [];

	map.push(
		nameLayer(
			'country-labels',
			'Country names',
			{ fill: palette.countryLabel },
			{ color: palette.halo, width: 1.2 * pr },
			countryLabels
				.filter((c) => !storyCountries.has(c.id))
				.map(({ label, letterSpacing }) => ({ label, attrs: { 'letter-spacing': fmt(letterSpacing) } }))
		),
		nameLayer(
			'area-labels',
			'Area names',
			{},
			{ color: palette.halo, width: 1.4 * pr },
			areaLabels.map(({ label, kind, id }) => ({ label, fill: palette.areas[kind as AreaKind], id }))
		)
	);

	// Lanes: casing, then one pass per certainty (as the style's layers), then arrows on top.
	map.push(...flowLayers(input, stage, zoom, pr, lang, palette));

	// The names on the lines, then the story's countries, above the lines as in the style.
	map.push(
		nameLayer(
			'flow-labels',
			'Line names',
			{ fill: palette.placeText },
			{ color: palette.halo, width: 1.6 * pr },
			flowLabels
		),
		nameLayer(
			'story-country-labels',
			'Story countries',
			{ fill: palette.storyCountryLabel },
			{ color: palette.halo, width: 1.6 * pr },
			storyCountryLabels.map(({ label, letterSpacing, id }) => ({
				label,
				attrs: { 'letter-spacing': fmt(letterSpacing) },
				id
			}))
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
					fill: capital ? palette.placeText : palette.casing,
					stroke: capital ? palette.casing : palette.placeText,
					'stroke-width': fmt(2 * pr),
					'data-id': String(place.properties?.id ?? '')
				})
			);
		}
	}
	map.push(el('g', layer('places', 'Places'), ...circles));
	map.push(
		nameLayer(
			'place-labels',
			'Place names',
			{ fill: palette.placeText },
			{ color: palette.halo, width: 2 * pr },
			placeLabels.map(({ label, bold, id }) => ({ label, attrs: { 'font-weight': bold ? 700 : null }, id }))
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
		el('rect', {
			id: 'background',
			x: 0,
			y: 0,
			width: fmt(width),
			height: fmt(height),
			fill: palette.frame.background
		}),
		el('g', { ...layer('map', 'Map'), 'clip-path': `url(#${CLIP_ID})` }, ...map),
		overlays(layout)
	);
	return doc.xml + '\n';
}
