import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import type { PdfFonts } from '$lib/export/pdf';
import {
	embedSvgFonts,
	layoutLine,
	missingCharacters,
	outlineSvgText,
	usedText,
	type TextLine
} from '$lib/export/svgFonts';
import { layer, textLineEl } from '$lib/export/svgOverlays';
import { parseSvg } from '$lib/export/svgTree';
import { el, fragment, xmlWellFormednessErrors, type Xml } from '$lib/export/xml';
import { notoFace } from '../support/exportFixtures';

const SCRIPTS = ['latin', 'latin-ext', 'cyrillic', 'greek'];
const fonts: PdfFonts = {
	regular: SCRIPTS.map((s) => notoFace(`${s}-400-normal`)),
	bold: SCRIPTS.map((s) => notoFace(`${s}-700-normal`))
};
const parse = (bytes: Uint8Array): Font => fontkit.create(bytes);
const latin = parse(fonts.regular[0]!);
const latinBold = parse(fonts.bold[0]!);

// ---------------------------------------------------------------------------------------------
// A document shaped exactly as svg.ts writes it: the same builder, layers, halo groups and text.

interface Label {
	lines: string[];
	x: number;
	y: number;
	size: number;
	anchor?: 'start' | 'middle' | 'end';
	bold?: boolean;
	spacing?: number;
	id?: string;
}

/** svg.ts's textBlock: one `<tspan>` per line, the anchor only when not start. */
function textBlock(l: Label, halo: boolean): Xml {
	return el(
		'text',
		{
			'letter-spacing': l.spacing ?? null,
			'font-weight': l.bold ? 700 : null,
			'font-size': l.size,
			'text-anchor': !l.anchor || l.anchor === 'start' ? null : l.anchor,
			'data-id': halo ? null : (l.id ?? null)
		},
		...l.lines.map((line, i) => el('tspan', { x: l.x, y: l.y + i * l.size * 1.2 }, line))
	);
}

/** svg.ts's haloed(): the halo as a stroked copy under the filled text. */
function haloed(id: string, fill: string, labels: Label[]): Xml {
	return el(
		'g',
		layer(id, id),
		el(
			'g',
			{ id: `${id}-halo`, fill: 'none', stroke: '#ffffff', 'stroke-width': 2.4, 'stroke-linejoin': 'round' },
			...labels.map((l) => textBlock(l, true))
		),
		el('g', { id: `${id}-text`, fill, stroke: 'none' }, ...labels.map((l) => textBlock(l, false)))
	);
}

function document(labels: Label[], header: { text: string; bold: boolean }[] = []): string {
	return (
		el(
			'svg',
			{
				xmlns: 'http://www.w3.org/2000/svg',
				'xmlns:inkscape': 'http://www.inkscape.org/namespaces/inkscape',
				version: '1.1',
				width: 1920,
				height: 1080,
				viewBox: '0 0 1920 1080',
				'font-family': 'Noto Sans, sans-serif'
			},
			el('title', {}, 'North Korea and Russia move closer'),
			el('desc', {}, 'A test'),
			el(
				'defs',
				{},
				el('clipPath', { id: 'nkr-map-clip' }, el('rect', { x: 0, y: 120, width: 1920, height: 800 }))
			),
			el('rect', { id: 'background', x: 0, y: 0, width: 1920, height: 1080, fill: '#ffffff' }),
			el(
				'g',
				{ ...layer('map', 'Map'), 'clip-path': 'url(#nkr-map-clip)' },
				el('path', { d: 'M100 200L400 200 400 500Z', fill: '#efe9dd' }),
				haloed('place-labels', '#1d1d1b', labels)
			),
			fragment([
				el(
					'g',
					layer('header', 'Title'),
					el('rect', { x: 0, y: 0, width: 1920, height: 120, fill: '#ffffff' }),
					...header.map((h, i) =>
						textLineEl({
							x: 24,
							y: 40 + i * 30,
							fontPx: h.bold ? 28 : 18,
							bold: h.bold,
							color: '#1d1d1b',
							text: h.text,
							box: { x: 24, y: 20 + i * 30, width: 1000, height: 30 }
						})
					)
				)
			])
		).xml + '\n'
	);
}

/** The English strings of a 1920x1080 export of the story. */
const ENGLISH_LABELS: Label[] = [
	...['NORTH KOREA', 'RUSSIA', 'CHINA', 'JAPAN', 'SOUTH KOREA', 'MONGOLIA'].map((name, i) => ({
		lines: [name],
		x: 300 + 200 * i,
		y: 400,
		size: 13,
		anchor: 'middle' as const,
		spacing: 1.3
	})),
	{ lines: ['Pyongyang'], x: 500, y: 600, size: 15, bold: true, id: 'pyongyang' },
	{ lines: ['Vladivostok'], x: 900, y: 500, size: 14, id: 'vladivostok' },
	{ lines: ['Moscow'], x: 200, y: 300, size: 14, id: 'moscow' },
	{ lines: ['Sea of Japan /', 'East Sea'], x: 1100, y: 650, size: 13, anchor: 'middle', id: 'sea' },
	{ lines: ['Crimea'], x: 150, y: 450, size: 13, anchor: 'middle', id: 'crimea' },
	{ lines: ['Luhansk'], x: 180, y: 420, size: 13, anchor: 'end', id: 'luhansk' }
];
const ENGLISH_HEADER = [
	{ text: 'North Korea and Russia move closer', bold: true },
	{ text: "Kim's train journey to Russia, a possible arms deal and China's role – every line", bold: false },
	{ text: 'Legend', bold: true },
	{ text: "Kim's armoured train (Sept. 2023) · Shoigu's visit · Delegation to Vladivostok", bold: false },
	{ text: 'Planned patrol area · Recognised by North Korea as Russian', bold: false },
	{ text: 'Source: ZDFheute (Elisabeth Schmidt), 12 September 2023 · Map: Natural Earth', bold: false }
];

/** Every face the embedded style declares. */
function embeddedFaces(svg: string): { weight: number; range: number[]; font: Font; bytes: number }[] {
	const rules = [...svg.matchAll(/@font-face\{([^}]*)\}/g)].map((m) => m[1]!);
	return rules.map((rule) => {
		const data = /url\(data:font\/ttf;base64,([A-Za-z0-9+/=]+)\) format\("truetype"\)/.exec(rule)![1]!;
		const bytes = new Uint8Array(Buffer.from(data, 'base64'));
		const range = /unicode-range:([^;}]+)/
			.exec(rule)![1]!
			.split(',')
			.flatMap((part) => {
				const [a, b] = part
					.replace('U+', '')
					.split('-')
					.map((h) => parseInt(h, 16)) as [number, number?];
				return Array.from({ length: (b ?? a) - a + 1 }, (_, i) => a + i);
			});
		expect(rule).toContain('font-family:"Noto Sans"');
		return {
			weight: Number(/font-weight:(\d+)/.exec(rule)![1]),
			range,
			font: parse(bytes),
			bytes: bytes.length
		};
	});
}

const cps = (s: string) => [...s].map((c) => c.codePointAt(0)!);

describe('usedText', () => {
	it('collects the characters per weight, entities decoded, header lines included', () => {
		const svg = document([{ lines: ['Kim & Putin'], x: 0, y: 0, size: 12 }], [{ text: 'Ab', bold: true }]);
		expect(svg).toContain('Kim &amp; Putin');
		const used = usedText(svg);
		expect(used.regular).toBe(' &KPimntu');
		expect(used.bold).toBe('Ab');
	});
});

describe('embedSvgFonts', () => {
	const labels: Label[] = [
		...ENGLISH_LABELS,
		{ lines: ['Москва'], x: 200, y: 320, size: 14, id: 'moskva' },
		{ lines: ['Grüße aus Münster'], x: 200, y: 340, size: 14 },
		{ lines: ['Şinpo → 🚆'], x: 200, y: 360, size: 14, bold: true, id: 'sinpo' },
		{ lines: ['Владивосток'], x: 200, y: 380, size: 14, bold: true }
	];
	const svg = document(labels, ENGLISH_HEADER);

	it('embeds a subset per face in the defs, each mapping every character of its unicode-range', async () => {
		const out = await embedSvgFonts(svg, fonts);
		expect(xmlWellFormednessErrors(out)).toEqual([]);
		// The PDF reads the very same document: it must still parse, the style inside <defs>.
		const defs = parseSvg(out).children.find((c) => typeof c !== 'string' && c.name === 'defs');
		expect(
			defs && typeof defs !== 'string' && defs.children.map((c) => typeof c !== 'string' && c.name)
		).toEqual(['style', 'clipPath']);
		expect(out.replace(/<style[^]*<\/style>/, '')).toBe(svg);

		const faces = embeddedFaces(out);
		const used = usedText(svg);
		for (const [weight, text, sources] of [
			[400, used.regular, fonts.regular.map(parse)],
			[700, used.bold, fonts.bold.map(parse)]
		] as const) {
			const mine = faces.filter((f) => f.weight === weight);
			expect(mine.length).toBeGreaterThanOrEqual(2);
			// Every character the text uses that some face has is in exactly one range, and that
			// face's font has a real glyph for it with the source's metrics.
			for (const cp of cps(text)) {
				const source = sources.find((s) => s.hasGlyphForCodePoint(cp));
				const serving = mine.filter((f) => f.range.includes(cp));
				if (!source) {
					expect(serving, String.fromCodePoint(cp)).toEqual([]);
					continue;
				}
				expect(serving, String.fromCodePoint(cp)).toHaveLength(1);
				const glyph = serving[0]!.font.glyphForCodePoint(cp);
				expect(glyph.id, String.fromCodePoint(cp)).not.toBe(0);
				expect(glyph.advanceWidth).toBe(source.glyphForCodePoint(cp).advanceWidth);
				expect(glyph.path.toSVG()).toBe(source.glyphForCodePoint(cp).path.toSVG());
			}
			// Nothing beyond what the text uses.
			expect(mine.flatMap((f) => f.range).sort((a, b) => a - b)).toEqual(
				cps(text).filter((cp) => sources.some((s) => s.hasGlyphForCodePoint(cp)))
			);
		}
		// Cyrillic from the cyrillic face, not the latin one; Ş from latin-ext; ü and ß are Latin-1.
		const of = (ch: string, weight: number) =>
			faces.find((f) => f.weight === weight && f.range.includes(ch.codePointAt(0)!));
		expect(of('М', 400)).toBeDefined();
		expect(of('М', 400)!.range).not.toContain('a'.codePointAt(0));
		expect(of('a', 400)!.range).not.toContain('М'.codePointAt(0));
		expect(of('ü', 400)).toBe(of('a', 400));
		expect(of('ß', 400)).toBe(of('a', 400));
		expect(of('Ş', 700)).not.toBe(of('a', 700));
		expect(of('В', 700)!.font.glyphForCodePoint('В'.codePointAt(0)!).advanceWidth).toBe(
			parse(fonts.bold[2]!).glyphForCodePoint('В'.codePointAt(0)!).advanceWidth
		);
		expect(of('→', 700)).toBeUndefined();
	});

	it('writes standalone TrueType files a browser accepts: the required tables, valid checksums', async () => {
		const out = await embedSvgFonts(svg, fonts);
		const data = /base64,([A-Za-z0-9+/=]+)/.exec(out)![1]!;
		const bytes = new Uint8Array(Buffer.from(data, 'base64'));
		const view = new DataView(bytes.buffer);
		expect(view.getUint32(0)).toBe(0x00010000);
		const tags: string[] = [];
		let total = 0;
		for (let i = 0; i < view.getUint16(4); i++) {
			const rec = 12 + 16 * i;
			const tag = String.fromCharCode(...bytes.subarray(rec, rec + 4));
			const [offset, length] = [view.getUint32(rec + 8), view.getUint32(rec + 12)];
			let sum = 0;
			for (let k = offset; k < offset + ((length + 3) & ~3); k += 4) {
				const word = view.getUint32(k);
				sum = (sum + (tag === 'head' && k === offset + 8 ? 0 : word)) >>> 0;
			}
			expect(view.getUint32(rec + 4), tag).toBe(sum);
			tags.push(tag);
		}
		for (let k = 0; k < bytes.length; k += 4) total = (total + view.getUint32(k)) >>> 0;
		expect(total).toBe(0xb1b0afba);
		expect(tags).toEqual([...tags].sort());
		for (const t of ['OS/2', 'cmap', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'name', 'post'])
			expect(tags).toContain(t);
		const font = parse(bytes);
		expect(font.familyName).toBe('Noto Sans');
		expect(font.post.isFixedPitch).toBeFalsy();
	});

	it('stays small: the English strings of a 1920x1080 export take a few KB per face', async () => {
		const english = document(ENGLISH_LABELS, ENGLISH_HEADER);
		const used = usedText(english);
		expect(cps(used.regular).length).toBeGreaterThanOrEqual(40);
		expect(cps(used.bold).length).toBeGreaterThanOrEqual(20);
		const start = performance.now();
		const out = await embedSvgFonts(english, fonts);
		const ms = performance.now() - start;
		const faces = embeddedFaces(out);
		// Measured: 58 regular characters in 6.0 KB, 23 bold in 3.2 KB, all from the latin face;
		// the style adds 12.7 KB of base64 and CSS to the file.
		expect(faces.map((f) => f.weight)).toEqual([400, 700]);
		for (const f of faces) expect(f.bytes).toBeLessThan(8_000);
		expect(out.length - english.length).toBeLessThan(16_000);
		expect(ms).toBeLessThan(3000);
	});

	it('adds a <defs> when the document has none, and leaves a text-free document alone', async () => {
		const bare = '<svg xmlns="http://www.w3.org/2000/svg"><text font-size="12" x="1" y="2">Hi</text></svg>';
		const out = await embedSvgFonts(bare, fonts);
		expect(xmlWellFormednessErrors(out)).toEqual([]);
		expect(out).toMatch(/^<svg [^>]*><defs><style type="text\/css">@font-face/);
		const noText = '<svg xmlns="http://www.w3.org/2000/svg"><defs/></svg>';
		expect(await embedSvgFonts(noText, fonts)).toBe(noText);
	});
});

// ---------------------------------------------------------------------------------------------

/** Every point of a path written in relative m/l/q/c/z commands, made absolute. */
function pointsOf(d: string): [number, number][] {
	const tokens = d.match(/[a-zA-Z]|-?(?:\d+\.?\d*|\.\d+)/g) ?? [];
	const points: [number, number][] = [];
	let [x, y, startX, startY] = [0, 0, 0, 0];
	let i = 0;
	while (i < tokens.length) {
		const command = tokens[i++]!;
		expect('mlqcz').toContain(command);
		if (command === 'z') {
			[x, y] = [startX, startY];
			continue;
		}
		const pairs = { m: 1, l: 1, q: 2, c: 3 }[command as 'm']!;
		const [baseX, baseY] = [x, y];
		for (let k = 0; k < pairs; k++, i += 2) {
			[x, y] = [baseX + Number(tokens[i]), baseY + Number(tokens[i + 1])];
			points.push([x, y]);
		}
		if (command === 'm') [startX, startY] = [x, y];
	}
	return points;
}

/** The extent of a group's path (every point and control point of its d attribute). */
function extent(
	svg: string,
	id: string
): { minX: number; maxX: number; minY: number; maxY: number; d: string } {
	const group = new RegExp(`<g data-id="${id}"[^>]*><path d="([^"]+)"/></g>`).exec(svg);
	expect(group, id).not.toBeNull();
	const d = group![1]!;
	const xs = pointsOf(d).map((p) => p[0]);
	const ys = pointsOf(d).map((p) => p[1]);
	return { minX: Math.min(...xs), maxX: Math.max(...xs), minY: Math.min(...ys), maxY: Math.max(...ys), d };
}

/** Where fontkit puts the ink of a start-anchored line: first glyph's left edge, last's right. */
function inkOf(font: Font, text: string, size: number): { left: number; right: number; advance: number } {
	const run = font.layout(text);
	const scale = size / font.unitsPerEm;
	const last = run.glyphs.at(-1)!;
	const lastPen = run.positions.slice(0, -1).reduce((w, p) => w + p.xAdvance, 0);
	return {
		left: run.glyphs[0]!.bbox.minX * scale,
		right: (lastPen + last.bbox.maxX) * scale,
		advance: run.advanceWidth * scale
	};
}

describe('outlineSvgText', () => {
	const labels: Label[] = [
		{ lines: ['Vladivostok'], x: 900, y: 500, size: 20, anchor: 'middle', id: 'mid' },
		{ lines: ['Pyongyang'], x: 700, y: 540, size: 16, anchor: 'end', id: 'end' },
		{ lines: ['Pyongyang'], x: 300, y: 540, size: 16, id: 'regular' },
		{ lines: ['Pyongyang'], x: 500, y: 580, size: 16, id: 'regular-too' },
		{ lines: ['Pyongyang'], x: 300, y: 580, size: 16, bold: true, id: 'bold' },
		{ lines: ['RUSSIA'], x: 300, y: 620, size: 13, id: 'tight' },
		{ lines: ['RUSSIA'], x: 300, y: 660, size: 13, spacing: 2, id: 'spaced' },
		{ lines: ['Sea of Japan /', 'East Sea'], x: 1100, y: 650, size: 13, anchor: 'middle', id: 'sea' },
		{ lines: ['Москва → 🚆 Kim & Putin'], x: 100, y: 700, size: 14, id: 'mixed' }
	];
	const svg = document(labels, ENGLISH_HEADER);
	const out = outlineSvgText(svg, fonts);

	it('replaces every <text> by a group of outlines that keeps its attributes and its words', () => {
		expect(xmlWellFormednessErrors(out)).toEqual([]);
		expect(out).not.toContain('<text');
		expect(out).not.toContain('<tspan');
		expect(parseSvg(out).name).toBe('svg');
		for (const l of labels) {
			const label = l.lines.join(' ').replace('&', '&amp;');
			expect(out).toMatch(new RegExp(`<g data-id="${l.id}" role="img" aria-label="${label}"><path d="m`));
		}
		// Halo copies are stroked by their group as before, and hidden from assistive technology.
		const halo =
			/<g id="place-labels-halo" fill="none" stroke="#ffffff"[^>]*>(.*?)<\/g><g id="place-labels-text"/.exec(
				out
			);
		expect(halo![1]!.match(/<g role="img" aria-label="[^"]+" aria-hidden="true"><path d="/g)).toHaveLength(
			labels.length
		);
		// Header lines keep their fill and lose every text attribute.
		expect(out).toContain(
			'<g fill="#1d1d1b" role="img" aria-label="North Korea and Russia move closer"><path d="m'
		);
		expect(out).not.toMatch(/font-size|font-weight|text-anchor|letter-spacing/);
		// Two decimals at most.
		expect(out).not.toMatch(/\d\.\d{3}/);
	});

	it('centres a middle-anchored line on x and ends an end-anchored one at x', () => {
		const mid = extent(out, 'mid');
		const ink = inkOf(latin, 'Vladivostok', 20);
		expect(Math.abs((mid.minX + mid.maxX) / 2 - 900)).toBeLessThan(1);
		expect(Math.abs(mid.maxX - mid.minX - ink.advance)).toBeLessThan(2);
		expect(mid.minX).toBeCloseTo(900 - ink.advance / 2 + ink.left, 1);
		expect(mid.maxX).toBeCloseTo(900 - ink.advance / 2 + ink.right, 1);
		// Baseline at y: nothing in this word descends, its ascenders reach their height above it.
		expect(mid.maxY).toBeCloseTo(500, 0);
		expect(mid.minY).toBeCloseTo(500 - (latin.layout('Vladivostok').bbox.maxY * 20) / latin.unitsPerEm, 1);

		const end = extent(out, 'end');
		const endInk = inkOf(latin, 'Pyongyang', 16);
		expect(Math.abs(end.maxX - 700)).toBeLessThan(1.5);
		expect(end.maxX).toBeCloseTo(700 - endInk.advance + endInk.right, 1);
		expect(end.minX).toBeCloseTo(700 - endInk.advance + endInk.left, 1);
	});

	it('draws bold text from the bold face', () => {
		const regular = extent(out, 'regular');
		const bold = extent(out, 'bold');
		// Same word, other outlines: everything after the first move (which holds the position) differs.
		const shapes = (d: string) => d.replace(/^m[^a-z]*/, '');
		expect(shapes(regular.d)).toBe(shapes(extent(out, 'regular-too').d));
		expect(shapes(bold.d)).not.toBe(shapes(regular.d));
		expect(bold.maxX - bold.minX).toBeCloseTo(
			inkOf(latinBold, 'Pyongyang', 16).right - inkOf(latinBold, 'Pyongyang', 16).left,
			1
		);
		expect(bold.maxX - bold.minX).toBeGreaterThan(regular.maxX - regular.minX + 3);
	});

	it('widens a letter-spaced line by the spacing after each character', () => {
		const tight = extent(out, 'tight');
		const spaced = extent(out, 'spaced');
		// Ink: the spacing sits between the six letters (the sixth's trails the ink).
		expect(spaced.maxX - spaced.minX - (tight.maxX - tight.minX)).toBeCloseTo(5 * 2, 1);
		const line: TextLine = { text: 'RUSSIA', x: 0, y: 0, size: 13, bold: false, anchor: 'start', spacing: 0 };
		const faces = fonts.regular.map(parse);
		expect(layoutLine({ ...line, spacing: 2 }, faces).width - layoutLine(line, faces).width).toBeCloseTo(
			6 * 2,
			6
		);
	});

	it('lays out several lines and several faces, leaving out characters no face has', () => {
		const sea = extent(out, 'sea');
		expect(sea.maxY).toBeGreaterThan(650 + 13);
		const faces = fonts.regular.map(parse);
		const line: TextLine = {
			text: 'Москва → 🚆',
			x: 0,
			y: 0,
			size: 14,
			bold: false,
			anchor: 'start',
			spacing: 0
		};
		const laid = layoutLine(line, faces);
		// М, о, с, к, в, а and two spaces: the arrow and the train are in none of the faces.
		expect(laid.glyphs).toHaveLength(8);
		expect(laid.glyphs.every((g) => g.glyph.id !== 0)).toBe(true);
		expect(() =>
			outlineSvgText(document([{ lines: ['→🚆'], x: 0, y: 0, size: 9, id: 'none' }]), fonts)
		).not.toThrow();
		const nothing = outlineSvgText(document([{ lines: ['→🚆'], x: 0, y: 0, size: 9, id: 'none' }]), fonts);
		expect(nothing).toContain('<g data-id="none" role="img" aria-label="→🚆"/>');
	});

	it('names the characters no face has, once each, whatever their weight', () => {
		const doc = document([
			{ lines: ['Москва → 🚆 Kim & Putin'], x: 100, y: 700, size: 14, id: 'a' },
			{ lines: ['Şinpo → 🚆'], x: 200, y: 360, size: 14, bold: true, id: 'b' }
		]);
		expect(missingCharacters(doc, fonts).sort()).toEqual(['→', '🚆'].sort());
		// Joiners and variation selectors draw nothing: nothing to report.
		const invisible = document([{ lines: ['Kim\u200d\ufe0f\u200b Putin'], x: 0, y: 0, size: 9, id: 'd' }]);
		expect(missingCharacters(invisible, fonts)).toEqual([]);
		expect(
			missingCharacters(document([{ lines: ['Pjöngjang – Москва'], x: 0, y: 0, size: 9, id: 'c' }]), fonts)
		).toEqual([]);
	});

	it('is quick enough for a whole export', () => {
		const english = document(Array.from({ length: 10 }, () => ENGLISH_LABELS).flat(), ENGLISH_HEADER);
		const start = performance.now();
		const outlined = outlineSvgText(english, fonts);
		expect(performance.now() - start).toBeLessThan(3000);
		expect(outlined).not.toContain('<text');
	});
});
