/**
 * The service worker's caches and answers, with the Cache Storage and `fetch` passed in, so the
 * whole behaviour runs in Node (tests/unit/offline-cache.test.ts); src/service-worker.ts wires it
 * to the real ones.
 *
 * One cache per deployed version, filled on install with what the build lists (hashed build files,
 * the page, its data): everything the build lists is answered from that cache first, the network
 * only for what is not in it. Nothing is refreshed in the background: the page and its data change
 * only with a deploy, and a deploy is a new worker, which installs next to the old one and waits
 * until the reader takes it (the "new version" prompt, state/swUpdate.ts). So a page loads with
 * the files of its own version.
 *
 * When the new worker takes over, the cache of the version before it is kept: pages of that
 * version stay open (other tabs) and still load their lazy chunks, which the new deploy no longer
 * has. Hashed files are looked up in every cache for that reason. (Files without a hash, such as a
 * sample an old page opens, come from the current version: a worker cannot tell a page's version.)
 * Older caches go.
 */
import { classify, isImmutable, NOT_FOUND_PAGE, withBase, type Route, type Site } from './routes';

export interface CacheLike {
	match(request: RequestInfo | URL, options?: CacheQueryOptions): Promise<Response | undefined>;
	put(request: RequestInfo | URL, response: Response): Promise<void>;
}

export interface CacheStorageLike {
	open(name: string): Promise<CacheLike>;
	match(request: RequestInfo | URL, options?: MultiCacheQueryOptions): Promise<Response | undefined>;
	keys(): Promise<string[]>;
	delete(name: string): Promise<boolean>;
}

export type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export interface Offline {
	readonly site: Site;
	/** This version's cache. */
	readonly cacheName: string;
	readonly caches: CacheStorageLike;
	readonly fetch: Fetch;
}

/** Caches of earlier workers (`nk-russia-<version>`, one for the whole origin), before the names below. */
const LEGACY = /^nk-russia-/;

/**
 * The cache names of a version. The app's folder is part of them: two copies of the app on one
 * origin (`/nk/` and `/nk-preview/`) share the Cache Storage and must not delete each other's.
 */
export function cacheNames(base: string, version: string) {
	const folder = new URL(base).pathname;
	const prefix = `nk-russia:${folder}:`;
	return { prefix, current: `${prefix}${version}`, meta: `nk-russia:meta:${folder}` };
}

/**
 * The caches to delete when the worker of `current` takes over from the one of `previous`: every
 * version's of this folder but those two. Without a record of the one before (the first worker of
 * this kind over an earlier one), the newest earlier-style cache is that one's.
 */
export function staleCaches(
	names: readonly string[],
	{ prefix, current, previous }: { prefix: string; current: string; previous: string | null }
): string[] {
	const keep = new Set([current, previous ?? names.filter((n) => LEGACY.test(n)).at(-1)]);
	return names.filter((n) => (n.startsWith(prefix) || LEGACY.test(n)) && !keep.has(n));
}

/** A response without the "redirected" mark, which a navigation refuses to be answered with. */
async function plain(response: Response): Promise<Response> {
	if (!response.redirected) return response;
	return new Response(await response.blob(), {
		status: response.status,
		statusText: response.statusText,
		headers: response.headers
	});
}

/**
 * Fills this version's cache, all or nothing: a file missing makes the install fail (and the old
 * worker stays). Hashed files another version already cached are taken from there (same name,
 * same bytes); the rest is asked of the server past the HTTP cache, which may hold the last
 * deploy's page or data.
 */
export async function precache(offline: Offline, paths: readonly string[]): Promise<void> {
	const { site, caches } = offline;
	const cache = await caches.open(offline.cacheName);
	try {
		await Promise.all(
			paths.map(async (path) => {
				const url = new URL(path, site.base).href;
				const immutable = isImmutable(url, site.base);
				const kept = immutable ? await caches.match(url) : undefined;
				const response = kept ?? (await offline.fetch(url, { cache: immutable ? 'default' : 'no-cache' }));
				if (!response.ok) throw new Error(`precache: ${path} answered HTTP ${response.status}`);
				await cache.put(url, await plain(response));
			})
		);
	} catch (error) {
		await caches.delete(offline.cacheName);
		throw error;
	}
}

/** Where the cache of the version in charge is noted, for the next worker to keep it. */
function activeKey(base: string): string {
	return new URL('__active-cache', base).href;
}

/** When this version takes over: drops the caches no open page can need any more. */
export async function retire(offline: Offline, names: { prefix: string; meta: string }): Promise<void> {
	const { caches, site } = offline;
	const meta = await caches.open(names.meta);
	const record = await meta.match(activeKey(site.base));
	const previous = record ? await record.text() : null;
	const stale = staleCaches(await caches.keys(), {
		prefix: names.prefix,
		current: offline.cacheName,
		previous: previous === offline.cacheName ? null : previous
	});
	await Promise.all(stale.map((name) => caches.delete(name)));
	await meta.put(activeKey(site.base), new Response(offline.cacheName));
}

/** The 404 page (precached), with status 404, at whatever path was asked for. */
export async function notFound(offline: Offline): Promise<Response> {
	const cache = await offline.caches.open(offline.cacheName);
	const page = await cache.match(new URL(NOT_FOUND_PAGE, offline.site.base).href);
	const html = page
		? await page.text()
		: '<!doctype html><title>404</title><h1>Seite nicht gefunden · Page not found</h1><p><a href="./">→</a></p>';
	const headers = new Headers({ 'content-type': 'text/html; charset=utf-8' });
	const policy = page?.headers.get('content-security-policy');
	if (policy) headers.set('content-security-policy', policy);
	return new Response(withBase(html, offline.site.base), { status: 404, statusText: 'Not Found', headers });
}

/**
 * A file of the build that is in no cache (a font the precache leaves out, a sample's logo): from
 * the network, kept for offline use once it came. A network error stays an error.
 */
async function fromNetwork(
	offline: Offline,
	request: Request,
	keep: boolean,
	later: (work: Promise<unknown>) => void
): Promise<Response> {
	const response = await offline.fetch(request);
	if (keep && response.status === 200) {
		const copy = response.clone();
		later(offline.caches.open(offline.cacheName).then((cache) => cache.put(request, copy)));
	}
	return response;
}

/**
 * The answer to a request the worker handles (`classify` said other than 'pass'). Failures of the
 * network reject, so the browser sees a network error, never the page in place of a file.
 */
export async function respond(
	offline: Offline,
	request: Request,
	route: Exclude<Route, 'pass'>,
	later: (work: Promise<unknown>) => void = () => {}
): Promise<Response> {
	const { site, caches } = offline;
	const navigate = request.mode === 'navigate';
	const own = () => caches.open(offline.cacheName);
	let response: Response;
	switch (route) {
		case 'app': {
			// Cached under the folder's URL, whatever the query (the view) or `index.html`.
			const cached = await (await own()).match(site.base);
			return cached ? plain(cached) : offline.fetch(request);
		}
		case 'immutable': {
			// In any version's cache: an open page of the version before asks for its own chunks.
			const cached = await caches.match(request);
			response =
				cached ?? (await fromNetwork(offline, request, site.files.has(new URL(request.url).pathname), later));
			break;
		}
		case 'asset': {
			const cached = await (await own()).match(request, { ignoreSearch: navigate });
			response = cached ?? (await fromNetwork(offline, request, true, later));
			break;
		}
		case 'not-found': {
			// The server may have a file the build does not (one the host added); a 404 or no network
			// gets the 404 page.
			try {
				response = await offline.fetch(request);
			} catch {
				return notFound(offline);
			}
			break;
		}
	}
	if (navigate && (response.status === 404 || response.status === 410)) return notFound(offline);
	return navigate ? plain(response) : response;
}

/** `classify` and `respond` together: undefined when the request is left to the browser. */
export function handle(
	offline: Offline,
	request: Request,
	later?: (work: Promise<unknown>) => void
): Promise<Response> | undefined {
	const route = classify(request, offline.site);
	return route === 'pass' ? undefined : respond(offline, request, route, later);
}
