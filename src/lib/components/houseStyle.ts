import { houseProperties } from '$lib/story/house';
import type { HouseStyle } from '$lib/story';

/*
 * Puts a story's house style on the page: its accent and text face as the tokens' custom
 * properties on <html> (through the CSSOM, which the strict CSP allows; a style attribute in the
 * markup it would not), and its font files as FontFaces from the site's own origin. Undone for
 * the next story, so one newsroom's look never leaks into another's map.
 */

/** Applies the house style; returns the function that takes it off again. */
export function applyHouseStyle(root: HTMLElement, house: HouseStyle | undefined, base: string): () => void {
	const properties = houseProperties(house);
	for (const [name, value] of Object.entries(properties)) root.style.setProperty(name, value);
	const faces: FontFace[] = [];
	const font = house?.font;
	if (font) {
		const files: [string, string][] = [['400', font.regular]];
		if (font.bold) files.push(['700', font.bold]);
		for (const [weight, path] of files) {
			const face = new FontFace(font.family, `url(${JSON.stringify(new URL(path, base).href)})`, {
				weight,
				display: 'swap'
			});
			document.fonts.add(face);
			faces.push(face);
			// Loaded now, not at first use; a face that fails leaves the page its own.
			face.load().catch((e: unknown) => {
				console.warn(`House font ${font.family} ${weight} did not load (the page keeps Noto Sans):`, e);
			});
		}
	}
	return () => {
		for (const name of Object.keys(properties)) root.style.removeProperty(name);
		for (const f of faces) document.fonts.delete(f);
	};
}
