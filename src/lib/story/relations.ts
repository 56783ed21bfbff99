import { CERTAINTIES, FLOW_KINDS, type Certainty, type Flow, type FlowKind } from './vocabulary';

/*
 * Relations and lanes: how the story's flows are drawn, as flowmap.gl aggregates them.
 *
 * A relation is everything the story says about one pair of places, whichever way it runs. A lane
 * is one stroke of a relation: all its flows of one kind in one direction (or both ways, for mutual
 * flows). So 13 claims between Moscow and Pyongyang become 10 strokes in one cable, not 13
 * crossing arcs. A lane is drawn as sure as the surest of its claims that is shown (see
 * `shownLevels`), which is that claim's own certainty, never more; the relation's panel lists every
 * claim with its own.
 *
 * A flow with a route of its own (`via`) keeps its own lane: its shape is a claim about the route.
 */

/** Which way a lane runs: with the pair's canonical order, against it, or both ways. */
export type LaneDirection = 'forward' | 'backward' | 'mutual';

export interface Lane {
	/** Stable within a story: `<relation>/<direction>/<kind>`, or `<relation>/route/<flow id>`. */
	id: string;
	relation: string;
	/** Direction of travel (for mutual lanes, the pair's canonical order). */
	from: string;
	to: string;
	kind: FlowKind;
	direction: LaneDirection;
	/** The flow's own route, for a routed lane. */
	routed: boolean;
	/** The lane's flows, in story order. */
	flows: Flow[];
	/**
	 * Where the lane runs beside the pair's centre line, in lane widths, to the right of its own
	 * direction of travel: flows each way keep to their right, mutual ones share the middle.
	 */
	offset: number;
}

export interface Relation {
	/** `<first place>~<second place>`, the places in code-unit order: one id whichever way. */
	id: string;
	places: [string, string];
	lanes: Lane[];
	/** Every flow between the two places, in story order. */
	flows: Flow[];
}

export interface Relations {
	relations: Relation[];
	/** Relation by id. */
	byId: ReadonlyMap<string, Relation>;
	/** The lane that draws each flow, by flow id. */
	laneOf: ReadonlyMap<string, Lane>;
	/** Lane by lane id. */
	lanes: ReadonlyMap<string, Lane>;
}

/** Code-unit order: deterministic and independent of the runtime's locale. */
const before = (a: string, b: string) => a < b;

/** The relation id of a pair of places, in either order. */
export function relationId(a: string, b: string): string {
	return before(b, a) ? `${b}~${a}` : `${a}~${b}`;
}

/** Whether an id names a relation (story ids are slugs and never contain `~`). */
export function isRelationId(id: string): boolean {
	return id.includes('~');
}

const kindRank = (k: FlowKind) => FLOW_KINDS.indexOf(k);

/** Groups the story's flows into relations and lanes, lanes ordered by kind (legend order). */
export function relationsOf(flows: readonly Flow[]): Relations {
	const byId = new Map<string, Relation>();
	const lanes = new Map<string, Lane>();
	const laneOf = new Map<string, Lane>();
	for (const flow of flows) {
		const rid = relationId(flow.from, flow.to);
		let relation = byId.get(rid);
		if (!relation) {
			const places: [string, string] = before(flow.to, flow.from)
				? [flow.to, flow.from]
				: [flow.from, flow.to];
			relation = { id: rid, places, lanes: [], flows: [] };
			byId.set(rid, relation);
		}
		relation.flows.push(flow);
		const routed = (flow.via?.length ?? 0) > 0;
		const direction: LaneDirection = flow.mutual
			? 'mutual'
			: flow.from === relation.places[0]
				? 'forward'
				: 'backward';
		const laneId = routed ? `${rid}/route/${flow.id}` : `${rid}/${direction}/${flow.kind}`;
		let lane = lanes.get(laneId);
		if (!lane) {
			const [from, to] =
				direction === 'backward' ? [relation.places[1], relation.places[0]] : relation.places;
			lane = {
				id: laneId,
				relation: rid,
				from,
				to,
				kind: flow.kind,
				direction,
				routed,
				flows: [],
				offset: 0
			};
			lanes.set(laneId, lane);
			relation.lanes.push(lane);
		}
		lane.flows.push(flow);
		laneOf.set(flow.id, lane);
	}
	for (const relation of byId.values()) placeLanes(relation.lanes);
	return { relations: [...byId.values()], byId, laneOf, lanes };
}

/**
 * Offsets of a relation's arc lanes: mutual lanes centred on the pair's line, then each direction's
 * lanes outwards on its own right, in kind order, one lane width apart. Routed lanes stay at 0.
 */
function placeLanes(lanes: Lane[]): void {
	const arcs = lanes.filter((l) => !l.routed);
	arcs.sort((a, b) => kindRank(a.kind) - kindRank(b.kind));
	const mutual = arcs.filter((l) => l.direction === 'mutual');
	mutual.forEach((lane, i) => (lane.offset = i - (mutual.length - 1) / 2));
	for (const direction of ['forward', 'backward'] as const) {
		arcs
			.filter((l) => l.direction === direction)
			.forEach((lane, i) => (lane.offset = mutual.length / 2 + i + 0.5));
	}
	// A lone lane runs on the pair's line itself.
	if (arcs.length === 1 && arcs[0]) arcs[0].offset = 0;
	// Lanes in order across the cable, so the relation's panel and the map agree.
	lanes.sort((a, b) => position(a) - position(b) || kindRank(a.kind) - kindRank(b.kind));
}

/** A lane's place across its relation, on the canonical direction's right-hand axis. */
function position(lane: Lane): number {
	if (lane.routed) return Number.POSITIVE_INFINITY;
	return lane.direction === 'backward' ? -lane.offset : lane.offset;
}

const surer = (a: Certainty | undefined, b: Certainty): Certainty =>
	a === undefined || CERTAINTIES.indexOf(b) < CERTAINTIES.indexOf(a) ? b : a;

/**
 * The certainty level each lane is drawn at, for the flows now shown: the surest of its shown
 * flows, or, when claims in the lane are in focus (the selected claim, a story step's), the
 * surest of those: a claim the reader is pointed at is never drawn surer than it is. Lanes with
 * nothing shown are absent.
 */
export function shownLevels(
	relations: Relations,
	shownFlows: readonly Flow[],
	focusedFlows: readonly string[] = []
): Map<string, Certainty> {
	const shown = new Set(shownFlows.map((f) => f.id));
	const focus = new Set(focusedFlows);
	const levels = new Map<string, Certainty>();
	for (const relation of relations.relations) {
		for (const lane of relation.lanes) {
			let best: Certainty | undefined;
			let bestFocused: Certainty | undefined;
			for (const flow of lane.flows) {
				if (!shown.has(flow.id)) continue;
				if (focus.has(flow.id)) bestFocused = surer(bestFocused, flow.certainty);
				else best = surer(best, flow.certainty);
			}
			const level = bestFocused ?? best;
			if (level) levels.set(lane.id, level);
		}
	}
	return levels;
}

/** The map feature of a lane at one certainty level (a lane has one per level among its flows). */
export function laneFeatureId(laneId: string, certainty: Certainty): string {
	return `${laneId}#${certainty}`;
}

/** The levels a lane has features for: those of its flows, surest first. */
export function laneLevels(lane: Lane): Certainty[] {
	return CERTAINTIES.filter((c) => lane.flows.some((f) => f.certainty === c));
}
