import { getContext, setContext } from 'svelte';
import { LIGHT, type Palette } from '$lib/map/theme';

/*
 * The map's colours for the page's theme, handed down once by the page: every swatch in the
 * legend, the lists and the details draws with the colours the map draws with. A component
 * mounted on its own (a test) gets the light palette.
 */

const KEY = Symbol('palette');

/** The page: every component below reads `get()` (a getter, so a theme change reaches them). */
export function providePalette(get: () => Palette): void {
	setContext(KEY, get);
}

/** The palette as a getter, to call in markup: `colours().kinds[kind]`. */
export function usePalette(): () => Palette {
	return getContext<(() => Palette) | undefined>(KEY) ?? (() => LIGHT);
}
