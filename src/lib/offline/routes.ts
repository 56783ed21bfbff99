/**
 * What the service worker does with a request, decided from the request alone: pure, so it is
 * unit-tested (tests/unit/offline-routes.test.ts) and src/service-worker.ts only wires it up.
 *
 * The app is one page: the folder the worker lives in (`./`) and `./index.html`, with any query
 * (the view lives in the query). Everything else the build lists is a file and is answered as that
 * file, also when it is opened in a tab (a navigation to `story.schema.json` gets the JSON). A
 * navigation to anything else gets the 404 page, never the app: the app's relative assets would
 * not resolve under another path. Any other unknown request is left to the network.
 */

export type Route =
	/** The page itself: `./` or `./index.html`, any query. */
	| 'app'
	/** A hashed build file (`_app/immutable/…`): its name changes when its content does. */
	| 'immutable'
	/** Any other file of this build (data, samples, schema, fonts left out of the precache …). */
	| 'asset'
	/** A navigation to something the build does not have: the 404 page. */
	| 'not-found'
	/** Not ours to answer (another origin, not GET, outside the app, unknown sub-resource). */
	| 'pass';

export interface RequestLike {
	readonly url: string;
	readonly method: string;
	/** `navigate` for a page load in a tab or frame; anything else for a sub-resource. */
	readonly mode: string;
}

export interface Site {
	/** The app's folder as an absolute URL ending in `/`: the service worker's own folder. */
	readonly base: string;
	/** Every file of the build as a path from the origin (`/nk/data/story.json`), as `$service-worker` lists them. */
	readonly files: ReadonlySet<string>;
}

export const IMMUTABLE_DIR = '_app/immutable/';
export const NOT_FOUND_PAGE = '404.html';

function decoded(path: string): string {
	try {
		return decodeURIComponent(path);
	} catch {
		return path;
	}
}

export function classify(request: RequestLike, site: Site): Route {
	if (request.method !== 'GET') return 'pass';
	let url: URL;
	try {
		url = new URL(request.url);
	} catch {
		return 'pass';
	}
	const base = new URL(site.base);
	if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return 'pass';
	const path = url.pathname.slice(base.pathname.length);
	if (path === '' || path === 'index.html') return 'app';
	if (path.startsWith(IMMUTABLE_DIR)) return 'immutable';
	if (site.files.has(url.pathname) || site.files.has(decoded(url.pathname))) return 'asset';
	return request.mode === 'navigate' ? 'not-found' : 'pass';
}

/** Whether a URL is one of the hashed build files (under `_app/immutable/` of the app's folder). */
export function isImmutable(url: string, base: string): boolean {
	const path = new URL(url, base).pathname;
	return path.startsWith(new URL(IMMUTABLE_DIR, base).pathname);
}

function attribute(value: string): string {
	return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

/**
 * The 404 page as served at any path: with a `<base>` of the app's folder, so its stylesheet and
 * its link back to the app (both relative: `./`) resolve there, not under the missing path
 * (`/some/sub/path` would make `./` the missing `/some/sub/`). A `<base>` already there is replaced.
 * Allowed by the app's CSP (`base-uri 'self'`): the folder is of our own origin.
 */
export function withBase(html: string, href: string): string {
	const tag = `<base href="${attribute(href)}">`;
	const existing = /<base\b[^>]*>/i;
	if (existing.test(html)) return html.replace(existing, tag);
	const head = /<head\b[^>]*>/i.exec(html);
	if (!head) return tag + html;
	const at = head.index + head[0].length;
	return html.slice(0, at) + tag + html.slice(at);
}

/** The message a page sends its waiting worker to make it take over (swUpdate.ts). */
export const SKIP_WAITING = 'SKIP_WAITING';

export function isSkipWaiting(data: unknown): boolean {
	return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === SKIP_WAITING;
}
