import fontkit from '@pdf-lib/fontkit';
import {
	PDFDocument,
	PDFOperator,
	PDFOperatorNames,
	appendBezierCurve,
	beginMarkedContent,
	beginText,
	endMarkedContent,
	closePath,
	concatTransformationMatrix,
	endText,
	LineCapStyle,
	LineJoinStyle,
	lineTo,
	moveTo,
	popGraphicsState,
	pushGraphicsState,
	rectangle,
	setCharacterSpacing,
	setDashPattern,
	setFillingRgbColor,
	setFontAndSize,
	setGraphicsState,
	setLineCap,
	setLineJoin,
	setLineWidth,
	setStrokingRgbColor,
	setTextMatrix,
	setTextRenderingMode,
	showText,
	TextRenderingMode,
	type PDFFont,
	type PDFName,
	type PDFPage
} from 'pdf-lib';
import type { ExportMetadata } from './layout';
import { parseSvg, textOf, type SvgNode } from './svgTree';
import { withoutBidiControls } from '$lib/i18n/bidi';

/**
 * The vector PDF: the export's own SVG (svg.ts) drawn onto a page with pdf-lib, so PDF and SVG
 * are one scene. Paths stay paths, text stays text in Noto Sans (embedded as a subset of the
 * glyphs used), nothing is rasterised. The SVG's user space is mapped onto the page by one
 * transformation (y flipped), so every coordinate is written as the SVG has it.
 */

export interface PdfFonts {
	/** Noto Sans faces in order of preference (latin first); each character uses the first that has it. */
	regular: readonly Uint8Array[];
	bold: readonly Uint8Array[];
}

export interface PdfRequest {
	svg: string;
	/** Page size in PostScript points (1/72 inch). */
	widthPt: number;
	heightPt: number;
	fonts: PdfFonts;
	metadata: ExportMetadata & { lang: string };
}

interface Style {
	fill: string;
	stroke: string;
	strokeWidth: number;
	fillOpacity: number;
	strokeOpacity: number;
	fontSize: number;
	bold: boolean;
	anchor: string;
	letterSpacing: number;
	lineCap: string;
	lineJoin: string;
	dash: number[] | null;
	evenOdd: boolean;
}

const INITIAL: Style = {
	fill: '#000000',
	stroke: 'none',
	strokeWidth: 1,
	fillOpacity: 1,
	strokeOpacity: 1,
	fontSize: 16,
	bold: false,
	anchor: 'start',
	letterSpacing: 0,
	lineCap: 'butt',
	lineJoin: 'miter',
	dash: null,
	evenOdd: false
};

const SKIPPED = new Set(['title', 'desc', 'metadata', 'defs', 'clipPath']);

function num(value: string | undefined, fallback = 0): number {
	const n = Number(value);
	return value !== undefined && Number.isFinite(n) ? n : fallback;
}

function styleOf(node: SvgNode, parent: Style): Style {
	const a = node.attrs;
	const s = { ...parent };
	// `opacity` is not inherited in SVG; our documents put it on leaves only, where it multiplies.
	const opacity = num(a.opacity, 1);
	if (a.fill !== undefined) s.fill = a.fill;
	if (a.stroke !== undefined) s.stroke = a.stroke;
	if (a['stroke-width'] !== undefined) s.strokeWidth = num(a['stroke-width'], 1);
	s.fillOpacity =
		(a['fill-opacity'] !== undefined ? num(a['fill-opacity'], 1) : parent.fillOpacity) * opacity;
	s.strokeOpacity =
		(a['stroke-opacity'] !== undefined ? num(a['stroke-opacity'], 1) : parent.strokeOpacity) * opacity;
	if (a['font-size'] !== undefined) s.fontSize = num(a['font-size'], 16);
	if (a['font-weight'] !== undefined) s.bold = a['font-weight'] === 'bold' || num(a['font-weight']) >= 600;
	if (a['text-anchor'] !== undefined) s.anchor = a['text-anchor'];
	if (a['letter-spacing'] !== undefined) s.letterSpacing = num(a['letter-spacing']);
	if (a['stroke-linecap'] !== undefined) s.lineCap = a['stroke-linecap'];
	if (a['stroke-linejoin'] !== undefined) s.lineJoin = a['stroke-linejoin'];
	if (a['stroke-dasharray'] !== undefined)
		s.dash = a['stroke-dasharray'] === 'none' ? null : a['stroke-dasharray'].split(/[\s,]+/).map(Number);
	if (a['fill-rule'] !== undefined) s.evenOdd = a['fill-rule'] === 'evenodd';
	return s;
}

function rgbOf(color: string): [number, number, number] {
	const m = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(color);
	if (!m) throw new Error(`svgToPdf: unsupported colour "${color}"`);
	const hex = m[1]!.length === 3 ? [...m[1]!].map((c) => c + c).join('') : m[1]!;
	return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
}

/** Path data as written by svg.ts (absolute M, L, H, V, C, Z; implicit L after M and L). */
function pathOps(d: string): PDFOperator[] {
	const tokens = d.match(/[MLHVCZ]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi) ?? [];
	const ops: PDFOperator[] = [];
	let command = '';
	let x = 0;
	let y = 0;
	for (let i = 0; i < tokens.length;) {
		const token = tokens[i]!;
		if (/^[A-Za-z]$/.test(token)) {
			if (token !== token.toUpperCase()) throw new Error(`svgToPdf: relative path command "${token}"`);
			command = token;
			i++;
			if (command === 'Z') ops.push(closePath());
			continue;
		}
		const n = (k: number) => Number(tokens[i + k]);
		if (command === 'M' || command === 'L') {
			[x, y] = [n(0), n(1)];
			ops.push(command === 'M' ? moveTo(x, y) : lineTo(x, y));
			if (command === 'M') command = 'L';
			i += 2;
		} else if (command === 'H' || command === 'V') {
			if (command === 'H') x = n(0);
			else y = n(0);
			ops.push(lineTo(x, y));
			i += 1;
		} else if (command === 'C') {
			ops.push(appendBezierCurve(n(0), n(1), n(2), n(3), n(4), n(5)));
			[x, y] = [n(4), n(5)];
			i += 6;
		} else throw new Error(`svgToPdf: path data "${d.slice(0, 40)}" is not ours`);
	}
	return ops;
}

/** A circle as four Bézier quarter arcs. */
function circleOps(cx: number, cy: number, r: number): PDFOperator[] {
	const k = 0.5522847498 * r;
	return [
		moveTo(cx + r, cy),
		appendBezierCurve(cx + r, cy + k, cx + k, cy + r, cx, cy + r),
		appendBezierCurve(cx - k, cy + r, cx - r, cy + k, cx - r, cy),
		appendBezierCurve(cx - r, cy - k, cx - k, cy - r, cx, cy - r),
		appendBezierCurve(cx + k, cy - r, cx + r, cy - k, cx + r, cy),
		closePath()
	];
}

const LINE_CAPS: Record<string, LineCapStyle> = {
	butt: LineCapStyle.Butt,
	round: LineCapStyle.Round,
	square: LineCapStyle.Projecting
};
const LINE_JOINS: Record<string, LineJoinStyle> = {
	miter: LineJoinStyle.Miter,
	round: LineJoinStyle.Round,
	bevel: LineJoinStyle.Bevel
};

interface Faces {
	regular: { font: PDFFont; chars: Set<number> }[];
	bold: { font: PDFFont; chars: Set<number> }[];
}

/** Draws one SVG document onto one page. */
class PageWriter {
	readonly ops: PDFOperator[] = [];
	private readonly states = new Map<string, PDFName>();
	private readonly fontKeys = new Map<PDFFont, PDFName>();
	private readonly clips = new Map<string, SvgNode>();

	constructor(
		private readonly doc: PDFDocument,
		private readonly page: PDFPage,
		private readonly faces: Faces
	) {}

	collectClips(node: SvgNode): void {
		if (node.name === 'clipPath' && node.attrs.id) this.clips.set(node.attrs.id, node);
		for (const c of node.children) if (typeof c !== 'string') this.collectClips(c);
	}

	private alpha(fill: number, stroke: number): void {
		const key = `${fill.toFixed(3)}/${stroke.toFixed(3)}`;
		let name = this.states.get(key);
		if (!name) {
			const dict = this.doc.context.obj({ Type: 'ExtGState', ca: fill, CA: stroke });
			name = this.page.node.newExtGState('GS', dict);
			this.states.set(key, name);
		}
		this.ops.push(setGraphicsState(name));
	}

	private strokeState(s: Style): void {
		this.ops.push(
			setLineWidth(s.strokeWidth),
			setLineCap(LINE_CAPS[s.lineCap] ?? LineCapStyle.Butt),
			setLineJoin(LINE_JOINS[s.lineJoin] ?? LineJoinStyle.Miter),
			setDashPattern(s.dash ?? [], 0)
		);
	}

	/** Fills and strokes a path as SVG paints it: fill first, stroke on top. */
	private paint(path: PDFOperator[], s: Style): void {
		const fill = s.fill !== 'none' && s.fillOpacity > 0;
		const stroke = s.stroke !== 'none' && s.strokeOpacity > 0 && s.strokeWidth > 0;
		if (!fill && !stroke) return;
		this.ops.push(pushGraphicsState());
		this.alpha(s.fillOpacity, s.strokeOpacity);
		if (fill) this.ops.push(setFillingRgbColor(...rgbOf(s.fill)));
		if (stroke) {
			this.ops.push(setStrokingRgbColor(...rgbOf(s.stroke)));
			this.strokeState(s);
		}
		const op = fill
			? stroke
				? s.evenOdd
					? PDFOperatorNames.FillEvenOddAndStroke
					: PDFOperatorNames.FillNonZeroAndStroke
				: s.evenOdd
					? PDFOperatorNames.FillEvenOdd
					: PDFOperatorNames.FillNonZero
			: PDFOperatorNames.StrokePath;
		for (const o of path) this.ops.push(o);
		this.ops.push(PDFOperator.of(op), popGraphicsState());
	}

	private fontKey(font: PDFFont): PDFName {
		let key = this.fontKeys.get(font);
		if (!key) {
			key = this.page.node.newFontDictionary(font.name, font.ref);
			this.fontKeys.set(font, key);
		}
		return key;
	}

	/**
	 * The text split into runs, each in the first face that has its characters. pdf-lib sets
	 * characters in the order they are stored and runs no bidi algorithm, so the bidi controls
	 * (the isolates around the story's words, i18n/bidi.ts, or a name's own override) have no work
	 * to do here: they are left out, never drawn as a font's glyph or .notdef box for them.
	 */
	private runs(text: string, bold: boolean): { font: PDFFont; text: string }[] {
		const faces = bold ? this.faces.bold : this.faces.regular;
		const runs: { font: PDFFont; text: string }[] = [];
		for (const ch of withoutBidiControls(text)) {
			const code = ch.codePointAt(0)!;
			const face = faces.find((f) => f.chars.has(code)) ?? faces[0]!;
			// A character no face has is left out rather than drawn as a wrong glyph.
			if (!face.chars.has(code)) continue;
			const last = runs.at(-1);
			if (last && last.font === face.font) last.text += ch;
			else runs.push({ font: face.font, text: ch });
		}
		return runs;
	}

	private text(node: SvgNode, s: Style): void {
		const pieces: { x: number; y: number; text: string; style: Style }[] = [];
		const own = node.children.filter((c): c is string => typeof c === 'string').join('');
		if (own.trim()) pieces.push({ x: num(node.attrs.x), y: num(node.attrs.y), text: own, style: s });
		for (const c of node.children)
			if (typeof c !== 'string' && c.name === 'tspan')
				pieces.push({ x: num(c.attrs.x), y: num(c.attrs.y), text: textOf(c), style: styleOf(c, s) });

		for (const piece of pieces) {
			const st = piece.style;
			const runs = this.runs(piece.text, st.bold);
			// Letter-spacing follows each character drawn (not those left out).
			const chars = runs.reduce((n, r) => n + [...r.text].length, 0);
			const width =
				runs.reduce((w, r) => w + r.font.widthOfTextAtSize(r.text, st.fontSize), 0) +
				st.letterSpacing * chars;
			const x0 =
				st.anchor === 'middle' ? piece.x - width / 2 : st.anchor === 'end' ? piece.x - width : piece.x;
			// Halo first, as its own stroke under the glyphs (SVG's paint-order: stroke).
			const halo = st.stroke !== 'none' && st.strokeWidth > 0;
			for (const mode of halo ? ['stroke', 'fill'] : ['fill']) {
				if (mode === 'fill' && st.fill === 'none') continue;
				// The halo is decoration, not content (an artifact for readers and assistive technology).
				if (mode === 'stroke') this.ops.push(beginMarkedContent('Artifact'));
				this.ops.push(pushGraphicsState());
				this.alpha(st.fillOpacity, st.strokeOpacity);
				if (mode === 'stroke') {
					this.ops.push(setStrokingRgbColor(...rgbOf(st.stroke)));
					this.strokeState({ ...st, dash: null });
				} else this.ops.push(setFillingRgbColor(...rgbOf(st.fill)));
				this.ops.push(
					beginText(),
					setTextRenderingMode(mode === 'stroke' ? TextRenderingMode.Outline : TextRenderingMode.Fill),
					setCharacterSpacing(st.letterSpacing)
				);
				let x = x0;
				for (const run of runs) {
					// The page's y runs down (see svgToPdf); the text matrix turns glyphs upright again.
					this.ops.push(
						setFontAndSize(this.fontKey(run.font), st.fontSize),
						setTextMatrix(1, 0, 0, -1, x, piece.y),
						showText(run.font.encodeText(run.text))
					);
					x += run.font.widthOfTextAtSize(run.text, st.fontSize) + st.letterSpacing * [...run.text].length;
				}
				this.ops.push(endText(), popGraphicsState());
				if (mode === 'stroke') this.ops.push(endMarkedContent());
			}
		}
	}

	draw(node: SvgNode, parent: Style): void {
		if (SKIPPED.has(node.name)) return;
		const s = styleOf(node, parent);
		const a = node.attrs;
		switch (node.name) {
			case 'svg':
			case 'g': {
				const clipId = /^url\(#([^)]+)\)$/.exec(a['clip-path'] ?? '')?.[1];
				const clip = clipId ? this.clips.get(clipId) : undefined;
				const rect = clip?.children.find((c): c is SvgNode => typeof c !== 'string' && c.name === 'rect');
				if (rect) {
					const r = rect.attrs;
					this.ops.push(
						pushGraphicsState(),
						rectangle(num(r.x), num(r.y), num(r.width), num(r.height)),
						PDFOperator.of(PDFOperatorNames.ClipNonZero),
						PDFOperator.of(PDFOperatorNames.EndPath)
					);
				}
				for (const c of node.children) if (typeof c !== 'string') this.draw(c, s);
				if (rect) this.ops.push(popGraphicsState());
				return;
			}
			case 'rect':
				return this.paint([rectangle(num(a.x), num(a.y), num(a.width), num(a.height))], s);
			case 'path':
				return this.paint(pathOps(a.d ?? ''), s);
			case 'circle':
				return this.paint(circleOps(num(a.cx), num(a.cy), num(a.r)), s);
			case 'line':
				return this.paint([moveTo(num(a.x1), num(a.y1)), lineTo(num(a.x2), num(a.y2))], {
					...s,
					fill: 'none'
				});
			case 'text':
				return this.text(node, s);
			default:
				throw new Error(`svgToPdf: <${node.name}> is not drawn`);
		}
	}
}

async function embedFaces(doc: PDFDocument, fonts: readonly Uint8Array[]) {
	if (fonts.length === 0) throw new Error('svgToPdf: no font');
	return Promise.all(
		fonts.map(async (bytes) => {
			const font = await doc.embedFont(bytes, { subset: true });
			return { font, chars: new Set(font.getCharacterSet()) };
		})
	);
}

/** The PDF file for one SVG document on a page of the given size. */
export async function svgToPdf(request: PdfRequest): Promise<Uint8Array> {
	const { widthPt, heightPt, metadata } = request;
	const root = parseSvg(request.svg);
	const width = num(root.attrs.width);
	const height = num(root.attrs.height);
	if (root.name !== 'svg' || !(width > 0) || !(height > 0))
		throw new Error('svgToPdf: not an SVG with a size');

	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	const faces = {
		regular: await embedFaces(doc, request.fonts.regular),
		bold: await embedFaces(doc, request.fonts.bold)
	};
	const page = doc.addPage([widthPt, heightPt]);
	const writer = new PageWriter(doc, page, faces);
	writer.collectClips(root);
	// SVG user space onto the page: scaled to the page, y flipped (PDF's y runs up).
	writer.ops.push(
		pushGraphicsState(),
		concatTransformationMatrix(widthPt / width, 0, 0, -heightPt / height, 0, heightPt)
	);
	writer.draw(root, INITIAL);
	writer.ops.push(popGraphicsState());
	// In slices: a map has hundreds of thousands of operators, too many for one call's arguments.
	for (let i = 0; i < writer.ops.length; i += 10_000) page.pushOperators(...writer.ops.slice(i, i + 10_000));

	const created = new Date(metadata.created);
	doc.setTitle(metadata.title, { showInWindowTitleBar: true });
	doc.setSubject(metadata.description);
	doc.setKeywords([metadata.source]);
	doc.setCreator('nk-russia-map');
	doc.setProducer('nk-russia-map (pdf-lib)');
	doc.setLanguage(metadata.lang);
	doc.setCreationDate(created);
	doc.setModificationDate(created);
	return doc.save();
}
