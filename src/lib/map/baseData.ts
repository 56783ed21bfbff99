import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { FIRST_VIEW_DATA } from './dataFiles';
import { loadWorld, type WorldData } from './worldData';

type AreaShapes = FeatureCollection<Polygon | MultiPolygon>;

/** The shipped data the first view fetches, decoded: the basemap and the area shapes. */
export interface BaseData {
	world: Promise<WorldData>;
	areaShapes: Promise<AreaShapes>;
}

/** Starts fetching the shipped data from our own origin (the page's base URL). */
export function fetchBaseData(base: string): BaseData {
	const areaShapes = fetch(new URL(FIRST_VIEW_DATA.areas, base)).then(async (r) => {
		if (!r.ok) throw new Error(`${FIRST_VIEW_DATA.areas}: HTTP ${r.status}`);
		return (await r.json()) as AreaShapes;
	});
	return { world: loadWorld(base), areaShapes };
}
