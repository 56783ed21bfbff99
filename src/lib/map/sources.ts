import type { GeoJSONSourceSpecification } from 'maplibre-gl';

/**
 * Where each source's data comes from. The data itself never enters the style: sources point at
 * `app-data://` URLs that the map resolves from memory (see dataProtocol.ts), so a changed source
 * is one changed string, and an offscreen export map can reuse the sources unchanged.
 */
export interface StyleData {
	countries: string;
	countryLabels: string;
	land: string;
	borders: string;
	areas: string;
	areaLabels: string;
	flows: string;
	places: string;
}

export type SourceId = keyof StyleData;

/** Sources whose features get feature state (hover, selection, hidden flows), keyed by story id. */
export type StatefulSource = Extract<SourceId, 'flows' | 'places' | 'areas'>;

/** Basemap sources are simplified a little more than MapLibre's default when tiled. */
const BASEMAP_TOLERANCE = 0.3;

/**
 * The map's sources: a function of the data URLs alone, never of the view, so no toggle can
 * touch them. Story sources promote their `id` property to the feature id that feature state
 * needs (by property: MapLibre would turn numeric-looking ids into numbers).
 */
export function buildSources(data: StyleData): Record<SourceId, GeoJSONSourceSpecification> {
	const geojson = (url: string, extra: Partial<GeoJSONSourceSpecification> = {}) =>
		({ type: 'geojson', data: url, ...extra }) as GeoJSONSourceSpecification;
	return {
		countries: geojson(data.countries, { tolerance: BASEMAP_TOLERANCE }),
		countryLabels: geojson(data.countryLabels),
		land: geojson(data.land, { tolerance: BASEMAP_TOLERANCE }),
		borders: geojson(data.borders, { tolerance: BASEMAP_TOLERANCE }),
		areas: geojson(data.areas, { promoteId: 'id' }),
		areaLabels: geojson(data.areaLabels),
		flows: geojson(data.flows, { promoteId: 'id' }),
		places: geojson(data.places, { promoteId: 'id' })
	};
}
