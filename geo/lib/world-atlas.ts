import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { GeometryCollection, Topology } from 'topojson-specification';

/**
 * Reads Natural Earth data as packaged by world-atlas (public domain, ISC-licensed packaging).
 * Resolved through node's resolver so the build works wherever node_modules lives.
 */

export type AtlasName = 'countries-50m' | 'countries-10m' | 'land-10m' | 'land-50m';

export type AtlasTopology = Topology<{ countries?: GeometryCollection; land: GeometryCollection }>;

const require = createRequire(import.meta.url);

/** The packaged version, quoted in the provenance of everything built from it. */
export const ATLAS_VERSION = (require('world-atlas/package.json') as { version: string }).version;

export function atlasPath(name: AtlasName): string {
	return require.resolve(`world-atlas/${name}.json`);
}

export function readAtlas(name: AtlasName): AtlasTopology {
	return JSON.parse(readFileSync(atlasPath(name), 'utf8')) as AtlasTopology;
}
