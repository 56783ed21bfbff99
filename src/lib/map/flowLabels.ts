import type { Feature, Point } from 'geojson';
import { presentationOf, type Lang, type LocalText, type Story } from '$lib/story';
import { formatWhen } from '$lib/story/when';
import type { Relations } from '$lib/story/relations';
import { haversineKm, type LonLat } from '$lib/geo/arcs';
import { toMercator } from '$lib/geo/mercator';
import { boundsContain as inside } from '$lib/geo/bounds';
import { isolate } from '$lib/i18n/bidi';

/*
 * Names on the lines themselves, where a reader needs them at first sight:
 * - a routed flow (Kim's train) is named with its date beside its route;
 * - a relation that leaves a first view (Moscow–Pyongyang; Beijing–Pyongyang on a phone) is
 *   named with its length beside its cable, near the end in the view, so the regional view says
 *   where the lines leaving it go: the two scales of this story (Korea and Moscow are 6,400 km
 *   apart), as a cartographer labels flows leaving a regional frame.
 * Label features live in the flows source beside the lanes (they have no certainty, so no line
 * layer draws them) and are switched with them, by feature state or literal ids.
 *
 * The story's words in a name are isolated (i18n/bidi.ts): MapLibre 6 runs the bidi algorithm on
 * every label itself (bidi-js, no plugin needed) and draws no glyph for the controls, so a place
 * name starting with U+202E would otherwise turn "Moskau – Pjöngjang" around as a whole.
 */

/**
 * Where along a cable its name goes, from the end inside the first view: 600 km, or this share of
 * a shorter relation. Close enough to be in the view, far enough to clear the city's own name.
 */
const CABLE_LABEL_KM = 600;
const CABLE_LABEL_SHARE = 0.45;
/** Where along a route its name goes (a fraction of its length): clear of the cities at its ends. */
const ROUTE_LABEL_AT = 0.6;

const PUBLIC_RECORD: LocalText = { de: 'Datum öffentlich dokumentiert', en: 'date: public record' };

/** The label feature of a relation or a routed lane. */
export function labelFeatureId(owner: string): string {
	return `${owner}#label`;
}

const kmFormat = (lang: Lang) => new Intl.NumberFormat(lang === 'de' ? 'de-DE' : 'en-GB');

/** The point `km` along `line` and the line's heading there on a north-up Mercator map (deg, clockwise from east). */
function alongKm(line: readonly LonLat[], km: number): { point: LonLat; angle: number } {
	let at = 0;
	for (let i = 0; i + 1 < line.length; i++) {
		const a = line[i]!;
		const b = line[i + 1]!;
		const d = haversineKm(a, b);
		if (at + d >= km || i + 2 === line.length) {
			const f = d > 0 ? Math.min(1, (km - at) / d) : 0;
			const [ax, ay] = toMercator(a);
			const [bx, by] = toMercator(b);
			return {
				point: [a[0] + (b[0] - a[0]) * f, a[1] + (b[1] - a[1]) * f],
				angle: (Math.atan2(by - ay, bx - ax) * 180) / Math.PI
			};
		}
		at += d;
	}
	return { point: line[0] ?? [0, 0], angle: 0 };
}

/**
 * Which way is off the cable, as one of eight screen directions (0 = east, counting clockwise in
 * 45° steps, y down): the name is set beside the cable that way (or the opposite way, `side` + 4,
 * see roomierSide).
 */
function sideOf(angle: number): number {
	return ((Math.round((angle - 90) / 45) % 8) + 8) % 8;
}

/** About how far off its cable a name's middle lies, in degrees (first views are near zoom 4.5). */
const NAME_DISTANCE_DEG = 1.2;

/**
 * Of the two sides off a cable (`side` and `side` + 4), the one farther from other relations'
 * lines, so a name never sits between two cables where it could belong to either.
 */
function roomierSide(side: number, at: LonLat, others: readonly LonLat[][]): number {
	const clearance = (s: number) => {
		const angle = (s * Math.PI) / 4;
		const k = Math.cos((at[1] * Math.PI) / 180);
		// Screen y grows southward: a step "down" is a step south.
		const x = at[0] + (Math.cos(angle) * NAME_DISTANCE_DEG) / k;
		const y = at[1] - Math.sin(angle) * NAME_DISTANCE_DEG;
		let best = Number.POSITIVE_INFINITY;
		for (const line of others)
			for (let i = 0; i + 1 < line.length; i++)
				best = Math.min(best, segmentDistance([x, y], line[i]!, line[i + 1]!, k));
		return best;
	};
	const opposite = (side + 4) % 8;
	return clearance(opposite) > clearance(side) ? opposite : side;
}

/** Distance from `p` to the segment a–b, in degrees of latitude (longitudes scaled by `k`). */
function segmentDistance(p: LonLat, a: LonLat, b: LonLat, k: number): number {
	const [px, py] = [p[0] * k, p[1]];
	const [ax, ay] = [a[0] * k, a[1]];
	const [bx, by] = [b[0] * k, b[1]];
	const dx = bx - ax;
	const dy = by - ay;
	const len = dx * dx + dy * dy;
	const t = len > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len)) : 0;
	return Math.hypot(px - (ax + dx * t), py - (ay + dy * t));
}

/** The ids a relation's names may have (one per first view it leaves). */
export function relationLabelIds(relation: string): string[] {
	return FRAMES.map(({ suffix }) => labelFeatureId(relation + suffix));
}

/** The first views a long relation may leave, and the id suffix of the name each needs. */
const FRAMES = [
	{ key: 'desktop', suffix: '' },
	{ key: 'phone', suffix: '-phone' }
] as const;

/** How far `line` runs from its start before it first leaves `frame`, in km. */
function kmInside(
	frame: readonly [readonly [number, number], readonly [number, number]],
	line: readonly LonLat[]
): number {
	let km = 0;
	for (let i = 0; i + 1 < line.length; i++) {
		if (!inside(frame, line[i + 1]!)) return km;
		km += haversineKm(line[i]!, line[i + 1]!);
	}
	return km;
}

/** Which end of `line` lies in `frame` while the other does not, or null. */
function leavingEnd(
	frame: readonly [readonly [number, number], readonly [number, number]],
	line: readonly LonLat[]
): 'start' | 'end' | null {
	const start = inside(frame, line[0]!);
	const end = inside(frame, line.at(-1)!);
	return start === end ? null : start ? 'start' : 'end';
}

function routePoint(line: readonly LonLat[], fraction: number): LonLat {
	const total = line.slice(1).reduce((sum, p, i) => sum + haversineKm(line[i]!, p), 0);
	return alongKm(line, total * fraction).point;
}

export function flowLabelFeatures(
	story: Story,
	relations: Relations,
	lines: ReadonlyMap<string, LonLat[]>
): Feature<Point>[] {
	const place = new Map(story.places.map((p) => [p.id, p]));
	const presentation = presentationOf(story);
	const frames = { desktop: presentation.frame, phone: presentation.framePhone };
	const features: Feature<Point>[] = [];
	/** Each relation's distinct lines (its lanes share them), gathered once. */
	const relationLines = relations.relations.map((r) => ({
		id: r.id,
		lines: [...new Set(r.lanes.map((l) => lines.get(l.id) ?? []))]
	}));
	/** Every other relation's lines, where a name must not seem to belong. */
	const others = (relationId: string): LonLat[][] =>
		relationLines.filter((r) => r.id !== relationId).flatMap((r) => r.lines);
	for (const relation of relations.relations) {
		for (const lane of relation.lanes) {
			const flow = lane.flows[0];
			const line = lines.get(lane.id);
			if (!lane.routed || !flow || !line) continue;
			const text = (lang: Lang) =>
				`${isolate(flow.label[lang])}\n${formatWhen(flow.when, lang)}${flow.when.note ? `\n(${PUBLIC_RECORD[lang]})` : ''}`;
			features.push({
				type: 'Feature',
				properties: {
					id: labelFeatureId(lane.id),
					relation: relation.id,
					label_de: text('de'),
					label_en: text('en')
				},
				geometry: { type: 'Point', coordinates: routePoint(line, ROUTE_LABEL_AT) }
			});
		}
		const a = place.get(relation.places[0]);
		const b = place.get(relation.places[1]);
		const cable = relation.lanes.find((l) => !l.routed);
		const whole = cable && lines.get(cable.id);
		if (!a || !b || !whole) continue;
		const km = haversineKm(a.coord, b.coord);
		const text = (lang: Lang) =>
			`${isolate(a.name[lang])} – ${isolate(b.name[lang])}\n${kmFormat(lang).format(Math.round(km / 100) * 100)} km`;
		// One name per first view the relation leaves (it has one end in it and one beyond),
		// measured from the end in it.
		for (const { key, suffix } of FRAMES) {
			const end = leavingEnd(frames[key], whole);
			if (end === null) continue;
			const line = end === 'start' ? whole : [...whole].reverse();
			// Before the cable leaves the view, whatever the relation's length.
			const at = Math.min(CABLE_LABEL_KM, km * CABLE_LABEL_SHARE, kmInside(frames[key], line) * 0.8);
			const { point, angle } = alongKm(line, at);
			features.push({
				type: 'Feature',
				properties: {
					id: labelFeatureId(relation.id + suffix),
					relation: relation.id,
					label_de: text('de'),
					label_en: text('en'),
					side: roomierSide(sideOf(angle), point, others(relation.id)),
					// The cable's half width, in half lanes: its name sits just past it.
					halfLanes: Math.max(
						0,
						...relation.lanes.filter((l) => !l.routed).map((l) => Math.round(Math.abs(l.offset) * 2))
					),
					// Which first view it is for (layers.ts shows each view its own).
					frame: key
				},
				geometry: { type: 'Point', coordinates: point }
			});
		}
	}
	return features;
}
