import type { Lang } from '$lib/story';
import { exportStrings } from '$lib/i18n/exportStrings';
import { fillTemplate } from '$lib/i18n/format';
import { presetPixelRatio } from './presets';

/**
 * Paper sizes for the PDF. The page is drawn as the SVG of a 150 dpi image of the same shape
 * (so header, legend and labels scale with the sheet as they do with a PNG's width) and then
 * mapped onto the page in points: the file's page is exactly the paper, whatever the pixels.
 */

export type PaperId = 'a4-portrait' | 'a4-landscape' | 'a3-portrait' | 'a3-landscape' | 'custom';

export interface Paper {
	id: PaperId;
	widthMm: number;
	heightMm: number;
	label: string;
}

/** 1 mm in PostScript points. */
export const MM = 72 / 25.4;
/** The drawing's resolution: its pixels per millimetre of paper. */
const PX_PER_MM = 150 / 25.4;
export const MIN_PAPER_MM = 50;
export const MAX_PAPER_MM = 2000;

export function paperSizes(lang: Lang): Paper[] {
	const t = exportStrings(lang).exporter.papers;
	const paper = (id: PaperId, widthMm: number, heightMm: number, label: string): Paper => ({
		id,
		widthMm,
		heightMm,
		label: fillTemplate(label, { width: widthMm, height: heightMm })
	});
	return [
		paper('a4-landscape', 297, 210, t.a4Landscape),
		paper('a4-portrait', 210, 297, t.a4Portrait),
		paper('a3-landscape', 420, 297, t.a3Landscape),
		paper('a3-portrait', 297, 420, t.a3Portrait),
		paper('custom', 297, 210, t.custom)
	];
}

/** Whether a custom paper size can be made: whole or decimal millimetres within the limits. */
export function isPaperSize(widthMm: number, heightMm: number): boolean {
	const ok = (v: number) => Number.isFinite(v) && v >= MIN_PAPER_MM && v <= MAX_PAPER_MM;
	return ok(widthMm) && ok(heightMm);
}

/** The drawing for a sheet: its pixel size and ratio, and the page in points. */
export function paperDrawing(widthMm: number, heightMm: number) {
	const width = Math.round(widthMm * PX_PER_MM);
	const height = Math.round(heightMm * PX_PER_MM);
	return {
		width,
		height,
		pixelRatio: presetPixelRatio(width),
		widthPt: widthMm * MM,
		heightPt: heightMm * MM
	};
}
