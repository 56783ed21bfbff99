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
 * Longitudes move only by whole turns, and a point that needs no move keeps its exact input
 * value: a shared border must stay bit-identical in both countries or TopoJSON no longer sees
 * that it is shared (x - 360 + 360 is not always x in floating point). Rings that need nothing
 * come back as the very same arrays, which also keeps the world build fast.
 */

export type LonLat = [number, number];

/** Geometries that carry rings or lines; points never jump. */
export type UnwrappableGeometry = Polygon | MultiPolygon | LineString | MultiLineString;

/** Longitude step along a pole when closing a ring around it: no edge exceeds 180°. */
const POLE_EDGE_STEP = 10;

/**
 * A ring on its way out: the input points, the whole turns each point needs to be continuous
 * (undefined when none does), extra turns for the whole ring, and whether it must be closed
 * around a pole.
 */
interface PendingRing {
	points: readonly Position[];
	turns: number[] | undefined;
	extra: number;
	aroundPole: boolean;
}

/**
 * Returns the ring with longitudes made continuous: every step is at most 180° in longitude,
 * taking the short way round. The first point keeps its longitude, so rings that never cross the
 * antimeridian come back unchanged.
 */
export function unwrapRing(ring: readonly LonLat[]): LonLat[] {
	return materialize({ ...pending(ring), aroundPole: false }) as LonLat[];
}

/**
 * Unwraps a polygon ring; a ring that then ends a whole turn from where it started encircles a
 * pole (Antarctica) and is closed through that pole: down the last meridian, along the pole in
 * 10° steps back to the first longitude, and up again. On a Mercator map the pole edge lies
 * beyond the drawable latitudes, so the continent is filled with no band and no visible seam.
 */
export function unwrapPolygonRing(ring: readonly LonLat[]): LonLat[] {
	return materialize(pending(ring)) as LonLat[];
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
			return { ...geometry, coordinates: pendingPolygon(geometry.coordinates).map(materialize) };
		case 'MultiPolygon': {
			const polygons = keepPartsTogether(geometry.coordinates.map(pendingPolygon));
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

function unwrapLine(line: readonly Position[]): Position[] {
	const ring = pending(line);
	return materialize(intoMainWorld({ ...ring, aroundPole: false }));
}

/** Unwraps a polygon's rings, then keeps every hole in the same world copy as its outer ring. */
function pendingPolygon(rings: readonly Position[][]): PendingRing[] {
	const [outerPoints, ...holePoints] = rings;
	if (!outerPoints) return [];
	const outer = intoMainWorld(pending(outerPoints));
	const [west, east] = lonRange(outer);
	const holes = holePoints.map((points) => {
		const hole = pending(points);
		return { ...hole, extra: turnsTowards(lonRange(hole), west, east) };
	});
	return [outer, ...holes];
}

function pending(points: readonly Position[]): PendingRing {
	let turns: number[] | undefined;
	let current = 0;
	for (let i = 1; i < points.length; i++) {
		const previous = (points[i - 1]?.[0] ?? 0) + 360 * current;
		const lon = points[i]?.[0] ?? 0;
		// Whole turns that make this step the short way round.
		current = Math.round((previous - lon) / 360);
		if (current !== 0 && !turns) turns = new Array<number>(points.length).fill(0);
		if (turns) turns[i] = current;
	}
	const ring: PendingRing = { points, turns, extra: 0, aroundPole: false };
	// A closed ring that ends a whole turn from where it started goes round a pole.
	ring.aroundPole = points.length >= 4 && Math.abs(lonAt(ring, points.length - 1) - lonAt(ring, 0)) > 180;
	return ring;
}

/**
 * Moves a ring by whole turns so the middle of its longitude range lies in -180..180; a ring
 * centred exactly on the antimeridian stays where its first point is.
 */
function intoMainWorld(ring: PendingRing): PendingRing {
	const [west, east] = lonRange(ring);
	const centre = (west + east) / 2;
	if (Math.abs(centre) <= 180) return ring;
	return { ...ring, extra: ring.extra - Math.round(centre / 360) };
}

/** Moves each polygon by whole turns so it lies as close as possible to the largest one. */
function keepPartsTogether(polygons: PendingRing[][]): PendingRing[][] {
	let anchor: PendingRing | undefined;
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
		return turns === 0 ? polygon : polygon.map((ring) => ({ ...ring, extra: ring.extra + turns }));
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

/** The ring's final coordinates; the input array itself when nothing moves. */
function materialize(ring: PendingRing): Position[] {
	const { points, turns, extra } = ring;
	const moved =
		!turns && extra === 0
			? (points as Position[])
			: points.map((point, i) => {
					const total = (turns?.[i] ?? 0) + extra;
					return total === 0 ? point : [(point[0] ?? 0) + 360 * total, point[1] ?? 0];
				});
	return ring.aroundPole ? closeAroundPole(moved) : moved;
}

function closeAroundPole(ring: Position[]): Position[] {
	const first = ring[0];
	const last = ring[ring.length - 1];
	if (!first || !last) return ring;
	const start = first[0] ?? 0;
	const end = last[0] ?? 0;
	const meanLat = ring.reduce((sum, point) => sum + (point[1] ?? 0), 0) / ring.length;
	const pole = meanLat < 0 ? -90 : 90;
	const direction = Math.sign(start - end);
	const closing: Position[] = [[end, pole]];
	for (
		let lon = end + direction * POLE_EDGE_STEP;
		direction * (start - lon) > 0;
		lon += direction * POLE_EDGE_STEP
	) {
		closing.push([lon, pole]);
	}
	closing.push([start, pole], first);
	return [...ring, ...closing];
}

function lonAt(ring: PendingRing, i: number): number {
	const lon = ring.points[i]?.[0] ?? 0;
	const total = (ring.turns?.[i] ?? 0) + ring.extra;
	return total === 0 ? lon : lon + 360 * total;
}

function lonRange(ring: PendingRing): [number, number] {
	let west = Infinity;
	let east = -Infinity;
	for (let i = 0; i < ring.points.length; i++) {
		const lon = lonAt(ring, i);
		if (lon < west) west = lon;
		if (lon > east) east = lon;
	}
	return [west, east];
}

function distanceToInterval(value: number, low: number, high: number): number {
	return value < low ? low - value : value > high ? value - high : 0;
}

/** Shoelace area in square degrees; sign gives winding. Enough to pick the largest part. */
function planarArea(ring: PendingRing): number {
	let sum = 0;
	for (let i = 1; i < ring.points.length; i++) {
		const a = ring.points[i - 1];
		const b = ring.points[i];
		if (a && b) sum += lonAt(ring, i - 1) * (b[1] ?? 0) - lonAt(ring, i) * (a[1] ?? 0);
	}
	return sum / 2;
}
