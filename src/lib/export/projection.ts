import { latToMercatorY } from '$lib/geo/mercator';

/**
 * MapLibre's Web Mercator camera, reduced to what an export needs (no pitch, no terrain), so a
 * vector export lines up with the screen pixel for pixel.
 *
 * MapLibre's conventions (maplibre-gl 6, MercatorTransform._calcMatrices): the world is
 * 512 · 2^zoom CSS pixels wide (tile size 512), x grows east and y south from the world's
 * north-west corner; the view is the world translated so the centre sits at the middle of the
 * viewport and then rotated by −bearing about it (`rotateZ(m, m, -bearing)` in y-down pixel space).
 * So the bearing is the compass direction that points up on screen: at bearing 90 east is up.
 */

export const TILE_SIZE = 512;

/** Camera position as MapLibre reports it (getCenter, getZoom, getBearing); pitch is always 0 here. */
export interface ExportCamera {
	/** [longitude, latitude] in degrees. */
	center: readonly [number, number];
	zoom: number;
	/** Degrees clockwise from north of the direction that points up on screen. */
	bearing: number;
}

export interface Viewport extends ExportCamera {
	/** Viewport size in CSS pixels. */
	width: number;
	height: number;
}

export type ScreenPoint = [x: number, y: number];

export interface Projector {
	/** [lon, lat] -> [x, y] CSS pixels in the viewport; longitudes are taken literally (no wrapping). */
	(lonlat: readonly number[]): ScreenPoint;
	/** World width in CSS pixels at this zoom: shifting a longitude by 360° moves it this far. */
	readonly worldSize: number;
	readonly viewport: Readonly<Viewport>;
	/**
	 * Longitude shifts (multiples of 360°) of every world copy in which something spanning
	 * [minLon, maxLon] could be on screen: MapLibre draws world copies (renderWorldCopies), and
	 * our geometry is unwrapped past 180°, so one shape can show up once, twice or not at all.
	 * Conservative (tested against the viewport's circumscribed circle): callers cull precisely.
	 */
	copyShifts(minLon: number, maxLon: number): number[];
}

/** The shift (a multiple of 360°) that brings `lon` within 180° of `centerLon`: the nearest world copy. */
export function nearestCopyShift(lon: number, centerLon: number): number {
	return 360 * Math.round((centerLon - lon) / 360) || 0;
}

/** Never more world copies than this, whatever the zoom: a guard against absurd inputs. */
const MAX_COPIES = 64;

export function makeProjector(viewport: Viewport): Projector {
	const { center, zoom, bearing, width, height } = viewport;
	const worldSize = TILE_SIZE * 2 ** zoom;
	const cx = ((center[0] + 180) / 360) * worldSize;
	const cy = latToMercatorY(center[1]) * worldSize;
	const angle = (bearing * Math.PI) / 180;
	const cos = Math.cos(angle);
	const sin = Math.sin(angle);
	const halfW = width / 2;
	const halfH = height / 2;

	const project = ((lonlat: readonly number[]): ScreenPoint => {
		const dx = (((lonlat[0] ?? 0) + 180) / 360) * worldSize - cx;
		const dy = latToMercatorY(lonlat[1] ?? 0) * worldSize - cy;
		// Rotation by −bearing in y-down screen space.
		return [halfW + dx * cos + dy * sin, halfH - dx * sin + dy * cos];
	}) as Projector;

	const reachDegrees = (Math.hypot(width, height) / 2 / worldSize) * 360;
	const copyShifts = (minLon: number, maxLon: number): number[] => {
		const first = Math.ceil((center[0] - reachDegrees - maxLon) / 360);
		const last = Math.floor((center[0] + reachDegrees - minLon) / 360);
		const shifts: number[] = [];
		for (let k = first; k <= last && shifts.length < MAX_COPIES; k++) shifts.push(k === 0 ? 0 : k * 360);
		return shifts;
	};

	Object.defineProperties(project, {
		worldSize: { value: worldSize },
		viewport: { value: Object.freeze({ ...viewport }) },
		copyShifts: { value: copyShifts }
	});
	return project;
}
