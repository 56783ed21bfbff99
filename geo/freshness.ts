import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AREA_INPUTS, AREAS_FILE, AREAS_PROVENANCE_FILE, WORLD_FILE } from './build';

/**
 * Whether the generated files are newer than everything they are built from, so tests (and
 * scripts) rebuild only when the pipeline, its inputs or the Natural Earth package changed.
 */

const GEO_DIR = fileURLToPath(new URL('.', import.meta.url));
const SOURCES = [
	GEO_DIR,
	fileURLToPath(AREA_INPUTS),
	fileURLToPath(new URL('../src/lib/geo/antimeridian.ts', import.meta.url)),
	fileURLToPath(new URL('../node_modules/world-atlas/package.json', import.meta.url)),
	fileURLToPath(new URL('../node_modules/i18n-iso-countries/package.json', import.meta.url))
];

export function geoOutputsAreFresh(outDir: string): boolean {
	const outputs = [WORLD_FILE, AREAS_FILE, AREAS_PROVENANCE_FILE].map((name) => join(outDir, name));
	if (!outputs.every((path) => existsSync(path))) return false;
	const oldestOutput = Math.min(...outputs.map((path) => statSync(path).mtimeMs));
	return SOURCES.every((source) => newestModification(source) <= oldestOutput);
}

function newestModification(path: string): number {
	if (!existsSync(path)) return 0;
	const stats = statSync(path);
	if (!stats.isDirectory()) return stats.mtimeMs;
	return readdirSync(path).reduce(
		(newest, name) => Math.max(newest, newestModification(join(path, name))),
		stats.mtimeMs
	);
}
