/**
 * Light or dark: the reader's system setting (`prefers-color-scheme`) unless the URL pins one
 * with `?theme=light|dark` (an embed on a site that is always light, a test, a desk's check).
 * The page's CSS tokens (components/tokens.css) and the map's palette (map/theme.ts) both follow
 * the one answer of `resolveTheme`; exports are light whatever the page shows, unless asked.
 */

export type ThemeName = 'light' | 'dark';

export const THEMES: readonly ThemeName[] = ['light', 'dark'];

export const THEME_PARAM = 'theme';

/** The media query a dark system setting matches. */
export const DARK_QUERY = '(prefers-color-scheme: dark)';

/** The theme the URL pins, or null (follow the system). Anything else than the two names is ignored. */
export function pinnedTheme(search: string): ThemeName | null {
	const value = new URLSearchParams(search).get(THEME_PARAM);
	return (THEMES as readonly (string | null)[]).includes(value) ? (value as ThemeName) : null;
}

export function resolveTheme(pinned: ThemeName | null, systemDark: boolean): ThemeName {
	return pinned ?? (systemDark ? 'dark' : 'light');
}

/** What the page needs of `matchMedia(DARK_QUERY)`. */
export interface SystemSetting {
	readonly matches: boolean;
	addEventListener(type: 'change', listener: () => void): void;
	removeEventListener(type: 'change', listener: () => void): void;
}

/**
 * Follows the theme for the page's life: calls `apply` now and whenever the system setting
 * changes (unless pinned). Returns the function that stops listening.
 */
export function followTheme(
	pinned: ThemeName | null,
	media: SystemSetting,
	apply: (theme: ThemeName) => void
): () => void {
	apply(resolveTheme(pinned, media.matches));
	if (pinned) return () => {};
	const changed = () => apply(resolveTheme(null, media.matches));
	media.addEventListener('change', changed);
	return () => media.removeEventListener('change', changed);
}
