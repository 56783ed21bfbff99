/**
 * Flow line geometry: great circles, bent arcs and routed polylines, plus the two measurements
 * the map and the tests need (a point and a heading at a fraction of a line).
 *
 * Every function returns vertices in the direction of travel, origin first: MapLibre places arrow
 * icons along a line in vertex order, so vertex order *is* the arrow direction.
 *
 * Longitudes are never wrapped back into [-180, 180]: each vertex is within 180° of the one
 * before it, so a line from 170°E to 170°W ends at lon 190, not -170. MapLibre draws such lines
 * across the antimeridian instead of as a band across the whole world. The last vertex therefore
 * equals the destination up to a whole turn (360·k) in longitude; k is 0 unless the line crosses
 * the antimeridian.
 */
import {
	fromMercator,
	latToMercatorY,
	MAX_MERCATOR_LAT,
	toMercator,
	type LonLat,
	type MercatorXY
} from './mercator';

export type { LonLat } from './mercator';

type Position = readonly [number, number];

const DEG = Math.PI / 180;
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Default number of vertices of a flow arc. Each segment of a bow of bend k strays from the true
 * curve by about k·π²/(8·31²) of the chord: for k = 0.5 that is 0.6 px on a chord 1000 px long,
 * so 32 vertices look smooth. Twice as many would double the cost of 10,000 flows for nothing.
 */
export const DEFAULT_ARC_SAMPLES = 32;
/** Routes longer than this follow a great circle; shorter ones a (bent) straight screen line. */
export const DEFAULT_GREAT_CIRCLE_ABOVE_KM = 2000;

/** Great-circle distance in km (haversine, mean Earth radius). */
export function haversineKm(a: Position, b: Position): number {
	const dLat = (b[1] - a[1]) * DEG;
	const dLon = (b[0] - a[0]) * DEG;
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * DEG) * Math.cos(b[1] * DEG) * Math.sin(dLon / 2) ** 2;
	return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** `lon` shifted by whole turns to lie within 180° of `ref`. */
function nearestTurn(lon: number, ref: number): number {
	return lon + 360 * Math.round((ref - lon) / 360);
}

/**
 * Copy of `line` whose longitudes are continuous: each vertex is shifted by whole turns to lie
 * within 180° of the previous one. The first vertex is kept as given.
 */
export function unwrapLongitudes(line: readonly Position[]): LonLat[] {
	const out: LonLat[] = [];
	let prev = Number.NaN;
	for (const p of line) {
		const lon = Number.isNaN(prev) ? p[0] : nearestTurn(p[0], prev);
		out.push([lon, p[1]]);
		prev = lon;
	}
	return out;
}

/**
 * `n` vertices (at least 2) evenly spaced along the shorter great circle from `a` to `b`
 * (spherical linear interpolation). Longitudes are continuous (see module doc). For antipodal
 * points, where every meridian is a shortest path, the one through the North Pole is taken.
 * A path through a pole turns its longitude by 180° there: that is geometry, not a wrap.
 */
export function greatCircle(a: Position, b: Position, n: number): LonLat[] {
	const count = Math.max(2, Math.floor(n));
	const lon = new Float64Array(count);
	const lat = new Float64Array(count);
	walkGreatCircle(a, b, count, lon, lat, undefined);
	const out: LonLat[] = new Array<LonLat>(count);
	for (let i = 0; i < count; i++) out[i] = [lon[i] as number, lat[i] as number];
	return out;
}

/** sin of Web Mercator's latitude limit: z beyond it would give an infinite y. */
const MAX_MERCATOR_Z = Math.sin(MAX_MERCATOR_LAT * DEG);

/**
 * Fill `lon` (continuous) and either `lat` (degrees) or `y` (unit Mercator) with the great circle
 * from `a` to `b`; the first and last vertices are `a` and `b` exactly (b's longitude unwrapped).
 * Shared by `greatCircle` and `arcBase`, which needs Mercator y and gets it straight from the
 * unit vector (y = ½ − atanh(sin lat)/2π) instead of through a latitude.
 * Returns false if the path goes beyond Web Mercator's latitude limit (where y is clamped).
 */
function walkGreatCircle(
	a: Position,
	b: Position,
	count: number,
	lon: Float64Array,
	lat: Float64Array | undefined,
	y: Float64Array | undefined
): boolean {
	let drawable = true;
	const [ax, ay, az] = unitVector(a);
	const [bx, by, bz] = unitVector(b);
	const dot = Math.max(-1, Math.min(1, ax * bx + ay * by + az * bz));
	const d = Math.acos(dot);
	// Orthonormal basis (va, u) of the great circle's plane: p(t) = va·cos(td) + u·sin(td).
	let ux = bx - dot * ax;
	let uy = by - dot * ay;
	let uz = bz - dot * az;
	let len = Math.sqrt(ux * ux + uy * uy + uz * uz);
	if (len < 1e-12 && d > 1) {
		// Antipodal: head north (or along lon 0 from a pole).
		[ux, uy, uz] = [-az * ax, -az * ay, 1 - az * az];
		len = Math.sqrt(ux * ux + uy * uy + uz * uz);
		if (len < 1e-12) [ux, uy, uz, len] = [1, 0, 0, 1];
	}
	const same = d < 1e-12;
	if (!same) [ux, uy, uz] = [ux / len, uy / len, uz / len];

	let prevLon = a[0];
	for (let i = 1; i < count - 1; i++) {
		if (same) {
			lon[i] = a[0];
			if (lat) lat[i] = a[1];
			if (y) y[i] = latToMercatorY(a[1]);
			continue;
		}
		const angle = (d * i) / (count - 1);
		const c = Math.cos(angle);
		const s = Math.sin(angle);
		const x = ax * c + ux * s;
		const yy = ay * c + uy * s;
		const z = az * c + uz * s;
		prevLon = nearestTurn(Math.atan2(yy, x) / DEG, prevLon);
		lon[i] = prevLon;
		if (lat) lat[i] = Math.atan2(z, Math.sqrt(x * x + yy * yy)) / DEG;
		if (y) {
			if (z > MAX_MERCATOR_Z || z < -MAX_MERCATOR_Z) drawable = false;
			const zc = Math.max(-MAX_MERCATOR_Z, Math.min(MAX_MERCATOR_Z, z));
			y[i] = 0.5 - Math.atanh(zc) / (2 * Math.PI);
		}
	}
	lon[0] = a[0];
	lon[count - 1] = nearestTurn(b[0], prevLon);
	if (lat) [lat[0], lat[count - 1]] = [a[1], b[1]];
	if (y) [y[0], y[count - 1]] = [latToMercatorY(a[1]), latToMercatorY(b[1])];
	return drawable;
}

function unitVector(p: Position): [number, number, number] {
	const lat = p[1] * DEG;
	const lon = p[0] * DEG;
	const c = Math.cos(lat);
	return [c * Math.cos(lon), c * Math.sin(lon), Math.sin(lat)];
}

/** The fewest vertices a drawn arc gets: a short bow still reads as a curve at zoom 6. */
export const MIN_ARC_SAMPLES = 12;

/**
 * Vertices for an arc of this length: one per 200 km, between MIN_ARC_SAMPLES and
 * DEFAULT_ARC_SAMPLES. Moscow–Pyongyang keeps 32; Pyongyang–Beijing gets 12. At 10,000 flows
 * every vertex is memory on the page and work in the map's worker.
 */
export function arcSamplesFor(km: number): number {
	return Math.min(DEFAULT_ARC_SAMPLES, Math.max(MIN_ARC_SAMPLES, Math.ceil(km / 200) + 1));
}

export interface FlowArcOptions {
	/**
	 * Sideways bow as a fraction of the origin–destination distance on screen (Mercator chord).
	 * Positive bows to the RIGHT of the direction of travel as seen on a north-up map (screen y
	 * grows southward): heading east, +bend bows south; heading north, +bend bows east.
	 * 0 gives the unbent base path. 0.15 is a gentle arc.
	 */
	bend: number;
	/** Number of vertices (default: {@link arcSamplesFor} the distance). */
	samples?: number;
	/** Distance above which the base path is a great circle (default 2000 km). */
	greatCircleAboveKm?: number;
}

/**
 * A flow's drawn line from `a` to `b`.
 *
 * Base path: a great circle when the places are farther apart than `greatCircleAboveKm` (a
 * Pyongyang–Moscow flight visibly arcs north, as readers expect from long routes); otherwise a
 * straight screen line, since a 700 km great circle is indistinguishable from one and the bend
 * alone should shape short flows. Great circles that pass beyond Mercator's ±85.05° (trans-polar
 * routes) cannot be drawn on this map and also use the screen line.
 *
 * Bend: each vertex is moved perpendicular to the chord, in Mercator, by
 * `bend · chord · sin(π·t)`, t being the vertex's fraction of the base path's screen length. The
 * offset vanishes at the ends and peaks mid-way, so the bow is symmetric on screen and lines that
 * differ only in bend never cross except at their shared ends.
 *
 * The first vertex equals `a`; the last equals `b` up to a whole turn of longitude.
 */
export function flowArc(a: Position, b: Position, opts: FlowArcOptions): LonLat[] {
	return bendArc(arcBase(a, b, opts), opts.bend);
}

/**
 * The unbent path of {@link flowArc}, prepared for bending. Exposed so that callers drawing many
 * flows between the same two places (see `buildLaneLines`) compute the expensive part once.
 */
export interface ArcBase {
	/** Mercator x of each vertex. */
	readonly xs: Float64Array;
	/** Mercator y of each vertex. */
	readonly ys: Float64Array;
	/** sin(π·t) per vertex: the share of the full bend each vertex receives. */
	readonly weight: Float64Array;
	/** Whether the path is a great circle (recomputed in degrees for bend 0, for exactness). */
	readonly greatCircleBase: boolean;
	readonly start: LonLat;
	/** Destination with its longitude unwrapped to continue the path. */
	readonly end: LonLat;
}

/** Base path of a flow from `a` to `b`; see {@link flowArc}. */
export function arcBase(a: Position, b: Position, opts: Omit<FlowArcOptions, 'bend'> = {}): ArcBase {
	const samples = Math.max(2, Math.floor(opts.samples ?? arcSamplesFor(haversineKm(a, b))));
	const threshold = opts.greatCircleAboveKm ?? DEFAULT_GREAT_CIRCLE_ABOVE_KM;
	const xs = new Float64Array(samples);
	const ys = new Float64Array(samples);
	let greatCircleBase = false;
	let endLon = Number.NaN;
	if (haversineKm(a, b) > threshold) {
		// A great circle over (or right by) a pole leaves the Mercator map: it would be drawn as a
		// spike to the top edge and a run along it. Such a route falls back to the screen line.
		greatCircleBase = walkGreatCircle(a, b, samples, xs, undefined, ys);
	}
	if (greatCircleBase) {
		endLon = xs[samples - 1] as number;
		// walkGreatCircle leaves longitudes in xs; turn them into Mercator x.
		for (let i = 0; i < samples; i++) xs[i] = ((xs[i] as number) + 180) / 360;
	} else {
		endLon = nearestTurn(b[0], a[0]);
		const x0 = (a[0] + 180) / 360;
		const y0 = latToMercatorY(a[1]);
		const x1 = (endLon + 180) / 360;
		const y1 = latToMercatorY(b[1]);
		for (let i = 0; i < samples; i++) {
			const f = i / (samples - 1);
			xs[i] = x0 + (x1 - x0) * f;
			ys[i] = y0 + (y1 - y0) * f;
		}
	}
	// t by screen length, so the bow is even on screen even where the great circle's vertices
	// (evenly spaced on the globe) are stretched by Mercator.
	const weight = new Float64Array(samples);
	let total = 0;
	for (let i = 1; i < samples; i++) {
		const dx = (xs[i] as number) - (xs[i - 1] as number);
		const dy = (ys[i] as number) - (ys[i - 1] as number);
		total += Math.sqrt(dx * dx + dy * dy);
		weight[i] = total;
	}
	for (let i = 0; i < samples; i++) {
		weight[i] = total > 0 ? Math.sin((Math.PI * (weight[i] as number)) / total) : 0;
	}
	weight[samples - 1] = 0;
	return { xs, ys, weight, greatCircleBase, start: [a[0], a[1]], end: [endLon, b[1]] };
}

/** Bend a base path (see {@link flowArc} for the meaning and sign of `bend`). */
export function bendArc(base: ArcBase, bend: number): LonLat[] {
	const { xs, ys, weight } = base;
	const n = weight.length;
	if (bend === 0 && base.greatCircleBase) return greatCircle(base.start, base.end, n);
	const out: LonLat[] = new Array<LonLat>(n);
	const dx = (xs[n - 1] as number) - (xs[0] as number);
	const dy = (ys[n - 1] as number) - (ys[0] as number);
	// Right of travel in a y-down plane is (-dy, dx). Its length is the chord's, which is the
	// scale the bend is defined in, so it is used unnormalised.
	const rx = -dy * bend;
	const ry = dx * bend;
	for (let i = 1; i < n - 1; i++) {
		const w = weight[i] as number;
		// fromMercator, inlined: this line runs for every vertex of every flow.
		const y = (ys[i] as number) + ry * w;
		out[i] = [
			((xs[i] as number) + rx * w) * 360 - 180,
			(2 * Math.atan(Math.exp(Math.PI * (1 - 2 * y))) - Math.PI / 2) / DEG
		];
	}
	out[0] = [base.start[0], base.start[1]];
	out[n - 1] = [base.end[0], base.end[1]];
	return out;
}

export interface RouteLineOptions {
	/**
	 * Rounds of corner cutting (Chaikin, in screen space) to soften kinks between waypoints;
	 * default 0, at most 6. Smoothing pulls the line off intermediate waypoints, so keep it light
	 * (1–2) where the waypoints are real stations.
	 */
	smoothing?: number;
}

/**
 * A flow that follows a real route (e.g. Kim's train via Tumangang/Khasan and Ussuriysk):
 * the waypoints as a polyline with continuous longitudes, consecutive duplicates removed (they
 * would give arrows no direction), optionally smoothed. The first vertex equals the first
 * waypoint and the last equals the last one (up to a whole turn of longitude).
 */
export function routeLine(points: readonly Position[], opts: RouteLineOptions = {}): LonLat[] {
	if (points.length < 2) throw new RangeError('routeLine needs at least two points');
	const unwrapped = unwrapLongitudes(points);
	const line: LonLat[] = [];
	for (const p of unwrapped) {
		const prev = line[line.length - 1];
		if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) line.push(p);
	}
	if (line.length < 2) return [unwrapped[0] as LonLat, unwrapped[unwrapped.length - 1] as LonLat];

	// Each round doubles the vertices; past a handful nothing visible changes.
	const rounds = Math.min(6, Math.max(0, Math.floor(opts.smoothing ?? 0)));
	if (rounds === 0 || line.length < 3) return line;
	let merc = line.map(toMercator);
	for (let r = 0; r < rounds; r++) merc = chaikin(merc);
	const out = merc.map(fromMercator);
	out[0] = line[0] as LonLat;
	out[out.length - 1] = line[line.length - 1] as LonLat;
	return out;
}

/** One round of Chaikin corner cutting that keeps both ends of an open polyline. */
function chaikin(line: readonly MercatorXY[]): MercatorXY[] {
	const out: MercatorXY[] = [line[0] as MercatorXY];
	for (let i = 0; i < line.length - 1; i++) {
		const p = line[i] as MercatorXY;
		const q = line[i + 1] as MercatorXY;
		out.push([0.75 * p[0] + 0.25 * q[0], 0.75 * p[1] + 0.25 * q[1]]);
		out.push([0.25 * p[0] + 0.75 * q[0], 0.25 * p[1] + 0.75 * q[1]]);
	}
	out.push(line[line.length - 1] as MercatorXY);
	return out;
}

function cumulativeLengths(line: readonly MercatorXY[]): number[] {
	const out = [0];
	let sum = 0;
	for (let i = 1; i < line.length; i++) {
		const p = line[i - 1] as MercatorXY;
		const q = line[i] as MercatorXY;
		const dx = q[0] - p[0];
		const dy = q[1] - p[1];
		sum += Math.sqrt(dx * dx + dy * dy);
		out.push(sum);
	}
	return out;
}

interface Located {
	/** Index of the segment's first vertex in the line. */
	index: number;
	from: MercatorXY;
	to: MercatorXY;
	/** Fraction (0..1) of the way from `from` to `to`. */
	f: number;
}

/**
 * The segment of `line` holding fraction `t` (0..1) of its screen length. Zero-length segments
 * are skipped so a heading always exists; `undefined` only for a line without length.
 */
function locate(line: readonly Position[], t: number): Located | undefined {
	const merc = line.map(toMercator);
	const cumulative = cumulativeLengths(merc);
	const total = cumulative[cumulative.length - 1] ?? 0;
	if (!(total > 0)) return undefined;
	const target = Math.max(0, Math.min(1, t)) * total;
	let found: Located | undefined;
	for (let i = 1; i < merc.length; i++) {
		const start = cumulative[i - 1] as number;
		const end = cumulative[i] as number;
		if (end === start) continue;
		const f = Math.max(0, Math.min(1, (target - start) / (end - start)));
		found = { index: i - 1, from: merc[i - 1] as MercatorXY, to: merc[i] as MercatorXY, f };
		if (target < end) break;
	}
	return found;
}

/**
 * The point at fraction `t` (0..1) of the line's length on screen. Useful for labels and for
 * measuring the gap between parallel flows at their middles.
 */
export function pointAt(line: readonly Position[], t: number): LonLat {
	const seg = locate(line, t);
	if (!seg) {
		const p = line[0];
		if (!p) throw new RangeError('pointAt needs a non-empty line');
		return [p[0], p[1]];
	}
	// Vertices are returned as given, not round-tripped through Mercator.
	if (seg.f === 0 || seg.f === 1) {
		const p = line[seg.index + seg.f] as Position;
		return [p[0], p[1]];
	}
	return fromMercator([
		seg.from[0] + (seg.to[0] - seg.from[0]) * seg.f,
		seg.from[1] + (seg.to[1] - seg.from[1]) * seg.f
	]);
}

/**
 * Direction of travel at fraction `t` (0..1) of the line, in compass degrees [0, 360): 0 north,
 * 90 east. Measured on the Mercator (screen) plane; as Mercator is conformal this is also the
 * true local heading, and it is the direction an arrow icon at that point shows. NaN for a line
 * without length.
 */
export function bearingAt(line: readonly Position[], t: number): number {
	const seg = locate(line, t);
	if (!seg) return Number.NaN;
	const dx = seg.to[0] - seg.from[0];
	const dy = seg.to[1] - seg.from[1];
	const deg = Math.atan2(dx, -dy) / DEG;
	return deg < 0 ? deg + 360 : deg;
}
