/*
 * Text in a PNG file: what an export says about itself (title, source, when it was made) goes
 * into the file's metadata instead of onto the picture. Written as iTXt chunks (UTF-8, so titles
 * with „quotes“ and umlauts survive; tEXt allows Latin-1 only), right after the IHDR chunk.
 */

const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

const CRC_TABLE = (() => {
	const table = new Uint32Array(256);
	for (let n = 0; n < 256; n++) {
		let c = n;
		for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
		table[n] = c >>> 0;
	}
	return table;
})();

/** The PNG chunk checksum (CRC-32 over type and data). */
export function crc32(bytes: Uint8Array): number {
	let c = 0xffffffff;
	for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
	return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
	const out = new Uint8Array(12 + data.length);
	const view = new DataView(out.buffer);
	view.setUint32(0, data.length);
	out.set(new TextEncoder().encode(type), 4);
	out.set(data, 8);
	view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
	return out;
}

/** One iTXt chunk: keyword (Latin-1, 1-79 bytes), no compression, no language, UTF-8 text. */
function itxt(keyword: string, text: string): Uint8Array {
	const key = new TextEncoder().encode(keyword.replace(/[^\x20-\x7e]/g, '').slice(0, 79) || 'Comment');
	const value = new TextEncoder().encode(text);
	// keyword \0, compression flag 0, method 0, language tag "" \0, translated keyword "" \0, text
	const data = new Uint8Array(key.length + 5 + value.length);
	data.set(key, 0);
	data.set(value, key.length + 5);
	return chunk('iTXt', data);
}

/** The PNG with these texts added after its header; throws on bytes that are not a PNG. */
export function withPngText(png: Uint8Array, texts: Readonly<Record<string, string>>): Uint8Array {
	if (!SIGNATURE.every((b, i) => png[i] === b)) throw new Error('not a PNG file');
	const ihdrEnd = 8 + 12 + new DataView(png.buffer, png.byteOffset).getUint32(8);
	const added = Object.entries(texts).map(([k, v]) => itxt(k, v));
	const size = png.length + added.reduce((n, c) => n + c.length, 0);
	const out = new Uint8Array(size);
	out.set(png.subarray(0, ihdrEnd), 0);
	let at = ihdrEnd;
	for (const c of added) {
		out.set(c, at);
		at += c.length;
	}
	out.set(png.subarray(ihdrEnd), at);
	return out;
}

/** The iTXt texts of a PNG, by keyword (for tests and for reading an export back). */
export function pngTexts(png: Uint8Array): Record<string, string> {
	const out: Record<string, string> = {};
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const decoder = new TextDecoder();
	for (let at = 8; at + 12 <= png.length;) {
		const length = view.getUint32(at);
		const type = decoder.decode(png.subarray(at + 4, at + 8));
		if (type === 'iTXt') {
			const data = png.subarray(at + 8, at + 8 + length);
			const keyEnd = data.indexOf(0);
			let p = keyEnd + 3;
			p = data.indexOf(0, p) + 1; // language tag
			p = data.indexOf(0, p) + 1; // translated keyword
			out[decoder.decode(data.subarray(0, keyEnd))] = decoder.decode(data.subarray(p));
		}
		if (type === 'IEND') break;
		at += 12 + length;
	}
	return out;
}
