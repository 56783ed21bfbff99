import type { GeoJSON } from 'geojson';

/**
 * In-memory GeoJSON served to MapLibre under `app-data://<name>/<revision>` URLs.
 *
 * Why: a URL is a cheap identity for a source's data. When the data changes, its revision and so
 * its URL changes, and MapView calls setData on exactly that source; the style stays small.
 *
 * Lifetime: one revision per name. Publishing a name again releases the previous data, so a
 * reader who opens twenty story files holds one story's GeoJSON, not twenty. A map that still
 * asks for an older revision (a request in flight while the story changed) gets the newest data
 * of that name, which is what it is about to be given anyway.
 */
export const DATA_PROTOCOL = 'app-data';

type Pending = Promise<GeoJSON>;

/** The newest data of each name; the revision lives only in the URL. */
const store = new Map<string, Pending>();
let revision = 0;

/** Registers data (or a promise of it) under a name and returns the URL a style can use for it. */
export function publishData(name: string, data: GeoJSON | Pending): string {
	revision += 1;
	store.set(name, Promise.resolve(data));
	return `${DATA_PROTOCOL}://${name}/${revision}`;
}

/** How many data sets are held now (one per name): for tests of the lifetime rule. */
export function publishedCount(): number {
	return store.size;
}

/** Resolves a URL published above; unknown names are an error MapLibre reports on the source. */
export async function resolveData(url: string): Promise<GeoJSON> {
	const prefix = `${DATA_PROTOCOL}://`;
	const name = url.startsWith(prefix) ? url.slice(prefix.length).split('/')[0] : undefined;
	const data = name ? store.get(name) : undefined;
	if (!data) throw new Error(`No data published at ${url}`);
	return data;
}

/** Installs the protocol on the maplibre-gl module (once per page). */
export function installDataProtocol(maplibre: {
	addProtocol: (name: string, load: (params: { url: string }) => Promise<{ data: object }>) => void;
}): void {
	maplibre.addProtocol(DATA_PROTOCOL, async (params) => ({ data: await resolveData(params.url) }));
}
