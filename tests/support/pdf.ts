import { getDocument, GlobalWorkerOptions, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createRequire } from 'node:module';

/**
 * A PDF read back the way a viewer reads it (pdf.js): each page's size in points, its text as a
 * viewer extracts it, and what its content stream paints: paths, text and images.
 */

GlobalWorkerOptions.workerSrc = createRequire(import.meta.url).resolve(
	'pdfjs-dist/legacy/build/pdf.worker.mjs'
);

export interface PdfPage {
	width: number;
	height: number;
	/** Text items in content order. */
	text: string[];
	/** Operator counts: path constructions, fills/strokes, text shows, images painted. */
	ops: { paths: number; paints: number; texts: number; images: number };
	/** Font names used on the page, with whether each is embedded. */
	fonts: { name: string; embedded: boolean }[];
}

export interface PdfRead {
	pages: PdfPage[];
	info: Record<string, unknown>;
}

const IMAGE_OPS = new Set([
	OPS.paintImageXObject,
	OPS.paintInlineImageXObject,
	OPS.paintImageMaskXObject,
	OPS.paintImageXObjectRepeat,
	OPS.paintInlineImageXObjectGroup,
	OPS.paintSolidColorImageMask
]);
const PAINT_OPS = new Set([OPS.fill, OPS.eoFill, OPS.stroke, OPS.fillStroke, OPS.eoFillStroke]);

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
	const doc = await getDocument({
		data: new Uint8Array(bytes),
		useSystemFonts: false,
		isEvalSupported: false
	}).promise;
	const pages: PdfPage[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const [x0, y0, x1, y1] = page.view as [number, number, number, number];
		const content = await page.getTextContent();
		const list = await page.getOperatorList();
		const ops = { paths: 0, paints: 0, texts: 0, images: 0 };
		const fontIds = new Set<string>();
		list.fnArray.forEach((fn, i) => {
			if (fn === OPS.constructPath) {
				ops.paths++;
				// pdf.js 5 folds the painting operator into constructPath's first argument.
				const paint = (list.argsArray[i] as unknown[])[0];
				if (typeof paint === 'number' && PAINT_OPS.has(paint)) ops.paints++;
			}
			if (PAINT_OPS.has(fn)) ops.paints++;
			if (fn === OPS.showText) ops.texts++;
			if (IMAGE_OPS.has(fn)) ops.images++;
			if (fn === OPS.setFont) fontIds.add(String((list.argsArray[i] as unknown[])[0]));
		});
		const fonts = [...fontIds].map((id) => {
			const font = page.commonObjs.has(id)
				? (page.commonObjs.get(id) as { name?: string; missingFile?: boolean })
				: {};
			return { name: String(font.name ?? id), embedded: font.missingFile === false };
		});
		pages.push({
			width: x1 - x0,
			height: y1 - y0,
			text: content.items.map((item) => ('str' in item ? item.str : '')).filter((s) => s !== ''),
			ops,
			fonts
		});
	}
	const meta = await doc.getMetadata();
	await doc.destroy();
	return { pages, info: meta.info as Record<string, unknown> };
}
