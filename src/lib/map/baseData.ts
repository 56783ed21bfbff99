import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { loadWorld, type WorldData } from './worldData';

type AreaShapes = FeatureCollection<Polygon | MultiPolygon>;

/** The shipped data the first view fetches, decoded: the basemap and the area shapes. */
export interface BaseData {
	world: Promise<WorldData>;
	areaShapes: Promise<AreaShapes>;
}

/** Starts fetching the shipped data from our own origin (the page's base URL). */
export function fetchBaseData(base: string): BaseData {
	const areaShapes = fetch(new URL('data/areas.geojson', base)).then(async (r) => {
		if (!r.ok) throw new Error(`areas.geojson: HTTP ${r.status}`);
		return (await r.json()) as AreaShapes;
	});
	return { world: loadWorld(base), areaShapes };
}
