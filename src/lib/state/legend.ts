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
	areas: readonly Pick<Area, 'kind' | 'when'>[],
	view: Pick<ViewSnapshot, 'showPatrolWaters' | 'showRegions' | 'until'>
): AreaKind[] {
	return AREA_KINDS.filter((kind) => areas.some((a) => a.kind === kind && isAreaShown(a, view)));
}
