import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

/** Content types by file extension, shared with the benchmark's server. */
export const TYPES: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.woff2': 'font/woff2',
	'.woff': 'font/woff',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.webmanifest': 'application/manifest+json',
	'.txt': 'text/plain; charset=utf-8'
};

export interface StaticServer {
	url: string;
	close: () => Promise<void>;
}

/**
 * A plain static file server for the built site, on 127.0.0.1 and a free port: what any static
 * host does, nothing more, so tests see the site as a reader would.
 */
export async function serveStatic(root: string): Promise<StaticServer> {
	const base = resolve(root);
	const server: Server = createServer(async (req, res) => {
		try {
			const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
			let file = normalize(join(base, path));
			if (!file.startsWith(base)) {
				res.writeHead(403).end();
				return;
			}
			if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
			const body = await readFile(file);
			res.writeHead(200, {
				'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
				'cache-control': 'no-cache'
			});
			res.end(body);
		} catch {
			res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
		}
	});
	await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('server has no port');
	return {
		url: `http://127.0.0.1:${address.port}/`,
		close: () => new Promise((ok) => server.close(() => ok()))
	};
}
