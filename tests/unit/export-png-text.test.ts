import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { crc32, pngTexts, withPngText } from '../../src/lib/export/pngText';

/** A real 2x1 PNG, encoded by pngjs. */
function tinyPng(): Uint8Array {
	const png = new PNG({ width: 2, height: 1 });
	png.data.fill(200);
	return new Uint8Array(PNG.sync.write(png));
}

describe('text in a PNG file', () => {
	it('computes the PNG checksum (CRC-32 of "IEND" is AE426082)', () => {
		expect(crc32(new TextEncoder().encode('IEND')).toString(16)).toBe('ae426082');
	});

	it('adds UTF-8 texts that read back, and the file still decodes to the same pixels', () => {
		const before = tinyPng();
		const title = 'Nordkorea und Russland rücken zusammen – „Hero Kim Kun Ok“';
		const after = withPngText(before, { Title: title, 'Creation Time': 'Tue, 01 Dec 2026 19:00:00 GMT' });
		expect(pngTexts(after)).toEqual({ Title: title, 'Creation Time': 'Tue, 01 Dec 2026 19:00:00 GMT' });
		// pngjs checks every chunk's CRC while decoding.
		const decoded = PNG.sync.read(Buffer.from(after));
		expect([decoded.width, decoded.height]).toEqual([2, 1]);
		expect([...decoded.data]).toEqual([...PNG.sync.read(Buffer.from(before)).data]);
		expect(pngTexts(before)).toEqual({});
	});

	it('refuses bytes that are not a PNG', () => {
		expect(() => withPngText(new TextEncoder().encode('GIF89a........'), { Title: 'x' })).toThrow(
			/not a PNG/
		);
	});
});
