import { area, simplify, truncate } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { AREA_COORDINATE_PRECISION, AREA_SIMPLIFY_TOLERANCE } from '../config';

/**
 * Final touches shared by every shipped area: simplified moderately (no vertex the reader could
 * see goes), rounded to a fixed precision, and cleaned of what rounding breaks, so that every
 * ring stays a valid ring for MapLibre and turf alike.
 */

export type AreaGeometry = Polygon | MultiPolygon;

/** Parts and holes smaller than minPartKm2 go first: specks only add vertices. */
export function finishArea(geometry: AreaGeometry, minPartKm2: number): AreaGeometry {
	const parts = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
		.map((rings) => rings.filter((ring, index) => index === 0 || ringKm2(ring) >= minPartKm2))
		.filter((rings) => rings[0] !== undefined && ringKm2(rings[0]) >= minPartKm2);
	const kept: MultiPolygon = { type: 'MultiPolygon', coordinates: parts };
	const simplified = simplify(kept, { tolerance: AREA_SIMPLIFY_TOLERANCE, highQuality: true });
	const rounded = truncate(simplified, { precision: AREA_COORDINATE_PRECISION, coordinates: 2 });
	const cleaned = rounded.coordinates
		.map((rings) => rings.map(dropRepeatedPoints))
		.filter((rings) => (rings[0]?.length ?? 0) >= 4)
		.map((rings) => rings.filter((ring) => ring.length >= 4));
	const [only] = cleaned;
	return cleaned.length === 1 && only
		? { type: 'Polygon', coordinates: only }
		: { type: 'MultiPolygon', coordinates: cleaned };
}

/** The part with the largest area, with its holes. */
export function largestPart(geometry: AreaGeometry): Polygon {
	if (geometry.type === 'Polygon') return geometry;
	let best: Position[][] = [];
	let bestArea = -1;
	for (const rings of geometry.coordinates) {
		const size = area({ type: 'Polygon', coordinates: rings });
		if (size > bestArea) {
			best = rings;
			bestArea = size;
		}
	}
	return { type: 'Polygon', coordinates: best };
}

function ringKm2(ring: Position[]): number {
	return area({ type: 'Polygon', coordinates: [ring] }) / 1e6;
}

function dropRepeatedPoints(ring: Position[]): Position[] {
	return ring.filter((point, index) => {
		const previous = ring[index - 1];
		return !previous || previous[0] !== point[0] || previous[1] !== point[1];
	});
}
