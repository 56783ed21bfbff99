/**
 * The shipped data files the first view fetches, relative to the site's base: one list for the
 * loaders (worldData.ts, baseData.ts) and for the build step that preloads them
 * (scripts/preload.ts), so the two cannot name different files.
 */
export const FIRST_VIEW_DATA = {
	world: 'data/world.topo.json',
	areas: 'data/areas.geojson'
} as const;
