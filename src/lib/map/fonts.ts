import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff2?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff2?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff2?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff2?url';
import type { StyleFonts } from './style';

/*
 * Map labels are drawn from our own copy of Noto Sans (the same files the page's CSS uses, so the
 * browser fetches each once). Ranges mirror @fontsource's CSS: Latin for English and German,
 * Latin Extended for the few country names that need it.
 */
const LATIN = [
	'U+0000-00FF',
	'U+0131',
	'U+0152-0153',
	'U+02BB-02BC',
	'U+02C6',
	'U+02DA',
	'U+02DC',
	'U+2000-206F',
	'U+20AC',
	'U+2122',
	'U+2212'
];
const LATIN_EXT = [
	'U+0100-02BA',
	'U+02BD-02C5',
	'U+02C7-02CC',
	'U+02CE-02D7',
	'U+02DD-02FF',
	'U+1E00-1E9F',
	'U+1EF2-1EFF',
	'U+2C60-2C7F',
	'U+A720-A7FF'
];

/** Absolute URLs, because MapLibre loads font files outside the page's URL context. */
export function mapFonts(base: string): StyleFonts {
	const face = (path: string, ranges: string[]) => ({
		url: new URL(path, base).href,
		'unicode-range': ranges
	});
	return {
		regular: [face(latin400, LATIN), face(latinExt400, LATIN_EXT)],
		bold: [face(latin700, LATIN), face(latinExt700, LATIN_EXT)]
	};
}
