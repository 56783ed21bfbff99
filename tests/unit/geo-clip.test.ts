import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clipPolyline, clipRing, type XY } from '$lib/geo/clip';

const box = { minX: 0, minY: 0, maxX: 100, maxY: 50 };

/** Shoelace area of an open ring. */
function area(ring: readonly XY[]): number {
	let a = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x1, y1] = ring[i]!;
		const [x2, y2] = ring[(i + 1) % ring.length]!;
		a += x1 * y2 - x2 * y1;
	}
	return Math.abs(a) / 2;
}

describe('clipRing', () => {
	it('keeps what is inside, cuts what crosses, drops what is outside', () => {
		const inside: XY[] = [
			[10, 10],
			[20, 10],
			[20, 20]
		];
		expect(clipRing(inside, box)).toEqual(inside);
		const crossing: XY[] = [
			[-50, -50],
			[150, -50],
			[150, 100],
			[-50, 100]
		];
		expect(area(clipRing(crossing, box))).toBeCloseTo(100 * 50, 6);
		const outside: XY[] = [
			[200, 200],
			[300, 200],
			[300, 300]
		];
		expect(clipRing(outside, box)).toEqual([]);
	});

	it('fuzz: the clipped ring lies in the box and a convex ring keeps exactly its area inside', () => {
		fc.assert(
			fc.property(
				fc.tuple(
					fc.double({ min: -200, max: 200, noNaN: true }),
					fc.double({ min: -200, max: 200, noNaN: true })
				),
				fc.double({ min: 1, max: 150, noNaN: true }),
				([cx, cy], half) => {
					// An axis-aligned square: its area inside the box is the overlap of two rectangles.
					const square: XY[] = [
						[cx - half, cy - half],
						[cx + half, cy - half],
						[cx + half, cy + half],
						[cx - half, cy + half]
					];
					const clipped = clipRing(square, box);
					for (const [x, y] of clipped) {
						expect(x).toBeGreaterThanOrEqual(-1e-9);
						expect(x).toBeLessThanOrEqual(100 + 1e-9);
						expect(y).toBeGreaterThanOrEqual(-1e-9);
						expect(y).toBeLessThanOrEqual(50 + 1e-9);
					}
					const w = Math.max(0, Math.min(100, cx + half) - Math.max(0, cx - half));
					const h = Math.max(0, Math.min(50, cy + half) - Math.max(0, cy - half));
					expect(clipped.length === 0 ? 0 : area(clipped)).toBeCloseTo(w * h, 4);
				}
			)
		);
	});
});

describe('clipPolyline', () => {
	it('splits a line that leaves and re-enters the box into pieces, each inside', () => {
		const line: XY[] = [
			[-10, 10],
			[50, 10],
			[50, 80],
			[60, 80],
			[60, 20],
			[110, 20]
		];
		const pieces = clipPolyline(line, box);
		expect(pieces).toEqual([
			[
				[0, 10],
				[50, 10],
				[50, 50]
			],
			[
				[60, 50],
				[60, 20],
				[100, 20]
			]
		]);
		expect(
			clipPolyline(
				[
					[200, 0],
					[300, 0]
				],
				box
			)
		).toEqual([]);
	});
});
