/**
 * Unit Web Mercator: the plane the map is drawn in, scaled to a 1×1 world.
 *
 * Curves are bent and measured here rather than in degrees because a degree of latitude is much
 * taller on screen near Moscow (56°N) than near Pyongyang (39°N); an offset computed in degrees
 * would bow unevenly. Mercator is conformal, so directions measured here are also true compass
 * directions at that point.
 *
 * Conventions (the same as MapLibre's MercatorCoordinate):
 * - x = 0 at lon -180, x = 1 at lon +180; longitudes past ±180 map past [0, 1) so unwrapped
 *   lines stay continuous.
 * - y = 0 at the northern edge (lat ≈ 85.05°), y = 1 at the southern edge: y grows downward, like
 *   screen pixels. "Right of the direction of travel" is therefore (−dy, dx) in this plane.
 */

/** A geographic position, longitude first (GeoJSON order). */
export type LonLat = [lon: number, lat: number];

/** A position in unit Web Mercator (x east, y south). */
export type MercatorXY = [x: number, y: number];

/** Web Mercator's latitude limit: beyond it y is infinite, so latitudes are clamped to it. */
export const MAX_MERCATOR_LAT = 85.0511287798066;

const DEG = Math.PI / 180;

/** Mercator y of a latitude (clamped to ±85.05°). Scalar form for hot loops. */
export function latToMercatorY(lat: number): number {
	const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
	return 0.5 - Math.log(Math.tan(Math.PI / 4 + (clamped * DEG) / 2)) / (2 * Math.PI);
}

/** Latitude of a Mercator y; any finite y is accepted. Scalar form for hot loops. */
export function mercatorYToLat(y: number): number {
	return (2 * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - Math.PI / 2) / DEG;
}

/** Project [lon, lat] to unit Web Mercator. Latitudes beyond ±85.05° are clamped. */
export function toMercator(p: readonly [number, number]): MercatorXY {
	return [(p[0] + 180) / 360, latToMercatorY(p[1])];
}

/** Inverse of {@link toMercator}. Any finite y is accepted (bent curves may leave [0, 1]). */
export function fromMercator(p: readonly [number, number]): LonLat {
	return [p[0] * 360 - 180, mercatorYToLat(p[1])];
}
