import type { Feature, FeatureCollection, LineString, Point, Polygon, MultiPolygon } from 'geojson';
import type { Story } from '$lib/story';
import { whenStartIndex } from '$lib/story/when';
import { buildFlowLines } from '$lib/geo/flowLines';

/**
 * Lanes of about 9 px at zoom 3 (world 4096 px wide) and a bow of at most ~40 px: a bundle of
 * parallel curves between Moscow and Pyongyang rather than a fan across Asia.
 */
const FLOW_LINE_OPTIONS = { maxBow: 0.01, maxLaneGap: 0.0022 };

/**
 * Turns the story into the GeoJSON the map draws. Everything the style filters on (kind,
 * certainty, start month) is a plain property, so toggles only change filters, never data.
 */
export function flowFeatures(story: Story): FeatureCollection<LineString> {
	const coords = Object.fromEntries(story.places.map((p) => [p.id, p.coord])) as Record<
		string,
		[number, number]
	>;
	const lines = buildFlowLines(story.flows, coords, FLOW_LINE_OPTIONS);
	return {
		type: 'FeatureCollection',
		features: story.flows.map((flow) => {
			return {
				type: 'Feature',
				properties: {
					id: flow.id,
					kind: flow.kind,
					certainty: flow.certainty,
					// Two-way relations (trade, letters) get no arrowheads.
					mutual: flow.mutual === true,
					start: whenStartIndex(flow.when),
					name_de: flow.label.de,
					name_en: flow.label.en
				},
				geometry: { type: 'LineString', coordinates: lines.get(flow.id) ?? [] }
			};
		})
	};
}

/** Each flow's drawn line by flow id (framing a flow, exports). */
export function lineIndex(lines: FeatureCollection<LineString>): Map<string, LineString['coordinates']> {
	return new Map(lines.features.map((f) => [String(f.properties?.id), f.geometry.coordinates]));
}

export function placeFeatures(story: Story): FeatureCollection<Point> {
	return {
		type: 'FeatureCollection',
		features: story.places.map((place) => ({
			type: 'Feature',
			properties: { id: place.id, role: place.role, name_de: place.name.de, name_en: place.name.en },
			geometry: { type: 'Point', coordinates: place.coord }
		}))
	};
}

/**
 * Gives the built area geometries (geo/build.ts) the story's names and kinds, and drops any
 * geometry the story does not describe.
 */
export function areaFeatures(
	story: Story,
	geometries: FeatureCollection<Polygon | MultiPolygon>
): FeatureCollection<Polygon | MultiPolygon> {
	const byId = new Map(geometries.features.map((f) => [String(f.id ?? f.properties?.id), f]));
	const features: Feature<Polygon | MultiPolygon>[] = [];
	for (const area of story.areas) {
		const shape = byId.get(area.id);
		if (!shape) continue;
		features.push({
			type: 'Feature',
			properties: {
				id: area.id,
				kind: area.kind,
				name_de: area.name.de,
				name_en: area.name.en,
				// The map label: the name, and the caption on a second line where there is one.
				label_de: area.caption ? `${area.name.de}\n${area.caption.de}` : area.name.de,
				label_en: area.caption ? `${area.name.en}\n${area.caption.en}` : area.name.en
			},
			geometry: shape.geometry
		});
	}
	return { type: 'FeatureCollection', features };
}

/** One label point per area: the centroid of its largest part, which lies inside for these shapes. */
export function areaLabelFeatures(
	areas: FeatureCollection<Polygon | MultiPolygon>
): FeatureCollection<Point> {
	return {
		type: 'FeatureCollection',
		features: areas.features.map((area) => ({
			type: 'Feature',
			properties: { ...area.properties },
			geometry: { type: 'Point', coordinates: largestPartCentroid(area.geometry) }
		}))
	};
}

function ringAreaAndCentroid(ring: number[][]): { area: number; x: number; y: number } {
	let area = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const [x0, y0] = ring[j] as [number, number];
		const [x1, y1] = ring[i] as [number, number];
		const cross = x0 * y1 - x1 * y0;
		area += cross;
		cx += (x0 + x1) * cross;
		cy += (y0 + y1) * cross;
	}
	area /= 2;
	return area === 0
		? { area: 0, x: ring[0]?.[0] ?? 0, y: ring[0]?.[1] ?? 0 }
		: { area, x: cx / (6 * area), y: cy / (6 * area) };
}

export function largestPartCentroid(geometry: Polygon | MultiPolygon): [number, number] {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	let best = { area: -1, x: 0, y: 0 };
	for (const polygon of polygons) {
		const outer = polygon[0];
		if (!outer) continue;
		const c = ringAreaAndCentroid(outer);
		if (Math.abs(c.area) > best.area) best = { ...c, area: Math.abs(c.area) };
	}
	return [best.x, best.y];
}

/** The ids of a collection of area shapes (by property, as the geo build writes them). */
export function shapeIds(shapes: FeatureCollection): Set<string> {
	return new Set(shapes.features.map((f) => String(f.properties?.id ?? f.id)));
}
