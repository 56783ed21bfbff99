/**
 * Every lane of the story in one call: the single place where place ids become coordinates and
 * lanes (story/relations.ts) become drawable polylines ([lon, lat], vertex order = direction of
 * travel, so MapLibre's arrows point the right way).
 *
 * All arc lanes of a relation share one line: a gentle bow from the pair's first place to its
 * second, reversed for lanes running the other way. The lanes are set apart on screen by the
 * style (`line-offset`, in pixels), so a relation reads as one cable of parallel strokes at every
 * zoom, where bending each flow by its own amount fanned a dozen claims out over half of Asia.
 * A routed lane follows its real route (`routeLine`): its shape is a claim about the route.
 */
import { arcBase, bendArc, routeLine, type LonLat } from './arcs';
import type { Relations } from '$lib/story/relations';

type Position = readonly [number, number];

export type PlaceCoordinates = Readonly<Record<string, Position>> | ReadonlyMap<string, Position>;

export interface LaneLineOptions {
	/** The bow mid-way, as a fraction of the chord (see `flowArc`). Default {@link DEFAULT_BEND}. */
	bend?: number;
	/**
	 * Caps the bow in Web Mercator units (1 = the world's width): long relations (Moscow–Pyongyang)
	 * curve gently instead of bulging over half a continent, short ones keep their proportion.
	 */
	maxBow?: number;
	/** Corner-cutting rounds for routed lanes (see `routeLine`); default 0. */
	smoothing?: number;
	/** Distance above which arcs follow a great circle (see `flowArc`). */
	greatCircleAboveKm?: number;
}

/** A gentle bow: the middle of the line sits 15 % of the chord's length off it. */
export const DEFAULT_BEND = 0.15;

function lookup(places: PlaceCoordinates, id: string): Position | undefined {
	if (places instanceof Map) return places.get(id);
	const record = places as Readonly<Record<string, Position>>;
	// Own properties only: a place called "constructor" must not resolve to Object's.
	return Object.hasOwn(record, id) ? record[id] : undefined;
}

/**
 * Polyline per lane id. Throws if a flow names an unknown place: a flow silently left off the map
 * would be a claim silently dropped.
 */
export function buildLaneLines(
	relations: Relations,
	places: PlaceCoordinates,
	opts: LaneLineOptions = {}
): Map<string, LonLat[]> {
	const place = (id: string, flowId: string): Position => {
		const p = lookup(places, id);
		if (!p) throw new Error(`buildLaneLines: flow "${flowId}" refers to unknown place "${id}"`);
		return p;
	};
	const bend = opts.bend ?? DEFAULT_BEND;
	const lines = new Map<string, LonLat[]>();
	for (const relation of relations.relations) {
		const firstFlow = relation.flows[0]?.id ?? relation.id;
		const a = place(relation.places[0], firstFlow);
		const b = place(relation.places[1], firstFlow);
		let forward: LonLat[] | null = null;
		let backward: LonLat[] | null = null;
		for (const lane of relation.lanes) {
			if (lane.routed) {
				const flow = lane.flows[0]!;
				const route = [place(flow.from, flow.id), ...(flow.via ?? []), place(flow.to, flow.id)];
				lines.set(lane.id, routeLine(route, { smoothing: opts.smoothing }));
				continue;
			}
			if (!forward) {
				const base = arcBase(a, b, opts);
				const n = base.xs.length;
				const chord = Math.hypot(
					(base.xs[n - 1] as number) - (base.xs[0] as number),
					(base.ys[n - 1] as number) - (base.ys[0] as number)
				);
				const capped = opts.maxBow !== undefined && chord > 0 ? Math.min(bend, opts.maxBow / chord) : bend;
				forward = bendArc(base, -capped);
			}
			if (lane.direction === 'backward') {
				// Reversed, and the longitudes shifted back by whole turns so the line starts at its origin.
				backward ??= shiftToStart([...forward].reverse(), b);
				lines.set(lane.id, backward);
			} else lines.set(lane.id, forward);
		}
	}
	return lines;
}

/** `line` moved by whole turns of longitude so that it starts where `start` is. */
function shiftToStart(line: LonLat[], start: Position): LonLat[] {
	const first = line[0];
	if (!first) return line;
	const turns = Math.round((start[0] - first[0]) / 360);
	return turns === 0 ? line : line.map(([lon, lat]) => [lon + 360 * turns, lat] as LonLat);
}
