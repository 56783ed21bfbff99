import type { Lang } from '$lib/story';
import { exportStrings } from '$lib/i18n/exportStrings';
import { fillTemplate } from '$lib/i18n/format';
import { REFERENCE_WIDTH } from './layout';

/**
 * Export sizes and the limits the browser puts on them. The PNG path renders a second WebGL map
 * at the full export size (bounded by MAX_TEXTURE_SIZE and MAX_RENDERBUFFER_SIZE) and composes it
 * on a 2D canvas (Chromium: at most 32767 px per side and 268,435,456 px in all). A size beyond
 * any of these is refused with the limit named, never quietly made smaller.
 */

export type SizePresetId =
	'view-1x' | 'view-2x' | 'view-3x' | 'full-hd' | 'square' | 'social' | 'a4-landscape-300dpi' | 'custom';

export interface SizePreset {
	id: SizePresetId;
	/** Output size in pixels. */
	width: number;
	height: number;
	/**
	 * Output pixels per CSS pixel of the map (MapLibre's pixelRatio): the map shows about as much
	 * of the world as a map of width/pixelRatio on screen, with lines and labels scaled to match.
	 */
	pixelRatio: number;
	label: string;
}

/** Smallest side an export may have: below it the header and legend leave no room for the map. */
export const MIN_EXPORT_SIDE = 200;
/** Chromium's 2D canvas limits (other browsers are similar or larger). */
export const DEFAULT_MAX_CANVAS_AREA = 268_435_456;
export const DEFAULT_MAX_CANVAS_SIDE = 32_767;
/**
 * The largest side of a vector file (SVG): far beyond any print (100000 px is 8.5 m at 300 dpi),
 * and small enough that its type sizes stay numbers a reader can use (1e300 px would make them 1e298).
 */
export const MAX_VECTOR_SIDE = 100_000;

/** Fixed sizes are drawn as if the map were about 1200 CSS px wide, so labels stay legible in print. */
export function presetPixelRatio(width: number): number {
	return Math.max(1, Math.round((width / REFERENCE_WIDTH) * 100) / 100);
}

/**
 * The size choices of the export dialog. `live` is the map's current size in CSS pixels; the
 * "current view" presets show exactly that view at 1×, 2× and 3× the pixels.
 */
export function sizePresets(live: { width: number; height: number }, lang: Lang): SizePreset[] {
	const t = exportStrings(lang).snapshot.presets;
	const w = Math.max(1, Math.round(live.width));
	const h = Math.max(1, Math.round(live.height));
	const fixed = (id: SizePresetId, width: number, height: number, label: string): SizePreset => ({
		id,
		width,
		height,
		pixelRatio: presetPixelRatio(width),
		label: fillTemplate(label, { width, height })
	});
	return [
		...[1, 2, 3].map((k) => ({
			id: `view-${k}x` as SizePresetId,
			width: w * k,
			height: h * k,
			pixelRatio: k,
			label: fillTemplate(t.view, { factor: k, width: w * k, height: h * k })
		})),
		fixed('full-hd', 1920, 1080, t.fullHd),
		fixed('square', 1080, 1080, t.square),
		fixed('social', 1200, 675, t.social),
		fixed('a4-landscape-300dpi', 3508, 2480, t.a4),
		{ id: 'custom', width: w, height: h, pixelRatio: 1, label: t.custom }
	];
}

export interface SizeLimits {
	/** gl.getParameter(gl.MAX_TEXTURE_SIZE) */
	maxTextureSize: number;
	/** gl.getParameter(gl.MAX_RENDERBUFFER_SIZE), when known. */
	maxRenderbufferSize?: number;
	/** Largest 2D canvas area in pixels; default 268,435,456 (Chromium). */
	maxCanvasArea?: number;
	/** Largest 2D canvas side; default 32767 (Chromium). */
	maxCanvasSide?: number;
	/**
	 * Largest WebGL drawing buffer in pixels, once probed (probeDrawingBufferArea): beyond it a
	 * browser shrinks the buffer without an error (SwiftShader: about 33 million pixels).
	 */
	maxDrawingBufferArea?: number;
}

export type SizeCheck =
	| { ok: true }
	| {
			ok: false;
			/** Says which limit and how far it goes, in the UI language. */
			reason: string;
			/** The largest size with the same shape that fits, when there is one. */
			suggestion: { width: number; height: number } | null;
	  };

/** Whether the browser can render an export of this size; never rounds or clamps silently. */
export function checkSize(width: number, height: number, limits: SizeLimits, lang: Lang = 'en'): SizeCheck {
	const t = exportStrings(lang).snapshot.size;
	if (
		!Number.isInteger(width) ||
		!Number.isInteger(height) ||
		width < MIN_EXPORT_SIDE ||
		height < MIN_EXPORT_SIDE
	)
		return { ok: false, reason: fillTemplate(t.invalid, { min: MIN_EXPORT_SIDE }), suggestion: null };

	const sideLimits = [
		{ max: limits.maxTextureSize, name: 'WebGL MAX_TEXTURE_SIZE' },
		...(limits.maxRenderbufferSize !== undefined
			? [{ max: limits.maxRenderbufferSize, name: 'WebGL MAX_RENDERBUFFER_SIZE' }]
			: []),
		{ max: limits.maxCanvasSide ?? DEFAULT_MAX_CANVAS_SIDE, name: t.canvasLimit }
	].filter((l) => Number.isFinite(l.max) && l.max > 0);
	const side = sideLimits.reduce((a, b) => (b.max < a.max ? b : a));
	const areaLimits = [
		{ max: limits.maxCanvasArea ?? DEFAULT_MAX_CANVAS_AREA, name: t.canvasLimit },
		{ max: limits.maxDrawingBufferArea ?? Infinity, name: t.drawingBufferLimit }
	].filter((l) => Number.isFinite(l.max) && l.max > 0);
	const area = areaLimits.reduce((a, b) => (b.max < a.max ? b : a));
	const maxArea = area.max;

	const fit = Math.min(1, side.max / Math.max(width, height), Math.sqrt(maxArea / (width * height)));
	const suggestion = { width: Math.floor(width * fit), height: Math.floor(height * fit) };
	const usable =
		suggestion.width >= MIN_EXPORT_SIDE && suggestion.height >= MIN_EXPORT_SIDE ? suggestion : null;
	const values = {
		width,
		height,
		suggestWidth: suggestion.width,
		suggestHeight: suggestion.height
	};
	const withSuggestion = (reason: string) =>
		usable ? `${reason} ${fillTemplate(t.suggestion, values)}` : reason;

	if (width > side.max || height > side.max)
		return {
			ok: false,
			reason: withSuggestion(fillTemplate(t.tooLargeSide, { ...values, max: side.max, limit: side.name })),
			suggestion: usable
		};
	if (width * height > maxArea)
		return {
			ok: false,
			reason: withSuggestion(
				fillTemplate(t.tooLargeArea, {
					...values,
					megapixels: Math.floor(maxArea / 1e6),
					limit: area.name
				})
			),
			suggestion: usable
		};
	return { ok: true };
}
