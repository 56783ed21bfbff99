import { describe, expect, it } from 'vitest';
import {
	cacheNames,
	handle,
	precache,
	retire,
	staleCaches,
	type CacheLike,
	type CacheStorageLike,
	type Offline
} from '../../src/lib/offline/cache';

/** Cache Storage in memory: caches in creation order, entries by URL (optionally without query). */
class FakeCaches implements CacheStorageLike {
	readonly store = new Map<string, Map<string, Response>>();
	async open(name: string): Promise<CacheLike> {
		let entries = this.store.get(name);
		if (!entries) this.store.set(name, (entries = new Map()));
		const map = entries;
		return {
			async match(request, options) {
				return find(map, request, options?.ignoreSearch)?.clone();
			},
			async put(request, response) {
				map.set(urlOf(request), response.clone());
			}
		};
	}
	async match(request: RequestInfo | URL): Promise<Response | undefined> {
		for (const entries of this.store.values()) {
			const found = find(entries, request);
			if (found) return found.clone();
		}
		return undefined;
	}
	async keys(): Promise<string[]> {
		return [...this.store.keys()];
	}
	async delete(name: string): Promise<boolean> {
		return this.store.delete(name);
	}
}

function urlOf(request: RequestInfo | URL): string {
	return typeof request === 'string' ? request : request instanceof URL ? request.href : request.url;
}

function find(entries: Map<string, Response>, request: RequestInfo | URL, ignoreSearch = false) {
	const url = new URL(urlOf(request));
	if (ignoreSearch) url.search = '';
	for (const [key, response] of entries) {
		const k = new URL(key);
		if (ignoreSearch) k.search = '';
		if (k.href === url.href) return response;
	}
	return undefined;
}

const ORIGIN = 'https://maps.example';
const PAGE = '<!doctype html><html><head><title>map</title></head><body>app</body></html>';
const NOT_FOUND =
	'<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="stylesheet" href="./404.css"></head><body><h1>Seite nicht gefunden</h1><a href="./">Zur Karte</a></body></html>';

const TYPES: Record<string, string> = { html: 'text/html', json: 'application/json', js: 'text/javascript' };

/** A host with these files (path → body), which can go offline. */
function host(files: Record<string, string>) {
	const state = { online: true, requests: [] as string[] };
	const fetch = async (input: RequestInfo | URL): Promise<Response> => {
		const url = new URL(urlOf(input));
		state.requests.push(url.pathname);
		if (!state.online) throw new TypeError('Failed to fetch');
		const path = url.pathname.endsWith('/') ? `${url.pathname}index.html` : url.pathname;
		const body = files[path];
		if (body === undefined)
			return new Response('not found', { status: 404, headers: { 'content-type': 'text/plain' } });
		const ext = path.split('.').pop()!;
		return new Response(body, { headers: { 'content-type': TYPES[ext] ?? 'application/octet-stream' } });
	};
	return { files, state, fetch };
}

function version(folder: string, files: string[], name: string, caches: FakeCaches, fetch: Offline['fetch']) {
	const base = `${ORIGIN}${folder}`;
	const names = cacheNames(base, name);
	const offline: Offline = {
		site: { base, files: new Set(files.map((f) => `${folder}${f}`)) },
		cacheName: names.current,
		caches,
		fetch
	};
	return {
		offline,
		names,
		install: () => precache(offline, [...offline.site.files]),
		activate: () => retire(offline, names),
		/** The worker's answer, or 'pass' when it leaves the request to the browser. */
		answer(path: string, mode: RequestMode = 'cors'): Promise<Response> | 'pass' {
			// Node's Request refuses mode 'navigate': a stand-in with the fields the worker reads.
			const request = mode === 'navigate' ? navigation(`${base}${path}`) : new Request(`${base}${path}`);
			return handle(offline, request) ?? 'pass';
		}
	};
}

function navigation(url: string): Request {
	const request = new Request(url);
	Object.defineProperty(request, 'mode', { value: 'navigate' });
	return request;
}

const V1_FILES = [
	'',
	'_app/immutable/app.v1.js',
	'_app/immutable/lazy.v1.js',
	'data/story.json',
	'story.schema.json',
	'404.html'
];
const V2_FILES = [
	'',
	'_app/immutable/app.v2.js',
	'_app/immutable/lazy.v2.js',
	'data/story.json',
	'story.schema.json',
	'404.html'
];

function files(folder: string, list: string[], page = PAGE): Record<string, string> {
	const bodies: Record<string, string> = {};
	for (const f of list) {
		const path = `${folder}${f}`;
		bodies[f === '' ? `${folder}index.html` : path] =
			f === '' ? page : f === '404.html' ? NOT_FOUND : f.endsWith('.json') ? '{"ok":true}' : `// ${f}`;
	}
	return bodies;
}

async function installed(folder = '/') {
	const caches = new FakeCaches();
	const server = host(files(folder, V1_FILES));
	const v1 = version(folder, V1_FILES, '1', caches, server.fetch);
	await v1.install();
	await v1.activate();
	return { caches, server, v1 };
}

describe('the service worker: files as files, a real 404, network errors as errors', () => {
	it('opens the schema in a tab as JSON, not as the page', async () => {
		const { v1, server } = await installed();
		server.state.online = false;
		const response = await v1.answer('story.schema.json', 'navigate');
		expect(response).not.toBe('pass');
		const r = response as Response;
		expect(r.status).toBe(200);
		expect(r.headers.get('content-type')).toBe('application/json');
		expect(await r.json()).toEqual({ ok: true });
	});

	it('serves the page for its own routes, with any query, offline too', async () => {
		const { v1, server } = await installed('/nk/');
		server.state.online = false;
		for (const path of ['', '?embed=1&lang=en', 'index.html', 'index.html?step=2']) {
			const r = (await v1.answer(path, 'navigate')) as Response;
			expect(r.status, path).toBe(200);
			expect(await r.text(), path).toBe(PAGE);
		}
	});

	it('answers an unknown page with the 404 page, status 404, its links in the app folder, offline too', async () => {
		const { v1, server } = await installed('/nk/');
		for (const online of [true, false]) {
			server.state.online = online;
			const r = (await v1.answer('some/sub/path', 'navigate')) as Response;
			expect(r.status).toBe(404);
			expect(r.headers.get('content-type')).toContain('text/html');
			const html = await r.text();
			expect(html).toContain('Seite nicht gefunden');
			expect(html).toContain(`<base href="${ORIGIN}/nk/">`);
			expect(html).not.toContain('app</body>');
		}
	});

	it('passes a page the host has and the build does not (a file the host added)', async () => {
		const { caches, server } = await installed();
		server.files['/robots.txt'] = 'User-agent: *';
		const v1 = version('/', V1_FILES, '1', caches, server.fetch);
		const r = (await v1.answer('robots.txt', 'navigate')) as Response;
		expect(r.status).toBe(200);
		expect(await r.text()).toBe('User-agent: *');
	});

	it('lets a missing file fail as a network error offline, and as the server’s 404 online', async () => {
		const { v1, server } = await installed();
		// Unknown sub-resources are not the worker's: the browser fetches them itself.
		expect(v1.answer('data/missing.json')).toBe('pass');
		// A file of the build the precache leaves out (a font for another script): network only.
		const fonts = [...V1_FILES, '_app/immutable/assets/noto-sans-greek-400-normal.x.woff2'];
		const withFont = version('/', fonts, '1', v1.offline.caches as FakeCaches, server.fetch);
		server.state.online = false;
		await expect(
			withFont.answer('_app/immutable/assets/noto-sans-greek-400-normal.x.woff2')
		).rejects.toThrow();
		server.state.online = true;
		const r = (await withFont.answer('_app/immutable/assets/noto-sans-greek-400-normal.x.woff2')) as Response;
		expect(r.status).toBe(404);
		expect(r.headers.get('content-type')).toBe('text/plain');
	});

	it('keeps a file of the build fetched later for offline use, never an unknown one', async () => {
		const { caches, server } = await installed();
		server.files['/social-preview.png'] = 'png';
		const list = [...V1_FILES, 'social-preview.png'];
		const v1 = version('/', list, '1', caches, server.fetch);
		const waits: Promise<unknown>[] = [];
		const first = handle(v1.offline, new Request(`${ORIGIN}/social-preview.png`), (w) => waits.push(w));
		expect(await (await first!).text()).toBe('png');
		await Promise.all(waits);
		server.state.online = false;
		expect(await ((await v1.answer('social-preview.png')) as Response).text()).toBe('png');
	});

	it('answers from the cache first: the page and data of its own version, nothing refreshed behind it', async () => {
		const { v1, server } = await installed();
		server.files['/index.html'] = 'changed on the server';
		server.files['/data/story.json'] = '{"ok":false}';
		server.state.requests.length = 0;
		expect(await ((await v1.answer('?lang=en', 'navigate')) as Response).text()).toBe(PAGE);
		expect(await ((await v1.answer('data/story.json')) as Response).json()).toEqual({ ok: true });
		expect(server.state.requests).toEqual([]);
	});
});

describe('installing and taking over', () => {
	it('installs all or nothing', async () => {
		const caches = new FakeCaches();
		const server = host(files('/', V1_FILES));
		delete server.files['/data/story.json'];
		const v1 = version('/', V1_FILES, '1', caches, server.fetch);
		await expect(v1.install()).rejects.toThrow(/data\/story\.json.*404/);
		expect(await caches.keys()).toEqual([]);
	});

	it('keeps the previous version for its open pages, reuses hashed files and drops older caches', async () => {
		const { caches, server, v1 } = await installed();
		// Deploy 2: new hashed files, the old ones gone from the host.
		Object.assign(server.files, files('/', V2_FILES, '<html><head></head><body>v2</body></html>'));
		delete server.files['/_app/immutable/lazy.v1.js'];
		delete server.files['/_app/immutable/app.v1.js'];
		const v2 = version('/', [...V2_FILES, '_app/immutable/shared.js'], '2', caches, server.fetch);
		server.files['/_app/immutable/shared.js'] = '// shared';
		await caches
			.open(v1.names.current)
			.then((c) => c.put(`${ORIGIN}/_app/immutable/shared.js`, new Response('// shared')));
		server.state.requests.length = 0;
		await v2.install();
		// The hashed file both versions have came from v1's cache, the page and data from the server.
		expect(server.state.requests).not.toContain('/_app/immutable/shared.js');
		expect(server.state.requests).toContain('/');
		await v2.activate();
		expect(await caches.keys()).toEqual(expect.arrayContaining([v1.names.current, v2.names.current]));
		// An open page of v1, now under v2's worker, loads its lazy chunk (gone from the host).
		const lazy = (await v2.answer('_app/immutable/lazy.v1.js')) as Response;
		expect(lazy.status).toBe(200);
		expect(await lazy.text()).toBe('// _app/immutable/lazy.v1.js');
		// The new page is v2's.
		expect(await ((await v2.answer('', 'navigate')) as Response).text()).toContain('v2');

		// Deploy 3: v1 has no pages left to serve; v2's stays for the same reason v1's did.
		const v3 = version('/', V2_FILES, '3', caches, server.fetch);
		await v3.install();
		await v3.activate();
		const names = await caches.keys();
		expect(names).not.toContain(v1.names.current);
		expect(names).toContain(v2.names.current);
		expect(names).toContain(v3.names.current);
	});

	it('drops a version that was installed but never took over', async () => {
		const { caches, server, v1 } = await installed();
		const v2 = version('/', V1_FILES, '2', caches, server.fetch);
		const v3 = version('/', V1_FILES, '3', caches, server.fetch);
		await v2.install();
		await v3.install();
		await v3.activate();
		expect((await caches.keys()).filter((n) => !n.includes(':meta:'))).toEqual([
			v1.names.current,
			v3.names.current
		]);
	});

	it('keeps the cache of the worker before this one (its old cache name) once, and another folder’s always', async () => {
		const caches = new FakeCaches();
		await caches.open('nk-russia-1796185290364');
		await caches.open('nk-russia:/preview/:7');
		const server = host(files('/', V1_FILES));
		const v1 = version('/', V1_FILES, '1', caches, server.fetch);
		await v1.install();
		await v1.activate();
		expect(await caches.keys()).toEqual(
			expect.arrayContaining(['nk-russia-1796185290364', 'nk-russia:/preview/:7', v1.names.current])
		);
		const v2 = version('/', V1_FILES, '2', caches, server.fetch);
		await v2.install();
		await v2.activate();
		const names = await caches.keys();
		expect(names).not.toContain('nk-russia-1796185290364');
		expect(names).toContain('nk-russia:/preview/:7');
	});

	it('names the caches to delete', () => {
		const { prefix } = cacheNames('https://maps.example/nk/', 'x');
		const names = [
			'nk-russia-1',
			'nk-russia:/nk/:a',
			'nk-russia:/nk/:b',
			'nk-russia:/nk/:c',
			'nk-russia:meta:/nk/',
			'other'
		];
		expect(staleCaches(names, { prefix, current: 'nk-russia:/nk/:c', previous: 'nk-russia:/nk/:b' })).toEqual(
			['nk-russia-1', 'nk-russia:/nk/:a']
		);
		expect(staleCaches(names, { prefix, current: 'nk-russia:/nk/:c', previous: null })).toEqual([
			'nk-russia:/nk/:a',
			'nk-russia:/nk/:b'
		]);
	});
});
