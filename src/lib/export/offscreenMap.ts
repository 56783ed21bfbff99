import type { Map as MapLibreMap, StyleSpecification } from 'maplibre-gl';
import { loadMapLibre } from '$lib/map/loadMapLibre';
import { provideStyleImages } from '$lib/map/images';
import type { ExportCamera } from './projection';

/**
 * A second MapLibre map, off the screen, at an export's size and camera: the PNG renders its
 * picture with it, the SVG asks it where MapLibre placed the names. The live map is never
 * touched (not its canvas, camera, style or pixel ratio). The map and its container are removed
 * in every case.
 */

// ---------------------------------------------------------------------------------------------
// Size (pure)

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

export function abortError(): DOMException {
	return new DOMException('Export cancelled', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
	return error instanceof DOMException && error.name === 'AbortError';
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
	if (signal?.aborted) throw abortError();
}

/** The promise's value, or an AbortError as soon as the signal fires, whichever comes first. */
export function untilAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return promise;
	if (signal.aborted) return Promise.reject(abortError());
	return new Promise<T>((resolve, reject) => {
		const onAbort = () => reject(abortError());
		signal.addEventListener('abort', onAbort, { once: true });
		promise.then(
			(value) => {
				signal.removeEventListener('abort', onAbort);
				resolve(value);
			},
			(error: unknown) => {
				signal.removeEventListener('abort', onAbort);
				reject(error);
			}
		);
	});
}

/** Resolves on the map's next `idle`; rejects on abort, timeout, a lost context or a map error. */
export function untilIdle(
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
// The map

/** Marks the offscreen container, so tests (and a curious reader) can tell it from the live map. */
export const OFFSCREEN_ATTRIBUTE = 'data-export-offscreen';

export interface OffscreenRequest {
	/** The style at the moment of clicking (a snapshot: later changes do not reach the export). */
	style: StyleSpecification;
	camera: ExportCamera;
	size: ReturnType<typeof offscreenSize>;
	/** The pixel ratio to start with (the PNG raises it once everything is loaded). */
	pixelRatio: number;
	/** The largest canvas side this browser renders (maxWebglSide). */
	maxCanvasSide: number;
	signal?: AbortSignal;
	timeoutMs: number;
	fail: (code: PngErrorCode, values?: Record<string, string | number>) => ExportError;
}

export interface OffscreenMap {
	map: MapLibreMap;
	/** Resolves once the map is idle: tiles loaded, symbols placed, the frame drawn. */
	idle(): Promise<void>;
}

export async function withOffscreenMap<T>(
	request: OffscreenRequest,
	use: (offscreen: OffscreenMap) => Promise<T>
): Promise<T> {
	const { camera, size, signal, timeoutMs, fail } = request;
	const maplibre = await loadMapLibre();
	throwIfAborted(signal);
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
				pixelRatio: request.pixelRatio,
				// Raised from the default 4096, which silently lowers the pixel ratio of print sizes.
				maxCanvasSize: [request.maxCanvasSide, request.maxCanvasSide],
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
		const idle = () =>
			untilIdle(offscreen, signal, timeoutMs, (code, detail) =>
				fail(code, { message: detail ?? '', seconds: Math.round(timeoutMs / 1000) })
			);
		return await use({ map: offscreen, idle });
	} finally {
		map?.remove();
		container.remove();
	}
}
