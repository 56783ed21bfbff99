import type { Coord, Story } from '$lib/story';
import { boundsOf, padBounds } from '$lib/geo/bounds';

type Bounds = [[number, number], [number, number]];

/** Screens this narrow get a story's phone frame (the page's own layout switch, in CSS px). */
export const PHONE_MAX_WIDTH = 720;

/** The opening frame of a story for a screen of this width (presentationOf gives both). */
export function openingFrame(p: { frame: Bounds; framePhone: Bounds }, screenWidth: number): Bounds {
	return screenWidth <= PHONE_MAX_WIDTH ? p.framePhone : p.frame;
}

/**
 * Room kept free when fitting: the credits line covers the top, city names stick out right of
 * their dots, the legend covers the bottom. A phone has no width to spare: its frames (the story's
 * `framePhone`) leave room for the names themselves.
 */
export function mapPadding(legendHeight: number, creditsHeight = 24, compact = false) {
	return {
		top: creditsHeight + 8,
		right: compact ? 16 : 70,
		bottom: legendHeight + 24,
		left: compact ? 12 : 30
	};
}

/**
 * What to bring into view when the reader picks something from a list: a flow's whole line with
 * a margin, or the region around a place. Nothing for ids without a position of their own.
 */
export function frameFor(
	app: { story: Pick<Story, 'places'>; lineOf: ReadonlyMap<string, Coord[] | number[][]> },
	id: string
): Bounds | null {
	const line = app.lineOf.get(id);
	const place = app.story.places.find((p) => p.id === id);
	const points = line ?? (place ? [place.coord] : null);
	const b = points && boundsOf(points as [number, number][]);
	return b ? padBounds(b, line ? 0.5 : 3) : null;
}
