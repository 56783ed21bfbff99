import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { area } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { DE_JURE_TRANSFERS, WORLD_GZIP_BUDGET_BYTES } from './config';
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
 * static/data/areas.geojson from Natural Earth (world-atlas) and the hand-drawn outlines in
 * geo/inputs. Deterministic and idempotent; fails if the world file exceeds its gzip budget.
 */

export const WORLD_FILE = 'world.topo.json';
export const AREAS_FILE = 'areas.geojson';
export const DEFAULT_OUT_DIR = fileURLToPath(new URL('../static/data/', import.meta.url));

const INPUTS = new URL('./inputs/', import.meta.url);
const NATURAL_EARTH = `Natural Earth 10m (public domain) via world-atlas ${ATLAS_VERSION}`;

export interface GeoBuildReport {
	world: {
		path: string;
		rawBytes: number;
		gzipBytes: number;
		budgetBytes: number;
		countries: number;
		arcs: number;
		vertices: number;
		/** Units left out because they have no area at this scale. */
		withoutArea: string[];
		/** Territory moved to the country it belongs to de jure (Crimea to Ukraine). */
		transfers: TransferReport[];
	};
	areas: { path: string; rawBytes: number; features: { id: string; vertices: number; km2: number }[] };
	milliseconds: number;
}

export interface AreaProperties {
	id: string;
	kind: 'patrol-waters' | 'recognised-region';
	name_de: string;
	name_en: string;
	provenance: string;
	note: string;
	source: string;
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
	const worldGzip = gzipSync(worldJson, { level: 9 }).length;
	if (worldGzip > WORLD_GZIP_BUDGET_BYTES) {
		throw new Error(`${WORLD_FILE} is ${worldGzip} B gzipped, over its ${WORLD_GZIP_BUDGET_BYTES} B budget`);
	}

	const land = decodeLand(readAtlas('land-10m'));
	const areaFeatures: Feature<AreaGeometry, AreaProperties>[] = [];
	const [outline] = readInput<Polygon, Record<string, string>>('patrol-waters-outline.geojson').features;
	if (!outline) throw new Error('patrol-waters-outline.geojson has no feature');
	areaFeatures.push(
		areaFeature(buildPatrolWaters(outline, land), {
			id: 'patrol-waters',
			kind: 'patrol-waters',
			name_de: outline.properties['name_de'] ?? '',
			name_en: outline.properties['name_en'] ?? '',
			provenance: outline.properties['provenance'] ?? '',
			note: outline.properties['rule'] ?? '',
			source: `Hand-drawn outline minus land from ${NATURAL_EARTH}`
		})
	);
	for (const region of readInput<Polygon, RegionProperties>('recognised-regions.geojson').features) {
		const { geometry, countryId } = buildRecognisedRegion(region, land, naturalEarthUnits);
		const { id, name_de, name_en, provenance, note } = region.properties;
		areaFeatures.push(
			areaFeature(geometry, {
				id,
				kind: 'recognised-region',
				name_de,
				name_en,
				provenance,
				note,
				source: `Hand-drawn outline cut to land and to country unit ${countryId} (as published, de facto) from ${NATURAL_EARTH}`
			})
		);
	}
	const areas: FeatureCollection<AreaGeometry, AreaProperties> = {
		type: 'FeatureCollection',
		features: areaFeatures
	};
	const areasJson = JSON.stringify(areas);

	mkdirSync(outDir, { recursive: true });
	const worldPath = join(outDir, WORLD_FILE);
	const areasPath = join(outDir, AREAS_FILE);
	writeAtomically(worldPath, worldJson);
	writeAtomically(areasPath, areasJson);

	return {
		world: {
			path: worldPath,
			rawBytes: Buffer.byteLength(worldJson),
			gzipBytes: worldGzip,
			budgetBytes: WORLD_GZIP_BUDGET_BYTES,
			countries: world.objects.countries.geometries.length,
			arcs: world.arcs.length,
			vertices: world.arcs.reduce((sum, arc) => sum + arc.length, 0),
			withoutArea,
			transfers
		},
		areas: {
			path: areasPath,
			rawBytes: Buffer.byteLength(areasJson),
			features: areaFeatures.map((feature) => ({
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
	properties: AreaProperties
): Feature<AreaGeometry, AreaProperties> {
	return { type: 'Feature', id: properties.id, properties, geometry };
}

function readInput<G extends Polygon, P>(name: string): FeatureCollection<G, P> {
	return JSON.parse(readFileSync(new URL(name, INPUTS), 'utf8')) as FeatureCollection<G, P>;
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
	const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
	const { world, areas } = report;
	return [
		`${world.path}: ${kb(world.rawBytes)} raw, ${kb(world.gzipBytes)} gzipped (budget ${kb(world.budgetBytes)}); ` +
			`${world.countries} countries, ${world.arcs} arcs, ${world.vertices} vertices`,
		...(world.withoutArea.length > 0 ? [`  left out (no area at 10m): ${world.withoutArea.join(', ')}`] : []),
		...world.transfers.map(
			(transfer) =>
				`  de jure: ${transfer.name}, ${transfer.parts} part(s), ${transfer.km2} km², ${transfer.from} → ${transfer.to}`
		),
		`${areas.path}: ${kb(areas.rawBytes)} raw`,
		...areas.features.map((area) => `  ${area.id}: ${area.km2} km², ${area.vertices} vertices`),
		`built in ${report.milliseconds} ms`
	].join('\n');
}

const invokedDirectly =
	process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
	console.log(formatReport(buildGeo(process.argv[2] ? resolve(process.argv[2]) : DEFAULT_OUT_DIR)));
}
