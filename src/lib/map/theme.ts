import type { AreaKind, Certainty, FlowKind } from '$lib/story';

/**
 * Colours by flow kind. Eight kinds are more than any palette keeps apart for every reader, so
 * these were chosen by measurement: starting from Okabe–Ito (with Tol's wine and indigo), each
 * colour was moved at most ΔE2000 10 from its start to maximise the smallest CIEDE2000
 * difference between any two kinds, for normal vision and under simulated protanopia,
 * deuteranopia and tritanopia (Machado et al. 2009, full severity, via culori). The smallest is
 * now 16.4 (Okabe–Ito alone: 10.3, diplomacy and letters under protanopia); the unit test
 * (tests/unit/palette.test.ts) keeps it at 15 or more, comfortably above the ~10 at which
 * colours read as different at a glance, because thin lines need more. Lightness carries much of
 * the difference (navy letters, wine diplomacy, pale sky trade, amber labour), so it survives
 * every deficiency. Kinds are never told apart by colour alone: the legend, labels and details
 * name them too, and certainty is the line pattern and weight, not colour.
 */
export const KIND_COLORS: Record<FlowKind, string> = {
	visit: '#135f83',
	arms: '#b24b0a',
	technology: '#aa7c9a',
	food: '#06915f',
	labour: '#e69f00',
	trade: '#56b4e9',
	diplomacy: '#59213e',
	letters: '#030f8a'
};

/** Line pattern by certainty, in line widths: solid = reported, dashed = claimed, dotted = possible. */
export const CERTAINTY_DASH: Record<Certainty, number[] | null> = {
	reported: null,
	claimed: [3, 1.6],
	possible: [0.8, 1.4]
};

/**
 * Visual weight by certainty, so the picture never looks surer than the article: reported flows
 * are drawn strongest, claimed ones thinner and lighter, possible ones clearly secondary (thin,
 * pale, dotted, no arrowheads; the details still name the direction). `width` scales the line
 * (and its casing), `opacity` the line and its arrowheads. The live map, the PNG and SVG exports
 * and every legend swatch read this one table.
 */
export const CERTAINTY_WEIGHT: Record<Certainty, { width: number; opacity: number; arrows: boolean }> = {
	reported: { width: 1, opacity: 1, arrows: true },
	claimed: { width: 0.8, opacity: 0.85, arrows: true },
	possible: { width: 0.6, opacity: 0.6, arrows: false }
};

/**
 * Distance between neighbouring lanes of a relation's cable, in px at zoom 2 and 6 (the style's
 * `line-offset`, the SVG export's offset curves). A little more than a line is wide, so each
 * stroke keeps its white casing as a gap and the cable reads as separate strands.
 */
export const LANE_SPACING: [number, number] = [3.6, 5.4];

/**
 * Line widths of a lane in px at zoom 2 and 6, plain and lit (hovered, selected), before the
 * certainty's weight; and of the white casing under it. Lit lanes grow by half, not double, so a
 * lit relation still reads as separate strands. The map and the SVG export read this one table.
 */
export const LANE_WIDTH = {
	line: { plain: [2.2, 3.6], lit: [3.3, 5.4] },
	casing: { plain: [4.5, 7], lit: [6, 9] }
} as const satisfies Record<string, Record<'plain' | 'lit', readonly [number, number]>>;

/** How much a flow that is not part of the selection steps back (its opacity is multiplied by it). */
export const DIMMED_OPACITY = 0.22;

export const BASE = {
	sea: '#dbe7ef',
	land: '#f7f5f0',
	landStory: '#efe9dc',
	coast: '#8fa6b6',
	border: '#b3aa9b',
	countryLabel: '#6f6a61',
	/** The story's own countries are named a shade darker. */
	storyCountryLabel: '#4a463f',
	placeText: '#1d1d1b',
	halo: 'rgba(255,255,255,0.92)',
	patrolFill: '#1f5f8b',
	regionFill: '#882255'
} as const;

/*
 * Font stacks for map labels. There is no glyph server: MapLibre draws text from CSS fonts, takes
 * the weight from the first name ("Bold" -> 700) and finds the face under the second, the family
 * the page's own @font-face rules (@fontsource/noto-sans) declare. So the page and the map share
 * one download of each file.
 */
export const FONT_REGULAR = ['Noto Sans Regular', 'Noto Sans'];
export const FONT_BOLD = ['Noto Sans Bold', 'Noto Sans'];

/**
 * How each kind of area is drawn: fill colour and opacity (plain, highlighted), outline width in
 * px, opacity and dash (in line widths; null = solid). The map, the SVG export and the legend's
 * swatches read this one table.
 */
export const AREA_LOOK: Record<
	AreaKind,
	{
		color: string;
		fillOpacity: [number, number];
		outline: { width: number; opacity: number; dash: number[] | null };
	}
> = {
	'patrol-waters': {
		color: BASE.patrolFill,
		fillOpacity: [0.14, 0.26],
		outline: { width: 1.2, opacity: 0.7, dash: [2, 2] }
	},
	'recognised-region': {
		color: BASE.regionFill,
		fillOpacity: [0.22, 0.4],
		outline: { width: 1, opacity: 0.8, dash: null }
	}
};
