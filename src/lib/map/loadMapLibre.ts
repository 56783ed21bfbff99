import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { installDataProtocol } from './dataProtocol';

type MapLibre = typeof import('maplibre-gl');

let loading: Promise<MapLibre> | undefined;

/** True where WebGL 2 can be created; MapLibre 6 needs it and has no fallback. */
export function hasWebGL2(): boolean {
	try {
		const canvas = document.createElement('canvas');
		return canvas.getContext('webgl2') !== null;
	} catch {
		return false;
	}
}

/**
 * Loads maplibre-gl once, in the browser only (it touches `window` on import), and prepares it:
 * the worker comes from our own origin and `app-data://` URLs resolve to in-memory GeoJSON.
 */
export function loadMapLibre(): Promise<MapLibre> {
	loading ??= (async () => {
		if (!hasWebGL2()) throw new Error('no-webgl2');
		const maplibre = await import('maplibre-gl');
		maplibre.setWorkerUrl(workerUrl);
		installDataProtocol(maplibre);
		return maplibre;
	})();
	return loading;
}
