import type { Story } from '$lib/story';
import type { PageLoad } from './$types';

/**
 * The built-in story, as data (static/data/story.json, written by scripts/story-files.ts from
 * its package, src/stories/nk-russia-2023/story.json). Fetched once, while the page is prerendered: SvelteKit inlines the
 * response into the HTML and replays it on hydration, so the browser makes no request for it and
 * the story is not part of the page's code. It was checked against the schema at build time.
 */
export const load: PageLoad = async ({ fetch, url }) => {
	const response = await fetch(new URL('data/story.json', url));
	if (!response.ok) throw new Error(`data/story.json: HTTP ${response.status}`);
	return { story: (await response.json()) as Story };
};
