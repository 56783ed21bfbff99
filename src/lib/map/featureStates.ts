import type { Flow, Story } from '$lib/story';
import type { StatefulSource } from './sources';

/*
 * The live map's feature state, in two parts that change for different reasons: which flows the
 * reader switched off (kind, certainty, month: O(flows), on a toggle) and which features are
 * hovered or selected (at most two, on every pointer move). MapView sends only the difference
 * from what it sent last, so a hover touches two features and no tile is laid out again.
 */

/** A feature of a stateful source, by its story id (the sources promote `id`). */
export interface FeatureTarget {
	source: StatefulSource;
	id: string;
}

/** Ids of the flows switched off: all but the drawn ones (the list the legend shows). */
export function hiddenFlowIds(flows: readonly Flow[], drawn: readonly Flow[]): Set<string> {
	const shown = new Set(drawn.map((f) => f.id));
	return new Set(flows.filter((f) => !shown.has(f.id)).map((f) => f.id));
}

/** The flows whose `hidden` state must change to go from `before` to `after`. */
export function hiddenChanges(
	before: ReadonlySet<string>,
	after: ReadonlySet<string>
): { id: string; hidden: boolean }[] {
	const changes: { id: string; hidden: boolean }[] = [];
	for (const id of after) if (!before.has(id)) changes.push({ id, hidden: true });
	for (const id of before) if (!after.has(id)) changes.push({ id, hidden: false });
	return changes;
}

const key = (t: FeatureTarget) => `${t.source}\u0000${t.id}`;

/** The targets whose `active` state must change to go from `before` to `after`. */
export function activeChanges(
	before: readonly FeatureTarget[],
	after: readonly FeatureTarget[]
): { target: FeatureTarget; active: boolean }[] {
	const was = new Set(before.map(key));
	const is = new Set(after.map(key));
	return [
		...before.filter((t) => !is.has(key(t))).map((target) => ({ target, active: false })),
		...after.filter((t) => !was.has(key(t))).map((target) => ({ target, active: true }))
	];
}

/** Which stateful source holds each story id. */
export function sourceIndex(story: Pick<Story, 'flows' | 'places' | 'areas'>): Map<string, StatefulSource> {
	return new Map<string, StatefulSource>([
		...story.areas.map((a) => [a.id, 'areas'] as const),
		...story.places.map((p) => [p.id, 'places'] as const),
		...story.flows.map((f) => [f.id, 'flows'] as const)
	]);
}
