import { fromMercator, latToMercatorY, mercatorYToLat } from '$lib/geo/mercator';
import { TILE_SIZE, type ExportCamera } from './projection';

/**
 * What an export's map shows. Two rules, one home, used by the PNG, the SVG and the dialog's
 * preview alike:
 *
 * - `story`: the frame the story gives this view (the step's frame, or the story's opening frame),
 *   fitted into the export's map rect. A 16:9 or A4 export then shows Korea and the Russian Far
 *   East as the story frames them, not the screen's frame widened to half of Eurasia.
 * - `screen`: the live map's view as the reader left it, scaled to fit (every part of the screen is
 *   in the export; a map rect of another shape shows more around it, never less).
 */

type Bounds = readonly [readonly [number, number], readonly [number, number]];

/** The live map's camera and its size in CSS pixels. */
export interface LiveView extends ExportCamera {
	width: number;
	height: number;
}

export type ExportFraming = { kind: 'story'; bounds: Bounds } | { kind: 'screen'; live: LiveView };

/** A map rect in output pixels, and how many output pixels make a CSS pixel of the map. */
export interface MapRect {
	width: number;
	height: number;
}

/** Share of the map rect kept free on each side around a story frame (names stick out of dots). */
export const FRAME_MARGIN = 0.03;
/** As on the live map: a frame around a single place never zooms in further than this. */
const MAX_ZOOM = 8;

/** The frame in unit Mercator, its east edge unwrapped past the antimeridian when needed. */
function mercatorBox(bounds: Bounds): { x0: number; x1: number; y0: number; y1: number } {
	const [[west, south], [east, north]] = bounds;
	const x0 = (west + 180) / 360;
	const x1 = ((east < west ? east + 360 : east) + 180) / 360;
	return { x0, x1, y0: latToMercatorY(north), y1: latToMercatorY(south) };
}

/** The camera that fits `bounds` (with FRAME_MARGIN) inside a map rect, north up. */
export function fitBounds(bounds: Bounds, mapRect: MapRect, pixelRatio: number): ExportCamera {
	const box = mercatorBox(bounds);
	const keep = 1 - 2 * FRAME_MARGIN;
	const cssWidth = (mapRect.width / pixelRatio) * keep;
	const cssHeight = (mapRect.height / pixelRatio) * keep;
	const scale = Math.min(
		cssWidth / Math.max(1e-9, (box.x1 - box.x0) * TILE_SIZE),
		cssHeight / Math.max(1e-9, (box.y1 - box.y0) * TILE_SIZE)
	);
	const zoom = Math.min(MAX_ZOOM, Math.log2(scale));
	const [lon, lat] = fromMercator([(box.x0 + box.x1) / 2, (box.y0 + box.y1) / 2]);
	return { center: [lon > 180 ? lon - 360 : lon, lat], zoom, bearing: 0 };
}

/**
 * The camera that frames the live view in an export's map rect: the live centre and bearing, and
 * the zoom at which the live view's rectangle (its CSS size, turned with the map) just fits the
 * map rect measured in CSS px: zoom' = zoom + log2(min(wRatio, hRatio)). With the same shape
 * (current view 1x/2x/3x without header and footer) the ratio is exactly 1 and the export is the
 * screen, pixel for pixel.
 */
export function screenCamera(live: LiveView, mapRect: MapRect, pixelRatio: number): ExportCamera {
	const fit = screenFit(live, mapRect, pixelRatio);
	const zoom = fit > 0 && Number.isFinite(fit) ? live.zoom + Math.log2(fit) : live.zoom;
	return { center: [live.center[0], live.center[1]], zoom, bearing: live.bearing };
}

function screenFit(live: LiveView, mapRect: MapRect, pixelRatio: number): number {
	return Math.min(
		mapRect.width / pixelRatio / Math.max(1, live.width),
		mapRect.height / pixelRatio / Math.max(1, live.height)
	);
}

/** The export's camera for a map rect of this size. */
export function exportCamera(framing: ExportFraming, mapRect: MapRect, pixelRatio: number): ExportCamera {
	return framing.kind === 'story'
		? fitBounds(framing.bounds, mapRect, pixelRatio)
		: screenCamera(framing.live, mapRect, pixelRatio);
}

/**
 * The lon/lat box the picture's map shows at this camera: what it can name and key. With a
 * bearing, the box around the turned rect. The east edge may pass 180° (unwrapped).
 */
export function pictureBounds(
	camera: ExportCamera,
	mapRect: MapRect,
	pixelRatio: number
): [[number, number], [number, number]] {
	const world = TILE_SIZE * 2 ** camera.zoom * pixelRatio;
	const angle = (camera.bearing * Math.PI) / 180;
	const [hw, hh] = [mapRect.width / 2 / world, mapRect.height / 2 / world];
	const ex = Math.abs(hw * Math.cos(angle)) + Math.abs(hh * Math.sin(angle));
	const ey = Math.abs(hw * Math.sin(angle)) + Math.abs(hh * Math.cos(angle));
	const cx = (camera.center[0] + 180) / 360;
	const cy = latToMercatorY(camera.center[1]);
	return [
		[(cx - ex) * 360 - 180, mercatorYToLat(Math.min(1, cy + ey))],
		[(cx + ex) * 360 - 180, mercatorYToLat(Math.max(0, cy - ey))]
	];
}

/**
 * Where the framed thing lands in the map rect, in output px from the rect's top left: the story's
 * frame or the screen's extent. The dialog's preview draws it.
 */
export function framedExtent(
	framing: ExportFraming,
	mapRect: MapRect,
	pixelRatio: number
): { x: number; y: number; width: number; height: number } {
	let width: number;
	let height: number;
	if (framing.kind === 'story') {
		const box = mercatorBox(framing.bounds);
		const world = TILE_SIZE * 2 ** fitBounds(framing.bounds, mapRect, pixelRatio).zoom * pixelRatio;
		width = (box.x1 - box.x0) * world;
		height = (box.y1 - box.y0) * world;
	} else {
		const fit = screenFit(framing.live, mapRect, pixelRatio) * pixelRatio;
		width = framing.live.width * fit;
		height = framing.live.height * fit;
	}
	return { x: (mapRect.width - width) / 2, y: (mapRect.height - height) / 2, width, height };
}
