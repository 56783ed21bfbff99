import { describe, expect, it } from 'vitest';
import { flowArc, pointAt, type LonLat } from '$lib/geo/arcs';
import { buildFlowLines, type FlowLineInput } from '$lib/geo/flowLines';
import { toMercator } from '$lib/geo/mercator';
import { assignBends, DEFAULT_BASE_BEND, DEFAULT_BEND_STEP } from '$lib/geo/parallel';

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

function mercatorDistance(a: LonLat, b: LonLat): number {
	return chordLength(a, b);
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

describe('assignBends', () => {
	it('gives a lone flow a gentle bend, not a straight line', () => {
		// canonical orientation ("moscow" sorts before "pyongyang"): the base bend as is
		const bends = assignBends([{ id: 'a', from: 'moscow', to: 'pyongyang' }]);
		expect(bends.get('a')).toBe(DEFAULT_BASE_BEND);
		// against canonical order: same lane, mirrored sign
		const back = assignBends([{ id: 'a', from: 'pyongyang', to: 'moscow' }]);
		expect(back.get('a')).toBe(-DEFAULT_BASE_BEND);
	});

	it('puts every flow of a pair, in either direction, on its own lane', () => {
		const flows = [
			{ id: 'p3', from: 'pyongyang', to: 'moscow' },
			{ id: 'm1', from: 'moscow', to: 'pyongyang' },
			{ id: 'p1', from: 'pyongyang', to: 'moscow' },
			{ id: 'm2', from: 'moscow', to: 'pyongyang' },
			{ id: 'p2', from: 'pyongyang', to: 'moscow' },
			{ id: 'other', from: 'beijing', to: 'pyongyang' }
		];
		const bends = assignBends(flows, { baseBend: 0.1, step: 0.05 });
		// canonical orientation is moscow -> pyongyang ("moscow" < "pyongyang")
		const canonical = flows
			.filter((f) => f.id !== 'other')
			.map((f) => (f.from === 'moscow' ? 1 : -1) * (bends.get(f.id) as number));
		expect(new Set(canonical.map((b) => b.toFixed(9))).size).toBe(5);
		expect([...canonical].sort((a, b) => a - b).map((b) => +b.toFixed(9))).toEqual([
			0.1, 0.15, 0.2, 0.25, 0.3
		]);
		// lanes follow id order: m1, m2, p1, p2, p3
		expect(bends.get('m1')).toBeCloseTo(0.1, 12);
		expect(bends.get('p3')).toBeCloseTo(-0.3, 12);
		// a different pair is independent (beijing -> pyongyang is canonical)
		expect(bends.get('other')).toBe(0.1);
	});

	it('is deterministic whatever the input order', () => {
		const flows = Array.from({ length: 12 }, (_, i) => ({
			id: `f${i}`,
			from: i % 3 ? 'pyongyang' : 'vladivostok',
			to: i % 3 ? 'vladivostok' : 'pyongyang'
		}));
		const a = assignBends(flows);
		const b = assignBends([...flows].reverse());
		expect([...b.entries()].sort()).toEqual([...a.entries()].sort());
	});

	it('rejects duplicate ids', () => {
		const f = { id: 'x', from: 'pyongyang', to: 'moscow' };
		expect(() => assignBends([f, f])).toThrow(/duplicate/);
	});
});

describe('buildFlowLines', () => {
	it.each([
		['long: Pyongyang <-> Moscow', 'pyongyang', 'moscow'],
		['short: Pyongyang <-> Vladivostok', 'pyongyang', 'vladivostok']
	])('keeps a visible gap between parallel flows (%s)', (_, p, q) => {
		const flows: FlowLineInput[] = [
			{ id: 'a1', from: p, to: q },
			{ id: 'a2', from: p, to: q },
			{ id: 'a3', from: p, to: q },
			{ id: 'b1', from: q, to: p },
			{ id: 'b2', from: q, to: p }
		];
		const lines = buildFlowLines(flows, PLACES);
		const chord = chordLength(PLACES[p] as LonLat, PLACES[q] as LonLat);
		const mids = flows.map((f) => pointAt(lines.get(f.id) as LonLat[], 0.5));
		for (let i = 0; i < mids.length; i++) {
			for (let j = i + 1; j < mids.length; j++) {
				const gap = mercatorDistance(mids[i] as LonLat, mids[j] as LonLat);
				expect(gap, `${flows[i]?.id} vs ${flows[j]?.id}`).toBeGreaterThanOrEqual(
					0.2 * DEFAULT_BEND_STEP * chord
				);
			}
		}
		// all bow to the same side of the unbent path, whatever their direction: one bundle of
		// nested lanes rather than lines scattered on both sides
		const a = PLACES[p] as LonLat;
		const b = PLACES[q] as LonLat;
		const [ux, uy] = toMercator(pointAt(flowArc(a, b, { bend: 0 }), 0.5));
		const [x0, y0] = toMercator(a);
		const [x1, y1] = toMercator(b);
		const sides = mids.map((m) => {
			const [mx, my] = toMercator(m);
			return Math.sign((x1 - x0) * (my - uy) - (y1 - y0) * (mx - ux));
		});
		expect(new Set(sides).size).toBe(1);
		for (const f of flows) {
			const line = lines.get(f.id) as LonLat[];
			expect(line[0]).toEqual(PLACES[f.from]);
			expect(line[line.length - 1]).toEqual(PLACES[f.to]);
		}
	});

	it('bends a single flow so it reads as an arc', () => {
		const lines = buildFlowLines([{ id: 'visit', from: 'pyongyang', to: 'vladivostok' }], PLACES);
		const line = lines.get('visit') as LonLat[];
		const a = PLACES.pyongyang as LonLat;
		const b = PLACES.vladivostok as LonLat;
		const off = sideOfChord(a, b, pointAt(line, 0.5));
		expect(off / chordLength(a, b)).toBeCloseTo(DEFAULT_BASE_BEND, 2);
	});

	it('draws a flow with waypoints along its route, unbent', () => {
		const via: [number, number][] = [
			[130.64, 42.42],
			[130.78, 42.43],
			[131.95, 43.8]
		];
		const lines = buildFlowLines(
			[
				{ id: 'train', from: 'pyongyang', to: 'vladivostok', via },
				{ id: 'flight', from: 'pyongyang', to: 'vladivostok' }
			],
			new Map(Object.entries(PLACES))
		);
		expect(lines.get('train')).toEqual([PLACES.pyongyang, ...via, PLACES.vladivostok]);
		// the routed flow takes no lane: the arc is a lone flow with the base bend
		const flight = lines.get('flight') as LonLat[];
		const a = PLACES.pyongyang as LonLat;
		const b = PLACES.vladivostok as LonLat;
		expect(sideOfChord(a, b, pointAt(flight, 0.5)) / chordLength(a, b)).toBeCloseTo(DEFAULT_BASE_BEND, 2);
	});

	it('refuses unknown places and duplicate ids instead of dropping flows', () => {
		expect(() => buildFlowLines([{ id: 'x', from: 'pyongyang', to: 'tokyo' }], PLACES)).toThrow(/tokyo/);
		expect(() => buildFlowLines([{ id: 'x', from: 'pyongyang', to: 'constructor' }], PLACES)).toThrow(
			/constructor/
		);
		expect(() =>
			buildFlowLines(
				[
					{ id: 'x', from: 'pyongyang', to: 'moscow', via: [[100, 50]] },
					{ id: 'x', from: 'pyongyang', to: 'moscow' }
				],
				PLACES
			)
		).toThrow(/duplicate/);
	});

	it('builds 10,000 random flows among 50 places, every one valid', () => {
		const random = mulberry32(20230913);
		const places: Record<string, LonLat> = {};
		for (let i = 0; i < 50; i++) {
			places[`place-${i}`] = [random() * 360 - 180, random() * 130 - 60];
		}
		const ids = Object.keys(places);
		const pick = () => ids[Math.floor(random() * ids.length)] as string;
		const flows: FlowLineInput[] = [];
		for (let i = 0; i < 10_000; i++) {
			const from = pick();
			let to = pick();
			while (to === from) to = pick();
			const via: [number, number][] | undefined =
				i % 20 === 0 ? [[random() * 360 - 180, random() * 120 - 60]] : undefined;
			flows.push({ id: `flow-${i}`, from, to, via });
		}

		const started = performance.now();
		const lines = buildFlowLines(flows, places);
		const elapsed = performance.now() - started;
		console.log(`buildFlowLines: ${flows.length} flows in ${elapsed.toFixed(1)} ms`);

		expect(lines.size).toBe(flows.length);
		// Plain checks collected into one assertion: 10,000 × 32 expect() calls would dominate the run.
		const problems: string[] = [];
		for (const flow of flows) {
			const pts = lines.get(flow.id);
			if (!pts || pts.length < 2) {
				problems.push(`${flow.id}: no line`);
				continue;
			}
			const origin = places[flow.from] as LonLat;
			const destination = places[flow.to] as LonLat;
			const first = pts[0] as LonLat;
			const last = pts[pts.length - 1] as LonLat;
			if (first[0] !== origin[0] || first[1] !== origin[1]) problems.push(`${flow.id}: wrong start`);
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
