import type { Position } from 'geojson';
import { mercatorLat, mercatorRingArea, mercatorY } from './mercator';

/**
 * Where a country's name goes: the pole of inaccessibility (the interior point farthest from
 * any edge, after mapbox/polylabel) of its largest part, found in the Mercator plane the reader
 * sees. A centroid would put "Japan" in the sea and "Russia" wherever its islands pull it.
 */

type XY = [number, number];

interface Cell {
	x: number;
	y: number;
	half: number;
	distance: number;
	potential: number;
}

/**
 * Precision as a share of the shape's smaller side (and never finer than 0.05°): a label needs a
 * good spot, not the exact optimum, and this keeps Russia as quick as Luxembourg.
 */
const RELATIVE_PRECISION = 1 / 200;
const MIN_PRECISION = 0.05;

export function labelPoint(polygons: readonly Position[][][]): [number, number] {
	const largest = largestPolygon(polygons);
	const rings = largest.map((ring) => ring.map((p): XY => [p[0] ?? 0, mercatorY(p[1] ?? 0)]));
	const [x, y] = poleOfInaccessibility(rings);
	return [round(x), round(mercatorLat(y))];
}

function largestPolygon(polygons: readonly Position[][][]): Position[][] {
	let best: Position[][] = [];
	let bestArea = -1;
	for (const polygon of polygons) {
		const area = mercatorRingArea(polygon[0] ?? []);
		if (area > bestArea) {
			best = polygon;
			bestArea = area;
		}
	}
	return best;
}

function poleOfInaccessibility(rings: XY[][]): XY {
	const outer = rings[0] ?? [];
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const [x, y] of outer) {
		minX = Math.min(minX, x);
		minY = Math.min(minY, y);
		maxX = Math.max(maxX, x);
		maxY = Math.max(maxY, y);
	}
	const size = Math.min(maxX - minX, maxY - minY);
	if (!Number.isFinite(size) || size === 0) return [minX, minY];
	const precision = Math.max(MIN_PRECISION, size * RELATIVE_PRECISION);

	const cell = (x: number, y: number, half: number): Cell => {
		const distance = signedDistance(x, y, rings);
		return { x, y, half, distance, potential: distance + half * Math.SQRT2 };
	};
	const queue: Cell[] = [];
	for (let x = minX; x < maxX; x += size) {
		for (let y = minY; y < maxY; y += size) queue.push(cell(x + size / 2, y + size / 2, size / 2));
	}
	let best = cell(...centroid(outer), 0);
	const boxCentre = cell(minX + (maxX - minX) / 2, minY + (maxY - minY) / 2, 0);
	if (boxCentre.distance > best.distance) best = boxCentre;

	// A plain sorted array is fast enough for ~250 countries at build time.
	while (queue.length > 0) {
		queue.sort((a, b) => a.potential - b.potential);
		const next = queue.pop();
		if (!next) break;
		if (next.distance > best.distance) best = next;
		if (next.potential - best.distance <= precision) continue;
		const half = next.half / 2;
		queue.push(
			cell(next.x - half, next.y - half, half),
			cell(next.x + half, next.y - half, half),
			cell(next.x - half, next.y + half, half),
			cell(next.x + half, next.y + half, half)
		);
	}
	return [best.x, best.y];
}

/** Distance to the nearest edge, positive inside the polygon (holes count as outside). */
function signedDistance(x: number, y: number, rings: XY[][]): number {
	let inside = false;
	let minSq = Infinity;
	for (const ring of rings) {
		for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
			const a = ring[i];
			const b = ring[j];
			if (!a || !b) continue;
			if (a[1] > y !== b[1] > y && x < ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]) + a[0]) inside = !inside;
			minSq = Math.min(minSq, segmentDistanceSq(x, y, a, b));
		}
	}
	return (inside ? 1 : -1) * Math.sqrt(minSq);
}

function segmentDistanceSq(px: number, py: number, a: XY, b: XY): number {
	let [x, y] = a;
	let dx = b[0] - x;
	let dy = b[1] - y;
	if (dx !== 0 || dy !== 0) {
		const t = ((px - x) * dx + (py - y) * dy) / (dx * dx + dy * dy);
		if (t > 1) [x, y] = b;
		else if (t > 0) {
			x += dx * t;
			y += dy * t;
		}
	}
	dx = px - x;
	dy = py - y;
	return dx * dx + dy * dy;
}

function centroid(ring: XY[]): XY {
	let area = 0;
	let cx = 0;
	let cy = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		const a = ring[i];
		const b = ring[j];
		if (!a || !b) continue;
		const f = a[0] * b[1] - b[0] * a[1];
		cx += (a[0] + b[0]) * f;
		cy += (a[1] + b[1]) * f;
		area += f * 3;
	}
	const first = ring[0] ?? [0, 0];
	return area === 0 ? first : [cx / area, cy / area];
}

function round(value: number): number {
	return Math.round(value * 1e4) / 1e4;
}
