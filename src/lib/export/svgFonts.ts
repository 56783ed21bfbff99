import fontkit from '@pdf-lib/fontkit';
import type { Font, Glyph } from '@pdf-lib/fontkit';
import { subsetFont } from './fontSubset';
import type { PdfFonts } from './pdf';
import { parseSvg, textOf, type SvgNode } from './svgTree';
import { el, type Xml } from './xml';
import { withoutBidiControls } from '$lib/i18n/bidi';

/**
 * Makes the exported SVG look the same on a machine without Noto Sans, two ways: embed a subset
 * of the font (text stays text: selectable, searchable, editable) or turn the text into outlines
 * (for tools that ignore @font-face, such as Inkscape or a print shop's RIP). Both read the
 * document exactly as svg.ts and svgOverlays.ts write it (see svgTree.ts).
 */

/** One line as the browser draws it: baseline start, size, weight, anchor and letter-spacing. */
export interface TextLine {
	text: string;
	x: number;
	y: number;
	size: number;
	bold: boolean;
	anchor: string;
	spacing: number;
}

interface TextElement {
	start: number;
	end: number;
	attrs: Readonly<Record<string, string>>;
	lines: TextLine[];
	/** A halo copy (painted under a group with fill="none"): decoration, not content. */
	halo: boolean;
}

// ---------------------------------------------------------------------------------------------
// Reading the text

/** Every tag; attribute values never hold `>` because xml.ts escapes it. */
const TAG = /<(\/?)([A-Za-z_][\w.:-]*)([^>]*?)(\/?)>/g;

function num(value: string | undefined, fallback: number): number {
	const n = Number.parseFloat(value ?? '');
	return Number.isFinite(n) ? n : fallback;
}

/** SVG's default xml:space: newlines dropped, tabs as spaces, runs of spaces collapsed. */
function collapse(text: string): string {
	return text.replace(/[\r\n]/g, '').replace(/[\t ]+/g, ' ');
}

function lineOf(attrs: Readonly<Record<string, string>>, text: string): TextLine {
	const weight = attrs['font-weight'];
	return {
		text: collapse(text),
		x: num(attrs.x, 0),
		y: num(attrs.y, 0),
		size: num(attrs['font-size'], 16),
		bold: weight === 'bold' || num(weight, 400) >= 600,
		anchor: attrs['text-anchor'] ?? 'start',
		spacing: num(attrs['letter-spacing'], 0)
	};
}

/** A `<text>`'s lines: its own character data (header, legend) and each `<tspan>` (labels). */
function linesOf(node: SvgNode): TextLine[] {
	const own = node.children.filter((c): c is string => typeof c === 'string').join('');
	const lines = own.trim() ? [lineOf(node.attrs, own)] : [];
	for (const c of node.children)
		if (typeof c !== 'string' && c.name === 'tspan')
			lines.push(lineOf({ ...node.attrs, ...c.attrs }, textOf(c)));
	return lines;
}

/** The document's `<text>` elements with their offsets, in order. Fill is tracked for halos. */
function findTextElements(svg: string): TextElement[] {
	const found: TextElement[] = [];
	const fills: (string | undefined)[] = [];
	const tag = new RegExp(TAG);
	for (let m = tag.exec(svg); m; m = tag.exec(svg)) {
		const [whole, closing, name, attrText, empty] = m as unknown as [string, string, string, string, string];
		if (closing) {
			fills.pop();
			continue;
		}
		const fill = /\sfill="([^"]*)"/.exec(attrText)?.[1] ?? fills.at(-1);
		if (name === 'text') {
			const close = empty ? m.index : svg.indexOf('</text>', m.index);
			if (close < 0) throw new Error(`svgFonts: unclosed <text> at ${m.index}`);
			const end = empty ? m.index + whole.length : close + '</text>'.length;
			const node = parseSvg(svg.slice(m.index, end));
			found.push({ start: m.index, end, attrs: node.attrs, lines: linesOf(node), halo: fill === 'none' });
			tag.lastIndex = end;
		} else if (!empty) fills.push(fill);
	}
	return found;
}

/** The distinct characters the document's text uses, per weight, sorted by code point. */
export function usedText(svg: string): { regular: string; bold: string } {
	const chars = { regular: new Set<number>(), bold: new Set<number>() };
	for (const t of findTextElements(svg))
		for (const line of t.lines)
			for (const ch of line.text) (line.bold ? chars.bold : chars.regular).add(ch.codePointAt(0)!);
	const text = (set: Set<number>) =>
		String.fromCodePoint(...[...set].filter((cp) => cp >= 0x20).sort((a, b) => a - b));
	return { regular: text(chars.regular), bold: text(chars.bold) };
}

// ---------------------------------------------------------------------------------------------
// Faces

const parsed = new WeakMap<Uint8Array, Font>();

/** Parsed once per file: an export may embed and outline, and the user may export again. */
function facesOf(files: readonly Uint8Array[]): Font[] {
	return files.map((bytes) => {
		let font = parsed.get(bytes);
		if (!font) parsed.set(bytes, (font = fontkit.create(bytes)));
		return font;
	});
}

/** Like the PDF (pdf.ts): each character from the first face that has it, or from none. */
function faceFor(faces: readonly Font[], cp: number): Font | undefined {
	return faces.find((f) => f.hasGlyphForCodePoint(cp));
}

/**
 * The characters of the document's text that no face has (an arrow, an emoji): the SVG's subset,
 * its outlines and the PDF all leave them out, and the dialog says so.
 */
export function missingCharacters(svg: string, fonts: PdfFonts): string[] {
	const used = usedText(svg);
	const missing = new Set<string>();
	for (const [text, files] of [
		[used.regular, fonts.regular],
		[used.bold, fonts.bold]
	] as const) {
		const faces = facesOf(files);
		for (const ch of text)
			if (!/[\s\p{Default_Ignorable_Code_Point}]/u.test(ch) && !faceFor(faces, ch.codePointAt(0)!))
				missing.add(ch);
	}
	return [...missing];
}

// ---------------------------------------------------------------------------------------------
// Embedding a subset

/** Base64 without Node's Buffer: btoa over chunks of a multiple of 3 bytes (no padding inside). */
export function base64(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 0x6000)
		out += btoa(String.fromCharCode(...bytes.subarray(i, i + 0x6000)));
	return out;
}

function unicodeRange(cps: readonly number[]): string {
	const runs: [number, number][] = [];
	for (const cp of cps) {
		const last = runs.at(-1);
		if (last && cp === last[1] + 1) last[1] = cp;
		else runs.push([cp, cp]);
	}
	const hex = (n: number) => n.toString(16).toUpperCase();
	return runs.map(([a, b]) => (a === b ? `U+${hex(a)}` : `U+${hex(a)}-${hex(b)}`)).join(',');
}

/**
 * Embeds the glyphs the document's text uses as @font-face rules in its first `<defs>`: one
 * face per Noto Sans file that serves a character, its unicode-range telling the browser which.
 */
export async function embedSvgFonts(svg: string, fonts: PdfFonts): Promise<string> {
	const used = usedText(svg);
	const rules: string[] = [];
	for (const [weight, text, files] of [
		[400, used.regular, fonts.regular],
		[700, used.bold, fonts.bold]
	] as const) {
		const faces = facesOf(files);
		const served = new Map<Font, number[]>();
		for (const ch of text) {
			const cp = ch.codePointAt(0)!;
			const face = faceFor(faces, cp);
			if (face) served.set(face, [...(served.get(face) ?? []), cp]);
		}
		for (const [face, cps] of served) {
			const data = base64(await subsetFont(face, cps));
			rules.push(
				`@font-face{font-family:"Noto Sans";font-style:normal;font-weight:${weight};` +
					`src:url(data:font/ttf;base64,${data}) format("truetype");unicode-range:${unicodeRange(cps)}}`
			);
		}
	}
	if (rules.length === 0) return svg;
	// Raw, not through el(): the CSS is ours and holds no < or &, and el() would turn its quotes
	// into &quot;, which an SVG pasted into HTML would hand to the CSS parser undecoded.
	const style = `<style type="text/css">${rules.join('\n')}</style>`;
	// Into svg.ts's <defs>; any other document gets a <defs> of its own as the root's first child.
	const at = svg.indexOf('<defs>');
	if (at >= 0) return svg.slice(0, at + 6) + style + svg.slice(at + 6);
	const root = /<svg\b[^>]*>/.exec(svg);
	if (!root) throw new Error('embedSvgFonts: not an SVG');
	const end = root.index + root[0].length;
	return `${svg.slice(0, end)}<defs>${style}</defs>${svg.slice(end)}`;
}

// ---------------------------------------------------------------------------------------------
// Text to outlines

export interface PlacedGlyph {
	glyph: Glyph;
	/** px per font unit */
	scale: number;
	/** Pen position from the line's start and vertical offset (up), in px. */
	x: number;
	y: number;
}

/**
 * No kerning: the layout measured the lines without it (ExportPanel's svgMeasure), as the
 * embedded subset (no kerning tables) and the PDF set them. Browsers also drop optional
 * ligatures when letter-spacing is set (CSS Text 3, § 8.2).
 */
const UNKERNED = { kern: false };
const UNKERNED_NO_LIGATURES = { kern: false, liga: false, clig: false, dlig: false };

/** A line's glyphs and advance width as the browser lays it out (no kerning, letter-spacing). */
export function layoutLine(line: TextLine, faces: readonly Font[]): { glyphs: PlacedGlyph[]; width: number } {
	const runs: { font: Font; text: string }[] = [];
	// Outlines are set in stored order, as the PDF: the bidi controls have nothing to steer and no
	// glyph (i18n/bidi.ts), so they are left out whatever a face maps them to.
	for (const ch of withoutBidiControls(line.text)) {
		const font = faceFor(faces, ch.codePointAt(0)!);
		const last = runs.at(-1);
		if (!font) continue; // no face has it: left out, as in the PDF
		if (last?.font === font) last.text += ch;
		else runs.push({ font, text: ch });
	}
	const glyphs: PlacedGlyph[] = [];
	let pen = 0;
	for (const { font, text } of runs) {
		const scale = line.size / font.unitsPerEm;
		const run = font.layout(text, line.spacing ? UNKERNED_NO_LIGATURES : UNKERNED);
		run.glyphs.forEach((glyph, i) => {
			const pos = run.positions[i]!;
			glyphs.push({ glyph, scale, x: pen + pos.xOffset * scale, y: pos.yOffset * scale });
			// Letter-spacing follows every character, the last one included.
			pen += pos.xAdvance * scale + line.spacing * Math.max(1, glyph.codePoints.length);
		});
	}
	return { glyphs, width: pen };
}

interface PathCommand {
	command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath';
	args: number[];
}
const LETTERS = { moveTo: 'm', lineTo: 'l', quadraticCurveTo: 'q', bezierCurveTo: 'c', closePath: 'z' };

/**
 * Path data in relative commands (about a third shorter than absolute ones). Points are rounded
 * to 0.01 px first and the differences taken between rounded points, so no error accumulates.
 */
class PathData {
	d = '';
	private at = [0, 0];
	private start = [0, 0];

	/** A glyph's outline with its origin at (x, y) px: scaled, y flipped (outlines are y-up). */
	glyph(glyph: Glyph, x: number, y: number, scale: number): void {
		// `commands` exists on fontkit's Path but is missing from its typings.
		for (const { command, args } of (glyph.path as unknown as { commands: PathCommand[] }).commands) {
			const from = this.at;
			let numbers = '';
			for (let i = 0; i + 1 < args.length; i += 2) {
				this.at = [Math.round((x + args[i]! * scale) * 100), Math.round((y - args[i + 1]! * scale) * 100)];
				for (const v of [this.at[0]! - from[0]!, this.at[1]! - from[1]!])
					numbers += (v < 0 || numbers === '' ? '' : ' ') + String(v / 100).replace(/^(-?)0\./, '$1.');
			}
			if (command === 'moveTo') this.start = this.at;
			if (command === 'closePath') this.at = this.start;
			this.d += LETTERS[command] + numbers;
		}
	}
}

function drawLine(path: PathData, line: TextLine, faces: readonly Font[]): void {
	const { glyphs, width } = layoutLine(line, faces);
	const x0 = line.x - (line.anchor === 'middle' ? width / 2 : line.anchor === 'end' ? width : 0);
	for (const g of glyphs) path.glyph(g.glyph, x0 + g.x, line.y - g.y, g.scale);
}

/** Attributes only text has; everything else (data-id, paint, opacity) moves to the group. */
const TEXT_ONLY = new Set(['x', 'y', 'font-size', 'font-weight', 'text-anchor', 'letter-spacing']);

/**
 * Replaces every `<text>` by a `<g>` holding one path of its glyph outlines, so the drawing no
 * longer depends on any font. The words stay as the group's aria-label; halo copies inherit
 * their group's stroke as the text did, and are hidden from assistive technology.
 */
export function outlineSvgText(svg: string, fonts: PdfFonts): string {
	const faces = { regular: facesOf(fonts.regular), bold: facesOf(fonts.bold) };
	let out = '';
	let at = 0;
	for (const t of findTextElements(svg)) {
		const path = new PathData();
		for (const line of t.lines) drawLine(path, line, line.bold ? faces.bold : faces.regular);
		const attrs = Object.fromEntries(Object.entries(t.attrs).filter(([key]) => !TEXT_ONLY.has(key)));
		const group: Xml = el(
			'g',
			{
				...attrs,
				role: 'img',
				'aria-label': t.lines.map((line) => line.text).join(' '),
				'aria-hidden': t.halo ? 'true' : null
			},
			path.d !== '' && el('path', { d: path.d })
		);
		out += svg.slice(at, t.start) + group.xml;
		at = t.end;
	}
	return out + svg.slice(at);
}
