import { describe, expect, it } from 'vitest';
import { svgToPdf } from '$lib/export/pdf';
import { isPaperSize, MM, paperDrawing, paperSizes } from '$lib/export/paper';
import { exportFilename } from '$lib/export/filename';
import { parseSvg, textOf } from '$lib/export/svgTree';
import { readPdf } from '../support/pdf';
import { PDF_FONTS } from '../support/exportFixtures';

const fonts = PDF_FONTS;

/** Every element and attribute svg.ts writes, in one small document. */
const SVG = `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="1000" height="500" viewBox="0 0 1000 500" font-family="Noto Sans, sans-serif">
<title>Kim &amp; Putin</title><desc>A test</desc>
<defs><clipPath id="clip"><rect x="0" y="50" width="1000" height="400"/></clipPath></defs>
<rect id="background" x="0" y="0" width="1000" height="500" fill="#ffffff"/>
<g id="map" clip-path="url(#clip)">
<rect x="0" y="50" width="1000" height="400" fill="#dce8f0"/>
<path d="M100 100L400 100 400 400 100 400ZM200 200L300 200 300 300 200 300Z" fill="#efe9dd" fill-rule="evenodd"/>
<path d="M-50 300L1050 300" fill="none" stroke="#1d6b8a" stroke-width="4" stroke-dasharray="8 4" stroke-opacity="0.6"/>
<circle cx="500" cy="250" r="6" fill="#1d1d1b" stroke="#ffffff" stroke-width="2"/>
<g id="labels" fill="#1d1d1b" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">
<text font-size="20" text-anchor="middle"><tspan x="500" y="230">Pjöngjang</tspan><tspan x="500" y="255">Wladiwostok</tspan></text>
<text font-size="14" letter-spacing="2"><tspan x="600" y="300">RUSSLAND Москва Şinpo</tspan></text>
</g>
</g>
<g id="header"><text x="24" y="36" font-size="28" font-weight="700" fill="#1d1d1b">Nordkorea &amp; Russland</text></g>
<line x1="24" y1="480" x2="60" y2="480" stroke="#b5530d" stroke-width="3" stroke-linecap="round"/>
</svg>`;

const metadata = {
	title: 'Kim & Putin',
	description: 'A test',
	source: 'Artikel: ZDFheute',
	created: '2026-12-01T12:00:00.000Z',
	lang: 'de'
};

describe('svgTree', () => {
	it('reads the SVG back as a tree, entities decoded, and refuses markup it does not write', () => {
		const root = parseSvg(SVG);
		expect(root.name).toBe('svg');
		expect(root.attrs.width).toBe('1000');
		const title = root.children.find((c) => typeof c !== 'string' && c.name === 'title');
		expect(textOf(title as never)).toBe('Kim & Putin');
		expect(() => parseSvg('<svg><g></svg>')).toThrow(/closes/);
		expect(() => parseSvg('<svg><!-- x --></svg>')).toThrow(/unreadable/);
	});
});

describe('svgToPdf', () => {
	it('makes a page of the exact size with text as text, paths as paths, fonts embedded and no images', async () => {
		const widthPt = 297 * MM;
		const heightPt = 210 * MM;
		const bytes = await svgToPdf({ svg: SVG, widthPt, heightPt, fonts, metadata });
		const pdf = await readPdf(bytes);
		expect(pdf.pages).toHaveLength(1);
		const page = pdf.pages[0]!;
		expect(page.width).toBeCloseTo(841.89, 2);
		expect(page.height).toBeCloseTo(595.28, 2);
		const text = page.text.join(' ');
		for (const words of ['Pjöngjang', 'Wladiwostok', 'Nordkorea & Russland']) expect(text).toContain(words);
		// Letter-spaced, so a viewer may read a space between the letters; every character is there,
		// Cyrillic and Latin Extended from their own faces.
		expect(text.replace(/\s+/g, '')).toContain('RUSSLANDМоскваŞinpo');
		expect(page.ops.images).toBe(0);
		expect(page.ops.paths).toBeGreaterThanOrEqual(6);
		expect(page.ops.paints).toBeGreaterThanOrEqual(6);
		// Halos are their own stroked text under the filled text: each label line shows twice.
		expect(page.ops.texts).toBeGreaterThanOrEqual(2 * 3 + 1);
		expect(page.fonts.length).toBeGreaterThanOrEqual(3);
		for (const font of page.fonts) expect(font.embedded, font.name).toBe(true);
		expect(pdf.info.Title).toBe('Kim & Putin');
		expect(pdf.info.Language).toBe('de');
		// A subset: a few glyphs of each face, not whole fonts.
		expect(bytes.byteLength).toBeLessThan(120_000);
	});

	it('refuses what it cannot draw instead of leaving it out', async () => {
		const bad = SVG.replace('<line ', '<ellipse ').replace(
			'stroke-linecap="round"/>',
			'stroke-linecap="round"/>'
		);
		await expect(svgToPdf({ svg: bad, widthPt: 100, heightPt: 50, fonts, metadata })).rejects.toThrow(
			/ellipse/
		);
		const relative = SVG.replace('M-50 300L1050 300', 'm-50 300l1100 0');
		await expect(svgToPdf({ svg: relative, widthPt: 100, heightPt: 50, fonts, metadata })).rejects.toThrow(
			/relative/
		);
	});
});

describe('paper sizes', () => {
	it('gives each sheet its exact page in points and a 150 dpi drawing of the same shape', () => {
		const sheets = Object.fromEntries(paperSizes('en').map((p) => [p.id, p]));
		expect(sheets['a4-portrait']).toMatchObject({
			widthMm: 210,
			heightMm: 297,
			label: 'A4 portrait (210 × 297 mm)'
		});
		expect(sheets['a3-landscape']!.label).toBe('A3 landscape (420 × 297 mm)');
		const a4 = paperDrawing(210, 297);
		expect(a4.widthPt).toBeCloseTo(595.28, 2);
		expect(a4.heightPt).toBeCloseTo(841.89, 2);
		expect([a4.width, a4.height]).toEqual([1240, 1754]);
		expect(a4.width / a4.height).toBeCloseTo(210 / 297, 3);
		expect(isPaperSize(500, 250)).toBe(true);
		expect(isPaperSize(20, 250)).toBe(false);
		expect(isPaperSize(Number.NaN, 250)).toBe(false);
		expect(isPaperSize(3000, 250)).toBe(false);
	});

	it('names a PDF by its sheet in millimetres', () => {
		const name = exportFilename({
			base: 'nk',
			kind: 'pdf',
			until: null,
			latest: '2023-09-12',
			lang: 'de',
			width: 297,
			height: 210
		});
		expect(name).toBe('nk_2023-09-12_de_297x210mm.pdf');
	});
});
