/**
 * A screen polyline moved sideways by `d` px, to the right of its direction of travel (y grows
 * downward, so heading east, right is south): MapLibre's `line-offset`, for the SVG export. Each
 * vertex moves along the bisector of its two segments' normals, scaled so both segments stay `d`
 * away (a miter), the scale capped so a sharp turn cannot throw a vertex far off.
 */
export function offsetPolyline(
	points: readonly (readonly [number, number])[],
	d: number
): [number, number][] {
	const n = points.length;
	if (d === 0 || n < 2) return points.map(([x, y]) => [x, y]);
	const normals: [number, number][] = [];
	for (let i = 0; i + 1 < n; i++) {
		const [x0, y0] = points[i]!;
		const [x1, y1] = points[i + 1]!;
		const len = Math.hypot(x1 - x0, y1 - y0);
		// A zero-length segment takes its neighbour's normal (or none yet: filled below).
		normals.push(len > 0 ? [-(y1 - y0) / len, (x1 - x0) / len] : [Number.NaN, Number.NaN]);
	}
	for (let i = 0; i < normals.length; i++) {
		if (Number.isNaN(normals[i]![0]))
			normals[i] = normals[i - 1] ?? normals.find((v) => !Number.isNaN(v[0])) ?? [0, 0];
	}
	return points.map(([x, y], i) => {
		const a = normals[Math.max(0, i - 1)]!;
		const b = normals[Math.min(normals.length - 1, i)]!;
		let mx = a[0] + b[0];
		let my = a[1] + b[1];
		const ml = Math.hypot(mx, my);
		if (ml < 1e-9) return [x + a[0] * d, y + a[1] * d];
		mx /= ml;
		my /= ml;
		// cos of half the turn: the miter is 1 / cos long; capped at 2 (a turn of 120°).
		const cos = mx * a[0] + my * a[1];
		const scale = Math.min(2, 1 / Math.max(cos, 1e-9));
		return [x + mx * d * scale, y + my * d * scale];
	});
}
