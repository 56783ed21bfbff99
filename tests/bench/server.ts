import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { TYPES } from '../support/server';

/**
 * One static server on 127.0.0.1 for both pages of the benchmark: the built app at `/` and the
 * bare MapLibre baseline under `/bench-baseline/`, whose vendor files (maplibre-gl, its worker and
 * CSS, topojson-client) and data (world-atlas countries-50m) come straight from node_modules.
 * Plain files, no compression, no caching: what tests/support/server.ts does for the app, so
 * both pages pay the same transport. Transfer sizes are computed separately (gzip, see bytes.ts).
 */

export const BASELINE_PREFIX = '/bench-baseline/';

/** URL path prefix -> a directory, or exact URL path -> a file. Longest prefix wins. */
export type Mounts = Record<string, string>;

export function benchMounts(appDir: string, root = process.cwd()): Mounts {
	const nm = (p: string) => resolve(root, 'node_modules', p);
	return {
		'/': resolve(appDir),
		[BASELINE_PREFIX]: resolve(root, 'tests/bench/baseline'),
		[`${BASELINE_PREFIX}vendor/maplibre-gl.mjs`]: nm('maplibre-gl/dist/maplibre-gl.mjs'),
		[`${BASELINE_PREFIX}vendor/maplibre-gl-worker.mjs`]: nm('maplibre-gl/dist/maplibre-gl-worker.mjs'),
		[`${BASELINE_PREFIX}vendor/maplibre-gl.css`]: nm('maplibre-gl/dist/maplibre-gl.css'),
		[`${BASELINE_PREFIX}vendor/topojson-client.min.js`]: nm('topojson-client/dist/topojson-client.min.js'),
		[`${BASELINE_PREFIX}data/countries-50m.json`]: nm('world-atlas/countries-50m.json')
	};
}

/** The file a URL path is served from, or null (outside every mount). */
export function resolveMounted(mounts: Mounts, urlPath: string): string | null {
	const exact = mounts[urlPath];
	if (exact && !urlPath.endsWith('/')) return exact;
	const prefix = Object.keys(mounts)
		.filter((p) => p.endsWith('/') && urlPath.startsWith(p))
		.sort((a, b) => b.length - a.length)[0];
	if (!prefix) return null;
	const base = mounts[prefix]!;
	const file = normalize(join(base, urlPath.slice(prefix.length)));
	return file.startsWith(base) ? file : null;
}

export interface BenchServer {
	url: string;
	origin: string;
	/** The file behind a URL of this server (index.html for directories), or null. */
	fileOf: (url: string) => Promise<string | null>;
	close: () => Promise<void>;
}

async function existingFile(file: string | null): Promise<string | null> {
	if (!file) return null;
	const info = await stat(file).catch(() => null);
	if (info?.isDirectory()) return existingFile(join(file, 'index.html'));
	return info?.isFile() ? file : null;
}

export async function serveBench(mounts: Mounts): Promise<BenchServer> {
	const server: Server = createServer(async (req, res) => {
		try {
			const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
			const file = await existingFile(resolveMounted(mounts, path));
			if (!file) {
				res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
				return;
			}
			const body = await readFile(file);
			res.writeHead(200, {
				'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
				'cache-control': 'no-cache'
			});
			res.end(body);
		} catch {
			res.writeHead(500, { 'content-type': 'text/plain' }).end('error');
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('server has no port');
	const origin = `http://127.0.0.1:${address.port}`;
	return {
		url: `${origin}/`,
		origin,
		fileOf: async (url) => {
			const u = new URL(url);
			if (u.origin !== origin) return null;
			return existingFile(resolveMounted(mounts, decodeURIComponent(u.pathname)));
		},
		close: () =>
			new Promise((ok) => {
				server.closeAllConnections();
				server.close(() => ok());
			})
	};
}
