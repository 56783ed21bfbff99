import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { PdfFonts } from '../../src/lib/export/pdf';

/** Fixtures the export tests share: Noto Sans from the installed package, and square countries. */

const require = createRequire(import.meta.url);

/** A Noto Sans .woff face by its file name's middle, e.g. `latin-400-normal`. */
export function notoFace(name: string): Uint8Array {
	return new Uint8Array(readFileSync(require.resolve(`@fontsource/noto-sans/files/noto-sans-${name}.woff`)));
}

/** The faces the PDF and the SVG embed: Latin, Latin Extended and Cyrillic, regular and bold. */
export const PDF_FONTS: PdfFonts = {
	regular: [notoFace('latin-400-normal'), notoFace('latin-ext-400-normal'), notoFace('cyrillic-400-normal')],
	bold: [notoFace('latin-700-normal'), notoFace('latin-ext-700-normal'), notoFace('cyrillic-700-normal')]
};

/** A closed ring around [west, south]–[east, north]: a country of a small synthetic world. */
export const square = (w: number, s: number, e: number, n: number): number[][] => [
	[w, s],
	[e, s],
	[e, n],
	[w, n],
	[w, s]
];
