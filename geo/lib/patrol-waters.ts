import { bbox, difference, featureCollection } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../config';
import { finishArea, largestPart, type AreaGeometry } from './area-shape';
import { clipToBox, type IndexedPolygons } from './land';

/**
 * The waters the submarine is to patrol: the hand-drawn outline minus Natural Earth 10m land.
 * The outline's vertices sit on land or across strait mouths; the sea's real edge is the coast.
 */

/** Islands smaller than this (km²) become sea: at zoom 6 they are about a pixel. */
const MIN_ISLAND_KM2 = 1;

export function buildPatrolWaters(outline: Feature<Polygon>, land: IndexedPolygons): AreaGeometry {
	const box = bbox(outline) as BBox;
	const landInBox = clipToBox(land, box);
	const sea: Feature<Polygon | MultiPolygon> | null = landInBox
		? difference(featureCollection<Polygon | MultiPolygon>([outline, landInBox]))
		: outline;
	if (!sea) throw new Error('Patrol-waters outline lies entirely on land');
	// Only the one sea body counts: bays the outline happens to cut off beyond a peninsula
	// (Uchiura, the Seto Inland Sea) are separate pieces of water, not the waters in question.
	return finishArea(largestPart(sea.geometry), MIN_ISLAND_KM2);
}
