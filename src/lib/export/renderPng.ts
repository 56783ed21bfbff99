import { withPngText } from './pngText';
import type { StyleSpecification } from 'maplibre-gl';
import type { Lang } from '$lib/story';
import { exportStrings } from '$lib/i18n/exportStrings';
import {
	ExportError,
	offscreenSize,
	throwIfAborted,
	untilAborted,
	withOffscreenMap,
	type PngErrorCode
} from './offscreenMap';
import { fillTemplate } from '$lib/i18n/format';
import { LOADING_PIXEL_RATIO } from '$lib/map/loadMapLibre';
import {
	approximateMeasure,
	layoutExport,
	type ExportLayout,
	type LayoutContent,
	type LayoutOptions,
	type Measure,
	type TextLine
} from './layout';
import { exportCamera, type ExportFraming } from './framing';
import type { SwatchShape } from './legendSymbols';
import { DEFAULT_MAX_CANVAS_AREA, DEFAULT_MAX_CANVAS_SIDE, type SizeLimits } from './presets';

/**
 * The PNG export: the current view rendered by a second, offscreen MapLibre map at the full
 * export size, then composed on a 2D canvas with header, legend and credits (layout.ts) set as
 * real text at full resolution. The live map is never touched: not its canvas, camera, style or
 * pixel ratio (and devicePixelRatio is never overridden).
 */

// ---------------------------------------------------------------------------------------------
// Sizes (pure)

// ---------------------------------------------------------------------------------------------
// Browser facts

export const FONT_FAMILY = '"Noto Sans"';

export function canvasFont(fontPx: number, bold: boolean): string {
	return `${bold ? 700 : 400} ${fontPx}px ${FONT_FAMILY}, sans-serif`;
}

/** Noto Sans widths from the browser's own text engine (the one that draws the PNG text). */
export function canvasMeasure({ kerning = true }: { kerning?: boolean } = {}): Measure {
	const ctx = document.createElement('canvas').getContext('2d');
	if (!ctx) return approximateMeasure;
	// The SVG's embedded subset and the PDF set text without kerning: measured so, it fits.
	ctx.fontKerning = kerning ? 'auto' : 'none';
	return (text, fontPx, bold) => {
		ctx.font = canvasFont(fontPx, bold);
		return ctx.measureText(text).width;
	};
}

/**
 * Loads the Noto Sans faces (regular and bold) for every character of `text`: @fontsource splits
 * the font by unicode-range, so a face is only fetched once some text needs it.
 */
export async function loadExportFonts(text: string): Promise<void> {
	await document.fonts.ready;
	const sample = text || 'A';
	await Promise.all([
		document.fonts.load(`400 16px ${FONT_FAMILY}`, sample),
		document.fonts.load(`700 16px ${FONT_FAMILY}`, sample)
	]);
}

/** What this browser can render, read from a throwaway WebGL 2 context; null without WebGL 2. */
export interface BrowserLimits extends SizeLimits {
	maxTextureSize: number;
	maxRenderbufferSize: number;
	maxViewportDims: [number, number];
	maxCanvasArea: number;
	maxCanvasSide: number;
}

export function detectLimits(liveCanvas?: HTMLCanvasElement): BrowserLimits | null {
	// The live map's canvas answers with the context it already has: creating a context only to
	// ask (and losing it again) costs as much as the map's own on a CPU renderer.
	const own = !liveCanvas;
	let gl: WebGL2RenderingContext | null = null;
	try {
		gl = (liveCanvas ?? document.createElement('canvas')).getContext('webgl2');
	} catch {
		gl = null;
	}
	if (!gl) return null;
	const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array | null;
	const limits: BrowserLimits = {
		maxTextureSize: Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)),
		maxRenderbufferSize: Number(gl.getParameter(gl.MAX_RENDERBUFFER_SIZE)),
		maxViewportDims: [Number(viewport?.[0] ?? 0), Number(viewport?.[1] ?? 0)],
		// Chromium's 2D canvas limits; a canvas beyond them is detected when it is created (below).
		maxCanvasArea: DEFAULT_MAX_CANVAS_AREA,
		maxCanvasSide: DEFAULT_MAX_CANVAS_SIDE
	};
	// Free a context of our own now rather than when the GC gets to it: browsers allow only a few.
	if (own) gl.getExtension('WEBGL_lose_context')?.loseContext();
	return limits;
}

/**
 * The largest WebGL drawing buffer this browser gives, in pixels. Beyond an area of its own
 * (SwiftShader: about 33 million pixels, 6298 x 5267 for an 8196 x 6852 request) a browser
 * shrinks the buffer without an error, and the export would fail only after rendering: the one
 * way to know is to ask for the largest and see what comes. Asked of a small context that is then
 * resized, as MapLibre's canvas is: a context created that large fails outright in Chromium, and
 * takes WebGL away from the whole page. It costs a buffer of that size for a moment (0.6 s in
 * SwiftShader), so the dialog asks only when a reader picks a size above PROBE_ABOVE_AREA.
 */
export function probeDrawingBufferArea(side: number): number | null {
	const canvas = document.createElement('canvas');
	canvas.width = canvas.height = 1;
	let gl: WebGL2RenderingContext | null = null;
	try {
		gl = canvas.getContext('webgl2', { antialias: false, depth: false, stencil: false });
	} catch {
		gl = null;
	}
	if (!gl) return null;
	canvas.width = canvas.height = side;
	const area = gl.isContextLost() ? null : gl.drawingBufferWidth * gl.drawingBufferHeight;
	canvas.width = canvas.height = 1;
	gl.getExtension('WEBGL_lose_context')?.loseContext();
	return area;
}

/** Sizes up to this area (4096 x 4096) render in every WebGL 2 browser: no probe for them. */
export const PROBE_ABOVE_AREA = 4096 * 4096;

/** The largest side a WebGL canvas may have here (the offscreen map's maxCanvasSize). */
export function maxWebglSide(limits: SizeLimits): number {
	return Math.min(limits.maxTextureSize, limits.maxRenderbufferSize ?? Infinity);
}

// ---------------------------------------------------------------------------------------------
// Errors

// ---------------------------------------------------------------------------------------------
// Composition

function drawText(ctx: CanvasRenderingContext2D, line: TextLine): void {
	ctx.font = canvasFont(line.fontPx, line.bold);
	ctx.fillStyle = line.color;
	ctx.fillText(line.text, line.x, line.y);
}

/** A legend symbol's shape (legendSymbols.ts), as svg.ts's swatchShapeEl draws it. */
function drawShape(ctx: CanvasRenderingContext2D, shape: SwatchShape): void {
	ctx.save();
	// Solid and opaque unless the shape says otherwise (the certainty swatches before set dashes).
	ctx.setLineDash([]);
	ctx.globalAlpha = 1;
	ctx.beginPath();
	if (shape.type === 'line') {
		ctx.moveTo(shape.x1, shape.y1);
		ctx.lineTo(shape.x2, shape.y2);
		ctx.strokeStyle = shape.color;
		ctx.lineWidth = shape.width;
		ctx.stroke();
	} else if (shape.type === 'polygon') {
		shape.points.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
		ctx.closePath();
		ctx.fillStyle = shape.fill;
		ctx.fill();
	} else if (shape.type === 'circle') {
		ctx.arc(shape.cx, shape.cy, shape.r, 0, 2 * Math.PI);
		ctx.fillStyle = shape.fill;
		ctx.fill();
		ctx.strokeStyle = shape.stroke;
		ctx.lineWidth = shape.strokeWidth;
		ctx.stroke();
	} else {
		ctx.rect(shape.x, shape.y, shape.width, shape.height);
		ctx.fillStyle = shape.fill;
		ctx.globalAlpha = shape.fillOpacity;
		ctx.fill();
		ctx.strokeStyle = shape.stroke;
		ctx.globalAlpha = shape.strokeOpacity;
		ctx.lineWidth = shape.strokeWidth;
		ctx.setLineDash(shape.dash ?? []);
		ctx.stroke();
	}
	ctx.restore();
}

/** Header, legend and credits on top of the map, as layout.ts places them (and svg.ts draws them). */
export function drawOverlays(ctx: CanvasRenderingContext2D, layout: ExportLayout): void {
	ctx.save();
	ctx.textAlign = 'left';
	ctx.textBaseline = 'alphabetic';
	if (layout.header) {
		const r = layout.header.rect;
		ctx.fillStyle = layout.palette.frame.background;
		ctx.fillRect(r.x, r.y, r.width, r.height);
		for (const line of layout.header.lines) drawText(ctx, line);
	}
	if (layout.footer) {
		const f = layout.footer;
		ctx.fillStyle = layout.palette.frame.background;
		ctx.fillRect(f.x, f.y, f.width, f.height);
	}
	if (layout.legend) {
		for (const line of layout.legend.lines) drawText(ctx, line);
		for (const item of layout.legend.items) {
			const s = item.swatch;
			if (item.shapes) {
				for (const shape of item.shapes) drawShape(ctx, shape);
				drawText(ctx, item.label);
				continue;
			}
			ctx.beginPath();
			ctx.moveTo(s.x1, s.y);
			ctx.lineTo(s.x2, s.y);
			ctx.strokeStyle = item.color;
			ctx.lineWidth = s.lineWidth;
			ctx.lineCap = item.dash ? 'butt' : 'round';
			ctx.setLineDash(item.dash ? item.dash.map((v) => v * s.lineWidth) : []);
			ctx.globalAlpha = item.opacity;
			ctx.stroke();
			ctx.globalAlpha = 1;
			drawText(ctx, item.label);
			drawText(ctx, item.count);
		}
		ctx.setLineDash([]);
	}
	if (layout.credits) for (const line of layout.credits.lines) drawText(ctx, line);
	ctx.restore();
}

/** A 2D canvas of this size that really holds pixels (past the browser's limit drawing is a no-op). */
function createOutputCanvas(
	width: number,
	height: number,
	fail: () => ExportError
): { canvas: HTMLCanvasElement; ctx: CanvasRenderingContext2D } {
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const ctx = canvas.getContext('2d');
	if (!ctx || canvas.width !== width || canvas.height !== height) throw fail();
	ctx.fillStyle = '#ff0000';
	ctx.fillRect(width - 1, height - 1, 1, 1);
	const probe = ctx.getImageData(width - 1, height - 1, 1, 1).data;
	if (probe[0] !== 255 || probe[3] !== 255) throw fail();
	return { canvas, ctx };
}

// ---------------------------------------------------------------------------------------------
// The render

export type PngStep = 'fonts' | 'map' | 'compose' | 'encode';

export interface PngRequest {
	/** Output size in pixels. */
	width: number;
	height: number;
	/** Output pixels per CSS pixel of the map (the preset's pixelRatio). */
	pixelRatio: number;
	/** The style at the moment of clicking (a snapshot: later changes do not reach the export). */
	style: StyleSpecification;
	/** What the map shows (framing.ts), read at the moment of clicking. */
	framing: ExportFraming;
	options: LayoutOptions;
	content: LayoutContent;
	limits: SizeLimits;
	lang: Lang;
	signal?: AbortSignal;
	onProgress?: (step: PngStep) => void;
	/** Measure for the layout; defaults to the canvas's own (after the fonts are loaded). */
	measure?: Measure;
	/** Give up when the map has not rendered by then. Default 180 s (A4 in SwiftShader: ~30 s). */
	timeoutMs?: number;
}

/**
 * Renders the PNG. Steps (reported through onProgress, abortable between them and while the map
 * renders): load fonts and lay out, create the output canvas, render the offscreen map to idle,
 * compose, encode.
 */
export async function renderPng(request: PngRequest): Promise<Blob> {
	const canvases: HTMLCanvasElement[] = [];
	try {
		return await render(request, canvases);
	} finally {
		// Free the pixels now rather than at the next GC: an A4 canvas holds 35 MB.
		for (const canvas of canvases) canvas.width = canvas.height = 0;
	}
}

async function render(request: PngRequest, canvases: HTMLCanvasElement[]): Promise<Blob> {
	const { width, height, pixelRatio, signal, lang } = request;
	const t = exportStrings(lang).exporter.errors;
	const fail = (code: PngErrorCode, values: Record<string, string | number> = {}) =>
		new ExportError(code, fillTemplate(t[code], { width, height, ...values }));

	throwIfAborted(signal);
	request.onProgress?.('fonts');
	const content = request.content;
	await untilAborted(
		loadExportFonts(
			[content.title, content.subtitle, content.legendEmpty, ...content.credits]
				.concat(
					content.legendKinds.map((k) => k.label),
					content.legendCertainties.map((c) => c.label)
				)
				.join(' ')
		),
		signal
	);
	throwIfAborted(signal);
	const layout = layoutExport({
		width,
		height,
		options: request.options,
		content,
		measure: request.measure ?? canvasMeasure()
	});
	const mapRect = layout.map;
	const { canvas: output, ctx } = createOutputCanvas(width, height, () => fail('canvas'));
	canvases.push(output);

	request.onProgress?.('map');
	const size = offscreenSize(mapRect, pixelRatio);
	const timeoutMs = request.timeoutMs ?? 180_000;
	await withOffscreenMap(
		{
			style: request.style,
			camera: exportCamera(request.framing, mapRect, pixelRatio),
			size,
			// Tiles load and symbols are placed on a tiny canvas: MapLibre draws a frame per
			// loaded tile, and on a CPU renderer each full-size one costs a second or more.
			// Layout and placement are in CSS pixels, so only the last frame, at full size once
			// everything is ready (see below), is the picture.
			pixelRatio: LOADING_PIXEL_RATIO,
			maxCanvasSide: maxWebglSide(request.limits),
			...(signal ? { signal } : {}),
			timeoutMs,
			fail
		},
		async ({ map: offscreen, idle }) => {
			await idle();
			throwIfAborted(signal);

			// Now the full size: in SwiftShader every frame of an A4 canvas costs seconds, and
			// MapLibre draws one per loaded tile while loading. The ratio only changes the canvas
			// (tiles and symbol placement are in CSS pixels), so one more frame finishes the job.
			offscreen.setPixelRatio(pixelRatio);
			const mapCanvas = offscreen.getCanvas();
			const gl = mapCanvas.getContext('webgl2');
			const checkCanvas = () => {
				const actualWidth = Math.min(mapCanvas.width, gl?.drawingBufferWidth ?? 0);
				const actualHeight = Math.min(mapCanvas.height, gl?.drawingBufferHeight ?? 0);
				// MapLibre lowers the ratio when the canvas exceeds maxCanvasSize or the browser
				// refuses the buffer; either would be a smaller image than asked for: say so.
				if (actualWidth !== size.canvas.width || actualHeight !== size.canvas.height)
					throw fail('size', {
						actualWidth,
						actualHeight,
						width: size.canvas.width,
						height: size.canvas.height
					});
			};
			checkCanvas();
			offscreen.triggerRepaint();
			await idle();
			throwIfAborted(signal);
			checkCanvas();

			request.onProgress?.('compose');
			ctx.fillStyle = layout.palette.frame.background;
			ctx.fillRect(0, 0, width, height);
			if (mapRect.width > 0 && mapRect.height > 0) {
				// The overscan (if any) sits on the right and bottom: crop it off, no resampling.
				ctx.drawImage(
					mapCanvas,
					0,
					0,
					mapRect.width,
					mapRect.height,
					mapRect.x,
					mapRect.y,
					mapRect.width,
					mapRect.height
				);
			}
		}
	);
	drawOverlays(ctx, layout);
	throwIfAborted(signal);

	request.onProgress?.('encode');
	// Encoding a print-size PNG takes seconds and cannot be stopped: cancel answers at once and
	// the encoder's result is dropped.
	const blob = await untilAborted(
		new Promise<Blob | null>((resolve) => output.toBlob(resolve, 'image/png')),
		signal
	);
	if (!blob) throw fail('encode');
	const { title, description, source, created } = request.content.metadata;
	const png = withPngText(new Uint8Array(await untilAborted(blob.arrayBuffer(), signal)), {
		Title: title,
		Description: description,
		Source: source,
		// The PNG specification's form for this keyword (RFC 1123).
		'Creation Time': new Date(created).toUTCString(),
		Software: 'nk-russia-map'
	});
	return new Blob([png as BlobPart], { type: 'image/png' });
}
