import { describe, expect, it } from 'vitest';
import { pointAt, type LonLat } from '$lib/geo/arcs';
import { buildLaneLines, DEFAULT_BEND } from '$lib/geo/flowLines';
import { toMercator } from '$lib/geo/mercator';
import { relationsOf } from '$lib/story/relations';
import type { Flow, FlowKind } from '$lib/story';

const PLACES: Record<string, LonLat> = {
	pyongyang: [125.75, 39.03],
	moscow: [37.62, 55.75],
	vladivostok: [131.89, 43.12],
	beijing: [116.4, 39.9]
};

function chordLength(a: LonLat, b: LonLat): number {
	const [x0, y0] = toMercator(a);
	const [x1, y1] = toMercator(b);
	return Math.hypot(x1 - x0, y1 - y0);
}

/** Signed distance of p from the chord a->b in Mercator; positive = right of travel (y down). */
function sideOfChord(a: LonLat, b: LonLat, p: LonLat): number {
	const [x0, y0] = toMercator(a);
	const [x1, y1] = toMercator(b);
	const [px, py] = toMercator(p);
	const dx = x1 - x0;
	const dy = y1 - y0;
	return (dx * (py - y0) - dy * (px - x0)) / Math.hypot(dx, dy);
}

/** Deterministic PRNG (mulberry32) so the random test is reproducible. */
function mulberry32(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** A flow with only what lanes and lines need. */
type FlowInput = {
	id: string;
	from: string;
	to: string;
	kind?: FlowKind;
	via?: [number, number][];
	mutual?: boolean;
};
const asFlows = (flows: FlowInput[]): Flow[] =>
	flows.map((f) => ({ kind: 'visit', certainty: 'reported', ...f }) as unknown as Flow);
const lanesFor = (flows: FlowInput[], places: Record<string, LonLat> | Map<string, LonLat> = PLACES) => {
	const relations = relationsOf(asFlows(flows));
	return { relations, lines: buildLaneLines(relations, places) };
};

describe('buildLaneLines', () => {
	it('draws all arc lanes of a relation on one bow, reversed for the way back', () => {
		const { relations, lines } = lanesFor([
			{ id: 'a', from: 'pyongyang', to: 'moscow', kind: 'arms' },
			{ id: 'b', from: 'pyongyang', to: 'moscow', kind: 'labour' },
			{ id: 'c', from: 'moscow', to: 'pyongyang', kind: 'food' }
		]);
		const there = lines.get(relations.laneOf.get('a')!.id)!;
		expect(lines.get(relations.laneOf.get('b')!.id)).toBe(there);
		const back = lines.get(relations.laneOf.get('c')!.id)!;
		expect([...back].reverse()).toEqual(there);
		expect(there[0]).toEqual(PLACES.pyongyang);
		expect(back[0]).toEqual(PLACES.moscow);
	});

	it('bends a short relation gently, so it reads as an arc, and caps a long one', () => {
		const short = lanesFor([{ id: 'visit', from: 'pyongyang', to: 'vladivostok' }]);
		const line = short.lines.get(short.relations.laneOf.get('visit')!.id)!;
		const a = PLACES.pyongyang as LonLat;
		const b = PLACES.vladivostok as LonLat;
		expect(Math.abs(sideOfChord(a, b, pointAt(line, 0.5))) / chordLength(a, b)).toBeCloseTo(DEFAULT_BEND, 2);
	});

	it('draws a flow with waypoints along its route, in a lane of its own', () => {
		const via: [number, number][] = [
			[130.64, 42.42],
			[130.78, 42.43],
			[131.95, 43.8]
		];
		const { relations, lines } = lanesFor(
			[
				{ id: 'train', from: 'pyongyang', to: 'vladivostok', via },
				{ id: 'flight', from: 'pyongyang', to: 'vladivostok' }
			],
			new Map(Object.entries(PLACES))
		);
		expect(relations.laneOf.get('train')).not.toBe(relations.laneOf.get('flight'));
		expect(lines.get(relations.laneOf.get('train')!.id)).toEqual([
			PLACES.pyongyang,
			...via,
			PLACES.vladivostok
		]);
	});

	it('refuses unknown places instead of dropping flows', () => {
		expect(() => lanesFor([{ id: 'x', from: 'pyongyang', to: 'tokyo' }])).toThrow(/tokyo/);
		expect(() => lanesFor([{ id: 'x', from: 'pyongyang', to: 'constructor' }])).toThrow(/constructor/);
	});

	it('builds the lanes of 10,000 random flows among 50 places, every one valid', () => {
		const random = mulberry32(20230913);
		const places: Record<string, LonLat> = {};
		for (let i = 0; i < 50; i++) {
			places[`place-${i}`] = [random() * 360 - 180, random() * 130 - 60];
		}
		const ids = Object.keys(places);
		const pick = () => ids[Math.floor(random() * ids.length)] as string;
		const kinds: FlowKind[] = ['visit', 'arms', 'food', 'trade'];
		const flows: FlowInput[] = [];
		for (let i = 0; i < 10_000; i++) {
			const from = pick();
			let to = pick();
			while (to === from) to = pick();
			const via: [number, number][] | undefined =
				i % 20 === 0 ? [[random() * 360 - 180, random() * 120 - 60]] : undefined;
			flows.push({ id: `flow-${i}`, from, to, via, kind: kinds[i % kinds.length] });
		}

		const started = performance.now();
		const { relations, lines } = lanesFor(flows, places);
		const elapsed = performance.now() - started;
		console.log(`relations and lanes: ${flows.length} flows in ${elapsed.toFixed(1)} ms`);

		// Plain checks collected into one assertion: 10,000 × 32 expect() calls would dominate the run.
		const problems: string[] = [];
		for (const flow of flows) {
			const lane = relations.laneOf.get(flow.id);
			const pts = lane && lines.get(lane.id);
			if (!lane || !pts || pts.length < 2) {
				problems.push(`${flow.id}: no line`);
				continue;
			}
			// A lane runs from its origin to its destination: the flow's own, or (mutual) the pair's.
			const origin = places[lane.from] as LonLat;
			const destination = places[lane.to] as LonLat;
			if (!flow.mutual && (lane.from !== flow.from || lane.to !== flow.to))
				problems.push(`${flow.id}: wrong way`);
			const first = pts[0] as LonLat;
			const last = pts[pts.length - 1] as LonLat;
			const startTurns = Math.round((first[0] - origin[0]) / 360);
			if (Math.abs(first[0] - 360 * startTurns - origin[0]) > 1e-9 || first[1] !== origin[1])
				problems.push(`${flow.id}: wrong start`);
			const turns = Math.round((last[0] - destination[0]) / 360);
			if (
				Math.abs(last[0] - 360 * turns - destination[0]) > 1e-9 ||
				Math.abs(last[1] - destination[1]) > 1e-9
			) {
				problems.push(`${flow.id}: wrong end`);
			}
			for (let i = 0; i < pts.length; i++) {
				const [lon, lat] = pts[i] as LonLat;
				if (!Number.isFinite(lon) || !Number.isFinite(lat) || lat < -90 || lat > 90) {
					problems.push(`${flow.id}: bad vertex ${i}: ${lon},${lat}`);
				}
				// continuous longitudes: no wrap-around jump (a pole pass turns by at most 180)
				if (i > 0 && Math.abs(lon - (pts[i - 1] as LonLat)[0]) > 180 + 1e-9) {
					problems.push(`${flow.id}: longitude jumps at vertex ${i}`);
				}
			}
		}
		expect(problems.slice(0, 10)).toEqual([]);
	});
});
