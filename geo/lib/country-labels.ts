import { feature } from 'topojson-client';
import type { MultiPolygon, Polygon } from 'geojson';
import type { GeometryCollection, Point, Topology } from 'topojson-specification';
import type { CountryIdentity } from './country-names';
import { labelPoint } from './label-point';

export interface LabelProperties extends CountryIdentity {
	/** Country area in km², so bigger countries can win label collisions. */
	area: number;
}

/**
 * One label point per country, placed on the shipped (simplified) shape so it sits inside what
 * the reader sees, and stored in the topology's quantized grid like every other coordinate.
 */
export function labelObject(
	topology: Topology,
	countriesObject: GeometryCollection<CountryIdentity>,
	areas: Map<string, number>
): GeometryCollection<LabelProperties> {
	const { scale, translate } = topology.transform ?? { scale: [1, 1], translate: [0, 0] };
	const decoded = feature(topology, countriesObject);
	const geometries: Point<LabelProperties>[] = [];
	for (const country of decoded.features) {
		const geometry = country.geometry as Polygon | MultiPolygon | null;
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
