import type { Font, Subset } from '@pdf-lib/fontkit';

/**
 * A subset of a font as a standalone TrueType file a browser accepts (for the SVG's @font-face):
 * fontkit's subset has only the tables a PDF needs, so the character map, OS/2, name and post
 * tables are added and the file is written anew with its table directory and checksums.
 */

function subsetBytes(subset: Subset): Promise<Uint8Array> {
	// fontkit 1.1.1 has no synchronous encode: the subset arrives as a stream of chunks.
	return new Promise((resolve) => {
		const chunks: Uint8Array[] = [];
		subset
			.encodeStream()
			.on('data', (chunk) => chunks.push(chunk))
			.on('end', () => {
				const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
				chunks.reduce((at, c) => (out.set(c, at), at + c.length), 0);
				resolve(out);
			});
	});
}

/** Writes 16-bit big-endian values from `at` on (32-bit ones as two halves). */
function put(view: DataView, at: number, ...values: number[]): void {
	values.forEach((v, i) => view.setUint16(at + 2 * i, v & 0xffff));
}

function readSfnt(bytes: Uint8Array): Map<string, Uint8Array> {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const tables = new Map<string, Uint8Array>();
	for (let i = 0, rec = 12; i < view.getUint16(4); i++, rec += 16) {
		const [offset, length] = [view.getUint32(rec + 8), view.getUint32(rec + 12)];
		tables.set(String.fromCharCode(...bytes.subarray(rec, rec + 4)), bytes.subarray(offset, offset + length));
	}
	return tables;
}

function sum32(view: DataView, from: number, length: number): number {
	let sum = 0;
	for (let i = from; i < from + length; i += 4) sum = (sum + view.getUint32(i)) >>> 0;
	return sum;
}

/** A TrueType file of these tables: sorted directory, 4-byte padding, real checksums. */
function writeSfnt(tables: Map<string, Uint8Array>): Uint8Array {
	const tags = [...tables.keys()].sort();
	const offsets: number[] = [];
	let size = 12 + 16 * tags.length;
	for (const tag of tags) {
		offsets.push(size);
		size += (tables.get(tag)!.length + 3) & ~3;
	}
	const out = new Uint8Array(size);
	const view = new DataView(out.buffer);
	const log = Math.floor(Math.log2(tags.length));
	put(view, 0, 1, 0, tags.length, 16 << log, log, 16 * tags.length - (16 << log));
	tags.forEach((tag, i) => {
		const [data, at, rec] = [tables.get(tag)!, offsets[i]!, 12 + 16 * i];
		out.set(data, at);
		if (tag === 'head') view.setUint32(at + 8, 0); // checkSumAdjustment, set last
		for (let k = 0; k < 4; k++) out[rec + k] = tag.charCodeAt(k);
		view.setUint32(rec + 4, sum32(view, at, (data.length + 3) & ~3));
		view.setUint32(rec + 8, at);
		view.setUint32(rec + 12, data.length);
	});
	const head = offsets[tags.indexOf('head')];
	if (head !== undefined) view.setUint32(head + 8, (0xb1b0afba - sum32(view, 0, size)) >>> 0);
	return out;
}

/** cmap format 4 (Noto Sans is BMP-only), one segment per run of consecutive glyph ids. */
function cmapTable(pairs: readonly (readonly [number, number])[]): Uint8Array {
	const segments: { start: number; end: number; delta: number }[] = [];
	for (const [cp, gid] of pairs) {
		const last = segments.at(-1);
		if (last && cp === last.end + 1 && gid - cp === last.delta) last.end = cp;
		else segments.push({ start: cp, end: cp, delta: gid - cp });
	}
	segments.push({ start: 0xffff, end: 0xffff, delta: 1 });
	const n = segments.length;
	const log = Math.floor(Math.log2(n));
	const view = new DataView(new ArrayBuffer(20 + 16 + 8 * n));
	// Unicode BMP (0, 3) and Windows BMP (3, 1) share the one subtable at offset 20.
	put(view, 0, 0, 2, 0, 3, 0, 20, 3, 1, 0, 20);
	put(view, 20, 4, 16 + 8 * n, 0, 2 * n, 2 << log, log, 2 * n - (2 << log));
	segments.forEach((s, i) => {
		put(view, 34 + 2 * i, s.end);
		put(view, 36 + 2 * n + 2 * i, s.start);
		put(view, 36 + 4 * n + 2 * i, s.delta);
	});
	return new Uint8Array(view.buffer);
}

/**
 * A table of the source font as stored. fontkit's subset keeps only the tables a PDF needs (no
 * cmap, OS/2, name, post), but browsers refuse a standalone font without them; fontkit has no
 * public API for raw tables, so this uses its internals (the version is pinned in package.json).
 */
function rawTable(font: Font, tag: string): Uint8Array | undefined {
	const internals = font as unknown as {
		directory: { tables: Record<string, { length: number } | undefined> };
		_getTableStream(tag: string): { readBuffer(length: number): Uint8Array } | null;
	};
	const entry = internals.directory.tables[tag];
	const stream = entry && internals._getTableStream(tag);
	return stream ? new Uint8Array(stream.readBuffer(entry.length)) : undefined;
}

/** The subset as a standalone TrueType font mapping exactly these code points. */
export async function subsetFont(font: Font, cps: readonly number[]): Promise<Uint8Array> {
	const subset = font.createSubset();
	const pairs = cps.map((cp) => [cp, subset.includeGlyph(font.glyphForCodePoint(cp))] as const);
	const tables = readSfnt(await subsetBytes(subset));
	tables.set('cmap', cmapTable(pairs));
	for (const tag of ['OS/2', 'name']) {
		const table = rawTable(font, tag);
		if (table) tables.set(tag, table);
	}
	// post version 3: the header without glyph names, which would no longer match the glyph ids.
	const post = rawTable(font, 'post')?.slice(0, 32);
	if (post?.length === 32) tables.set('post', (new DataView(post.buffer).setUint32(0, 0x00030000), post));
	return writeSfnt(tables);
}
