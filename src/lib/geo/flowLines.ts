/**
 * All flow lines of the story in one call: the single place where place ids become coordinates
 * and flows become drawable polylines ([lon, lat], vertex order = direction of travel).
 *
 * Flows with `via` waypoints follow their real route (`routeLine`) and take no lane: their shape
 * is a claim about the route and must not be bent. All other flows are arcs (`flowArc`) bent into
 * lanes by `assignBends`, so flows between the same two places never cover each other.
 */
import { arcBase, bendArc, routeLine, type ArcBase, type LonLat } from './arcs';
import { assignBends, DEFAULT_BASE_BEND, DEFAULT_BEND_STEP, type AssignBendsOptions } from './parallel';

type Position = readonly [number, number];

export interface FlowLineInput {
	id: string;
	/** Place id of the origin. */
	from: string;
	/** Place id of the destination. */
	to: string;
	/** Intermediate waypoints [lon, lat] of a real route, origin and destination excluded. */
	via?: readonly Position[];
}

export type PlaceCoordinates = Readonly<Record<string, Position>> | ReadonlyMap<string, Position>;

export interface BuildFlowLinesOptions extends AssignBendsOptions {
	/** Vertices per arc (see `flowArc`). */
	samples?: number;
	/** Distance above which arcs follow a great circle (see `flowArc`). */
	greatCircleAboveKm?: number;
	/** Corner-cutting rounds for routed flows (see `routeLine`); default 0. */
	smoothing?: number;
	/**
	 * Caps, in Web Mercator units (1 = the world's width), the bow of the first lane and the gap
	 * between lanes. Without a cap both scale with the chord, so a dozen flows between Moscow and
	 * Pyongyang would fan out over half of Asia; with it, long routes form a tight bundle while
	 * short ones keep their proportional lanes.
	 */
	maxBow?: number;
	maxLaneGap?: number;
}

function lookup(places: PlaceCoordinates, id: string): Position | undefined {
	if (places instanceof Map) return places.get(id);
	const record = places as Readonly<Record<string, Position>>;
	// Own properties only: a place called "constructor" must not resolve to Object's.
	return Object.hasOwn(record, id) ? record[id] : undefined;
}

/**
 * Polyline per flow id. Throws if a flow names an unknown place or an id is used twice: a flow
 * silently left off the map would be a claim silently dropped.
 */
export function buildFlowLines(
	flows: readonly FlowLineInput[],
	places: PlaceCoordinates,
	opts: BuildFlowLinesOptions = {}
): Map<string, LonLat[]> {
	const place = (flow: FlowLineInput, id: string): Position => {
		const p = lookup(places, id);
		if (!p) throw new Error(`buildFlowLines: flow "${flow.id}" refers to unknown place "${id}"`);
		return p;
	};

	// Signed 1-based lane numbers (the sign says which way round the pair the flow travels);
	// the bend per lane is worked out below, once the chord's length is known.
	const lanes = assignBends(
		flows.filter((f) => !f.via || f.via.length === 0),
		{ baseBend: 1, step: 1 }
	);
	const baseBend = opts.baseBend ?? DEFAULT_BASE_BEND;
	const step = opts.step ?? DEFAULT_BEND_STEP;
	const bendFor = (base: ArcBase, lane: number): number => {
		const n = base.xs.length;
		const chord = Math.hypot(
			(base.xs[n - 1] as number) - (base.xs[0] as number),
			(base.ys[n - 1] as number) - (base.ys[0] as number)
		);
		const bow = opts.maxBow !== undefined && chord > 0 ? Math.min(baseBend, opts.maxBow / chord) : baseBend;
		const gap = opts.maxLaneGap !== undefined && chord > 0 ? Math.min(step, opts.maxLaneGap / chord) : step;
		return Math.sign(lane) * (bow + (Math.abs(lane) - 1) * gap);
	};
	// Flows between the same places share their base path (only the bend differs): computing it
	// once per ordered pair is what keeps 10,000 flows among 50 places fast.
	const bases = new Map<string, Map<string, ArcBase>>();
	const lines = new Map<string, LonLat[]>();
	for (const flow of flows) {
		const from = place(flow, flow.from);
		const to = place(flow, flow.to);
		if (lines.has(flow.id)) throw new Error(`buildFlowLines: duplicate flow id "${flow.id}"`);
		if (flow.via && flow.via.length > 0) {
			lines.set(flow.id, routeLine([from, ...flow.via, to], { smoothing: opts.smoothing }));
		} else {
			let byDestination = bases.get(flow.from);
			if (!byDestination) bases.set(flow.from, (byDestination = new Map()));
			let base = byDestination.get(flow.to);
			if (!base) {
				base = arcBase(from, to, opts);
				byDestination.set(flow.to, base);
			}
			lines.set(flow.id, bendArc(base, bendFor(base, lanes.get(flow.id) ?? 1)));
		}
	}
	return lines;
}
