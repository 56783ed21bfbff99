import type { GeoJSON } from 'geojson';

/**
 * In-memory GeoJSON served to MapLibre under `app-data://<name>/<revision>` URLs.
 *
 * Why: a style that carries large inline GeoJSON is slow to diff (MapLibre compares sources
 * deeply on every setStyle) and to clone. A URL is a cheap identity: when the data changes, its
 * revision and so its URL changes, and MapLibre reloads just that source.
 */
export const DATA_PROTOCOL = 'app-data';

type Pending = Promise<GeoJSON>;

const store = new Map<string, Pending>();
let revision = 0;

/** Registers data (or a promise of it) and returns the URL a style can use for it. */
export function publishData(name: string, data: GeoJSON | Pending): string {
	revision += 1;
	const url = `${DATA_PROTOCOL}://${name}/${revision}`;
	store.set(url, Promise.resolve(data));
	return url;
}

/** Resolves a URL published above; unknown URLs are an error MapLibre reports on the source. */
export async function resolveData(url: string): Promise<GeoJSON> {
	const data = store.get(url);
	if (!data) throw new Error(`No data published at ${url}`);
	return data;
}

/** Installs the protocol on the maplibre-gl module (once per page). */
export function installDataProtocol(maplibre: {
	addProtocol: (name: string, load: (params: { url: string }) => Promise<{ data: object }>) => void;
}): void {
	maplibre.addProtocol(DATA_PROTOCOL, async (params) => ({ data: await resolveData(params.url) }));
}
