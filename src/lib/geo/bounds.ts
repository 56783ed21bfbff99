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
