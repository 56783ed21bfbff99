import { feature, mesh } from 'topojson-client';
import { FIRST_VIEW_DATA } from './dataFiles';
import type { Feature, FeatureCollection, MultiLineString, Point } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface WorldData {
	countries: FeatureCollection;
	countryLabels: FeatureCollection<Point>;
	land: FeatureCollection;
	borders: Feature<MultiLineString>;
}

type WorldTopology = Topology<{
	countries: GeometryCollection;
	land: GeometryCollection;
	borders: GeometryCollection;
	countryLabels: GeometryCollection;
}>;

/**
 * Decodes the shipped TopoJSON (built by geo/build.ts) into the GeoJSON MapLibre draws.
 * The pipeline already unwrapped the antimeridian and precomputed label points, so this is a
 * straight decode with no geometry work on the reader's device.
 */
export function decodeWorld(topology: WorldTopology): WorldData {
	const asCollection = (name: keyof WorldTopology['objects']) =>
		feature(topology, topology.objects[name]) as unknown as FeatureCollection;
	const borders = topology.objects.borders.geometries[0];
	return {
		countries: asCollection('countries'),
		countryLabels: asCollection('countryLabels') as FeatureCollection<Point>,
		land: asCollection('land'),
		borders: borders
			? (feature(topology, borders) as unknown as Feature<MultiLineString>)
			: (mesh(topology, topology.objects.countries, (a, b) => a !== b) as unknown as Feature<MultiLineString>)
	};
}

/** Fetches and decodes the world from our own origin. */
export async function loadWorld(base: string, fetcher: typeof fetch = fetch): Promise<WorldData> {
	const response = await fetcher(new URL(FIRST_VIEW_DATA.world, base));
	if (!response.ok) throw new Error(`${FIRST_VIEW_DATA.world}: HTTP ${response.status}`);
	return decodeWorld((await response.json()) as WorldTopology);
}
