import type { StyleSpecification } from 'maplibre-gl';
import { buildLayers, type LayerView, type StyleMode } from './layers';
import { buildSources, type StyleData } from './sources';

export type { StyleData } from './sources';
export type { LayerView, StyleMode } from './layers';

/**
 * The whole map as one MapLibre style, for a map that is created once with everything (the live
 * map's first frame, offscreen export maps). No glyph server: labels are drawn from the page's
 * own CSS fonts named in `text-font` (theme.ts), so font files are fetched once, by the page.
 */
export function buildStyle(view: LayerView, data: StyleData, mode: StyleMode): StyleSpecification {
	return { version: 8, name: 'nk-russia', sources: buildSources(data), layers: buildLayers(view, mode) };
}
