import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { installDataProtocol } from './dataProtocol';

type MapLibre = typeof import('maplibre-gl');

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
