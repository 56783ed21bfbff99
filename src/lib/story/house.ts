import type { HouseStyle } from './vocabulary';

/*
 * The rules of a newsroom's house style (Presentation.house): what its accent must meet, what
 * the page sets from it. Pure, so the loader checks a file with the same rules the page applies.
 */

/**
 * The grounds an accent sits on, per theme: tokens.css's --surface and --page (links, the focus
 * ring) and its text on the primary button (--on-accent). tests/unit/house.test.ts keeps these in
 * agreement with tokens.css.
 */
export const ACCENT_GROUNDS = {
	light: { surfaces: ['#ffffff', '#f7f5f0'], onAccent: '#ffffff' },
	dark: { surfaces: ['#1d2125', '#14171a'], onAccent: '#0c1a24' }
} as const;

/** WCAG 1.4.3: links and the button's words. */
export const MIN_ACCENT_CONTRAST = 4.5;

const channel = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);

/** Relative luminance of '#rrggbb' (WCAG 2). */
function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => channel(parseInt(hex.slice(i, i + 2), 16) / 255));
	return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** The WCAG 2 contrast ratio of two '#rrggbb' colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi! + 0.05) / (lo! + 0.05);
}

/** Why an accent cannot serve a theme (too pale or too dark for its grounds), or null. */
export function accentProblem(theme: 'light' | 'dark', hex: string): string | null {
	const { surfaces, onAccent } = ACCENT_GROUNDS[theme];
	const worst = Math.min(...[...surfaces, onAccent].map((g) => contrastRatio(hex, g)));
	if (worst >= MIN_ACCENT_CONTRAST) return null;
	const ground =
		theme === 'light' ? 'the light page and white button text' : 'the dark page and its button text';
	return `${hex} has ${worst.toFixed(2)}:1 against ${ground}; links and buttons need ${MIN_ACCENT_CONTRAST}:1`;
}

/**
 * The CSS custom properties the page sets for a house style (none: the tokens' own values): the
 * accent per theme, and the face before ours (which stays behind it for missing glyphs).
 */
export function houseProperties(house: HouseStyle | undefined): Record<string, string> {
	const out: Record<string, string> = {};
	if (house?.accent) {
		out['--house-accent-light'] = house.accent.light;
		out['--house-accent-dark'] = house.accent.dark;
	}
	if (house?.font) out['--font-text'] = `'${house.font.family}', var(--font-base)`;
	return out;
}

/**
 * Family names a house face may not take: the map's own (MapLibre draws its names from the CSS
 * family in the style's text-font, and the exports measure and embed it) and CSS's generic and
 * wide keywords, which would not name a face at all.
 */
export const RESERVED_FAMILIES =
	/^(?:noto sans\b.*|serif|sans-serif|monospace|cursive|fantasy|math|emoji|fangsong|system-ui|ui-[a-z-]+|inherit|initial|unset|revert|revert-layer|default)$/i;
