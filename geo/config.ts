/**
 * Every tuning knob of the geo build in one place, with the reason for its value.
 * Measured numbers behind these choices are in geo/README.md.
 */

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/**
 * Gzipped size limit of everything the first view fetches from static/data (world.topo.json and
 * areas.geojson together). Measured at zlib level 6, as a static host or CDN compresses on the fly
 * and as `npm run bench` counts it; level 9 comes out ~1 % smaller, so 6 is the stricter reading.
 */
export const FIRST_VIEW_GZIP_BUDGET_BYTES = 150 * 1024;
export const FIRST_VIEW_GZIP_LEVEL = 6;

/**
 * How much detail a part of the world keeps. Thresholds are Visvalingam triangle areas and
 * island areas in squared Web Mercator degrees (the map's own plane, so high latitudes are not
 * over-simplified as they would be in plain lon/lat). At zoom z one pixel is 360 / (512 · 2^z)
 * degrees: 0.011° at zoom 6, 0.044° at zoom 4, 0.18° at zoom 2.
 */
export interface DetailZone {
	name: string;
	bbox: BBox;
	/** A vertex whose triangle is smaller than this goes. */
	minWeight: number;
	/** An island (ring touching no other ring) smaller than this goes. */
	minIslandArea: number;
}

/**
 * First matching zone wins; the last one covers the world. The core zones are where the story is
 * read at zoom 6: Korea, Japan, Primorye and the Amur (Vladivostok, Vostochny, Komsomolsk), and
 * Crimea/Donbas under the hand-drawn areas. There a vertex survives if its triangle exceeds
 * about 0.4 px² at zoom 6, which keeps most of Natural Earth 10m. Russia and China
 * north of 35°N are read at zoom 3–5 (about 1.5 px² at zoom 4); the rest of the world is
 * context at zoom 1–3 (about 2.5 px² at zoom 2). Measured sizes per zone are in geo/README.md.
 */
export const DETAIL_ZONES: DetailZone[] = [
	{ name: 'korea-japan', bbox: [115, 28, 150, 54], minWeight: 5e-5, minIslandArea: 2e-4 },
	{ name: 'ukraine-black-sea', bbox: [27, 43, 42, 53], minWeight: 5e-5, minIslandArea: 2e-4 },
	{ name: 'story-region', bbox: [20, 35, 180, 78], minWeight: 3e-3, minIslandArea: 1e-2 },
	{ name: 'world', bbox: [-540, -90, 540, 90], minWeight: 8e-2, minIslandArea: 1e-1 }
];

/**
 * Quantization grid of the shipped topology, [longitude, latitude] step in degrees. 0.005° of
 * longitude is 0.45 px at zoom 6, so no vertex moves more than a quarter pixel, less than the
 * 0.3 px MapLibre's own GeoJSON simplification (`tolerance` of the sources) already allows.
 * Latitude steps are 1.6 times finer because Web Mercator stretches latitude by 1/cos(lat): the
 * grid cell is square on screen at 51°N and finer than that everywhere south of it (Korea, Japan,
 * Primorye, Crimea). Coarser steps mean shorter delta-encoded arcs; 1e5 uniform steps
 * (0.0038° × 0.0017°) cost ~9 KB gzipped more for no visible gain.
 */
export const QUANTIZATION_STEP: [number, number] = [0.005, 0.005 / 1.6];

/**
 * Decimal places of the areas GeoJSON: 3 decimals is ~110 m, 0.1 px at zoom 6 and a quarter of
 * the world's own quantization step. Plain GeoJSON pays per digit, so the 4th decimal cost ~2.5 KB
 * gzipped.
 */
export const AREA_COORDINATE_PRECISION = 3;

/**
 * Douglas–Peucker tolerance (degrees) for the shipped areas: ~330 m, 0.3 px at zoom 6, about
 * what MapLibre's GeoJSON simplification (0.375 px by default) drops at zoom 6 anyway.
 */
export const AREA_SIMPLIFY_TOLERANCE = 0.003;

/**
 * Territory the map shows de jure, as German and EU news maps do, where Natural Earth (a de-facto
 * layer) draws it otherwise. Each entry moves every polygon part of `from` whose bounding box lies
 * inside `within` and whose representative point lies inside `core` into `to`, before the
 * topology is built; the world build then dissolves the shared edge, so no border remains. The
 * moved area must fall inside `expectedKm2`, so a Natural Earth update that reshapes the parts
 * fails the build instead of silently moving too much or nothing.
 */
export interface DeJureTransfer {
	name: string;
	from: string;
	to: string;
	within: BBox;
	core: BBox;
	expectedKm2: [number, number];
}

export const DE_JURE_TRANSFERS: DeJureTransfer[] = [
	{
		// Natural Earth 10m has Crimea with Sevastopol as one part of Russia's MultiPolygon
		// (27,036 km², lon 32.48–36.64, lat 44.38–46.22), touching mainland Ukraine along the
		// Perekop isthmus, the Sivash and Chonhar. `core` stops south of Perekop (46.2°N) and west
		// of the Kerch Strait (36.6°E), so the Taman peninsula and Krasnodar stay Russian; the
		// mainland part they belong to is far larger than `within` anyway.
		name: 'Crimea with Sevastopol',
		from: '643',
		to: '804',
		within: [32.4, 44.3, 36.7, 46.3],
		core: [32.4, 44.3, 36.6, 46.2],
		expectedKm2: [25_000, 29_000]
	}
];
