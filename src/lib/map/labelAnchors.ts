import type { LabelSide } from '$lib/story';

/**
 * Where a place's name goes: one table for the map's style (layers.ts, MapLibre's variable
 * anchors) and the SVG export (svg.ts), so both try the same sides in the same order.
 */

/** For each side of its dot: MapLibre's anchor (the name's own point) and offset in ems. */
export const SIDE_ANCHORS: Record<LabelSide, [anchor: string, offset: [number, number]]> = {
	right: ['left', [0.7, 0]],
	left: ['right', [-0.7, 0]],
	// A name's box reaches above and below its letters (line height): more room vertically.
	above: ['bottom', [0, -1]],
	below: ['top', [0, 1]],
	// Corners clear the dot's keep-out box (places-keepout) as the sides do.
	'above-right': ['bottom-left', [0.7, -0.7]],
	'below-right': ['top-left', [0.7, 0.7]],
	'above-left': ['bottom-right', [-0.7, -0.7]],
	'below-left': ['top-right', [-0.7, 0.7]]
};
const DEFAULT_SIDES: LabelSide[] = ['right', 'left', 'above', 'below'];

/** The sides tried for a name: the story's side for it first, then right, left, above, below. */
export function sidesInOrder(first?: LabelSide): LabelSide[] {
	return first ? [first, ...DEFAULT_SIDES.filter((s) => s !== first)] : [...DEFAULT_SIDES];
}

/** Places whose dots no name may cover (places-keepout), and the box kept free, in CSS px. */
export const KEEPOUT_ROLES = ['capital', 'port', 'city'] as const;
/** The keep-out icon: 16 CSS px (32 px at pixel ratio 2) at icon-size 0.75, plus MapLibre's 2 px padding. */
export const KEEPOUT_ICON_SIZE = 0.75;
export const KEEPOUT_PX = 16 * KEEPOUT_ICON_SIZE + 2 * 2;

/** Room MapLibre keeps around each name's box (text-padding, CSS px). */
export const LABEL_PADDING = 1;
/** MapLibre's default text-padding, which every other label layer keeps. */
export const DEFAULT_TEXT_PADDING = 2;

/** Each label layer's text-max-width in ems (the place names keep MapLibre's default of 10). */
export const LABEL_MAX_EMS = { place: 10, area: 12, country: 8, cable: 20, route: 12 } as const;

/** The names on the lines: their size in CSS px. */
export const FLOW_LABEL_SIZE = 12;

/** Which names are placed first (symbol-sort-key): capitals, then ports, then the rest. */
export function labelOrder(role: string): number {
	return role === 'capital' ? 0 : role === 'port' ? 1 : 2;
}
