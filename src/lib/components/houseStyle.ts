import { houseProperties } from '$lib/story/house';
import type { HouseStyle } from '$lib/story';

/*
 * Puts a story's house style on the page: its accent and text face as the tokens' custom
 * properties on <html> (through the CSSOM, which the strict CSP allows; a style attribute in the
 * markup it would not), and its font files as FontFaces from the site's own origin. Undone for
 * the next story, so one newsroom's look never leaks into another's map.
 */

export interface HouseStyleHandle {
	/** Resolves when the faces are loaded (or failed: the page keeps its own face then). */
	ready: Promise<void>;
	remove: () => void;
}

export function applyHouseStyle(
	root: HTMLElement,
	house: HouseStyle | undefined,
	base: string
): HouseStyleHandle {
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
		}
	}
	const ready = Promise.all(
		faces.map((f) =>
			f.load().catch((e: unknown) => {
				console.warn(`House font ${f.family} ${f.weight} did not load (the page keeps Noto Sans):`, e);
			})
		)
	).then(() => {});
	return {
		ready,
		remove() {
			for (const name of Object.keys(properties)) root.style.removeProperty(name);
			for (const f of faces) document.fonts.delete(f);
		}
	};
}
