import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The whole app is one prerendered page plus static files: any static host can serve it.
		adapter: adapter({ fallback: undefined, strict: true }),
		// Relative asset paths so the build also works from a sub-folder of a CDN.
		paths: { relative: true },
		// A strict policy, shipped as a <meta> tag in the prerendered page: only our own origin,
		// no eval, and nothing inline except SvelteKit's start-up script, allowed by its hash.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				// MapLibre's worker is a file of ours; blob: is kept for its fallback worker bootstrap.
				'worker-src': ['self', 'blob:'],
				// One exception, pinned by its hash: the style attribute of SvelteKit's own route
				// announcer (an off-screen live region for screen readers).
				'style-src': ['self', 'unsafe-hashes', 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['none'],
				'manifest-src': ['self']
			}
		}
	}
};

export default config;
