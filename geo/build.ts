import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { area } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { DE_JURE_TRANSFERS, FIRST_VIEW_GZIP_BUDGET_BYTES, FIRST_VIEW_GZIP_LEVEL } from './config';
import type { AreaGeometry } from './lib/area-shape';
import { applyDeJureTransfers, type TransferReport } from './lib/de-jure';
import { decodeLand } from './lib/land';
import { buildPatrolWaters } from './lib/patrol-waters';
import { buildRecognisedRegion, type RegionProperties } from './lib/recognised-regions';
import { sourceCountries } from './lib/source-countries';
import { ATLAS_VERSION, readAtlas } from './lib/world-atlas';
import { buildWorldTopology } from './lib/world-topology';

/**
 * Build-time geodata: `npx tsx geo/build.ts [outDir]` writes static/data/world.topo.json and
 * static/data/areas.geojson (what the first view fetches) and areas.provenance.json (where each
 * area comes from; fetched by nobody at load) from Natural Earth (world-atlas) and the hand-drawn
 * outlines in the built-in story's package (src/stories/nk-russia-2023/areas). Deterministic and idempotent; fails if the first-view files together
 * exceed their gzip budget.
 */

export const WORLD_FILE = 'world.topo.json';
export const AREAS_FILE = 'areas.geojson';
export const AREAS_PROVENANCE_FILE = 'areas.provenance.json';
/** What the map fetches before its first frame; their gzipped sum has one budget. */
export const FIRST_VIEW_FILES = [WORLD_FILE, AREAS_FILE] as const;
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../static/data/', import.meta.url));

/** The hand-drawn outlines the built-in story's areas are cut from: part of its package. */
export const AREA_INPUTS = new URL('../src/stories/nk-russia-2023/areas/', import.meta.url);
const NATURAL_EARTH = `Natural Earth 10m (public domain) via world-atlas ${ATLAS_VERSION}`;

export interface GeoBuildReport {
	/** Gzipped bytes (level FIRST_VIEW_GZIP_LEVEL) of FIRST_VIEW_FILES together, and their budget. */
	firstView: { gzipBytes: number; budgetBytes: number; level: number };
	world: {
		path: string;
		rawBytes: number;
		gzipBytes: number;
		countries: number;
		arcs: number;
		vertices: number;
		/** Units left out because they have no area at this scale. */
		withoutArea: string[];
		/** Territory moved to the country it belongs to de jure (Crimea to Ukraine). */
		transfers: TransferReport[];
	};
	areas: {
		path: string;
		rawBytes: number;
		gzipBytes: number;
		provenancePath: string;
		features: { id: string; vertices: number; km2: number }[];
	};
	milliseconds: number;
}

/**
 * All areas.geojson carries: the app joins the shapes to the story's areas by id and takes
 * names, captions and sources from the story.
 */
export interface AreaProperties {
	id: string;
	kind: 'patrol-waters' | 'recognised-region';
}

/** One record of areas.provenance.json per area: its names and where its outline comes from. */
export interface AreaProvenance extends AreaProperties {
	name_de: string;
	name_en: string;
	provenance: string;
	note: string;
	source: string;
}

/**
 * How each of the package's outline files becomes area shapes (areas/recipes.json there):
 * 'sea-minus-land' keeps the water inside a hand-drawn outline (kind patrol-waters);
 * 'region-in-country' cuts each outline to land and to the Natural Earth unit it lies in
 * (kind recognised-region).
 */
interface AreaRecipe {
	file: string;
	recipe: 'sea-minus-land' | 'region-in-country';
}

function readAreaRecipes(): AreaRecipe[] {
	const recipes = JSON.parse(readFileSync(new URL('recipes.json', AREA_INPUTS), 'utf8')) as AreaRecipe[];
	for (const r of recipes)
		if (r.recipe !== 'sea-minus-land' && r.recipe !== 'region-in-country')
			throw new Error(`areas/recipes.json: unknown recipe "${String(r.recipe)}" for ${r.file}`);
	return recipes;
}

export function buildGeo(outDir: string = DEFAULT_OUT_DIR): GeoBuildReport {
	const started = performance.now();
	const countriesAtlas = readAtlas('countries-10m');
	// Natural Earth's units as published (de facto: Crimea inside Russia) cut the hand-drawn
	// regions, so Crimea's area keeps Natural Earth's administrative line across Perekop; the map
	// itself shows borders de jure (Crimea in Ukraine), see geo/README.md.
	const { countries: naturalEarthUnits, withoutArea } = sourceCountries(countriesAtlas);
	const { countries, transfers } = applyDeJureTransfers(naturalEarthUnits, DE_JURE_TRANSFERS);
	const world = buildWorldTopology(countries);
	const worldJson = JSON.stringify(world);

	const land = decodeLand(readAtlas('land-10m'));
	const builtAreas: { geometry: AreaGeometry; provenance: AreaProvenance }[] = [];
	for (const { file, recipe } of readAreaRecipes()) {
		if (recipe === 'sea-minus-land') {
			for (const outline of readInput<Polygon, Record<string, string>>(file).features) {
				const id = outline.properties['id'] ?? 'patrol-waters';
				builtAreas.push({
					geometry: buildPatrolWaters(outline, land),
					provenance: {
						id,
						kind: 'patrol-waters',
						name_de: outline.properties['name_de'] ?? '',
						name_en: outline.properties['name_en'] ?? '',
						provenance: outline.properties['provenance'] ?? '',
						note: outline.properties['rule'] ?? '',
						source: `Hand-drawn outline minus land from ${NATURAL_EARTH}`
					}
				});
			}
			continue;
		}
		for (const region of readInput<Polygon, RegionProperties>(file).features) {
			const { geometry, countryId } = buildRecognisedRegion(region, land, naturalEarthUnits);
			const { id, name_de, name_en, provenance, note } = region.properties;
			builtAreas.push({
				geometry,
				provenance: {
					id,
					kind: 'recognised-region',
					name_de,
					name_en,
					provenance,
					note,
					source: `Hand-drawn outline cut to land and to country unit ${countryId} (as published, de facto) from ${NATURAL_EARTH}`
				}
			});
		}
	}
	const areas: FeatureCollection<AreaGeometry, AreaProperties> = {
		type: 'FeatureCollection',
		features: builtAreas.map(({ geometry, provenance }) => areaFeature(geometry, provenance))
	};
	const areasJson = JSON.stringify(areas);
	// Not fetched by the map: kept beside the shapes so every published outline has its source.
	const provenanceJson = `${JSON.stringify(
		builtAreas.map(({ provenance }) => provenance),
		null,
		'\t'
	)}\n`;

	const worldGzip = gzipSize(worldJson);
	const areasGzip = gzipSize(areasJson);
	checkFirstViewBudget({ [WORLD_FILE]: worldGzip, [AREAS_FILE]: areasGzip });

	mkdirSync(outDir, { recursive: true });
	const worldPath = join(outDir, WORLD_FILE);
	const areasPath = join(outDir, AREAS_FILE);
	const provenancePath = join(outDir, AREAS_PROVENANCE_FILE);
	writeAtomically(worldPath, worldJson);
	writeAtomically(areasPath, areasJson);
	writeAtomically(provenancePath, provenanceJson);

	return {
		firstView: {
			gzipBytes: worldGzip + areasGzip,
			budgetBytes: FIRST_VIEW_GZIP_BUDGET_BYTES,
			level: FIRST_VIEW_GZIP_LEVEL
		},
		world: {
			path: worldPath,
			rawBytes: Buffer.byteLength(worldJson),
			gzipBytes: worldGzip,
			countries: world.objects.countries.geometries.length,
			arcs: world.arcs.length,
			vertices: world.arcs.reduce((sum, arc) => sum + arc.length, 0),
			withoutArea,
			transfers
		},
		areas: {
			path: areasPath,
			rawBytes: Buffer.byteLength(areasJson),
			gzipBytes: areasGzip,
			provenancePath,
			features: areas.features.map((feature) => ({
				id: feature.properties.id,
				vertices: countVertices(feature.geometry),
				km2: Math.round(area(feature) / 1e6)
			}))
		},
		milliseconds: Math.round(performance.now() - started)
	};
}

function areaFeature(
	geometry: AreaGeometry,
	{ id, kind }: AreaProperties
): Feature<AreaGeometry, AreaProperties> {
	return { type: 'Feature', id, properties: { id, kind }, geometry };
}

export function gzipSize(contents: string): number {
	return gzipSync(contents, { level: FIRST_VIEW_GZIP_LEVEL }).length;
}

/** Fails the build, naming every file's share, if the first view would fetch too much. */
function checkFirstViewBudget(gzipBytes: Record<(typeof FIRST_VIEW_FILES)[number], number>): void {
	const total = Object.values(gzipBytes).reduce((sum, bytes) => sum + bytes, 0);
	if (total <= FIRST_VIEW_GZIP_BUDGET_BYTES) return;
	const shares = Object.entries(gzipBytes)
		.map(([name, bytes]) => `${name} ${kb(bytes)}`)
		.join(' + ');
	throw new Error(
		`First-view geodata is ${kb(total)} gzipped (level ${FIRST_VIEW_GZIP_LEVEL}: ${shares}), ` +
			`over its ${kb(FIRST_VIEW_GZIP_BUDGET_BYTES)} budget. Simplify in geo/config.ts ` +
			`(DETAIL_ZONES, QUANTIZATION_STEP, AREA_*) or move data the first view does not need ` +
			`out of ${FIRST_VIEW_FILES.join(' and ')}.`
	);
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function readInput<G extends Polygon, P>(name: string): FeatureCollection<G, P> {
	return JSON.parse(readFileSync(new URL(name, AREA_INPUTS), 'utf8')) as FeatureCollection<G, P>;
}

/** Readers (the dev server, parallel tests) never see a half-written file. */
function writeAtomically(path: string, contents: string): void {
	const temporary = `${path}.${process.pid}.tmp`;
	writeFileSync(temporary, contents);
	renameSync(temporary, path);
}

function countVertices(geometry: AreaGeometry): number {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	return polygons.reduce((sum, rings) => sum + rings.reduce((inner, ring) => inner + ring.length, 0), 0);
}

function formatReport(report: GeoBuildReport): string {
	const { firstView, world, areas } = report;
	return [
		`${world.path}: ${kb(world.rawBytes)} raw, ${kb(world.gzipBytes)} gzipped; ` +
			`${world.countries} countries, ${world.arcs} arcs, ${world.vertices} vertices`,
		...(world.withoutArea.length > 0 ? [`  left out (no area at 10m): ${world.withoutArea.join(', ')}`] : []),
		...world.transfers.map(
			(transfer) =>
				`  de jure: ${transfer.name}, ${transfer.parts} part(s), ${transfer.km2} km², ${transfer.from} → ${transfer.to}`
		),
		`${areas.path}: ${kb(areas.rawBytes)} raw, ${kb(areas.gzipBytes)} gzipped`,
		...areas.features.map((area) => `  ${area.id}: ${area.km2} km², ${area.vertices} vertices`),
		`${areas.provenancePath}: not fetched by the first view`,
		`first view fetches ${kb(firstView.gzipBytes)} gzipped (level ${firstView.level}; ` +
			`budget ${kb(firstView.budgetBytes)}, ${kb(firstView.budgetBytes - firstView.gzipBytes)} to spare)`,
		`built in ${report.milliseconds} ms`
	].join('\n');
}

const invokedDirectly =
	process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
	console.log(formatReport(buildGeo(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT_DIR)));
}
