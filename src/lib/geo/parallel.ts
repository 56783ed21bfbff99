/**
 * Lanes for flows that share a pair of places, so none is drawn on top of another.
 *
 * Each flow gets a bend for `flowArc`. Bends are measured to the right of a flow's own direction
 * of travel, so A→B with bend +k and B→A with bend +k bow to opposite sides of the A–B chord,
 * and A→B with +k and B→A with −k are the very same curve. Lanes are therefore assigned in one
 * canonical orientation per pair (from the place whose id sorts first to the other) and the sign
 * is flipped for flows that travel against it: every flow of the pair, whichever its direction,
 * gets its own lane.
 *
 * Lane i (0-based, flows sorted by id) sits at `baseBend + i·step`, all on one side of the chord.
 * Centring the lanes on baseBend was considered and rejected: with four or five flows the middle
 * lanes come close to bend 0, i.e. nearly straight lines that read as a different kind of mark,
 * and lanes on both sides of the chord scatter the group instead of reading as one bundle of
 * nested bows. A lone flow gets baseBend, not 0, so every flow looks like an arc.
 */

/** The part of a flow that lane assignment needs. `from`/`to` are place ids. */
export interface FlowEnds {
	id: string;
	from: string;
	to: string;
}

export interface AssignBendsOptions {
	/** Bend of the first lane (and of a lone flow). Default {@link DEFAULT_BASE_BEND}. */
	baseBend?: number;
	/** Bend between neighbouring lanes. Default {@link DEFAULT_BEND_STEP}. */
	step?: number;
}

/** A gentle bow: the middle of the line sits 15 % of the chord's length off it. */
export const DEFAULT_BASE_BEND = 0.15;
/**
 * 8 % of the chord between lanes: at a zoom where Pyongyang–Vladivostok spans 200 px, lanes are
 * 16 px apart mid-way, and five lanes still stay below a bend of 0.5.
 */
export const DEFAULT_BEND_STEP = 0.08;

/** Code-unit order: deterministic and independent of the runtime's locale. */
function compareIds(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Bend per flow id. Deterministic: the same flows give the same bends in any input order.
 * Throws on duplicate ids, which would otherwise silently share one entry.
 */
export function assignBends(flows: readonly FlowEnds[], opts: AssignBendsOptions = {}): Map<string, number> {
	const baseBend = opts.baseBend ?? DEFAULT_BASE_BEND;
	const step = opts.step ?? DEFAULT_BEND_STEP;

	// Groups keyed by (first place, second place) in canonical order. Nested maps rather than a
	// joined string key: unambiguous for any characters in place ids, and no garbage per flow.
	const groups = new Map<string, Map<string, FlowEnds[]>>();
	const all: FlowEnds[][] = [];
	const seen = new Set<string>();
	for (const flow of flows) {
		if (seen.has(flow.id)) throw new Error(`assignBends: duplicate flow id "${flow.id}"`);
		seen.add(flow.id);
		const canonical = compareIds(flow.from, flow.to) <= 0;
		const lo = canonical ? flow.from : flow.to;
		const hi = canonical ? flow.to : flow.from;
		let byHi = groups.get(lo);
		if (!byHi) groups.set(lo, (byHi = new Map()));
		const group = byHi.get(hi);
		if (group) group.push(flow);
		else {
			const created = [flow];
			byHi.set(hi, created);
			all.push(created);
		}
	}

	const bends = new Map<string, number>();
	for (const group of all) {
		group.sort((a, b) => compareIds(a.id, b.id));
		group.forEach((flow, lane) => {
			const canonical = compareIds(flow.from, flow.to) <= 0;
			const bend = baseBend + lane * step;
			bends.set(flow.id, canonical ? bend : -bend);
		});
	}
	return bends;
}
