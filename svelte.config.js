import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// The whole app is one prerendered page plus static files: any static host can serve it.
		adapter: adapter({ fallback: undefined, strict: true }),
		// Relative asset paths so the build also works from a sub-folder of a CDN.
		paths: { relative: true }
	}
};

export default config;
