/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/*
 * Offline after the first visit. Only our own origin is ever contacted.
 *
 * - The page (`./`, `./index.html`, any query), its scripts and styles, the fonts it shows, the
 *   geodata, the samples, the schema and the 404 page are cached on install, one cache per
 *   version, and answered from that cache first: cache-first, nothing refreshed behind the
 *   reader's back. Hashed build files never change; the page and its data change only with a
 *   deploy, and a deploy is a new worker (the version is in this file), so a page loads with the
 *   files of one version.
 * - A new version installs next to the old one and waits (no skipWaiting on install): the page
 *   shows "a new version is available" (components/UpdatePrompt.svelte), whose button sends
 *   SKIP_WAITING and reloads once the new worker is in charge. The very first install has no one
 *   to wait for and takes the open page at once (clients.claim), without a prompt.
 * - When a version takes over, the cache of the one before stays, so its pages still open in other
 *   tabs load their lazy chunks, which the new deploy no longer has; older caches are deleted.
 * - Files as files, also when opened in a tab; a navigation to anything the build does not have
 *   gets the 404 page with status 404 (offline too: it is precached); a file not in the cache
 *   comes from the network or fails as a network error, never as the page.
 * The rules are in lib/offline/ (routes.ts, cache.ts), unit-tested without a browser.
 */
import { build, files, prerendered, version } from '$service-worker';
import { cacheNames, handle, precache, retire, type Offline } from '$lib/offline/cache';
import { isSkipWaiting } from '$lib/offline/routes';

const sw = self as unknown as ServiceWorkerGlobalScope;
const base = new URL('./', sw.location.href).href;
// Deduplicated: a static file the prerender fetched (data/story.json) is listed in `files` and in
// `prerendered`, and a precache with a request twice would fail.
const FILES = new Set([...build, ...files, ...prerendered]);
// Font files for scripts the app never shows (Cyrillic, Greek, Vietnamese) and the older .woff
// copies are left to the network: the browser only fetches them if a page ever needs them. The
// Latin .woff faces stay: the PDF embeds them (export/pdfFonts.ts), offline too.
const UNUSED_FONT =
	/noto-sans-(?!latin)[a-z-]+-\d+-normal\.[\w-]+\.woff2?$|(?<!noto-sans-latin(?:-ext)?-[47]00-normal\.[\w-]+)\.woff$/;
// The social preview and the parent page's embed script are for other sites, never for the app;
// the house-style sample's font and logo load only when that sample is opened. They are still
// files of the build: answered from the network, and kept once fetched.
const NOT_FOR_THE_APP = /\/(?:social-preview\.png|embed\.js|samples\/house\/.*)$/;
const PRECACHE = [...FILES].filter((path) => !UNUSED_FONT.test(path) && !NOT_FOR_THE_APP.test(path));

const names = cacheNames(base, version);
const offline: Offline = {
	site: { base, files: FILES },
	cacheName: names.current,
	caches,
	fetch: (input, init) => fetch(input, init)
};

sw.addEventListener('install', (event) => {
	event.waitUntil(precache(offline, PRECACHE));
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(retire(offline, names).then(() => sw.clients.claim()));
});

sw.addEventListener('message', (event) => {
	if (isSkipWaiting(event.data)) event.waitUntil(sw.skipWaiting());
});

sw.addEventListener('fetch', (event) => {
	const answer = handle(offline, event.request, (work) => event.waitUntil(work));
	if (answer) event.respondWith(answer);
});
