import { boundsOf, padBounds } from '../geo/bounds';
import type { AreaKind, BBox, Coord, HouseStyle, LabelSide, LocalText, Story } from './vocabulary';

/*
 * A story's presentation with every gap filled from the story itself, so a file that says only
 * what happened still gets its own frame, emphasis, map label and file names, and nothing of
 * the built-in story leaks into it. One home for these defaults: the page, the map style and the
 * exports all read `presentationOf`.
 */

type Bounds = [[number, number], [number, number]];

/** What the map style needs of a story's look (see map/layers.ts). */
export interface StoryLook {
	/** Country ids drawn in the story's land tone. */
	emphasis: readonly string[];
	/** Where places' names go beside their dots, by place id (others: right, then the rest). */
	labelSide: Readonly<Record<string, LabelSide>>;
	/** Where story countries' names go, by ISO id (instead of their own label points). */
	countryLabels: Readonly<Record<string, Coord>>;
}

export interface ShownPresentation extends StoryLook {
	deck: LocalText | null;
	mapLabel: LocalText;
	frame: Bounds;
	framePhone: Bounds;
	fileName: string;
	areaKindNames: Record<AreaKind, LocalText>;
	/** Another newsroom's look, or null: ours. */
	house: HouseStyle | null;
}

/** Plain names for the kinds of area, for a story that names them not. */
const AREA_KIND_NAMES: Record<AreaKind, LocalText> = {
	'patrol-waters': { de: 'Meeresgebiet', en: 'Sea area' },
	'recognised-region': { de: 'Gebiete', en: 'Regions' }
};

/** Degrees kept around a story's places when it names no frame (names stick out of their dots). */
const FIT_MARGIN = 3;
/** Where a story without places (never valid, but a frame must exist) opens: the whole world. */
const WORLD: Bounds = [
	[-170, -60],
	[170, 75]
];

/** [west, south, east, north] as MapLibre bounds [[west, south], [east, north]]. */
export const bboxToBounds = ([w, s, e, n]: BBox): Bounds => [
	[w, s],
	[e, n]
];

function fitPlaces(story: Story): Bounds {
	const b = boundsOf(story.places.map((p) => p.coord));
	if (!b) return WORLD;
	const [[w, s], [e, n]] = padBounds(b, FIT_MARGIN);
	// Web Mercator ends short of the poles.
	return [
		[w, Math.max(-80, s)],
		[e, Math.min(80, n)]
	];
}

/** A file-name base from the English title: "Kim's trip" -> "kims-trip". */
function slugOf(text: string): string {
	const slug = text
		.toLowerCase()
		.normalize('NFKD')
		.replace(/[\u0300-\u036f']/g, '')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 40)
		.replace(/-+$/, '');
	return slug || 'story';
}

export function presentationOf(story: Story): ShownPresentation {
	const p = story.presentation ?? {};
	const frame = p.frame ? bboxToBounds(p.frame) : fitPlaces(story);
	return {
		deck: p.deck ?? null,
		mapLabel: p.mapLabel ?? { de: `Karte: ${story.title.de}`, en: `Map: ${story.title.en}` },
		frame,
		framePhone: p.framePhone ? bboxToBounds(p.framePhone) : frame,
		emphasis: p.emphasis ?? [...new Set(story.places.map((place) => place.country))],
		labelSide: p.labelSide ?? {},
		countryLabels: p.countryLabels ?? {},
		fileName: p.fileName ?? slugOf(story.title.en),
		areaKindNames: { ...AREA_KIND_NAMES, ...p.areaKindNames },
		house: p.house ?? null
	};
}
