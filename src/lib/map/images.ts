import type { Map as MapLibreMap } from 'maplibre-gl';
import { arrowImage } from './arrowImage';
import { ARROW_IMAGE } from './layers';

/** The arrowhead image's side in CSS px at icon-size 1 (drawn at twice that, for sharp screens). */
export const ARROW_IMAGE_PX = 16;

/**
 * Gives a map the images our style names (the flow arrowhead), on demand. Every map that draws
 * the style (the live one and offscreen export maps) calls this once after creation; MapLibre
 * waits for the resolver, so the image is there before the first frame that needs it.
 */
export function provideStyleImages(map: MapLibreMap): void {
	const addArrow = (id: string) => {
		if (id === ARROW_IMAGE && !map.hasImage(ARROW_IMAGE)) {
			map.addImage(ARROW_IMAGE, arrowImage(ARROW_IMAGE_PX * 2), { sdf: true, pixelRatio: 2 });
		}
	};
	map.setMissingStyleImageResolver(addArrow);
	// The resolver runs before a tile is laid out; the event is MapLibre's fallback after it.
	map.on('styleimagemissing', (e) => addArrow(e.id));
}
