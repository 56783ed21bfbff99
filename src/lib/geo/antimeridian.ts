import type { LineString, MultiLineString, MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Antimeridian handling for geometry drawn on a Web Mercator map.
 *
 * Natural Earth stores everything within -180..180, so a ring that crosses the antimeridian
 * (Chukotka, Fiji, Antarctica) contains a step from +179.9 to -180. MapLibre draws that step
 * literally, as an edge across the whole world, and fills a band along it. MapLibre happily
 * draws longitudes beyond ±180 (it wraps them into the neighbouring world copy), so instead of
 * cutting shapes apart we make every ring continuous.
 *
 * Longitudes are moved only by whole turns, and a point that needs no move keeps its exact
 * input value: shared borders must stay bit-identical in both countries, or TopoJSON can no
 * longer see that they are shared (x - 360 + 360 is not always x in floating point).
 */

export type LonLat = [number, number];

/** Geometries that carry rings or lines; points never jump. */
export type UnwrappableGeometry = Polygon | MultiPolygon | LineString | MultiLineString;

/** Longitude step used along a pole when closing a ring around it: no edge exceeds 180°. */
const POLE_EDGE_STEP = 10;

/** A point as its input longitude, latitude, and the whole turns to add to the longitude. */
type Turned = [lon: number, lat: number, turns: number];

/**
 * Returns the ring with longitudes made continuous: every step is at most 180° in longitude,
 * taking the short way round. The first point keeps its longitude, so rings that never cross the
 * antimeridian come back unchanged.
 */
export function unwrapRing(ring: readonly LonLat[]): LonLat[] {
	return materialize(turnContinuously(ring));
}

/**
 * Unwraps a polygon ring; a ring that then ends a whole turn from where it started encircles a
 * pole (Antarctica) and is closed through that pole: down the last meridian, along the pole in
 * steps back to the first longitude, and up again. On a Mercator map the pole edge lies beyond
 * the drawable latitudes, so the continent is filled with no band and no visible seam.
 */
export function unwrapPolygonRing(ring: readonly LonLat[]): LonLat[] {
	return materialize(closeAroundPoleIfNeeded(turnContinuously(ring)));
}

/**
 * Unwraps every ring or line of a geometry and places each shape in the world copy where most of
 * it lies (the middle of its longitude range within -180..180): a ring that happens to start in
 * Chukotka would otherwise drag all of Russia to -330..-169. In a MultiPolygon each part is then
 * moved by whole turns next to the largest part, so a country split by the antimeridian stays
 * one shape (Russia's land east of 180° continues from Chukotka at lon > 180 rather than at
 * -180..-169; the Aleutians continue west of Alaska). Holes follow their outer ring.
 */
export function unwrapGeometry<G extends UnwrappableGeometry>(geometry: G): G {
	switch (geometry.type) {
		case 'LineString':
			return { ...geometry, coordinates: unwrapLine(geometry.coordinates) };
		case 'MultiLineString':
			return { ...geometry, coordinates: geometry.coordinates.map(unwrapLine) };
		case 'Polygon':
			return { ...geometry, coordinates: unwrapPolygon(geometry.coordinates).map(materialize) };
		case 'MultiPolygon': {
			const polygons = keepPartsTogether(geometry.coordinates.map(unwrapPolygon));
			return { ...geometry, coordinates: polygons.map((polygon) => polygon.map(materialize)) };
		}
	}
	return geometry;
}

/** Largest longitude step between consecutive points (0 for fewer than two points). */
export function maxLonStep(line: readonly (readonly number[])[]): number {
	let max = 0;
	for (let i = 1; i < line.length; i++) {
		const a = line[i - 1]?.[0];
		const b = line[i]?.[0];
		if (a === undefined || b === undefined) continue;
		max = Math.max(max, Math.abs(b - a));
	}
	return max;
}

function turnContinuously(ring: readonly (readonly number[])[]): Turned[] {
	const out: Turned[] = [];
	let previous: number | undefined;
	let turns = 0;
	for (const position of ring) {
		const lon = position[0] ?? 0;
		const lat = position[1] ?? 0;
		if (previous !== undefined) {
			// Whole turns that make this step the short way round.
			turns = Math.round((previous - lon) / 360);
		}
		out.push([lon, lat, turns]);
		previous = lon + 360 * turns;
	}
	return out;
}

function closeAroundPoleIfNeeded(ring: Turned[]): Turned[] {
	const first = ring[0];
	const last = ring[ring.length - 1];
	if (!first || !last || ring.length < 4) return ring;
	const start = unwrapped(first);
	const end = unwrapped(last);
	if (Math.abs(end - start) <= 180) return ring;
	const meanLat = ring.reduce((sum, [, lat]) => sum + lat, 0) / ring.length;
	const pole = meanLat < 0 ? -90 : 90;
	const direction = Math.sign(start - end);
	const closing: Turned[] = [[end, pole, 0]];
	for (let lon = end + direction * POLE_EDGE_STEP; direction * (start - lon) > 0; lon += direction * POLE_EDGE_STEP) {
		closing.push([lon, pole, 0]);
	}
	closing.push([start, pole, 0], [first[0], first[1], first[2]]);
	return [...ring, ...closing];
}

function unwrapLine(line: readonly Position[]): LonLat[] {
	return materialize(intoMainWorld(turnContinuously(line)));
}

/** Unwraps a polygon's rings, then keeps every hole in the same world copy as its outer ring. */
function unwrapPolygon(rings: readonly Position[][]): Turned[][] {
	const [outerRing, ...holeRings] = rings;
	if (!outerRing) return [];
	const outer = intoMainWorld(closeAroundPoleIfNeeded(turnContinuously(outerRing)));
	const [west, east] = lonRange(outer);
	const holes = holeRings.map((hole) =>
		addTurns(closeAroundPoleIfNeeded(turnContinuously(hole)), turnsTowards(lonRange(turnContinuously(hole)), west, east))
	);
	return [outer, ...holes];
}

/** Moves a ring by whole turns so the middle of its longitude range lies in -180..180. */
function intoMainWorld(ring: Turned[]): Turned[] {
	const [west, east] = lonRange(ring);
	return addTurns(ring, -Math.round((west + east) / 2 / 360));
}

/** Moves each polygon by whole turns so it lies as close as possible to the largest one. */
function keepPartsTogether(polygons: Turned[][][]): Turned[][][] {
	let anchor: Turned[] | undefined;
	let anchorArea = -1;
	for (const polygon of polygons) {
		const outer = polygon[0];
		if (!outer) continue;
		const area = Math.abs(planarArea(outer));
		if (area > anchorArea) {
			anchor = outer;
			anchorArea = area;
		}
	}
	if (!anchor) return polygons;
	const [west, east] = lonRange(anchor);
	return polygons.map((polygon) => {
		const outer = polygon[0];
		if (!outer || outer === anchor) return polygon;
		const turns = turnsTowards(lonRange(outer), west, east);
		return turns === 0 ? polygon : polygon.map((ring) => addTurns(ring, turns));
	});
}

/** The whole number of turns (-1, 0 or 1) that brings a range closest to [west, east]. */
function turnsTowards([rangeWest, rangeEast]: [number, number], west: number, east: number): number {
	const centre = (rangeWest + rangeEast) / 2;
	let best = 0;
	let bestDistance = distanceToInterval(centre, west, east);
	for (const turns of [-1, 1]) {
		const distance = distanceToInterval(centre + 360 * turns, west, east);
		if (distance < bestDistance) {
			best = turns;
			bestDistance = distance;
		}
	}
	return best;
}

function addTurns(ring: Turned[], turns: number): Turned[] {
	return turns === 0 ? ring : ring.map(([lon, lat, own]): Turned => [lon, lat, own + turns]);
}

function unwrapped([lon, , turns]: Turned): number {
	return turns === 0 ? lon : lon + 360 * turns;
}

function materialize(ring: Turned[]): LonLat[] {
	return ring.map((point): LonLat => [unwrapped(point), point[1]]);
}

function lonRange(ring: readonly Turned[]): [number, number] {
	let west = Infinity;
	let east = -Infinity;
	for (const point of ring) {
		const lon = unwrapped(point);
		west = Math.min(west, lon);
		east = Math.max(east, lon);
	}
	return [west, east];
}

function distanceToInterval(value: number, low: number, high: number): number {
	return value < low ? low - value : value > high ? value - high : 0;
}

/** Shoelace area in square degrees; sign gives winding. Enough to pick the largest part. */
function planarArea(ring: readonly Turned[]): number {
	let sum = 0;
	for (let i = 1; i < ring.length; i++) {
		const a = ring[i - 1];
		const b = ring[i];
		if (a && b) sum += unwrapped(a) * b[1] - unwrapped(b) * a[1];
	}
	return sum / 2;
}
