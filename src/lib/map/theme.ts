import type { Certainty, FlowKind } from '$lib/story';

/**
 * Colours by flow kind. Based on the Okabe–Ito palette (safe for the common colour-vision
 * deficiencies) with two darker additions, checked for contrast on the pale land and sea below.
 * Kinds are never told apart by colour alone: the legend, labels and details name them too.
 */
export const KIND_COLORS: Record<FlowKind, string> = {
	visit: '#0072B2',
	arms: '#D55E00',
	technology: '#CC79A7',
	food: '#009E73',
	labour: '#E69F00',
	trade: '#56B4E9',
	diplomacy: '#882255',
	letters: '#332288'
};

/** Line pattern by certainty, in line widths: solid = reported, dashed = claimed, dotted = possible. */
export const CERTAINTY_DASH: Record<Certainty, number[] | null> = {
	reported: null,
	claimed: [3, 1.6],
	possible: [0.8, 1.4]
};

export const BASE = {
	sea: '#dbe7ef',
	land: '#f7f5f0',
	landStory: '#efe9dc',
	coast: '#8fa6b6',
	border: '#b3aa9b',
	countryLabel: '#6f6a61',
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
