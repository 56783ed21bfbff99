import { describe, expect, it } from 'vitest';
import {
	arcSamplesFor,
	bearingAt,
	DEFAULT_ARC_SAMPLES,
	flowArc,
	greatCircle,
	haversineKm,
	MIN_ARC_SAMPLES,
	pointAt,
	routeLine,
	type LonLat
} from '$lib/geo/arcs';
import { fromMercator, toMercator } from '$lib/geo/mercator';

const PYONGYANG: LonLat = [125.75, 39.03];
const MOSCOW: LonLat = [37.62, 55.75];
const VLADIVOSTOK: LonLat = [131.89, 43.12];
const BEIJING: LonLat = [116.4, 39.9];
/** Kim's train: Pyongyang - Tumangang - Khasan - Ussuriysk - Vladivostok. */
const TRAIN: LonLat[] = [PYONGYANG, [130.64, 42.42], [130.78, 42.43], [131.95, 43.8], VLADIVOSTOK];

/** Same place: latitude equal, longitude equal up to whole turns (antimeridian unwrapping). */
function expectSamePlace(actual: readonly number[] | undefined, expected: readonly number[]) {
	expect(actual).toBeDefined();
	const [lon, lat] = actual as [number, number];
	const turns = Math.round((lon - (expected[0] as number)) / 360);
	expect(Math.abs(lon - 360 * turns - (expected[0] as number))).toBeLessThan(1e-9);
	expect(Math.abs(lat - (expected[1] as number))).toBeLessThan(1e-9);
}

function maxLonStep(line: readonly LonLat[]): number {
	let max = 0;
	for (let i = 1; i < line.length; i++) {
		max = Math.max(max, Math.abs((line[i] as LonLat)[0] - (line[i - 1] as LonLat)[0]));
	}
	return max;
}

/** Compass bearing of the straight screen line from a to b (0 = north, 90 = east). */
function rhumbBearing(a: LonLat, b: LonLat): number {
	const [x0, y0] = toMercator(a);
	const [x1, y1] = toMercator(b);
	const deg = (Math.atan2(x1 - x0, -(y1 - y0)) * 180) / Math.PI;
	return deg < 0 ? deg + 360 : deg;
}

function angleBetween(a: number, b: number): number {
	const d = Math.abs(a - b) % 360;
	return d > 180 ? 360 - d : d;
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

function chordLength(a: LonLat, b: LonLat): number {
	const [x0, y0] = toMercator(a);
	const [x1, y1] = toMercator(b);
	return Math.hypot(x1 - x0, y1 - y0);
}

describe('mercator', () => {
	it('maps the world onto the unit square, north at y = 0', () => {
		expect(toMercator([-180, 0])[0]).toBeCloseTo(0, 12);
		expect(toMercator([180, 0])[0]).toBeCloseTo(1, 12);
		expect(toMercator([0, 0])).toEqual([0.5, 0.5]);
		expect(toMercator(MOSCOW)[1]).toBeLessThan(toMercator(PYONGYANG)[1]);
		expect(toMercator([190, 0])[0]).toBeGreaterThan(1);
	});

	it('round-trips', () => {
		for (const p of [PYONGYANG, MOSCOW, VLADIVOSTOK, [-170, -60] as LonLat, [190, 10] as LonLat]) {
			const back = fromMercator(toMercator(p));
			expect(back[0]).toBeCloseTo(p[0], 9);
			expect(back[1]).toBeCloseTo(p[1], 9);
		}
	});

	it('stays finite at the poles', () => {
		expect(Number.isFinite(toMercator([0, 90])[1])).toBe(true);
		expect(Number.isFinite(toMercator([0, -90])[1])).toBe(true);
	});
});

describe('greatCircle', () => {
	const line = greatCircle(PYONGYANG, MOSCOW, 65);

	it('starts at the origin and ends at the destination', () => {
		expect(line).toHaveLength(65);
		expect(line[0]).toEqual(PYONGYANG);
		expect(line[line.length - 1]).toEqual(MOSCOW);
	});

	it('Pyongyang -> Moscow arcs north of the straight screen line', () => {
		const gcMid = line[32] as LonLat;
		const [x0, y0] = toMercator(PYONGYANG);
		const [x1, y1] = toMercator(MOSCOW);
		const rhumbMid = fromMercator([(x0 + x1) / 2, (y0 + y1) / 2]);
		expect(gcMid[1]).toBeGreaterThan(rhumbMid[1] + 3);
		// and is a real great circle: every step covers the same distance
		const total = haversineKm(PYONGYANG, MOSCOW);
		for (let i = 1; i < line.length; i++) {
			expect(haversineKm(line[i - 1] as LonLat, line[i] as LonLat)).toBeCloseTo(total / 64, 6);
		}
	});

	it('never jumps in longitude and runs westward from Pyongyang', () => {
		expect(maxLonStep(line)).toBeLessThan(10);
		for (let i = 1; i < line.length; i++) {
			expect((line[i] as LonLat)[0]).toBeLessThan((line[i - 1] as LonLat)[0]);
		}
	});

	it('crosses the antimeridian continuously (170 -> -170 ends at lon 190)', () => {
		const cross = greatCircle([170, 10], [-170, 10], 21);
		expect(maxLonStep(cross)).toBeLessThan(10);
		expect(cross[cross.length - 1]).toEqual([190, 10]);
		for (const [lon] of cross) expect(lon).toBeGreaterThanOrEqual(170);
		// and the other way round
		const back = greatCircle([-170, 10], [170, 10], 21);
		expect(back[back.length - 1]).toEqual([-190, 10]);
		expect(maxLonStep(back)).toBeLessThan(10);
	});

	it('handles degenerate input', () => {
		expect(greatCircle(PYONGYANG, PYONGYANG, 5)).toHaveLength(5);
		const antipodal = greatCircle([0, 0], [180, 0], 9);
		expectSamePlace(antipodal[antipodal.length - 1], [180, 0]);
		for (const [lon, lat] of antipodal) {
			expect(Number.isFinite(lon) && Number.isFinite(lat)).toBe(true);
		}
	});
});

describe('flowArc', () => {
	const cases: [string, LonLat, LonLat][] = [
		['Pyongyang -> Moscow', PYONGYANG, MOSCOW],
		['Moscow -> Pyongyang', MOSCOW, PYONGYANG],
		['Pyongyang -> Vladivostok', PYONGYANG, VLADIVOSTOK],
		['Beijing -> Pyongyang', BEIJING, PYONGYANG]
	];

	it.each(cases)('%s starts and ends on the right places at any bend', (_, a, b) => {
		for (const bend of [0, 0.15, -0.15, 0.47, -0.6]) {
			const line = flowArc(a, b, { bend });
			expect(line[0]).toEqual(a);
			expect(line[line.length - 1]).toEqual(b);
			expect(line.every(([lon, lat]) => Number.isFinite(lon) && Number.isFinite(lat))).toBe(true);
		}
	});

	it.each(cases)('%s: arrows point from origin to destination', (_, a, b) => {
		for (const bend of [0.15, -0.15, 0.47]) {
			const line = flowArc(a, b, { bend });
			// the arrow at the end heads roughly toward the destination...
			expect(angleBetween(bearingAt(line, 1), rhumbBearing(a, b))).toBeLessThan(75);
			expect(angleBetween(bearingAt(line, 0.5), rhumbBearing(a, b))).toBeLessThan(20);
			// ...and every vertex makes progress along the chord, so no arrow points backward
			const [x0, y0] = toMercator(a);
			const [x1, y1] = toMercator(b);
			let prev = -Infinity;
			for (const p of line) {
				const [x, y] = toMercator(p);
				const along = (x - x0) * (x1 - x0) + (y - y0) * (y1 - y0);
				expect(along).toBeGreaterThan(prev);
				prev = along;
			}
		}
	});

	it('follows a great circle for long flows (Moscow -> Pyongyang)', () => {
		const arc = flowArc(MOSCOW, PYONGYANG, { bend: 0, samples: 33 });
		expect(arc).toEqual(greatCircle(MOSCOW, PYONGYANG, 33));
	});

	it('is a straight screen line, not a great circle, for short flows (Pyongyang -> Vladivostok)', () => {
		expect(haversineKm(PYONGYANG, VLADIVOSTOK)).toBeLessThan(1000);
		const arc = flowArc(PYONGYANG, VLADIVOSTOK, { bend: 0 });
		for (const p of arc) {
			expect(Math.abs(sideOfChord(PYONGYANG, VLADIVOSTOK, p))).toBeLessThan(1e-12);
		}
		// the threshold is what decides
		const gc = flowArc(PYONGYANG, VLADIVOSTOK, { bend: 0, greatCircleAboveKm: 100 });
		const midOffset = sideOfChord(PYONGYANG, VLADIVOSTOK, pointAt(gc, 0.5));
		expect(Math.abs(midOffset)).toBeGreaterThan(1e-6);
	});

	it('bends short flows gently and symmetrically', () => {
		const chord = chordLength(PYONGYANG, VLADIVOSTOK);
		const arc = flowArc(PYONGYANG, VLADIVOSTOK, { bend: 0.15 });
		const mid = sideOfChord(PYONGYANG, VLADIVOSTOK, pointAt(arc, 0.5));
		expect(mid / chord).toBeCloseTo(0.15, 2);
		const q1 = sideOfChord(PYONGYANG, VLADIVOSTOK, pointAt(arc, 0.25));
		const q3 = sideOfChord(PYONGYANG, VLADIVOSTOK, pointAt(arc, 0.75));
		expect(q1).toBeCloseTo(q3, 4);
	});

	it('bends to the right of travel for positive bend (screen y grows southward)', () => {
		// heading east: right is south
		const east = flowArc([0, 0], [10, 0], { bend: 0.2 });
		expect(pointAt(east, 0.5)[1]).toBeLessThan(-1);
		// heading north: right is east
		const north = flowArc([0, 0], [0, 10], { bend: 0.2 });
		expect(pointAt(north, 0.5)[0]).toBeGreaterThan(1);
		// negative bend: left
		expect(pointAt(flowArc([0, 0], [10, 0], { bend: -0.2 }), 0.5)[1]).toBeGreaterThan(1);
		// real flows, short and long
		for (const [a, b] of [
			[PYONGYANG, VLADIVOSTOK],
			[VLADIVOSTOK, PYONGYANG]
		] as const) {
			expect(sideOfChord(a, b, pointAt(flowArc(a, b, { bend: 0.15 }), 0.5))).toBeGreaterThan(0);
			expect(sideOfChord(a, b, pointAt(flowArc(a, b, { bend: -0.15 }), 0.5))).toBeLessThan(0);
		}
		const base = pointAt(flowArc(PYONGYANG, MOSCOW, { bend: 0 }), 0.5);
		const right = pointAt(flowArc(PYONGYANG, MOSCOW, { bend: 0.15 }), 0.5);
		// heading west-north-west, right is north-ish
		expect(right[1]).toBeGreaterThan(base[1]);
	});

	it('crosses the antimeridian continuously, short and long', () => {
		const short = flowArc([170, 50], [-170, 50], { bend: 0.15 });
		expect(short[short.length - 1]).toEqual([190, 50]);
		expect(maxLonStep(short)).toBeLessThan(10);
		const anchorage: LonLat = [-149.9, 61.22];
		const long = flowArc(VLADIVOSTOK, anchorage, { bend: 0.15 });
		expectSamePlace(long[long.length - 1], anchorage);
		expect((long[long.length - 1] as LonLat)[0]).toBeCloseTo(210.1, 9);
		expect(maxLonStep(long)).toBeLessThan(10);
	});

	it('draws trans-polar routes as screen lines, since Mercator cannot show the pole', () => {
		const line = flowArc([10, 70], [-170, 75], { bend: 0.15 });
		for (const [, lat] of line) expect(lat).toBeLessThan(85);
		expect(maxLonStep(line)).toBeLessThan(15);
		expectSamePlace(line[line.length - 1], [-170, 75]);
	});

	it('honours the sample count', () => {
		expect(flowArc(PYONGYANG, MOSCOW, { bend: 0.2, samples: 10 })).toHaveLength(10);
		expect(flowArc(PYONGYANG, VLADIVOSTOK, { bend: 0.2, samples: 1 })).toHaveLength(2);
	});
});

describe('routeLine', () => {
	it('keeps the train route as given: endpoints, waypoints, order', () => {
		const line = routeLine(TRAIN);
		expect(line).toEqual(TRAIN);
		expect(angleBetween(bearingAt(line, 1), rhumbBearing(TRAIN[3] as LonLat, VLADIVOSTOK))).toBeLessThan(
			1e-6
		);
	});

	it('smooths lightly without moving the endpoints', () => {
		const line = routeLine(TRAIN, { smoothing: 2 });
		expect(line.length).toBeGreaterThan(TRAIN.length);
		expectSamePlace(line[0], PYONGYANG);
		expectSamePlace(line[line.length - 1], VLADIVOSTOK);
		expect(line[0]).toEqual(PYONGYANG);
		expect(line[line.length - 1]).toEqual(VLADIVOSTOK);
		// corner cutting stays inside the waypoints' bounding box: it never overshoots the railway
		for (const [lon, lat] of line) {
			expect(lon).toBeGreaterThan(125.75 - 1e-9);
			expect(lon).toBeLessThan(132);
			expect(lat).toBeGreaterThan(39.03 - 1e-9);
			expect(lat).toBeLessThan(43.8);
		}
	});

	it('stays continuous across the antimeridian', () => {
		const line = routeLine([
			[170, 50],
			[179, 51],
			[-179, 52],
			[-170, 50]
		]);
		expect(line.map(([lon]) => lon)).toEqual([170, 179, 181, 190]);
	});

	it('drops repeated waypoints so every segment has a direction', () => {
		const line = routeLine([PYONGYANG, PYONGYANG, VLADIVOSTOK, VLADIVOSTOK]);
		expect(line).toEqual([PYONGYANG, VLADIVOSTOK]);
		expect(() => routeLine([PYONGYANG])).toThrow(RangeError);
	});
});

describe('bearingAt / pointAt', () => {
	it('reports compass bearings of the direction of travel', () => {
		expect(
			bearingAt(
				[
					[0, 0],
					[10, 0]
				],
				0.5
			)
		).toBeCloseTo(90, 9);
		expect(
			bearingAt(
				[
					[0, 0],
					[0, 10]
				],
				0.5
			)
		).toBeCloseTo(0, 9);
		expect(
			bearingAt(
				[
					[0, 10],
					[0, 0]
				],
				0.5
			)
		).toBeCloseTo(180, 9);
		expect(
			bearingAt(
				[
					[10, 0],
					[0, 0]
				],
				0.5
			)
		).toBeCloseTo(270, 9);
		// at a corner: before it the first leg, at the end the last leg
		const corner: LonLat[] = [
			[0, 0],
			[10, 0],
			[10, 10]
		];
		expect(bearingAt(corner, 0.1)).toBeCloseTo(90, 9);
		expect(bearingAt(corner, 1)).toBeCloseTo(0, 9);
		expect(
			bearingAt(
				[
					[1, 1],
					[1, 1]
				],
				0.5
			)
		).toBeNaN();
	});

	it('finds points by screen length', () => {
		const mid = pointAt(
			[
				[0, 0],
				[10, 0]
			],
			0.5
		);
		expect(mid[0]).toBeCloseTo(5, 9);
		expect(mid[1]).toBeCloseTo(0, 9);
		expect(pointAt(TRAIN, 0)).toEqual(PYONGYANG);
		expectSamePlace(pointAt(TRAIN, 1), VLADIVOSTOK);
	});
});

describe('vertices per arc', () => {
	it('gives long arcs 32 vertices and short ones no fewer than 12, one per 200 km between', () => {
		expect(arcSamplesFor(6400)).toBe(DEFAULT_ARC_SAMPLES);
		expect(arcSamplesFor(800)).toBe(MIN_ARC_SAMPLES);
		expect(arcSamplesFor(3000)).toBe(16);
		expect(arcSamplesFor(0)).toBe(MIN_ARC_SAMPLES);
	});
});
