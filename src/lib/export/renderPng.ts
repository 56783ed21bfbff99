import { withPngText } from './pngText';
import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '$lib/story';
import { exportStrings } from '$lib/i18n/exportStrings';
import { loadMapLibre } from '$lib/map/loadMapLibre';
import { provideStyleImages } from '$lib/map/images';
import { fillTemplate } from '$lib/i18n/format';
import {
	approximateMeasure,
	LAYOUT_COLORS,
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

/**
 * The offscreen map's size. MapLibre sizes its canvas round(pixelRatio × floor(CSS size)), so a
 * map rect whose size is not a multiple of the pixel ratio cannot be hit exactly: the container
 * is made the next whole CSS pixel larger (at most one CSS px of overscan on the right and bottom),
 * the camera is padded by the overscan so its centre stays at the map rect's centre, and the
 * overscan is cropped off when composing. The canvas then has exactly `canvas` pixels.
 */
export function offscreenSize(
	mapRect: { width: number; height: number },
	pixelRatio: number
): {
	css: { width: number; height: number };
	canvas: { width: number; height: number };
	/** Camera padding (CSS px) that keeps the centre at the middle of the cropped rect. */
	padding: { top: number; left: number; right: number; bottom: number };
} {
	// The epsilon keeps 2000 / 2 from becoming 1001 through a float error.
	const cssWidth = Math.max(1, Math.ceil(mapRect.width / pixelRatio - 1e-7));
	const cssHeight = Math.max(1, Math.ceil(mapRect.height / pixelRatio - 1e-7));
	return {
		css: { width: cssWidth, height: cssHeight },
		canvas: { width: Math.round(cssWidth * pixelRatio), height: Math.round(cssHeight * pixelRatio) },
		padding: {
			top: 0,
			left: 0,
			right: Math.max(0, cssWidth - mapRect.width / pixelRatio),
			bottom: Math.max(0, cssHeight - mapRect.height / pixelRatio)
		}
	};
}

// ---------------------------------------------------------------------------------------------
// Browser facts

export const FONT_FAMILY = '"Noto Sans"';

export function canvasFont(fontPx: number, bold: boolean): string {
	return `${bold ? 700 : 400} ${fontPx}px ${FONT_FAMILY}, sans-serif`;
}

/** Noto Sans widths from the browser's own text engine (the one that draws the PNG text). */
export function canvasMeasure(): Measure {
	const ctx = document.createElement('canvas').getContext('2d');
	if (!ctx) return approximateMeasure;
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

/** The largest side a WebGL canvas may have here (the offscreen map's maxCanvasSize). */
export function maxWebglSide(limits: SizeLimits): number {
	return Math.min(limits.maxTextureSize, limits.maxRenderbufferSize ?? Infinity);
}

// ---------------------------------------------------------------------------------------------
// Errors

export type PngErrorCode = 'canvas' | 'webgl' | 'size' | 'lost' | 'timeout' | 'map' | 'encode';

/** A failure with a message for the reader (in the export's language). */
export class ExportError extends Error {
	constructor(
		readonly code: PngErrorCode,
		message: string
	) {
		super(message);
		this.name = 'ExportError';
	}
}

function abortError(): DOMException {
	return new DOMException('Export cancelled', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'AbortError';
}

function throwIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw abortError();
}

/** Resolves on the map's next `idle`; rejects on abort, timeout, a lost context or a map error. */
function untilIdle(
	map: MapLibreMap,
	signal: AbortSignal | undefined,
	timeoutMs: number,
	fail: (code: PngErrorCode, detail?: string) => ExportError
): Promise<void> {
	return new Promise<void>((resolve, reject) => {
		const canvas = map.getCanvas();
		const cleanup = () => {
			clearTimeout(timer);
			map.off('idle', onIdle);
			map.off('error', onError);
			canvas.removeEventListener('webglcontextlost', onLost);
			signal?.removeEventListener('abort', onAbort);
		};
		const settle = (error?: unknown) => {
			cleanup();
			if (error) reject(error);
			else resolve();
		};
		const onIdle = () => settle();
		const onError = (e: { error?: { message?: string } }) =>
			settle(fail('map', e.error?.message ?? 'unknown'));
		const onLost = () => settle(fail('lost'));
		const onAbort = () => settle(abortError());
		const timer = setTimeout(() => settle(fail('timeout')), timeoutMs);
		map.on('idle', onIdle);
		map.on('error', onError);
		canvas.addEventListener('webglcontextlost', onLost);
		signal?.addEventListener('abort', onAbort);
	});
}

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
		ctx.fillStyle = LAYOUT_COLORS.background;
		ctx.fillRect(r.x, r.y, r.width, r.height);
		for (const line of layout.header.lines) drawText(ctx, line);
	}
	if (layout.footer) {
		const f = layout.footer;
		ctx.fillStyle = LAYOUT_COLORS.background;
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

/** The offscreen map's pixel ratio while it loads (see renderPng): 1/16 of the pixels. */
const LOADING_PIXEL_RATIO = 0.25;

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

/** Marks the offscreen container, so tests (and a curious reader) can tell it from the live map. */
export const OFFSCREEN_ATTRIBUTE = 'data-export-offscreen';

/**
 * Renders the PNG. Steps (reported through onProgress, abortable between them and while the map
 * renders): load fonts and lay out, create the output canvas, render the offscreen map to idle,
 * compose, encode. The offscreen map and its container are removed in every case.
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
	await loadExportFonts(
		[content.title, content.subtitle, content.legendEmpty, ...content.credits]
			.concat(
				content.legendKinds.map((k) => k.label),
				content.legendCertainties.map((c) => c.label)
			)
			.join(' ')
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
	const maplibre = await loadMapLibre();
	throwIfAborted(signal);
	const size = offscreenSize(mapRect, pixelRatio);
	const camera = exportCamera(request.framing, mapRect, pixelRatio);
	const side = maxWebglSide(request.limits);

	const container = document.createElement('div');
	container.setAttribute(OFFSCREEN_ATTRIBUTE, '');
	container.setAttribute('aria-hidden', 'true');
	container.inert = true;
	// Off-screen, not display:none: a hidden container has no size, and MapLibre would draw nothing.
	Object.assign(container.style, {
		position: 'fixed',
		left: '-100000px',
		top: '0',
		width: `${size.css.width}px`,
		height: `${size.css.height}px`,
		overflow: 'hidden',
		pointerEvents: 'none'
	});
	document.body.append(container);
	let map: MapLibreMap | undefined;
	try {
		try {
			map = new maplibre.Map({
				container,
				style: request.style,
				center: [camera.center[0], camera.center[1]],
				zoom: camera.zoom,
				bearing: camera.bearing,
				pitch: 0,
				maxPitch: 0,
				// Tiles load and symbols are placed on a tiny canvas: MapLibre draws a frame per
				// loaded tile, and on a CPU renderer each full-size one costs a second or more.
				// Layout and placement are in CSS pixels, so only the last frame, at full size once
				// everything is ready (see below), is the picture.
				pixelRatio: LOADING_PIXEL_RATIO,
				// Raised from the default 4096, which silently lowers the pixel ratio of print sizes.
				maxCanvasSize: [side, side],
				interactive: false,
				trackResize: false,
				fadeDuration: 0,
				attributionControl: false,
				renderWorldCopies: true,
				// The export style is validated by tests/unit/style.test.ts for every combination a
				// reader can make; checking it again at every export would cost time, not safety.
				validateStyle: false,
				// No multisampling, as on the live map: on a CPU renderer it multiplies the cost of
				// every frame of a print-size canvas, and MapLibre's lines are smoothed by its shaders.
				canvasContextAttributes: { preserveDrawingBuffer: true, antialias: false }
			});
		} catch (error) {
			throw fail('webgl', { message: error instanceof Error ? error.message : String(error) });
		}
		const offscreen = map;
		provideStyleImages(offscreen);
		offscreen.jumpTo({
			center: [camera.center[0], camera.center[1]],
			zoom: camera.zoom,
			bearing: camera.bearing,
			padding: size.padding
		});
		const timeoutMs = request.timeoutMs ?? 180_000;
		const idle = () =>
			untilIdle(offscreen, signal, timeoutMs, (code, detail) =>
				fail(code, { message: detail ?? '', seconds: Math.round(timeoutMs / 1000) })
			);
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
		ctx.fillStyle = LAYOUT_COLORS.background;
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
	} finally {
		map?.remove();
		container.remove();
	}
	drawOverlays(ctx, layout);
	throwIfAborted(signal);

	request.onProgress?.('encode');
	const blob = await new Promise<Blob | null>((resolve) => output.toBlob(resolve, 'image/png'));
	throwIfAborted(signal);
	if (!blob) throw fail('encode');
	const { title, description, source, created } = request.content.metadata;
	const png = withPngText(new Uint8Array(await blob.arrayBuffer()), {
		Title: title,
		Description: description,
		Source: source,
		// The PNG specification's form for this keyword (RFC 1123).
		'Creation Time': new Date(created).toUTCString(),
		Software: 'nk-russia-map'
	});
	return new Blob([png as BlobPart], { type: 'image/png' });
}
