import type { MultiPolygon, Position } from 'geojson';

/**
 * Makes a country's parts that meet at the antimeridian share their vertices there.
 *
 * Natural Earth cuts Russia (Chukotka, Wrangel Island) and Fiji at ±180°. Once unwrapped the
 * parts touch along the same meridian, but not vertex for vertex: Chukotka's west part ends the
 * cut at 68.9806°N, the east part at 68.9823°N. TopoJSON only shares identical vertex runs, so
 * the cut would stay a line inside the country (a seam in the fill and a false coastline in the
 * merged land). Inserting each part's cut vertices into the collinear cut edges of the others
 * lets TopoJSON see the shared run, and the world build then dissolves it.
 */

const SEAM_LONGITUDES = [-180, 180];

export function shareSeamVertices(geometry: MultiPolygon): MultiPolygon {
	const onSeam = new Map<number, number[]>();
	for (const polygon of geometry.coordinates) {
		for (const ring of polygon) {
			for (const [lon, lat] of ring) {
				if (lon === undefined || lat === undefined || !SEAM_LONGITUDES.includes(lon)) continue;
				const lats = onSeam.get(lon) ?? [];
				lats.push(lat);
				onSeam.set(lon, lats);
			}
		}
	}
	if (onSeam.size === 0) return geometry;
	return {
		...geometry,
		coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => withSeamVertices(ring, onSeam)))
	};
}

function withSeamVertices(ring: Position[], onSeam: Map<number, number[]>): Position[] {
	const out: Position[] = [];
	ring.forEach((point, index) => {
		const previous = ring[index - 1];
		if (previous && previous[0] === point[0] && point[0] !== undefined) {
			const from = previous[1] ?? 0;
			const to = point[1] ?? 0;
			const between = (onSeam.get(point[0]) ?? [])
				.filter((lat) => (lat - from) * (lat - to) < 0)
				.sort((a, b) => (to > from ? a - b : b - a));
			for (const lat of new Set(between)) out.push([point[0], lat]);
		}
		out.push(point);
	});
	return out;
}
