import type { Feature, FeatureCollection, LineString, Point, Polygon, MultiPolygon } from 'geojson';
import type { Story } from '$lib/story';
import { laneFeatureId, laneLevels, type Relations } from '$lib/story/relations';
import { buildLaneLines } from '$lib/geo/flowLines';
import { flowLabelFeatures } from './flowLabels';
import { isolate } from '$lib/i18n/bidi';

/**
 * A bow of at most ~40 px at zoom 3 (world 4096 px wide): Moscow–Pyongyang curves gently rather
 * than over half of Asia.
 */
const LANE_LINE_OPTIONS = { maxBow: 0.01 };

/**
 * The lanes as the map draws them: one feature per lane and certainty level among its flows, so
 * a lane can be drawn at the level of its surest shown claim (story/relations.ts) by feature state
 * alone. Kind, certainty and offset are plain properties the style reads; which features show is
 * decided by the visibility rule in JavaScript, never by a second copy of it in the style.
 */
export function laneFeatures(story: Story, relations: Relations): FeatureCollection<LineString | Point> {
	const coords = Object.fromEntries(story.places.map((p) => [p.id, p.coord])) as Record<
		string,
		[number, number]
	>;
	const lines = buildLaneLines(relations, coords, LANE_LINE_OPTIONS);
	const features: Feature<LineString | Point>[] = [];
	for (const relation of relations.relations) {
		for (const lane of relation.lanes) {
			for (const certainty of laneLevels(lane)) {
				features.push({
					type: 'Feature',
					properties: {
						id: laneFeatureId(lane.id, certainty),
						lane: lane.id,
						relation: relation.id,
						kind: lane.kind,
						certainty,
						// Two-way relations (trade, letters) get no arrowheads.
						mutual: lane.direction === 'mutual',
						// In half lane widths: an integer, as the style's `match` on it needs.
						halfLanes: Math.round(lane.offset * 2)
					},
					geometry: { type: 'LineString', coordinates: lines.get(lane.id) ?? [] }
				});
			}
		}
	}
	features.push(...flowLabelFeatures(story, relations, lines));
	return { type: 'FeatureCollection', features };
}

/** Each flow's drawn line (its lane's) by flow id: framing a flow. */
export function lineIndex(
	lanes: FeatureCollection<LineString | Point>,
	relations: Relations
): Map<string, LineString['coordinates']> {
	const byLane = new Map<string, LineString['coordinates']>();
	for (const f of lanes.features) {
		if (f.geometry.type === 'LineString' && f.properties?.lane)
			byLane.set(String(f.properties.lane), f.geometry.coordinates);
	}
	const out = new Map<string, LineString['coordinates']>();
	for (const [flowId, lane] of relations.laneOf) {
		const line = byLane.get(lane.id);
		if (line) out.set(flowId, line);
	}
	return out;
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
				// The map label: the name, and the caption on a second line where there is one, each
				// isolated (i18n/bidi.ts): a line break ends a bidi paragraph on the map, but the
				// SVG export draws both lines in one <text>, which some renderers order as one.
				label_de: area.caption ? `${isolate(area.name.de)}\n${isolate(area.caption.de)}` : area.name.de,
				label_en: area.caption ? `${isolate(area.name.en)}\n${isolate(area.caption.en)}` : area.name.en,
				...(area.labelAt ? { labelAt: area.labelAt } : {})
			},
			geometry: shape.geometry
		});
	}
	return { type: 'FeatureCollection', features };
}

/**
 * One label point per area: where the story puts it (`labelAt`), else the centroid of its largest
 * part, which lies inside for these shapes.
 * With `within` (the story's first views, intersected) the part in that box is measured, so the
 * name sits where every first view shows it, not half off a phone's screen.
 */
export function areaLabelFeatures(
	areas: FeatureCollection<Polygon | MultiPolygon>,
	within?: Bounds
): FeatureCollection<Point> {
	return {
		type: 'FeatureCollection',
		features: areas.features.map((area) => {
			const { labelAt, ...properties } = area.properties ?? {};
			const clipped = within ? clipToBox(area.geometry, within) : null;
			const shape = clipped && clipped.coordinates.length > 0 ? clipped : area.geometry;
			const at = Array.isArray(labelAt) ? (labelAt as [number, number]) : largestPartCentroid(shape);
			return { type: 'Feature', properties, geometry: { type: 'Point', coordinates: [...at] } };
		})
	};
}

type Bounds = readonly [readonly [number, number], readonly [number, number]];

/** The outer rings of a shape cut to a box (Sutherland–Hodgman; holes are left out). */
function clipToBox(geometry: Polygon | MultiPolygon, box: Bounds): MultiPolygon {
	const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	const [[w, s], [e, n]] = box;
	const edges: ((p: number[]) => boolean)[] = [
		(p) => p[0]! >= w,
		(p) => p[0]! <= e,
		(p) => p[1]! >= s,
		(p) => p[1]! <= n
	];
	const cross = (a: number[], b: number[], edge: number): number[] => {
		const [ax, ay] = a as [number, number];
		const [bx, by] = b as [number, number];
		const bound = [w, e, s, n][edge]!;
		const t = edge < 2 ? (bound - ax) / (bx - ax) : (bound - ay) / (by - ay);
		return [ax + (bx - ax) * t, ay + (by - ay) * t];
	};
	const out: number[][][][] = [];
	for (const polygon of polygons) {
		let ring = polygon[0] ?? [];
		edges.forEach((isIn, edge) => {
			const next: number[][] = [];
			ring.forEach((p, i) => {
				const prev = ring[(i + ring.length - 1) % ring.length]!;
				if (isIn(p)) {
					if (!isIn(prev)) next.push(cross(prev, p, edge));
					next.push(p);
				} else if (isIn(prev)) next.push(cross(prev, p, edge));
			});
			ring = next;
		});
		if (ring.length >= 3) out.push([ring]);
	}
	return { type: 'MultiPolygon', coordinates: out };
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

/**
 * The basemap's country label points, with the story's own places for its countries' names
 * (presentation `countryLabels`): the map and the SVG export both read this.
 */
export function countryLabelsFor(
	labels: FeatureCollection<Point>,
	at: Readonly<Record<string, [number, number]>>
): FeatureCollection<Point> {
	if (Object.keys(at).length === 0) return labels;
	return {
		...labels,
		features: labels.features.map((f) => {
			const id = String(f.properties?.id ?? f.id);
			const moved = Object.hasOwn(at, id) ? at[id] : undefined;
			return moved ? { ...f, geometry: { type: 'Point', coordinates: [...moved] } } : f;
		})
	};
}
