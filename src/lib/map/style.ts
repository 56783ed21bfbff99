import type { StyleSpecification } from 'maplibre-gl';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import type { StoryLook } from '$lib/story';
import { buildLayers, type LayerOptions, type StyleMode } from './layers';
import { buildSources, type StyleData } from './sources';

export type { StyleData } from './sources';
export type { StyleMode } from './layers';

/**
 * The whole map as one MapLibre style, for a map that is created once with everything: offscreen
 * export maps and the tests (the live map gets sources and layers apart, see MapView). No glyph server: labels are drawn from the page's
 * own CSS fonts named in `text-font` (theme.ts), so font files are fetched once, by the page.
 */
export function buildStyle(
	view: ViewSnapshot,
	data: StyleData,
	mode: StyleMode,
	look: StoryLook,
	options?: LayerOptions
): StyleSpecification {
	return {
		version: 8,
		name: 'story-map',
		sources: buildSources(data),
		layers: buildLayers(view, mode, look, options)
	};
}
