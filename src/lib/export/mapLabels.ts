import type { Map as MapLibreMap, MapGeoJSONFeature, StyleSpecification } from 'maplibre-gl';
import { ExportError, offscreenSize, withOffscreenMap } from './offscreenMap';
import type { ExportCamera } from './projection';

/**
 * Where MapLibre put each name: the SVG uses the labels the map placed (which names, on which
 * side, where) instead of guessing them, so PNG and SVG name the same places in the same spots.
 *
 * Read through the public API only: `queryRenderedFeatures` with a rectangle answers from the
 * symbol collision index, so it returns a name exactly when the rectangle touches the name's
 * box. Each edge of each box is then found by bisection with half-planes (everything left of
 * x, right of x, ...), which needs no point inside the box to start from.
 */

export interface LabelBox {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

/** A symbol layer to read, and how to tell its names apart (a property unique within the layer). */
export interface LabelLayer {
	id: string;
	keyOf: (feature: MapGeoJSONFeature) => string;
}

/** layer id → name key → its box (text-padding included), in the map's CSS px. */
export type MapLabels = ReadonlyMap<string, ReadonlyMap<string, LabelBox>>;

/** Bisection steps: three times the map's widest side over 2^STEPS, a few hundredths of a pixel. */
const STEPS = 18;

type Query = (rect: [[number, number], [number, number]]) => MapGeoJSONFeature[];

/** The names MapLibre placed on `layers` and their boxes; a name placed twice (world copies) is left out. */
export function readMapLabels(
	map: Pick<MapLibreMap, 'queryRenderedFeatures' | 'getContainer'>,
	layers: readonly LabelLayer[]
): MapLabels {
	const container = map.getContainer();
	const width = container.clientWidth;
	const height = container.clientHeight;
	// Names may hang over the edges (MapLibre places them up to its viewport padding beyond).
	const reach = Math.max(width, height);
	const out = new Map<string, Map<string, LabelBox>>();
	for (const layer of layers) {
		const query: Query = (rect) => map.queryRenderedFeatures(rect, { layers: [layer.id] });
		const all = query([
			[-reach, -reach],
			[width + reach, height + reach]
		]);
		const counts = new Map<string, number>();
		for (const f of all) counts.set(layer.keyOf(f), (counts.get(layer.keyOf(f)) ?? 0) + 1);
		const boxes = new Map<string, LabelBox>();
		for (const [key, count] of counts) {
			if (count !== 1 || key === '') continue;
			// MapLibre also places names in a margin beyond the canvas, where no one sees them.
			const visible = [
				[0, 0],
				[width, height]
			] as [[number, number], [number, number]];
			if (!query(visible).some((f) => layer.keyOf(f) === key)) continue;
			const has = (rect: [[number, number], [number, number]]) =>
				query(rect).some((f) => layer.keyOf(f) === key);
			const [x0, x1, y0, y1] = [-reach, width + reach, -reach, height + reach];
			boxes.set(key, {
				// The smallest x whose left half-plane touches the box is its left edge, and so on.
				minX: bisect(x0, x1, (x) =>
					has([
						[x0, y0],
						[x, y1]
					])
				),
				maxX: bisect(
					x0,
					x1,
					(x) =>
						!has([
							[x, y0],
							[x1, y1]
						])
				),
				minY: bisect(y0, y1, (y) =>
					has([
						[x0, y0],
						[x1, y]
					])
				),
				maxY: bisect(
					y0,
					y1,
					(y) =>
						!has([
							[x0, y],
							[x1, y1]
						])
				)
			});
		}
		out.set(layer.id, boxes);
	}
	return out;
}

/** The point in [lo, hi] where `reached` turns from false to true (it must be monotone). */
function bisect(lo: number, hi: number, reached: (v: number) => boolean): number {
	for (let i = 0; i < STEPS; i++) {
		const mid = (lo + hi) / 2;
		if (reached(mid)) hi = mid;
		else lo = mid;
	}
	return (lo + hi) / 2;
}

/** Every label layer of the style the SVG draws; each feature carries its `id` property. */
export const SVG_LABEL_LAYERS: readonly LabelLayer[] = [
	'places-label',
	'story-country-labels',
	'country-labels',
	'patrol-waters-label',
	'regions-label',
	'flow-labels-cable',
	'flow-labels-route'
].map((id) => ({ id, keyOf: (f: MapGeoJSONFeature) => String(f.properties?.id ?? '') }));

/**
 * The names MapLibre places at an export's camera and size, from an offscreen map drawn at a
 * quarter of the pixels: placement is in CSS px, so the canvas's resolution does not change it.
 */
export function mapLabelsAt(request: {
	style: StyleSpecification;
	camera: ExportCamera;
	mapRect: { width: number; height: number };
	pixelRatio: number;
	maxCanvasSide: number;
	signal?: AbortSignal;
	timeoutMs?: number;
}): Promise<MapLabels> {
	return withOffscreenMap(
		{
			style: request.style,
			camera: request.camera,
			size: offscreenSize(request.mapRect, request.pixelRatio),
			pixelRatio: 0.25,
			maxCanvasSide: request.maxCanvasSide,
			...(request.signal ? { signal: request.signal } : {}),
			timeoutMs: request.timeoutMs ?? 60_000,
			fail: (code, values) => new ExportError(code, `${code}: ${String(values?.message ?? '')}`)
		},
		async ({ map, idle }) => {
			await idle();
			return readMapLabels(map, SVG_LABEL_LAYERS);
		}
	);
}
