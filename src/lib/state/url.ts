import {
	CERTAINTIES,
	FLOW_KINDS,
	isTimelineDate,
	LANGS,
	type Certainty,
	type FlowKind,
	type Lang
} from '$lib/story';
import {
	cleanExportText,
	EXPORT_TEXT_FIELDS,
	type ExportTextEdits,
	type ExportTextField
} from './exportText';

/*
 * The view state's URL form, so a link reproduces what the sender saw. Links are written by the
 * app but read from anywhere (chat apps mangle them, people edit them by hand), so parsing is
 * total and per field: a field that is missing or broken is simply left out of the result and
 * the app keeps its default for it, while every other field still applies.
 *
 *   lang=de|en
 *   step=N                            story step, 1-based (the first step is step=1)
 *   map=zoom/lat/lon[/bearing]        like OSM; bearing omitted when 0
 *   kinds=arms,food                   flow kinds shown; `none` or empty = all off
 *   cert=reported|claimed|possible
 *   until=YYYY-MM-DD|YYYY-MM|all      the timeline's date: any day or month a story may have (the
 *                                     date rule, story/vocabulary.ts); `all` = no date (null);
 *                                     read from the older `month=YYYY-MM` when `until` is absent
 *   layers=patrol,regions,borders,labels   basemap layers ON; `none` or empty = all off
 *   sel=<id>|<id>~<id>                a story id or a relation; `sel=` (empty) = nothing selected
 *   title= deck= note= source= credit=   the export's own words (state/exportText.ts), percent-encoded;
 *                                     present = edited (an empty value leaves the line out)
 *
 * Pure: no DOM, no window; the caller passes `location.search` in and writes the string out.
 */

/** What a URL can say about the view; every field is optional (absent = keep the default). */
export interface UrlState {
	lang?: Lang;
	/** The story step, 0-based (the URL counts from 1); null = exploring, no step. */
	step?: number | null;
	/** Canonical order: FLOW_KINDS order, no duplicates. */
	kinds?: FlowKind[];
	certainty?: Certainty;
	/** 'YYYY-MM-DD' or 'YYYY-MM', or null for "all dates". */
	until?: string | null;
	layers?: { patrol: boolean; regions: boolean; borders: boolean; labels: boolean };
	selected?: string | null;
	/**
	 * center is [lon, lat]. Parsed cameras are normalised: zoom clamped to [0, 22], lat clamped to
	 * [-85.06, 85.06] (the Web Mercator limit), lon wrapped into [-180, 180), bearing wrapped into
	 * [0, 360); -0 becomes 0.
	 */
	camera?: { center: [number, number]; zoom: number; bearing: number };
	/** The export text the reader edited; absent fields keep the story's. */
	exportText?: ExportTextEdits;
}

const LAYERS = ['patrol', 'regions', 'borders', 'labels'] as const;
/** Order of keys in a written URL; fixed so equal states give equal strings. */
const KEYS = [
	'lang',
	'step',
	'map',
	'kinds',
	'cert',
	'until',
	'layers',
	'sel',
	...EXPORT_TEXT_FIELDS
] as const;
type Key = (typeof KEYS)[number];
/** Keys older links used, read but written under their new name (`month=` became `until=`). */
const FORMER_KEYS = ['month'] as const;

/**
 * A URL longer than this is not one the app wrote (five export texts of 300 characters, each
 * percent-encoded at up to 9 bytes a character, fit); reading it all would only cost time.
 */
export const MAX_SEARCH = 16_000;
/** A story id, or a relation's: two ids joined by `~` (story/relations.ts). */
const SLUG_RE = /^[a-z0-9-]{1,64}(?:~[a-z0-9-]{1,64})?$/;
/** Plain decimals only: no exponent, hex, spaces or `Infinity`, which `Number()` would accept. */
const NUM_RE = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;
const MAX_ZOOM = 22;
const MAX_LAT = 85.06;
/** As many steps as a story may have (story/schema.ts). */
const MAX_STEPS = 50;
/** A step number as written: 1 to 99, no leading zero, sign or fraction. */
const STEP_RE = /^[1-9]\d?$/;

// ---------------------------------------------------------------------------------------------
// Field helpers, shared by both directions so reading and writing cannot drift apart.

/**
 * A date the URL reads and writes: exactly the days and months a story file may have (the date
 * rule, story/vocabulary.ts), so a story from any century can share its timeline by link.
 */
function isDate(s: string): boolean {
	return isTimelineDate(s);
}

/**
 * A comma list of tokens -> the known ones in `vocab` order, without duplicates. `none` and the
 * empty value mean "none of them"; unknown entries are dropped one by one. A non-empty list with
 * no known entry at all is a garbled value rather than a request to hide everything: undefined.
 */
function readList<T extends string>(value: string, vocab: readonly T[]): T[] | undefined {
	if (value === 'none') return [];
	const parts = value.split(',');
	const known = vocab.filter((v) => parts.includes(v));
	return known.length > 0 || parts.every((p) => p === '') ? known : undefined;
}

/** The inverse of readList; `none` rather than an empty value, which some tools strip. */
function writeList<T extends string>(items: readonly unknown[], vocab: readonly T[]): string {
	const on = vocab.filter((v) => items.includes(v));
	return on.length > 0 ? on.join(',') : 'none';
}

/** Exact for values already in range, so a parsed camera survives another parse unchanged. */
function wrap360(x: number, lo: number): number {
	let r = x % 360; // exact, in (-360, 360)
	if (r < lo) r += 360;
	else if (r >= lo + 360) r -= 360;
	// A tiny negative bearing plus 360 rounds to 360 itself.
	if (r >= lo + 360) r = lo;
	return r + 0; // -0 -> 0, so equal views compare equal
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x)) + 0;

type Camera = NonNullable<UrlState['camera']>;

function normaliseCamera(zoom: number, lat: number, lon: number, bearing: number): Camera | undefined {
	if (![zoom, lat, lon, bearing].every(Number.isFinite)) return undefined;
	return {
		center: [wrap360(lon, -180), clamp(lat, -MAX_LAT, MAX_LAT)],
		zoom: clamp(zoom, 0, MAX_ZOOM),
		bearing: wrap360(bearing, 0)
	};
}

function readCamera(value: string): Camera | undefined {
	const parts = value.split('/');
	if (parts.length !== 3 && parts.length !== 4) return undefined;
	if (!parts.every((p) => NUM_RE.test(p))) return undefined;
	const [zoom, lat, lon, bearing = 0] = parts.map(Number) as [number, number, number, number?];
	return normaliseCamera(zoom, lat, lon, bearing);
}

/** Rounded to `digits` decimals, shortest text ("45.1", not "45.1000"; "0", never "-0"). */
function round(x: number, digits: number): number {
	return Number(x.toFixed(digits)) + 0;
}

/** zoom 2 decimals (~1% of scale), lat/lon 4 (~11 m), bearing 1 (0.1°): short, still exact enough. */
function writeCamera(camera: Camera): string | undefined {
	const c = normaliseCamera(camera.zoom, camera.center[1], camera.center[0], camera.bearing);
	if (!c) return undefined;
	// Wrap again after rounding: 179.99996 rounds to 180, which is written as -180.
	const lon = wrap360(round(c.center[0], 4), -180);
	const bearing = wrap360(round(c.bearing, 1), 0);
	const head = `${round(c.zoom, 2)}/${round(c.center[1], 4)}/${lon}`;
	return bearing === 0 ? head : `${head}/${bearing}`;
}

/**
 * Each field's URL text, or undefined when the field is absent or not valid. Every view value
 * comes from a fixed vocabulary, is a plain number or a slug, so none needs percent-encoding (and
 * commas and slashes stay readable); only the export's free text is encoded.
 */
function writeFields(s: UrlState): Record<Key, string | undefined> {
	const layers = s.layers;
	return {
		lang: s.lang !== undefined && LANGS.includes(s.lang) ? s.lang : undefined,
		step:
			typeof s.step === 'number' && Number.isInteger(s.step) && s.step >= 0 && s.step < MAX_STEPS
				? String(s.step + 1)
				: undefined,
		map: s.camera ? writeCamera(s.camera) : undefined,
		kinds: s.kinds ? writeList(s.kinds, FLOW_KINDS) : undefined,
		cert:
			s.certainty !== undefined && (CERTAINTIES as readonly string[]).includes(s.certainty)
				? s.certainty
				: undefined,
		until: s.until === null ? 'all' : s.until !== undefined && isDate(s.until) ? s.until : undefined,
		layers: layers
			? writeList(
					LAYERS.filter((l) => layers[l] === true),
					LAYERS
				)
			: undefined,
		sel:
			s.selected === null
				? ''
				: s.selected !== undefined && SLUG_RE.test(s.selected)
					? s.selected
					: undefined,
		...exportTextFields(s.exportText)
	};
}

function exportTextFields(edits: ExportTextEdits | undefined): Record<ExportTextField, string | undefined> {
	const entry = (field: ExportTextField) => {
		const value = edits?.[field];
		return value === undefined ? undefined : encodeURIComponent(cleanExportText(value));
	};
	return Object.fromEntries(EXPORT_TEXT_FIELDS.map((field) => [field, entry(field)])) as Record<
		ExportTextField,
		string | undefined
	>;
}

function readParams(search: string): URLSearchParams {
	let s = String(search);
	if (s.length > MAX_SEARCH) {
		// Drop the cut-off last pair too: a truncated `sel=pyongyang` must not become `sel=pyong`.
		s = s.slice(0, MAX_SEARCH);
		s = s.slice(0, Math.max(0, s.lastIndexOf('&')));
	}
	// URLSearchParams strips one leading '?' and decodes malformed %-escapes to U+FFFD, not throws.
	return new URLSearchParams(s);
}

// ---------------------------------------------------------------------------------------------

/**
 * Reads `location.search` (with or without the leading '?'). Never throws. Unknown keys are
 * ignored; for a repeated key only the FIRST occurrence counts, even when it is invalid and a
 * later one is not (one simple rule, as URLSearchParams.get does). A `sel` id must look like a
 * slug and, when `knownIds` is given, be one of them; a step must be one of `stepCount`.
 */
export function parseUrlState(
	search: string,
	knownIds?: ReadonlySet<string>,
	stepCount: number = MAX_STEPS
): UrlState {
	const out: UrlState = {};
	try {
		const params = readParams(search);
		const get = (key: Key) => params.get(key) ?? undefined;

		const lang = get('lang');
		if (lang !== undefined && (LANGS as readonly string[]).includes(lang)) out.lang = lang as Lang;

		const step = get('step');
		if (step !== undefined && STEP_RE.test(step) && Number(step) <= Math.min(MAX_STEPS, stepCount))
			out.step = Number(step) - 1;

		const map = get('map');
		const camera = map !== undefined ? readCamera(map) : undefined;
		if (camera) out.camera = camera;

		const kinds = get('kinds');
		const kindList = kinds !== undefined ? readList(kinds, FLOW_KINDS) : undefined;
		if (kindList) out.kinds = kindList;

		const cert = get('cert');
		if (cert !== undefined && (CERTAINTIES as readonly string[]).includes(cert))
			out.certainty = cert as Certainty;

		// Links written before the timeline stopped at days said `month=`.
		const until = get('until') ?? (params.get(FORMER_KEYS[0]) || undefined);
		if (until === 'all') out.until = null;
		else if (until !== undefined && isDate(until)) out.until = until;

		const layers = get('layers');
		const on = layers !== undefined ? readList(layers, LAYERS) : undefined;
		if (on)
			out.layers = {
				patrol: on.includes('patrol'),
				regions: on.includes('regions'),
				borders: on.includes('borders'),
				labels: on.includes('labels')
			};

		const sel = get('sel');
		if (sel === '') out.selected = null;
		else if (sel !== undefined && SLUG_RE.test(sel) && (!knownIds || knownIds.has(sel))) out.selected = sel;

		const edits: ExportTextEdits = {};
		for (const field of EXPORT_TEXT_FIELDS) {
			const value = get(field);
			if (value !== undefined) edits[field] = cleanExportText(value);
		}
		if (Object.keys(edits).length > 0) out.exportText = edits;
	} catch {
		// Defensive only (e.g. a throwing knownIds): keep whatever was read so far.
	}
	return out;
}

/** The view's own parameter names, former ones included. */
const OWN = new Set<string>([...KEYS, ...FORMER_KEYS]);

/** A parameter's name as URLSearchParams reads it, so `%6Cang=en` is the view's `lang` too. */
function decodedKey(piece: string): string {
	const key = piece.split('=', 1)[0] ?? '';
	try {
		return decodeURIComponent(key.replace(/\+/g, ' '));
	} catch {
		return key;
	}
}

/** The pieces of a query (`?` or not), empty ones (`&&`) left out: they say nothing. */
function pieces(search: string): string[] {
	return String(search)
		.replace(/^\?/, '')
		.split('&')
		.filter((piece) => piece !== '');
}

/*
 * Two kinds of URL, two rules for the parameters that are not the view's:
 *
 * - The page's own address (withViewParams, written by state/urlSync on every view change) keeps
 *   every one of them, unchanged and in its place: the address is the page's, not only the
 *   view's. A newsroom's analytics read utm_* and fbclid from it, and an unknown parameter may be
 *   the host's (embed=1, theme=dark, a CMS's own).
 * - A URL made for someone else carries none of the reader's tracking tags: the embed code
 *   passes on only the view's own parameters (ownParams); a link to the same view elsewhere, such
 *   as the embed's "full map" link, can keep the host's flags but should drop the click and
 *   campaign tags (withoutTracking), which say how this reader came, not how the next one does.
 */

/** Click and campaign tags: kept in the page's address, left out of URLs made for others. */
const TRACKING = /^(?:utm_\w*|fbclid|gclid|dclid|msclkid|mc_eid|mc_cid|igshid|yclid|_ga|_gl)$/i;

/**
 * The page's query (without '?') once the view's own query `own` (serializeUrlState's output) is
 * written into `search`. Every parameter that is not the view's stays byte for byte where it was;
 * the view's, former names included, are replaced by `own` as one block where the first of them
 * stood, or after the others when there was none. Writing the same `own` again changes nothing.
 */
export function withViewParams(search: string, own: string): string {
	const all = pieces(search);
	const first = all.findIndex((piece) => OWN.has(decodedKey(piece)));
	const others = all.filter((piece) => !OWN.has(decodedKey(piece)));
	// Everything before the view's first parameter is someone else's, so the index still holds.
	others.splice(first < 0 ? others.length : first, 0, ...pieces(own));
	return others.join('&');
}

/** Only the view's own parameters of `search`, as written (an embed code passes on nothing else). */
export function ownParams(search: string): string {
	return pieces(search)
		.filter((piece) => OWN.has(decodedKey(piece)))
		.join('&');
}

/** `search` (without '?') without its click and campaign tags; every other parameter as written. */
export function withoutTracking(search: string): string {
	return pieces(search)
		.filter((piece) => !TRACKING.test(decodedKey(piece)))
		.join('&');
}

/**
 * The query string for `state`, without the leading '?' ('' when there is nothing to say), keys
 * in the order lang, step, map, kinds, cert, until, layers, sel, then the export texts. No step (null) is never
 * written. Invalid fields are left out, so the result always parses back. With `defaults`, fields equal to their default are left out too
 * (compared in URL form, so kinds compare as sets); the camera is written whenever given.
 * Round trip: `parseUrlState(serializeUrlState(s))` equals s up to the camera rounding.
 */
export function serializeUrlState(state: UrlState, defaults: UrlState = {}): string {
	const now = writeFields(state);
	const base = writeFields(defaults);
	const pairs: string[] = [];
	for (const key of KEYS) {
		const value = now[key];
		if (value === undefined || (key !== 'map' && value === base[key])) continue;
		pairs.push(`${key}=${value}`);
	}
	return pairs.join('&');
}
