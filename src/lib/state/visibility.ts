import type { Area, Certainty, Flow, FlowKind } from '$lib/story';
import { CERTAINTIES } from '$lib/story';
import { timeKey, whenStartKey } from '$lib/story/when';
import type { ViewSnapshot } from './view.svelte';

/*
 * Which flows are drawn: the rule, once, in JavaScript. The legend, the lists, the data exports
 * and the map all read it; the map through the lanes it decides (AppState: feature state live,
 * literal ids in export styles), so there is no second copy of it in the style.
 */

/** The part of the view state that decides which flows are drawn. */
export interface FlowVisibility {
	kinds: readonly FlowKind[];
	certainty: Certainty;
	/** The timeline's date ('YYYY-MM-DD' or 'YYYY-MM'): what had begun by then; null = all. */
	until: string | null;
}

/** What the rule looks at: a flow's kind, certainty and start (a time key; null: undated). */
export interface FlowFacts {
	kind: FlowKind;
	certainty: Certainty;
	start: string | null;
}

/** The rule itself, on a flow's facts (as the map's flow features carry them too). */
export function passesVisibility(f: FlowFacts, v: FlowVisibility): boolean {
	return v.kinds.includes(f.kind) && passesCertaintyAndTime(f, v);
}

/** The rule without the kind: what each kind's checkbox would show (its count). */
export function passesCertaintyAndTime(
	f: Omit<FlowFacts, 'kind'>,
	v: Pick<FlowVisibility, 'certainty' | 'until'>
): boolean {
	return certaintyAndTimeFilter(v)(f);
}

/**
 * The same rule for one view, with what depends only on the view (the certainty's rank, the
 * date's time key) worked out once: a story's flows are filtered by it on every change.
 */
export function certaintyAndTimeFilter(
	v: Pick<FlowVisibility, 'certainty' | 'until'>
): (f: Omit<FlowFacts, 'kind'>) => boolean {
	const rank = CERTAINTIES.indexOf(v.certainty);
	const end = v.until === null ? null : timeKey(v.until);
	return (f) => CERTAINTIES.indexOf(f.certainty) <= rank && begunBy(f.start, v.until, end);
}

/** Whether something starting at `start` (a time key) shows at `until`, whose key is `end`. */
function begunBy(start: string | null, until: string | null, end: string | null): boolean {
	// Undated: only when no date is chosen (see story/when.ts).
	return until === null || (start !== null && end !== null && start <= end);
}

/**
 * The time part of the rule, for flows and areas alike: at a chosen date, what had begun by then
 * (see story/when.ts); something undated only when no date is chosen.
 */
export function passesTime(start: string | null, until: string | null): boolean {
	return begunBy(start, until, until === null ? null : timeKey(until));
}

/** A flow's facts, read once per story rather than on every toggle. */
export function flowFacts(flow: Flow): FlowFacts {
	return { kind: flow.kind, certainty: flow.certainty, start: whenStartKey(flow.when) };
}

/** Whether a flow is drawn. */
export function isFlowVisible(flow: Flow, v: FlowVisibility): boolean {
	return passesVisibility(flowFacts(flow), v);
}

/** The view's switch for each kind of area (the layer panel, the legend and the exports read it). */
export const AREA_SWITCH = {
	'patrol-waters': 'showPatrolWaters',
	'recognised-region': 'showRegions'
} as const;

/** Whether an area is drawn: its kind switched on, and begun by the timeline's date. */
export function isAreaShown(
	area: Pick<Area, 'kind' | 'when'>,
	view: Pick<ViewSnapshot, 'showPatrolWaters' | 'showRegions' | 'until'>
): boolean {
	return isAreaKindShown(area.kind, view) && hasBegun(area, view.until);
}

/** The time half of the area rule: whether an area had begun by the timeline's date. */
export function hasBegun(item: Pick<Area, 'when'>, until: string | null): boolean {
	return passesTime(whenStartKey(item.when), until);
}

/** Whether an area of this kind is switched on. */
export function isAreaKindShown(
	kind: unknown,
	view: Pick<ViewSnapshot, 'showPatrolWaters' | 'showRegions'>
): boolean {
	return typeof kind === 'string' && Object.hasOwn(AREA_SWITCH, kind)
		? view[AREA_SWITCH[kind as keyof typeof AREA_SWITCH]]
		: false;
}
