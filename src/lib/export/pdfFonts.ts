import latin400 from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latinExt400 from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import cyrillic400 from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff?url';
import greek400 from '@fontsource/noto-sans/files/noto-sans-greek-400-normal.woff?url';
import latin700 from '@fontsource/noto-sans/files/noto-sans-latin-700-normal.woff?url';
import latinExt700 from '@fontsource/noto-sans/files/noto-sans-latin-ext-700-normal.woff?url';
import cyrillic700 from '@fontsource/noto-sans/files/noto-sans-cyrillic-700-normal.woff?url';
import greek700 from '@fontsource/noto-sans/files/noto-sans-greek-700-normal.woff?url';
import type { PdfFonts } from './pdf';

/**
 * The Noto Sans faces the PDF and the SVG embed (svgFonts.ts: as a subset, or as outlines), from
 * the site's own files (WOFF, which fontkit reads; the page itself uses WOFF2). Fetched only when
 * a PDF or an SVG is made, once per page.
 */

/** Latin first and required; the other scripts are cached only once fetched, so offline they may be missing. */
const REGULAR = [latin400, latinExt400, cyrillic400, greek400];
const BOLD = [latin700, latinExt700, cyrillic700, greek700];
const REQUIRED = 2;

let loading: Promise<PdfFonts> | null = null;

async function bytesOf(url: string): Promise<Uint8Array> {
	const response = await fetch(url);
	if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
	const bytes = new Uint8Array(await response.arrayBuffer());
	// Offline, the service worker may answer a file it never cached with the app's page: a font
	// is only a font if it starts with WOFF's signature.
	if (String.fromCharCode(...bytes.subarray(0, 4)) !== 'wOFF') throw new Error(`${url}: not a WOFF font`);
	return bytes;
}

export function loadPdfFonts(): Promise<PdfFonts> {
	const faces = (urls: string[]) =>
		Promise.all(urls.map((url, i) => (i < REQUIRED ? bytesOf(url) : bytesOf(url).catch(() => null)))).then(
			(list) => list.filter((bytes): bytes is Uint8Array => bytes !== null)
		);
	loading ??= Promise.all([faces(REGULAR), faces(BOLD)]).then(([regular, bold]) => ({ regular, bold }));
	// A failed fetch is not kept: the next export tries again.
	loading.catch(() => (loading = null));
	return loading;
}
