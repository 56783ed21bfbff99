import {
	AREA_KINDS,
	CERTAINTIES,
	FLOW_KINDS,
	type Area,
	type AreaKind,
	type Certainty,
	type Flow,
	type FlowKind,
	type Place
} from '$lib/story';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { boundsOf } from '$lib/geo/bounds';
import { isAreaShown } from './visibility';
import type { ViewSnapshot } from './view.svelte';

/** How many flows of each kind and each certainty level a list holds (one pass). */
export interface FlowCounts {
	kinds: Record<FlowKind, number>;
	certainties: Record<Certainty, number>;
}

export function countFlows(flows: readonly Flow[]): FlowCounts {
	const kinds = Object.fromEntries(FLOW_KINDS.map((k) => [k, 0])) as Record<FlowKind, number>;
	const certainties = Object.fromEntries(CERTAINTIES.map((c) => [c, 0])) as Record<Certainty, number>;
	for (const flow of flows) {
		kinds[flow.kind]++;
		certainties[flow.certainty]++;
	}
	return { kinds, certainties };
}

/** What a legend lists for the flows drawn: the kinds and certainty levels present, in order. */
export interface LegendEntries {
	kinds: { kind: FlowKind; count: number }[];
	certainties: { certainty: Certainty; count: number }[];
}

/** The one legend rule, for the map's legend and every export's: what is drawn, nothing else. */
export function legendEntries(drawn: readonly Flow[]): LegendEntries {
	const counts = countFlows(drawn);
	return {
		kinds: FLOW_KINDS.map((kind) => ({ kind, count: counts.kinds[kind] })).filter((k) => k.count > 0),
		certainties: CERTAINTIES.map((certainty) => ({ certainty, count: counts.certainties[certainty] })).filter(
			(c) => c.count > 0
		)
	};
}

/** Which place symbols the map draws (every legend keys only those). */
export function placeSymbolsOf(places: readonly Pick<Place, 'role'>[]): { capital: boolean; other: boolean } {
	return {
		capital: places.some((p) => p.role === 'capital'),
		other: places.some((p) => p.role !== 'capital')
	};
}

/** The kinds of area with something drawn now, in legend order (every legend keys these). */
export function shownAreaKinds(
	areas: readonly Pick<Area, 'id' | 'kind' | 'when'>[],
	view: Pick<ViewSnapshot, 'showPatrolWaters' | 'showRegions' | 'until'>,
	/** An export's picture: only the areas that reach into it count. */
	picture?: PictureExtent
): AreaKind[] {
	return AREA_KINDS.filter((kind) =>
		areas.some((a) => a.kind === kind && isAreaShown(a, view) && (!picture || areaInPicture(a.id, picture)))
	);
}

type Bounds = readonly [readonly [number, number], readonly [number, number]];

/**
 * What an export's map shows (framing.ts pictureBounds) and each area's extent: its legend and
 * alt text name only what is in the picture (a Korea frame keys no region in Ukraine).
 */
export interface PictureExtent {
	bounds: Bounds;
	/** Each area's [[west, south], [east, north]]; an area not listed counts as in the picture. */
	areaBounds: ReadonlyMap<string, Bounds>;
}

/** Whether a point is in the picture (also as its copy one world east or west). */
export function pointInPicture([lon, lat]: readonly [number, number], { bounds }: PictureExtent): boolean {
	const [[w, s], [e, n]] = bounds;
	return lat >= s && lat <= n && [lon, lon - 360, lon + 360].some((x) => x >= w && x <= e);
}

/** Each area shape's extent, by its `id` property (for PictureExtent.areaBounds). */
export function areaExtents(shapes: FeatureCollection<Polygon | MultiPolygon>): Map<string, Bounds> {
	const out = new Map<string, Bounds>();
	for (const f of shapes.features) {
		const rings = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
		const b = boundsOf(rings.flat(2));
		if (b && f.properties?.id !== undefined) out.set(String(f.properties.id), b);
	}
	return out;
}

export function areaInPicture(id: string, { bounds, areaBounds }: PictureExtent): boolean {
	const area = areaBounds.get(id);
	if (!area) return true;
	const [[w, s], [e, n]] = bounds;
	const [[aw, as], [ae, an]] = area;
	return as <= n && an >= s && [0, -360, 360].some((k) => aw + k <= e && ae + k >= w);
}
