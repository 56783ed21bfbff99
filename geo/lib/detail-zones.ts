import { feature } from 'topojson-client';
import type { Position } from 'geojson';
import type {
	GeometryCollection,
	GeometryObject,
	MultiPolygon,
	Objects,
	Polygon,
	Topology
} from 'topojson-specification';
import type { DetailZone } from '../config';
import { mercatorRingArea, mercatorY } from './mercator';

/**
 * Simplification that keeps more detail where the story is read up close: Visvalingam weights
 * and island sizes are judged against the threshold of the detail zone a vertex lies in
 * (geo/config.ts), so one cut-off (weight >= 1) serves every zone.
 */

/** Every ring keeps at least this many distinct vertices, so small islands stay shapes. */
const MIN_RING_VERTICES = 4;

/** Pole-closing vertices (added by the antimeridian step) must survive simplification. */
const POLE_LATITUDE = 89.99;

type WeightedPoint = [number, number, number];

export type ZoneLookup = (point: readonly number[]) => DetailZone;

/** The first zone containing the point; the last zone is the fallback for the whole world. */
export function zoneLookup(zones: DetailZone[]): ZoneLookup {
	const fallback = zones[zones.length - 1];
	if (!fallback) throw new Error('At least one detail zone is needed');
	return (point) => {
		const lon = point[0] ?? 0;
		const lat = point[1] ?? 0;
		for (const zone of zones) {
			const [west, south, east, north] = zone.bbox;
			if (lon >= west && lon <= east && lat >= south && lat <= north) return zone;
		}
		return fallback;
	};
}

/**
 * Visvalingam weight divided by the threshold of the zone the vertex lies in: >= 1 means
 * "visible at the zoom this zone is read at", so one cut-off serves every zone.
 */
export function weightInMapPixels(triangle: number[][], zoneOf: ZoneLookup): number {
	const [a, b, c] = triangle;
	if (!a || !b || !c) return 0;
	if (Math.abs(b[1] ?? 0) >= POLE_LATITUDE) return Infinity;
	const ay = projectedY(a);
	const by = projectedY(b);
	const cy = projectedY(c);
	const [ax = 0, bx = 0, cx = 0] = [a[0], b[0], c[0]];
	const area = Math.abs((ax - cx) * (by - ay) - (ax - bx) * (cy - ay)) / 2;
	return area / zoneOf(b).minWeight;
}

/**
 * Mercator y of a presimplify point, cached in the point's fourth slot: every point is weighed
 * several times as its neighbours go, and topojson-simplify only ever reads x, y and weight.
 */
function projectedY(point: number[]): number {
	const cached = point[3];
	if (cached !== undefined) return cached;
	const y = mercatorY(point[1] ?? 0);
	point[3] = y;
	return y;
}

/**
 * Visvalingam keeps only arc endpoints of a small closed ring, collapsing an island to a line.
 * For any ring that would keep fewer than MIN_RING_VERTICES distinct vertices, promote its most
 * important vertices so it stays a (coarse) shape; the island filter then decides if it stays.
 */
export function keepSmallRingsShaped(topology: Topology<Objects>): void {
	const arcs = topology.arcs as unknown as WeightedPoint[][];
	for (const ring of allRings(topology)) {
		const arcIndexes = ring.map((index) => (index < 0 ? ~index : index));
		const kept = arcIndexes.reduce((sum, index) => sum + countKept(arcs[index] ?? []) - 1, 0);
		let missing = MIN_RING_VERTICES - kept;
		if (missing <= 0) continue;
		const candidates = arcIndexes
			.flatMap((index) => (arcs[index] ?? []).filter((point) => point[2] < 1))
			.sort((p, q) => q[2] - p[2]);
		for (const point of candidates) {
			if (missing-- <= 0) break;
			point[2] = Infinity;
		}
	}
}

function countKept(arc: WeightedPoint[]): number {
	return arc.reduce((sum, point) => sum + (point[2] >= 1 ? 1 : 0), 0);
}

function allRings(topology: Topology<Objects>): number[][] {
	const rings: number[][] = [];
	const visit = (geometry: GeometryObject): void => {
		if (geometry.type === 'Polygon') rings.push(...geometry.arcs);
		else if (geometry.type === 'MultiPolygon') for (const polygon of geometry.arcs) rings.push(...polygon);
		else if (geometry.type === 'GeometryCollection') geometry.geometries.forEach(visit);
	};
	Object.values(topology.objects).forEach(visit);
	return rings;
}

/**
 * Drops islands too small to see where they are, keeping: holes (lakes and enclaves), rings that
 * share an arc with another ring (a country's mainland or a border island), and each country's
 * largest ring, so small island states never vanish.
 */
export function islandFilter(
	topology: Topology,
	zoneOf: ZoneLookup
): (ring: number[], interior: boolean) => boolean {
	const protectedRings = new Set<string>();
	const owners = new Map<number, number>();
	let ringId = 0;
	const countriesObject = topology.objects['countries'] as GeometryCollection;
	for (const country of countriesObject.geometries) {
		if (!isPolygonal(country)) continue;
		const polygons = country.type === 'Polygon' ? [country.arcs] : country.arcs;
		let largest: number[] | undefined;
		let largestArea = -1;
		for (const polygon of polygons) {
			for (const ring of polygon) {
				for (const index of ring) {
					const arc = index < 0 ? ~index : index;
					const owner = owners.get(arc);
					owners.set(arc, owner === undefined || owner === ringId ? ringId : -1);
				}
				ringId++;
			}
			const outer = polygon[0];
			if (!outer) continue;
			const area = mercatorRingArea(decodeRing(topology, outer));
			if (area > largestArea) {
				largest = outer;
				largestArea = area;
			}
		}
		if (largest) protectedRings.add(largest.join(','));
	}
	return (ring, interior) => {
		if (interior || protectedRings.has(ring.join(','))) return true;
		if (ring.some((index) => owners.get(index < 0 ? ~index : index) === -1)) return true;
		const coordinates = decodeRing(topology, ring);
		const [first] = coordinates;
		return first !== undefined && mercatorRingArea(coordinates) >= zoneOf(first).minIslandArea;
	};
}

function decodeRing(topology: Topology, ring: number[]): Position[] {
	const decoded = feature(topology, { type: 'Polygon', arcs: [ring] });
	return decoded.geometry.coordinates[0] ?? [];
}

export function isPolygonal(geometry: GeometryObject): geometry is Polygon | MultiPolygon {
	return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}
