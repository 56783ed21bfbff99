import { feature, meshArcs, mergeArcs, quantize } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import { filter, presimplify, simplify, type Filter } from 'topojson-simplify';
import { area as turfArea } from '@turf/turf';
import type { FeatureCollection, MultiPolygon as GeoMultiPolygon, Polygon as GeoPolygon, Position } from 'geojson';
import type {
	GeometryCollection,
	GeometryObject,
	MultiLineString,
	MultiPolygon,
	Objects,
	Point as TopoPoint,
	Polygon,
	Topology
} from 'topojson-specification';
import { DETAIL_ZONES, QUANTIZATION, type DetailZone } from '../config';
import type { CountryIdentity } from './country-names';
import { labelPoint } from './label-point';
import { mercatorRingArea, mercatorTriangleArea } from './mercator';
import type { CountryFeature } from './source-countries';

/**
 * Turns clean country features into the one topology the map loads: simplified countries, land
 * and interior borders that all share the same arcs (so land and borders cost almost nothing
 * beyond the countries), plus one label point per country.
 */

export interface LabelProperties extends CountryIdentity {
	/** Country area in km², so bigger countries can win label collisions. */
	area: number;
}

export type WorldTopology = Topology<{
	countries: GeometryCollection<CountryIdentity>;
	land: GeometryCollection;
	borders: GeometryCollection;
	countryLabels: GeometryCollection<LabelProperties>;
}>;

/** Every ring keeps at least this many distinct vertices, so small islands stay shapes. */
const MIN_RING_VERTICES = 4;

/** Pole-closing vertices (added by the antimeridian step) must survive simplification. */
const POLE_LATITUDE = 89.99;

type WeightedPoint = [number, number, number];

export interface WorldSettings {
	zones: DetailZone[];
	quantization: number;
}

export const DEFAULT_WORLD_SETTINGS: WorldSettings = { zones: DETAIL_ZONES, quantization: QUANTIZATION };

export function buildWorldTopology(
	countries: CountryFeature[],
	settings: WorldSettings = DEFAULT_WORLD_SETTINGS
): WorldTopology {
	const zoneOf = zoneLookup(settings.zones);
	const collection: FeatureCollection = { type: 'FeatureCollection', features: countries };
	const raw = buildTopology({ countries: collection }) as unknown as Topology<Objects>;

	const weighted = presimplify(raw, (triangle) => weightInMapPixels(triangle, zoneOf));
	keepSmallRingsShaped(weighted);
	// Weights are already scaled by each zone's threshold, so one cut-off fits the world.
	const simplified = quantize(simplify(weighted, 1), settings.quantization);
	// The typings call a ring coordinates; topojson-simplify actually passes its arc indexes.
	const withoutSpecks = filter(simplified, islandFilter(simplified, zoneOf) as unknown as Filter);

	const countriesObject = withoutSpecks.objects['countries'] as GeometryCollection<CountryIdentity>;
	const polygons = countriesObject.geometries.filter(isPolygonal) as (Polygon | MultiPolygon)[];
	const land: MultiPolygon = mergeArcs(withoutSpecks, polygons);
	const borders: MultiLineString = meshArcs(withoutSpecks, countriesObject, (a, b) => a !== b);
	const areas = new Map(countries.map((country) => [country.id, Math.round(turfArea(country) / 1e6)]));

	return {
		type: 'Topology',
		bbox: withoutSpecks.bbox,
		transform: withoutSpecks.transform,
		arcs: withoutSpecks.arcs,
		objects: {
			countries: countriesObject,
			land: { type: 'GeometryCollection', geometries: [land] },
			borders: { type: 'GeometryCollection', geometries: [borders] },
			countryLabels: labelObject(withoutSpecks, countriesObject, areas)
		}
	};
}

/**
 * One label point per country, placed on the shipped (simplified) shape so it sits inside what
 * the reader sees, and stored in the topology's quantized grid like every other coordinate.
 */
function labelObject(
	topology: Topology,
	countriesObject: GeometryCollection<CountryIdentity>,
	areas: Map<string, number>
): GeometryCollection<LabelProperties> {
	const { scale, translate } = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
	const decoded = feature(topology, countriesObject);
	const geometries: TopoPoint<LabelProperties>[] = [];
	for (const country of decoded.features) {
		const geometry = country.geometry as GeoPolygon | GeoMultiPolygon | null;
		if (!geometry || !country.properties) continue;
		const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		const [lon, lat] = labelPoint(polygons);
		geometries.push({
			type: 'Point',
			id: country.id,
			properties: { ...country.properties, area: areas.get(String(country.id)) ?? 0 },
			coordinates: [Math.round((lon - translate[0]) / scale[0]), Math.round((lat - translate[1]) / scale[1])]
		});
	}
	return { type: 'GeometryCollection', geometries };
}

type ZoneLookup = (point: readonly number[]) => DetailZone;

/** The first zone containing the point; the last zone is the fallback for the whole world. */
function zoneLookup(zones: DetailZone[]): ZoneLookup {
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
function weightInMapPixels(triangle: number[][], zoneOf: ZoneLookup): number {
	const [a, b, c] = triangle;
	if (!a || !b || !c) return 0;
	if (Math.abs(b[1] ?? 0) >= POLE_LATITUDE) return Infinity;
	return mercatorTriangleArea(a, b, c) / zoneOf(b).minWeight;
}

/**
 * Visvalingam keeps only arc endpoints of a small closed ring, collapsing an island to a line.
 * For any ring that would keep fewer than MIN_RING_VERTICES distinct vertices, promote its most
 * important vertices so it stays a (coarse) shape; the island filter then decides if it stays.
 */
function keepSmallRingsShaped(topology: Topology<Objects>): void {
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
function islandFilter(topology: Topology, zoneOf: ZoneLookup): (ring: number[], interior: boolean) => boolean {
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

function isPolygonal(geometry: GeometryObject): geometry is Polygon | MultiPolygon {
	return geometry.type === 'Polygon' || geometry.type === 'MultiPolygon';
}
