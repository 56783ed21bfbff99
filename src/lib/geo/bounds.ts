/** [[west, south], [east, north]] of a set of points; null for none. */
export function boundsOf(
	points: readonly (readonly number[])[]
): [[number, number], [number, number]] | null {
	let w = Infinity;
	let s = Infinity;
	let e = -Infinity;
	let n = -Infinity;
	for (const [lon, lat] of points) {
		if (lon === undefined || lat === undefined) continue;
		w = Math.min(w, lon);
		e = Math.max(e, lon);
		s = Math.min(s, lat);
		n = Math.max(n, lat);
	}
	return Number.isFinite(w)
		? [
				[w, s],
				[e, n]
			]
		: null;
}

/** Bounds grown by `degrees` on every side, so a single point can be framed too. */
export function padBounds(
	b: [[number, number], [number, number]],
	degrees: number
): [[number, number], [number, number]] {
	return [
		[b[0][0] - degrees, b[0][1] - degrees],
		[b[1][0] + degrees, b[1][1] + degrees]
	];
}

type Box = readonly [readonly [number, number], readonly [number, number]];

/** Whether [lon, lat] lies in bounds (edges included). */
export function boundsContain(b: Box, p: readonly number[]): boolean {
	const [lon, lat] = p as [number, number];
	return lon >= b[0][0] && lon <= b[1][0] && lat >= b[0][1] && lat <= b[1][1];
}

/** The bounds two bounds share (what both show), or null if they do not meet. */
export function boundsIntersection(a: Box, b: Box): [[number, number], [number, number]] | null {
	const w = Math.max(a[0][0], b[0][0]);
	const s = Math.max(a[0][1], b[0][1]);
	const e = Math.min(a[1][0], b[1][0]);
	const n = Math.min(a[1][1], b[1][1]);
	return w < e && s < n
		? [
				[w, s],
				[e, n]
			]
		: null;
}
