/**
 * Clipping screen geometry to a box, so an export carries only what its artboard shows (a map of
 * Korea need not hold Africa's coastline outside the frame). Polygons are clipped ring by ring
 * (Sutherland-Hodgman): the result fills the same area inside the box, with edges along the box
 * where the ring left it; that is why the box should lie a little outside the visible rect.
 */

export type XY = [number, number];
export interface ClipBox {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

type Edge = { inside: (p: XY) => boolean; cut: (a: XY, b: XY) => XY };

function edges(box: ClipBox): Edge[] {
	const atX =
		(x: number) =>
		(a: XY, b: XY): XY => [x, a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0])];
	const atY =
		(y: number) =>
		(a: XY, b: XY): XY => [a[0] + ((b[0] - a[0]) * (y - a[1])) / (b[1] - a[1]), y];
	return [
		{ inside: (p) => p[0] >= box.minX, cut: atX(box.minX) },
		{ inside: (p) => p[0] <= box.maxX, cut: atX(box.maxX) },
		{ inside: (p) => p[1] >= box.minY, cut: atY(box.minY) },
		{ inside: (p) => p[1] <= box.maxY, cut: atY(box.maxY) }
	];
}

/** A closed ring clipped to the box (open form: the last point need not repeat the first); [] if none of it is inside. */
export function clipRing(ring: readonly XY[], box: ClipBox): XY[] {
	let points: XY[] = [...ring];
	for (const edge of edges(box)) {
		if (points.length === 0) break;
		const input = points;
		points = [];
		for (let i = 0; i < input.length; i++) {
			const current = input[i]!;
			const previous = input[(i + input.length - 1) % input.length]!;
			const inCurrent = edge.inside(current);
			if (inCurrent !== edge.inside(previous)) points.push(edge.cut(previous, current));
			if (inCurrent) points.push(current);
		}
	}
	return points.length >= 3 ? points : [];
}

/** Where segment a-b enters and leaves the box, as parameters 0..1 (Liang-Barsky); null if it misses. */
function segmentSpan(a: XY, b: XY, box: ClipBox): [number, number] | null {
	const dx = b[0] - a[0];
	const dy = b[1] - a[1];
	let t0 = 0;
	let t1 = 1;
	const checks: [number, number][] = [
		[-dx, a[0] - box.minX],
		[dx, box.maxX - a[0]],
		[-dy, a[1] - box.minY],
		[dy, box.maxY - a[1]]
	];
	for (const [p, q] of checks) {
		if (p === 0) {
			if (q < 0) return null;
		} else {
			const t = q / p;
			if (p < 0) t0 = Math.max(t0, t);
			else t1 = Math.min(t1, t);
			if (t0 > t1) return null;
		}
	}
	return [t0, t1];
}

/** The pieces of a polyline that lie in the box, in order. */
export function clipPolyline(line: readonly XY[], box: ClipBox): XY[][] {
	const pieces: XY[][] = [];
	let piece: XY[] = [];
	const at = (a: XY, b: XY, t: number): XY => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
	for (let i = 1; i < line.length; i++) {
		const a = line[i - 1]!;
		const b = line[i]!;
		const span = segmentSpan(a, b, box);
		if (!span) {
			if (piece.length > 1) pieces.push(piece);
			piece = [];
			continue;
		}
		const start = span[0] === 0 ? a : at(a, b, span[0]);
		const end = span[1] === 1 ? b : at(a, b, span[1]);
		if (piece.length === 0) piece.push(start);
		piece.push(end);
		if (span[1] < 1) {
			if (piece.length > 1) pieces.push(piece);
			piece = [];
		}
	}
	if (piece.length > 1) pieces.push(piece);
	return pieces;
}

/**
 * Douglas-Peucker: drops points that lie within `tolerance` of the line through their
 * neighbours. At a third of a pixel nobody sees a difference, and a 50m coastline loses most of
 * its points at a national scale. Iterative, so a long coastline cannot overflow the stack.
 */
export function simplify(points: readonly XY[], tolerance: number): XY[] {
	if (points.length <= 2) return [...points];
	const keep = new Uint8Array(points.length);
	keep[0] = keep[points.length - 1] = 1;
	const stack: [number, number][] = [[0, points.length - 1]];
	const t2 = tolerance * tolerance;
	while (stack.length > 0) {
		const [first, last] = stack.pop()!;
		const [ax, ay] = points[first]!;
		const [bx, by] = points[last]!;
		const dx = bx - ax;
		const dy = by - ay;
		const len2 = dx * dx + dy * dy;
		let worst = -1;
		let worstD2 = t2;
		for (let i = first + 1; i < last; i++) {
			const [px, py] = points[i]!;
			const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2));
			const ex = ax + t * dx - px;
			const ey = ay + t * dy - py;
			const d2 = ex * ex + ey * ey;
			if (d2 > worstD2) {
				worstD2 = d2;
				worst = i;
			}
		}
		if (worst >= 0) {
			keep[worst] = 1;
			stack.push([first, worst], [worst, last]);
		}
	}
	return points.filter((_, i) => keep[i] === 1);
}
