import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { installDataProtocol } from './dataProtocol';

type MapLibre = typeof import('maplibre-gl');

/**
 * The pixel ratio a map draws at while its data loads, the live map's and the PNG export's
 * offscreen one's: MapLibre draws a frame for every tile that arrives, and on a CPU renderer
 * (SwiftShader, old phones) each full-size frame costs a tenth of a second or more. A sixteenth of
 * the pixels, and the ratio is raised for the one frame that is seen.
 */
export const LOADING_PIXEL_RATIO = 0.25;

/** The reason a map reports when the browser cannot draw WebGL 2 (the page explains it). */
export const NO_WEBGL2 = 'no-webgl2';

let loading: Promise<MapLibre> | undefined;

/**
 * Starts loading maplibre-gl once, in the browser only (it touches `window` on import), and
 * prepares it: the worker comes from our own origin and `app-data://` URLs resolve to in-memory
 * GeoJSON. Safe to call early (the page does, before it mounts) and often.
 *
 * There is no probe context: creating a throwaway WebGL 2 context costs as much as the map's
 * own on a CPU renderer. A browser without the API at all is told here; one whose context fails
 * is told by the map's constructor (MapView turns that into NO_WEBGL2 too).
 */
export function loadMapLibre(): Promise<MapLibre> {
	loading ??= (async () => {
		if (typeof WebGL2RenderingContext === 'undefined') throw new Error(NO_WEBGL2);
		const maplibre = await import('maplibre-gl');
		maplibre.setWorkerUrl(workerUrl);
		// Start the workers now: they load and compile their own 600 KB script, which can run
		// while the page hydrates and the map creates its GPU context.
		maplibre.prewarm();
		installDataProtocol(maplibre);
		return maplibre;
	})();
	return loading;
}

/**
 * Why MapLibre's worker cannot start, if its file tells: a host that serves the `.mjs` file with
 * another type (a module worker needs a JavaScript type) or not at all. The map then waits for its
 * data forever with only a console error, so MapView asks this once the map is late. Null when the
 * file looks right: the map is only slow.
 */
export async function workerProblem(): Promise<string | null> {
	const name = workerUrl.split('/').pop() ?? workerUrl;
	try {
		const response = await fetch(workerUrl);
		void response.body?.cancel();
		if (!response.ok) return `its worker file ${name} could not be loaded (HTTP ${response.status})`;
		const type = response.headers.get('content-type') ?? '(none)';
		if (!/javascript|ecmascript/i.test(type))
			return `the server sends its worker file ${name} as "${type}"; a module worker needs a JavaScript type such as text/javascript`;
		return null;
	} catch (error) {
		return `its worker file ${name} could not be loaded (${error instanceof Error ? error.message : String(error)})`;
	}
}
