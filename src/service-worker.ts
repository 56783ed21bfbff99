/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/*
 * Offline after the first visit: the app shell, its scripts and styles, the fonts and the
 * geodata are cached on install; later loads are served from the cache first and refreshed
 * from the network when it is there. Only our own origin is ever contacted.
 */
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;
const CACHE = `nk-russia-${version}`;
// Font files for scripts the app never shows (Cyrillic, Greek, Vietnamese) and the older .woff
// copies are left to the network: the browser only fetches them if a page ever needs them. The
// Latin .woff faces stay: the PDF embeds them (export/pdfFonts.ts), offline too.
const UNUSED_FONT =
	/noto-sans-(?!latin)[a-z-]+-\d+-normal\.[\w-]+\.woff2?$|(?<!noto-sans-latin(?:-ext)?-[47]00-normal\.[\w-]+)\.woff$/;
// Deduplicated: a static file the prerender fetched (data/story.json) is listed in `files` and in
// `prerendered`, and cache.addAll rejects a list with a request twice, failing the install.
// The social preview and the parent page's embed script are for other sites, never for the app;
// the house-style sample's font and logo load only when that sample is opened.
const NOT_FOR_THE_APP = /\/(?:social-preview\.png|embed\.js|samples\/house\/.*)$/;
const ASSETS = [...new Set([...build, ...files, ...prerendered])].filter(
	(path) => !UNUSED_FONT.test(path) && !NOT_FOR_THE_APP.test(path)
);

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(ASSETS))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
			.then(() => sw.clients.claim())
	);
});

sw.addEventListener('fetch', (event) => {
	const request = event.request;
	const url = new URL(request.url);
	if (request.method !== 'GET' || url.origin !== sw.location.origin) return;
	event.respondWith(
		(async () => {
			const cache = await caches.open(CACHE);
			// The page itself is cached under its path without the query (state lives in the query).
			const key = request.mode === 'navigate' ? new URL('./', sw.location.href).href : request;
			const cached = await cache.match(key, { ignoreSearch: request.mode === 'navigate' });
			if (cached) return cached;
			try {
				const response = await fetch(request);
				if (response.ok) cache.put(request, response.clone());
				return response;
			} catch (error) {
				const fallback = await cache.match(new URL('./', sw.location.href).href);
				if (fallback) return fallback;
				throw error;
			}
		})()
	);
});
