import type { Map as MapLibreMap } from 'maplibre-gl';
import { arrowImage } from './arrowImage';
import { ARROW_IMAGE } from './style';

/**
 * Gives a map the images our style names (the flow arrowhead), on demand. Every map that draws
 * the style (the live one and offscreen export maps) calls this once after creation; MapLibre
 * waits for the resolver, so the image is there before the first frame that needs it.
 */
export function provideStyleImages(map: MapLibreMap): void {
	map.setMissingStyleImageResolver((id) => {
		if (id === ARROW_IMAGE && !map.hasImage(ARROW_IMAGE)) {
			map.addImage(ARROW_IMAGE, arrowImage(32), { sdf: true, pixelRatio: 2 });
		}
	});
}
