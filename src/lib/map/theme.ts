import type { AreaKind, Certainty, FlowKind } from '$lib/story';
import type { ThemeName } from '$lib/state/theme';

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

/**
 * The kinds on the dark map. Measured as the light ones are (tests/unit/palette.test.ts): every
 * pair at least ΔE2000 16.2 apart for normal vision and all three simulated deficiencies, and
 * every line at least 3:1 against the dark sea, land, story land and its casing (WCAG 1.4.11).
 * Found by simulated annealing in OKLCH from the light colours lightened, each kept within 30° of
 * its light hue (arms and labour within 1°): so navy letters turn periwinkle and wine diplomacy
 * dusty rose, because a dark line cannot show on a dark ground.
 */
export const KIND_COLORS_DARK: Record<FlowKind, string> = {
	visit: '#018ba9',
	arms: '#d35c0e',
	technology: '#dda3b2',
	food: '#cbe8b4',
	labour: '#feb201',
	trade: '#92efff',
	diplomacy: '#a87078',
	letters: '#8f9fff'
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

/** Every colour the map draws with, for one theme (light or dark). */
export interface Palette {
	/** One colour per flow kind. */
	kinds: Readonly<Record<FlowKind, string>>;
	sea: string;
	land: string;
	/** The story's own countries. */
	landStory: string;
	coast: string;
	border: string;
	countryLabel: string;
	/** The story's own countries are named a shade stronger. */
	storyCountryLabel: string;
	placeText: string;
	halo: string;
	/**
	 * The ground colour drawn around marks so they stand off what lies under them: the casing
	 * under and between lanes, the halo of arrowheads, the ring of a capital's dot and the inside
	 * of a city's.
	 */
	casing: string;
	/** Neutral marks in the keys: the certainty swatches and the arrow. */
	ink: string;
	/** Fill and outline of each kind of area. */
	areas: Readonly<Record<AreaKind, string>>;
	/** An export's frame around the map: its ground and the words of its header, legend and footer. */
	frame: {
		background: string;
		title: string;
		subtitle: string;
		text: string;
		count: string;
		credits: string;
	};
}

/** The map's own colours, and every export's (a desk publishes light files unless asked). */
export const LIGHT: Palette = {
	kinds: KIND_COLORS,
	sea: '#dbe7ef',
	land: '#f7f5f0',
	landStory: '#efe9dc',
	coast: '#8fa6b6',
	border: '#b3aa9b',
	countryLabel: '#6a655d',
	storyCountryLabel: '#4a463f',
	placeText: '#1d1d1b',
	halo: 'rgba(255,255,255,0.92)',
	casing: '#ffffff',
	ink: '#333333',
	areas: { 'patrol-waters': '#1f5f8b', 'recognised-region': '#882255' },
	frame: {
		background: '#ffffff',
		title: '#1d1d1b',
		subtitle: '#444444',
		text: '#1d1d1b',
		count: '#666666',
		credits: '#555555'
	}
};

/**
 * The map at night: a deep blue-grey sea, dark land a shade warmer, light names on dark halos.
 * The kinds keep their hues but are lifted for a dark ground (measured as the light ones are,
 * see KIND_COLORS_DARK); the casing is the dark ground, so lanes still read as separate strands.
 */
export const DARK: Palette = {
	kinds: KIND_COLORS_DARK,
	sea: '#121b24',
	land: '#2e2d2a',
	landStory: '#3a362f',
	coast: '#4b5e6e',
	border: '#5a554d',
	countryLabel: '#a9a398',
	storyCountryLabel: '#d8d2c6',
	placeText: '#f0ede6',
	halo: 'rgba(14,20,27,0.85)',
	casing: '#0e141b',
	ink: '#d2d0c9',
	areas: { 'patrol-waters': '#6fb3e6', 'recognised-region': '#e688b6' },
	// The page's own dark ground and text (components/tokens.css), so a dark file sits in a dark page.
	frame: {
		background: '#14171a',
		title: '#ecebe6',
		subtitle: '#d2d0c9',
		text: '#ecebe6',
		count: '#aeaca5',
		credits: '#aeaca5'
	}
};

export const PALETTES: Record<ThemeName, Palette> = { light: LIGHT, dark: DARK };

/*
 * Font stacks for map labels. There is no glyph server: MapLibre draws text from CSS fonts, takes
 * the weight from the first name ("Bold" -> 700) and finds the face under the second, the family
 * the page's own @font-face rules (@fontsource/noto-sans) declare. So the page and the map share
 * one download of each file.
 */
export const FONT_REGULAR = ['Noto Sans Regular', 'Noto Sans'];
export const FONT_BOLD = ['Noto Sans Bold', 'Noto Sans'];

/**
 * How each kind of area is drawn (its colour is the palette's `areas`): fill opacity (plain, highlighted), outline width in
 * px, opacity and dash (in line widths; null = solid). The map, the SVG export and the legend's
 * swatches read this one table.
 */
export const AREA_LOOK: Record<
	AreaKind,
	{
		fillOpacity: [number, number];
		outline: { width: number; opacity: number; dash: number[] | null };
	}
> = {
	'patrol-waters': {
		fillOpacity: [0.14, 0.26],
		outline: { width: 1.2, opacity: 0.7, dash: [2, 2] }
	},
	'recognised-region': {
		fillOpacity: [0.22, 0.4],
		outline: { width: 1, opacity: 0.8, dash: null }
	}
};
