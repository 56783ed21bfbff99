import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * Bytes shipped: every file a page actually requested (recorded in the page), read from disk and
 * gzipped at zlib's default level 6 (what a typical static host or CDN does on the fly). Fonts
 * are counted as they are (woff2 is already compressed; hosts do not gzip it).
 */

export type ByteKind = 'maplibre' | 'own-js' | 'css' | 'fonts' | 'geodata' | 'html' | 'other';

export interface ByteFile {
	path: string;
	kind: ByteKind;
	raw: number;
	gzip: number;
}

export interface ByteReport {
	files: ByteFile[];
	/** Per kind: raw and gzip bytes (fonts: gzip = raw, see above). */
	totals: Record<ByteKind, { raw: number; gzip: number; files: number }>;
}

/** A public export name of maplibre-gl that survives minification: marks the chunk holding it. */
const MAPLIBRE_MARKER = 'getRTLTextPluginStatus';

export function classify(file: string, content: Buffer): ByteKind {
	const ext = extname(file);
	const name = basename(file);
	if (ext === '.js' || ext === '.mjs') {
		if (name.includes('maplibre-gl') || content.includes(MAPLIBRE_MARKER)) return 'maplibre';
		return 'own-js';
	}
	if (ext === '.css') return 'css';
	if (ext === '.woff2' || ext === '.woff') return 'fonts';
	if (ext === '.json' || ext === '.geojson') return 'geodata';
	if (ext === '.html') return 'html';
	return 'other';
}

export function gzipSize(content: Buffer): number {
	return gzipSync(content, { level: 6 }).length;
}

/** Sizes of the given files (each counted once, however often it was requested). */
export async function byteReport(files: Iterable<string>, root: string): Promise<ByteReport> {
	const unique = [...new Set(files)].sort();
	const out: ByteFile[] = [];
	for (const file of unique) {
		const content = await readFile(file);
		const kind = classify(file, content);
		const path = file.startsWith(root) ? file.slice(root.length).replace(/^\/+/, '') : file;
		out.push({
			path,
			kind,
			raw: content.length,
			gzip: kind === 'fonts' ? content.length : gzipSize(content)
		});
	}
	const kinds: ByteKind[] = ['maplibre', 'own-js', 'css', 'fonts', 'geodata', 'html', 'other'];
	const totals = Object.fromEntries(
		kinds.map((k) => [k, { raw: 0, gzip: 0, files: 0 }])
	) as ByteReport['totals'];
	for (const f of out) {
		totals[f.kind].raw += f.raw;
		totals[f.kind].gzip += f.gzip;
		totals[f.kind].files += 1;
	}
	return { files: out, totals };
}
