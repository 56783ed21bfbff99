import type { Certainty, Flow, Story } from '$lib/story';
import {
	isRelationId,
	laneFeatureId,
	laneLevels,
	shownLevels,
	type Lane,
	type Relations
} from '$lib/story/relations';
import type { LaneStyle } from './layers';
import type { StatefulSource } from './sources';
import { labelFeatureId, relationLabelIds } from './flowLabels';

/*
 * The live map's feature state, in parts that change for different reasons: which lane features
 * are switched off (kind, certainty, date: O(flows), on a toggle), which step back behind a
 * selection, and which features are hovered or selected (a handful, on every pointer move). MapView sends only the difference
 * from what it sent last, so a hover touches two features and no tile is laid out again.
 */

/** A feature of a stateful source, by its story id (the sources promote `id`). */
export interface FeatureTarget {
	source: StatefulSource;
	id: string;
}

/** Ids of `all` not in `shown`: the lane features switched off. */
export function complementOf(all: readonly string[], shown: ReadonlySet<string>): Set<string> {
	return new Set(all.filter((id) => !shown.has(id)));
}

/** The features whose flag (`hidden`, `dim`) must change to go from `before` to `after`. */
export function flagChanges(
	before: ReadonlySet<string>,
	after: ReadonlySet<string>
): { id: string; on: boolean }[] {
	const changes: { id: string; on: boolean }[] = [];
	for (const id of after) if (!before.has(id)) changes.push({ id, on: true });
	for (const id of before) if (!after.has(id)) changes.push({ id, on: false });
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

/** Which source holds each place and area (flows and relations are drawn by lanes, below). */
export function sourceIndex(story: Pick<Story, 'places' | 'areas'>): Map<string, StatefulSource> {
	return new Map<string, StatefulSource>([
		...story.areas.map((a) => [a.id, 'areas'] as const),
		...story.places.map((p) => [p.id, 'places'] as const)
	]);
}

/*
 * Lanes (story/relations.ts): the flows source holds one feature per lane and certainty level, and
 * a story id (a flow, a relation, a place) stands for some of them.
 */

/**
 * The lane features drawn now: each shown lane at its level (see `shownLevels`), and the labels of
 * the shown routed lanes and of relations with a lane shown (flowLabels.ts).
 */
export function shownLaneFeatures(levels: ReadonlyMap<string, Certainty>, relations: Relations): Set<string> {
	const shown = new Set([...levels].map(([lane, level]) => laneFeatureId(lane, level)));
	for (const r of relations.relations) {
		const lanes = r.lanes.filter((l) => levels.has(l.id));
		if (lanes.length > 0) for (const id of relationLabelIds(r.id)) shown.add(id);
		for (const lane of lanes) if (lane.routed) shown.add(labelFeatureId(lane.id));
	}
	return shown;
}

/** Every feature of the flows source that can be switched: lanes at each level, and labels. */
export function allLaneFeatures(relations: Relations): string[] {
	return relations.relations.flatMap((r) => [
		...relationLabelIds(r.id),
		...r.lanes.flatMap((lane) => [
			...laneLevels(lane).map((level) => laneFeatureId(lane.id, level)),
			...(lane.routed ? [labelFeatureId(lane.id)] : [])
		])
	]);
}

/** The shown lane features that draw a story id: a flow's lane, a relation's or a place's lanes. */
export function laneFeaturesOf(
	id: string,
	relations: Relations,
	levels: ReadonlyMap<string, Certainty>
): string[] {
	const lanes: Lane[] = [];
	const flowLane = relations.laneOf.get(id);
	if (flowLane) lanes.push(flowLane);
	else if (isRelationId(id)) lanes.push(...(relations.byId.get(id)?.lanes ?? []));
	else for (const r of relations.relations) if (r.places.includes(id)) lanes.push(...r.lanes);
	return lanes.flatMap((lane) => {
		const level = levels.get(lane.id);
		return level ? [laneFeatureId(lane.id, level)] : [];
	});
}

/**
 * The lane features that step back behind what is in focus (the selection, or a story step's
 * highlights): every shown lane that draws none of the focused flows, relations or places.
 * Nothing dims when no lane owner is in focus (an area, an event, nothing): they are not drawn
 * by lanes.
 */
export function dimmedLaneFeatures(
	focus: readonly string[],
	relations: Relations,
	levels: ReadonlyMap<string, Certainty>
): Set<string> {
	const owners = focus.filter(
		(id) =>
			relations.laneOf.has(id) ||
			relations.byId.has(id) ||
			relations.relations.some((r) => r.places.includes(id))
	);
	if (owners.length === 0) return new Set();
	const keep = new Set(owners.flatMap((id) => laneFeaturesOf(id, relations, levels)));
	return new Set(
		[...levels].map(([lane, level]) => laneFeatureId(lane, level)).filter((id) => !keep.has(id))
	);
}

/**
 * The features that light up for these story ids (the selection, the hovered one): a place or an
 * area itself; a flow's lane; a relation's lanes. A place's lanes do not light up: hovering a city
 * is about the city (a selected place dims the other lanes instead).
 */
export function highlightTargets(
	ids: readonly (string | null)[],
	sourceOf: ReadonlyMap<string, StatefulSource>,
	relations: Relations,
	levels: ReadonlyMap<string, Certainty>
): FeatureTarget[] {
	const out: FeatureTarget[] = [];
	const seen = new Set<string>();
	const add = (t: FeatureTarget) => {
		if (seen.has(key(t))) return;
		seen.add(key(t));
		out.push(t);
	};
	for (const id of ids) {
		if (!id) continue;
		const source = sourceOf.get(id);
		if (source) {
			add({ source, id });
			continue;
		}
		for (const lane of laneFeaturesOf(id, relations, levels)) add({ source: 'flows', id: lane });
	}
	return out;
}

/**
 * What an export map shows of the lanes for the flows shown and what is in focus (no hover): the
 * same three sets the live map keeps as feature state, as literal ids for an export style.
 */
export function exportLaneStyle(
	relations: Relations,
	shownFlows: readonly Flow[],
	focus: readonly string[],
	sourceOf: ReadonlyMap<string, StatefulSource> = new Map()
): LaneStyle {
	const focusedFlows = focus.filter((id) => relations.laneOf.has(id));
	return laneStyleAt(shownLevels(relations, shownFlows, focusedFlows), relations, focus, sourceOf);
}

/** The same, for levels already worked out (AppState has them for the live map). */
export function laneStyleAt(
	levels: ReadonlyMap<string, Certainty>,
	relations: Relations,
	focus: readonly string[],
	sourceOf: ReadonlyMap<string, StatefulSource>
): LaneStyle {
	return {
		shown: [...shownLaneFeatures(levels, relations)],
		active: highlightTargets(focus, sourceOf, relations, levels)
			.filter((t) => t.source === 'flows')
			.map((t) => t.id),
		dimmed: [...dimmedLaneFeatures(focus, relations, levels)]
	};
}
