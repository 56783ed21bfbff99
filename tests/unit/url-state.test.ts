import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CERTAINTIES, FLOW_KINDS, isIsoDay, isTimelineDate } from '$lib/story';
import {
	MAX_SEARCH,
	ownParams,
	parseUrlState,
	serializeUrlState,
	withoutTracking,
	withViewParams,
	type UrlState
} from '$lib/state/url';
import { cleanExportText } from '$lib/state/exportText';

// ---------------------------------------------------------------------------------------------
// A URL with every field set, and what it means.

const FULL: Record<string, string> = {
	lang: 'en',
	step: '3',
	map: '5.5/40.1234/120.5678/45.5',
	kinds: 'arms,food',
	cert: 'claimed',
	until: '2024-06',
	layers: 'patrol,labels',
	sel: 'pyongyang'
};
const FULL_URL = Object.entries(FULL)
	.map(([k, v]) => `${k}=${v}`)
	.join('&');
const FULL_STATE: Required<Omit<UrlState, 'exportText'>> = {
	lang: 'en',
	step: 2,
	camera: { center: [120.5678, 40.1234], zoom: 5.5, bearing: 45.5 },
	kinds: ['arms', 'food'],
	certainty: 'claimed',
	until: '2024-06',
	layers: { patrol: true, regions: false, borders: false, labels: true },
	selected: 'pyongyang'
};
/** Which UrlState field each URL key fills. */
const FIELD: Record<string, keyof UrlState> = {
	lang: 'lang',
	step: 'step',
	map: 'camera',
	kinds: 'kinds',
	cert: 'certainty',
	until: 'until',
	layers: 'layers',
	sel: 'selected'
};

function without<K extends keyof UrlState>(state: UrlState, field: K): UrlState {
	const copy = { ...state };
	delete copy[field];
	return copy;
}

// ---------------------------------------------------------------------------------------------
// Invariants every parse result must satisfy, whatever the input.

/** A story id, or a relation (two ids joined by `~`), as the URL format says. */
const SLUG = /^[a-z0-9-]{1,64}(?:~[a-z0-9-]{1,64})?$/;
const FIELDS = new Set<keyof UrlState>([...Object.values(FIELD), 'exportText']);

function checkInvariants(r: UrlState, knownIds?: ReadonlySet<string>): void {
	expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
	for (const key of Object.keys(r)) expect(FIELDS.has(key as keyof UrlState)).toBe(true);
	for (const value of Object.values(r)) expect(value).not.toBeUndefined();
	if (r.lang !== undefined) expect(['de', 'en']).toContain(r.lang);
	if (r.step !== undefined) {
		expect(Number.isInteger(r.step)).toBe(true);
		expect(r.step).toBeGreaterThanOrEqual(0);
		expect(r.step).toBeLessThan(50);
	}
	if (r.kinds !== undefined) {
		// Subset of FLOW_KINDS, no duplicates, in legend order.
		expect(r.kinds).toEqual(FLOW_KINDS.filter((k) => r.kinds?.includes(k)));
	}
	if (r.certainty !== undefined) expect(CERTAINTIES).toContain(r.certainty);
	// Every date the story format takes (the date rule, story/vocabulary.ts), and nothing else.
	if (r.until !== undefined && r.until !== null) expect(isTimelineDate(r.until)).toBe(true);
	if (r.layers !== undefined) {
		expect(Object.keys(r.layers).sort()).toEqual(['borders', 'labels', 'patrol', 'regions']);
		for (const on of Object.values(r.layers)) expect(typeof on).toBe('boolean');
	}
	if (r.selected !== undefined && r.selected !== null) {
		expect(r.selected).toMatch(SLUG);
		if (knownIds) expect(knownIds.has(r.selected)).toBe(true);
	}
	if (r.camera !== undefined) {
		const { center, zoom, bearing } = r.camera;
		expect(center).toHaveLength(2);
		const [lon, lat] = center;
		for (const n of [lon, lat, zoom, bearing]) {
			expect(Number.isFinite(n)).toBe(true);
			expect(Object.is(n, -0)).toBe(false);
		}
		expect(zoom >= 0 && zoom <= 22).toBe(true);
		expect(lat >= -85.06 && lat <= 85.06).toBe(true);
		expect(lon >= -180 && lon < 180).toBe(true);
		expect(bearing >= 0 && bearing < 360).toBe(true);
	}
}

// ---------------------------------------------------------------------------------------------
// Generators

const slugArb = fc.string({
	unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz0123456789-'),
	minLength: 1,
	maxLength: 64
});
/** A month of the whole date rule: years 0001 to 9999 (the first centuries tried often). */
const monthArb = fc
	.record({
		y: fc.oneof(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 120 })),
		m: fc.integer({ min: 1, max: 12 })
	})
	.map(({ y, m }) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`);
/** A timeline date: a month, or a real day of it (29 February only in a leap year). */
const dateArb = fc.oneof(
	monthArb,
	fc
		.tuple(monthArb, fc.integer({ min: 1, max: 31 }))
		.map(([month, d]) => `${month}-${String(d).padStart(2, '0')}`)
		.filter(isIsoDay)
);
const cameraArb = fc.record({
	center: fc.tuple(
		fc.double({ min: -180, max: 180, maxExcluded: true, noNaN: true }),
		fc.double({ min: -85.06, max: 85.06, noNaN: true })
	),
	zoom: fc.double({ min: 0, max: 22, noNaN: true }),
	bearing: fc.double({ min: 0, max: 360, maxExcluded: true, noNaN: true })
});
/** Valid states, any subset of fields; kinds in legend order (their canonical form). */
const stateArb: fc.Arbitrary<UrlState> = fc.record(
	{
		lang: fc.constantFrom('de' as const, 'en' as const),
		kinds: fc.subarray([...FLOW_KINDS]),
		certainty: fc.constantFrom(...CERTAINTIES),
		until: fc.option(dateArb, { nil: null }),
		layers: fc.record({
			patrol: fc.boolean(),
			regions: fc.boolean(),
			borders: fc.boolean(),
			labels: fc.boolean()
		}),
		selected: fc.option(slugArb, { nil: null }),
		camera: cameraArb
	},
	{ requiredKeys: [] }
);

/** Characters most likely to break a parser, plus any code point (lone surrogates included). */
const nastyChar = fc.oneof(
	fc.constantFrom(...'%&=/,?+#;-.0123456789eE-_ ', '%E0%A4%A', '%', '%%', 'NaN', 'Infinity', '1e999'),
	fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
	fc.constantFrom('\uD800', '\uDFFF', '\u0000', '\uFEFF', '\u202E')
);
type Edit = { op: 'insert' | 'delete' | 'replace'; at: number; text: string };
const editArb: fc.Arbitrary<Edit> = fc.record({
	op: fc.constantFrom('insert' as const, 'delete' as const, 'replace' as const),
	at: fc.nat(),
	text: nastyChar
});
function applyEdits(s: string, edits: readonly Edit[]): string {
	for (const { op, at, text } of edits) {
		const i = s.length === 0 ? 0 : at % (s.length + 1);
		if (op === 'insert') s = s.slice(0, i) + text + s.slice(i);
		else if (op === 'delete') s = s.slice(0, i) + s.slice(i + 1);
		else s = s.slice(0, i) + text + s.slice(i + 1);
	}
	return s;
}
const mutatedUrlArb = fc
	.tuple(stateArb, fc.array(editArb, { minLength: 1, maxLength: 10 }), fc.boolean())
	.map(([s, edits, q]) => (q ? '?' : '') + applyEdits(serializeUrlState(s), edits));
/** Known keys with hostile values: exercises every field parser, not just the splitter. */
const keyValueUrlArb = fc
	.array(
		fc.tuple(
			fc.constantFrom('lang', 'map', 'kinds', 'cert', 'until', 'layers', 'sel', '__proto__', 'constructor'),
			fc.oneof(
				fc.string(),
				fc.string({ unit: 'binary' }),
				fc.array(nastyChar).map((a) => a.join(''))
			)
		),
		{ maxLength: 10 }
	)
	.map((pairs) => pairs.map(([k, v]) => `${k}=${v}`).join('&'));
const knownIdsArb = fc.option(
	fc.array(slugArb, { maxLength: 5 }).map((a) => new Set(a)),
	{
		nil: undefined
	}
);

/** Smallest difference between two angles, in degrees. */
function angleDiff(a: number, b: number): number {
	const d = Math.abs(a - b) % 360;
	return Math.min(d, 360 - d);
}

// ---------------------------------------------------------------------------------------------

describe('parseUrlState', () => {
	it('reads a URL with every field set', () => {
		expect(parseUrlState(FULL_URL)).toEqual(FULL_STATE);
		expect(parseUrlState('?' + FULL_URL)).toEqual(FULL_STATE);
	});

	it('reads nothing from an empty search', () => {
		expect(parseUrlState('')).toEqual({});
		expect(parseUrlState('?')).toEqual({});
		expect(parseUrlState('&&&==&')).toEqual({});
	});

	const invalid: Record<string, string[]> = {
		lang: ['', 'fr', 'DE', 'de ', ' en', 'de,en', 'none', '%E0%A4%A', '__proto__', 'constructor', 'en%00'],
		map: [
			'',
			'5',
			'5/40',
			'5/40/120/0/1',
			'5/40/120/',
			'/5/40/120',
			'5//120',
			'a/b/c',
			'NaN/40/120',
			'5/Infinity/120',
			'5/40/-Infinity',
			'5/40/120/NaN',
			'1e2/40/120',
			'5/40/1e999',
			'0x10/40/120',
			'%205/40/120',
			'+5/40/120',
			'5.5.5/40/120',
			'--5/40/120',
			'5/40/120/-',
			'5,5/40/120',
			'١/40/120',
			`${'9'.repeat(400)}/0/0`,
			'%E0%A4%A'
		],
		kinds: [
			'foo',
			'ARMS',
			'Arms',
			'arms;food',
			'arms food',
			'nonee',
			'None',
			'all',
			'__proto__',
			'constructor',
			'%E0%A4%A'
		],
		cert: ['', 'sure', 'Reported', 'reported,claimed', 'reported ', '__proto__', '%E0%A4%A'],
		until: [
			'',
			'2024-13',
			'2024-00',
			'0000-01',
			'0000-01-01',
			'10000-01',
			'0100-02-29',
			'2024-6',
			'24-06',
			'2024-06-31',
			'202406',
			'ALL',
			'null',
			'２０２４-06',
			'2024–06',
			'%E0%A4%A'
		],
		layers: ['foo', 'PATROL', 'patrol;labels', 'all', '__proto__', 'constructor', '%E0%A4%A'],
		sel: ['Pyongyang', 'a b', 'a_b', 'x'.repeat(65), '../etc', 'a/b', 'é', '__proto__', '%E0%A4%A', 'a%00']
	};
	const rows = Object.entries(invalid).flatMap(([key, values]) => values.map((v) => [key, v] as const));

	it.each(rows)('ignores %s=%j on its own, all other fields still apply', (key, bad) => {
		const url = Object.entries(FULL)
			.map(([k, v]) => `${k}=${k === key ? bad : v}`)
			.join('&');
		const field = FIELD[key];
		if (!field) throw new Error(`no field for ${key}`);
		expect(parseUrlState(url)).toEqual(without(FULL_STATE, field));
	});

	it('reads explicit "none" and "all" values', () => {
		const none = { patrol: false, regions: false, borders: false, labels: false };
		expect(parseUrlState('kinds=')).toEqual({ kinds: [] });
		expect(parseUrlState('kinds=none')).toEqual({ kinds: [] });
		expect(parseUrlState('kinds=,,')).toEqual({ kinds: [] });
		expect(parseUrlState('layers=')).toEqual({ layers: none });
		expect(parseUrlState('layers=none')).toEqual({ layers: none });
		expect(parseUrlState('until=all')).toEqual({ until: null });
		expect(parseUrlState('sel=')).toEqual({ selected: null });
	});

	it('drops unknown list entries one by one and returns legend order without duplicates', () => {
		expect(parseUrlState('kinds=arms,foo,arms,,food').kinds).toEqual(['arms', 'food']);
		expect(parseUrlState('kinds=letters,visit').kinds).toEqual(['visit', 'letters']);
		expect(parseUrlState('kinds=none,arms').kinds).toEqual(['arms']);
		expect(parseUrlState('kinds=arms%2Cfood').kinds).toEqual(['arms', 'food']);
		expect(parseUrlState(`kinds=${[...FLOW_KINDS].reverse().join(',')}`).kinds).toEqual([...FLOW_KINDS]);
		expect(parseUrlState('layers=labels,x,patrol').layers).toEqual({
			patrol: true,
			regions: false,
			borders: false,
			labels: true
		});
	});

	it('accepts every date a story may have (the date rule), as months and as days', () => {
		for (const date of [
			'1989-12-31',
			'1945-05',
			'0050-01-01',
			'0001-01',
			'0004-02-29',
			'2101-01',
			'9999-12-31'
		])
			expect(parseUrlState(`until=${date}`).until, date).toBe(date);
		expect(parseUrlState('until=2023-09-06').until).toBe('2023-09-06');
		expect(parseUrlState('month=1914-07').until).toBe('1914-07');
	});

	it('still rejects a date the story format would not take', () => {
		for (const date of [
			'2023-02-30',
			'0100-02-29',
			'0000-01',
			'0000-01-01',
			'10000-01',
			'-0050-01',
			'+2023-01',
			'2023-1',
			'2023-13',
			'2023-01-1',
			'2023-01-01T00:00',
			'2023-01%20',
			'%202023-01',
			'2023-01%0A',
			'1990'
		])
			expect(parseUrlState(`until=${date}`), date).toEqual({});
	});

	it('reads links written before the timeline stopped at days (month=YYYY-MM)', () => {
		expect(parseUrlState('month=2023-07')).toEqual({ until: '2023-07' });
		expect(parseUrlState('month=all')).toEqual({ until: null });
		expect(parseUrlState('until=2023-08&month=2023-07')).toEqual({ until: '2023-08' });
	});

	it('reads and normalises the camera', () => {
		const cam = (map: string) => parseUrlState(`map=${map}`).camera;
		expect(cam('3.42/45.1000/90.5000/0')).toEqual({ center: [90.5, 45.1], zoom: 3.42, bearing: 0 });
		expect(cam('3/45/90')).toEqual({ center: [90, 45], zoom: 3, bearing: 0 });
		expect(cam('3./.5/-90')).toEqual({ center: [-90, 0.5], zoom: 3, bearing: 0 });
		// zoom and lat are clamped
		expect(cam('30/90/0')).toEqual({ center: [0, 85.06], zoom: 22, bearing: 0 });
		expect(cam('-1/-100/0')).toEqual({ center: [0, -85.06], zoom: 0, bearing: 0 });
		// lon wraps into [-180, 180), bearing into [0, 360)
		expect(cam('1/0/180')?.center[0]).toBe(-180);
		expect(cam('1/0/-180')?.center[0]).toBe(-180);
		expect(cam('1/0/540')?.center[0]).toBe(-180);
		expect(cam('1/0/-190')?.center[0]).toBe(170);
		expect(cam('1/0/1000000000000000000000')?.center[0]).toBeGreaterThanOrEqual(-180);
		expect(cam('1/0/0/-90')?.bearing).toBe(270);
		expect(cam('1/0/0/360')?.bearing).toBe(0);
		expect(cam('1/0/0/720.5')?.bearing).toBe(0.5);
		expect(cam('1/0/0/-0.0000000000000000001')?.bearing).toBe(0);
		// negative zero becomes zero
		const z = cam('-0/-0/-0/-0');
		expect(z).toBeDefined();
		for (const n of [z?.zoom, z?.center[0], z?.center[1], z?.bearing]) expect(Object.is(n, 0)).toBe(true);
	});

	it('ignores unknown keys, including prototype names', () => {
		const r = parseUrlState('foo=bar&__proto__=x&constructor=y&toString=z&hasOwnProperty=1&lang=en');
		expect(r).toEqual({ lang: 'en' });
		expect(Object.keys(r)).toEqual(['lang']);
		expect(Object.getPrototypeOf(r)).toBe(Object.prototype);
	});

	it('lets the first of a repeated key win, even when it is invalid', () => {
		expect(parseUrlState('lang=en&lang=de')).toEqual({ lang: 'en' });
		expect(parseUrlState('lang=xx&lang=de')).toEqual({});
		expect(parseUrlState('kinds=arms&kinds=food')).toEqual({ kinds: ['arms'] });
		expect(parseUrlState('sel=a&sel=b')).toEqual({ selected: 'a' });
	});

	it('filters sel through knownIds', () => {
		const known = new Set(['pyongyang', 'vladivostok']);
		expect(parseUrlState('sel=pyongyang', known)).toEqual({ selected: 'pyongyang' });
		expect(parseUrlState('sel=moscow', known)).toEqual({});
		expect(parseUrlState('sel=constructor', known)).toEqual({});
		expect(parseUrlState('sel=__proto__', known)).toEqual({});
		expect(parseUrlState('sel=moscow', new Set())).toEqual({});
		// null (explicitly nothing selected) needs no id
		expect(parseUrlState('sel=', known)).toEqual({ selected: null });
		// without knownIds, any slug passes
		expect(parseUrlState('sel=moscow')).toEqual({ selected: 'moscow' });
		// a known id that breaks the slug rule is still refused
		expect(parseUrlState('sel=Bad_Id', new Set(['Bad_Id']))).toEqual({});
		// other fields are unaffected
		expect(parseUrlState(FULL_URL.replace('sel=pyongyang', 'sel=moscow'), known)).toEqual(
			without(FULL_STATE, 'selected')
		);
	});

	it('reads only the first MAX_SEARCH characters, and never half a pair', () => {
		const pad = `x=${'a'.repeat(MAX_SEARCH + 1000)}`;
		expect(parseUrlState(`lang=en&${pad}&cert=claimed`)).toEqual({ lang: 'en' });
		// `sel=pyongyang` straddles the cut: dropped, not read as `sel=pyong`.
		const head = `lang=en&x=${'a'.repeat(MAX_SEARCH - 'lang=en&x='.length - '&sel=pyong'.length)}&`;
		const straddling = `${head}sel=pyongyang`;
		expect(straddling.slice(0, MAX_SEARCH).endsWith('sel=pyong')).toBe(true);
		expect(parseUrlState(straddling)).toEqual({ lang: 'en' });
		// exactly at the cap everything is read
		const fits = `${'y'.repeat(MAX_SEARCH - '&sel=pyong'.length)}&sel=pyong`;
		expect(fits).toHaveLength(MAX_SEARCH);
		expect(parseUrlState(fits)).toEqual({ selected: 'pyong' });
		// huge inputs are cheap and harmless
		expect(parseUrlState('a'.repeat(5_000_000))).toEqual({});
		expect(parseUrlState(`kinds=${'arms,'.repeat(200_000)}`)).toEqual({});
	});

	it('survives malformed percent-encoding and odd unicode', () => {
		for (const s of [
			'%',
			'%%',
			'%E0%A4%A',
			'lang=%E0%A4%A',
			'%zz=1',
			'\uD800=\uDFFF',
			'lang=en\u0000',
			'=',
			'=&='
		]) {
			expect(() => parseUrlState(s)).not.toThrow();
			checkInvariants(parseUrlState(s));
		}
		expect(parseUrlState('%E0%A4%A&lang=en')).toEqual({ lang: 'en' });
	});

	it('never throws and always returns a valid state (fast-check)', () => {
		const sources: [string, fc.Arbitrary<string>][] = [
			['fc.string', fc.string({ maxLength: 200 })],
			['full unicode', fc.string({ unit: 'binary', maxLength: 200 })],
			['mutated valid URLs', mutatedUrlArb],
			['known keys, hostile values', keyValueUrlArb]
		];
		for (const [, arb] of sources) {
			fc.assert(
				fc.property(arb, knownIdsArb, (s, known) => {
					checkInvariants(parseUrlState(s, known), known);
				}),
				{ numRuns: 5000 }
			);
		}
	});
});

describe('serializeUrlState', () => {
	it('writes every field in a fixed order, commas unescaped', () => {
		expect(serializeUrlState(FULL_STATE)).toBe(FULL_URL);
		// The order does not depend on the order of the object's keys.
		const reversed = Object.fromEntries(Object.entries(FULL_STATE).reverse()) as UrlState;
		expect(serializeUrlState(reversed)).toBe(FULL_URL);
	});

	it('round-trips a URL with every field set exactly', () => {
		expect(serializeUrlState(parseUrlState(FULL_URL))).toBe(FULL_URL);
		expect(parseUrlState(serializeUrlState(FULL_STATE))).toEqual(FULL_STATE);
	});

	it('writes nothing for an empty state', () => {
		expect(serializeUrlState({})).toBe('');
	});

	it('writes the explicit "none" and "all" values', () => {
		const off = { patrol: false, regions: false, borders: false, labels: false };
		expect(serializeUrlState({ kinds: [], layers: off, until: null, selected: null })).toBe(
			'kinds=none&until=all&layers=none&sel='
		);
	});

	it('writes kinds in legend order without duplicates', () => {
		expect(serializeUrlState({ kinds: ['food', 'arms', 'food'] })).toBe('kinds=arms,food');
	});

	it('rounds the camera to short numbers', () => {
		const cam = (center: [number, number], zoom: number, bearing: number) =>
			serializeUrlState({ camera: { center, zoom, bearing } });
		expect(cam([90.123456, 45.987654], 3.14159, 12.34)).toBe('map=3.14/45.9877/90.1235/12.3');
		expect(cam([90.5, 45.1], 3.42, 0)).toBe('map=3.42/45.1/90.5');
		// rounding up to 180 wraps to -180; bearing 359.96 rounds to 360 = 0, and 0 is omitted
		expect(cam([179.99996, 0], 1, 359.96)).toBe('map=1/0/-180');
		// no "-0"
		expect(cam([-0.00001, -0], -0, -0.01)).toBe('map=0/0/0');
		// out-of-range input is normalised the same way the parser would
		expect(cam([540, 95], 30, -90)).toBe('map=22/85.06/-180/270');
	});

	it('writes dates before 1990 and after 2100, so a link shares any story timeline', () => {
		expect(serializeUrlState({ until: '1989-12' })).toBe('until=1989-12');
		expect(serializeUrlState({ until: '1945-05-08' })).toBe('until=1945-05-08');
		expect(serializeUrlState({ until: '0050-01-01' })).toBe('until=0050-01-01');
		expect(serializeUrlState({ until: '2101-01' })).toBe('until=2101-01');
		// Against a step's own date, too (state/urlSync: a step's until is the default).
		expect(serializeUrlState({ until: '1950-06' }, { until: '1953-07-27' })).toBe('until=1950-06');
		expect(serializeUrlState({ until: '1953-07-27' }, { until: '1953-07-27' })).toBe('');
		expect(serializeUrlState({ until: null }, { until: '1953-07-27' })).toBe('until=all');
		// Not a date of the rule: still left out.
		expect(serializeUrlState({ until: '0000-01' })).toBe('');
		expect(serializeUrlState({ until: '1989-02-29' })).toBe('');
	});

	it('leaves out invalid fields, so the output always parses back', () => {
		const bad = {
			lang: 'fr',
			kinds: ['arms', 'zzz'],
			certainty: 'sure',
			until: '2024-13',
			selected: 'Bad Id',
			camera: { center: [Number.NaN, 0], zoom: 1, bearing: 0 }
		} as unknown as UrlState;
		expect(serializeUrlState(bad)).toBe('kinds=arms');
		expect(serializeUrlState({ selected: '\uD800' })).toBe('');
	});

	it('leaves out fields equal to the defaults, but always writes the camera', () => {
		const defaults: UrlState = {
			lang: 'de',
			kinds: [...FLOW_KINDS],
			certainty: 'possible',
			until: null,
			layers: { patrol: true, regions: true, borders: true, labels: true },
			selected: null,
			camera: { center: [0, 0], zoom: 1, bearing: 0 }
		};
		expect(serializeUrlState(defaults, defaults)).toBe('map=1/0/0');
		expect(serializeUrlState({ ...defaults, camera: undefined }, defaults)).toBe('');
		// kinds compare as sets
		const shuffled = [...FLOW_KINDS].reverse();
		expect(serializeUrlState({ kinds: shuffled }, defaults)).toBe('');
		expect(serializeUrlState({ lang: 'en', kinds: ['arms'], selected: 'x' }, defaults)).toBe(
			'lang=en&kinds=arms&sel=x'
		);
		expect(serializeUrlState(FULL_STATE, defaults)).toBe(FULL_URL);
	});

	it('round-trips any valid state up to the documented rounding (fast-check)', () => {
		fc.assert(
			fc.property(stateArb, (s) => {
				const url = serializeUrlState(s);
				expect(url).not.toMatch(/%/);
				const back = parseUrlState(url);
				const { camera, ...rest } = s;
				const { camera: backCamera, ...backRest } = back;
				expect(backRest).toEqual(rest);
				if (camera === undefined) {
					expect(backCamera).toBeUndefined();
				} else {
					expect(backCamera).toBeDefined();
					if (!backCamera) return;
					const eps = 1e-9;
					expect(Math.abs(backCamera.zoom - camera.zoom)).toBeLessThanOrEqual(0.005 + eps);
					expect(Math.abs(backCamera.center[1] - camera.center[1])).toBeLessThanOrEqual(0.00005 + eps);
					expect(angleDiff(backCamera.center[0], camera.center[0])).toBeLessThanOrEqual(0.00005 + eps);
					expect(angleDiff(backCamera.bearing, camera.bearing)).toBeLessThanOrEqual(0.05 + eps);
				}
				checkInvariants(back);
				// Written once, the URL is a fixed point: reading and writing it again changes nothing.
				expect(serializeUrlState(back)).toBe(url);
				expect(parseUrlState(serializeUrlState(back))).toEqual(back);
			}),
			{ numRuns: 1000 }
		);
	});

	it('round-trips against defaults: fields left out fall back to the default (fast-check)', () => {
		fc.assert(
			fc.property(stateArb, stateArb, (s, defaults) => {
				const back = parseUrlState(serializeUrlState(s, defaults));
				const applied = { ...defaults, ...back };
				for (const field of ['lang', 'certainty', 'until', 'layers', 'selected'] as const)
					if (s[field] !== undefined) expect(applied[field]).toEqual(s[field]);
				if (s.kinds !== undefined) expect(new Set(applied.kinds)).toEqual(new Set(s.kinds));
				expect(back.camera !== undefined).toBe(s.camera !== undefined);
			}),
			{ numRuns: 1000 }
		);
	});
});

describe('story step in the URL', () => {
	it('reads step=N as the 0-based step N-1 and writes it back 1-based', () => {
		expect(parseUrlState('?step=4')).toEqual({ step: 3 });
		expect(serializeUrlState({ step: 3 })).toBe('step=4');
		expect(serializeUrlState({ lang: 'de', step: 0, until: '2023-07' })).toBe('lang=de&step=1&until=2023-07');
	});

	it('never writes "no step": exploring is the default', () => {
		expect(serializeUrlState({ step: null })).toBe('');
	});

	it.each(['0', '01', '-1', '1.5', '1e1', ' 2', '2 ', 'x', '', '100'])(
		'ignores the step "%s" (not a step number)',
		(value) => expect(parseUrlState(`?step=${encodeURIComponent(value)}`)).toEqual({})
	);

	it('ignores a step the story does not have', () => {
		expect(parseUrlState('?step=6', undefined, 6)).toEqual({ step: 5 });
		expect(parseUrlState('?step=7', undefined, 6)).toEqual({});
		expect(parseUrlState('?step=1', undefined, 0)).toEqual({});
	});
});

// ---------------------------------------------------------------------------------------------
// The export's own words

describe('export text in the URL', () => {
	it('round-trips edited text of any kind, percent-encoded, in a fixed order after the view', () => {
		const exportText = {
			title: 'Kim & Putin: "Waffen gegen Weizen"?',
			deck: '',
			note: 'Stand 13.9.; 100 % unbestätigt #1',
			credit: 'Grafik: Ä. Ößer / ZDF'
		};
		const query = serializeUrlState({ lang: 'de', exportText });
		expect(query.startsWith('lang=de&title=Kim%20%26%20Putin')).toBe(true);
		expect(query).toContain('&deck=&note=');
		expect(query).not.toContain('source=');
		expect(parseUrlState(query)).toEqual({ lang: 'de', exportText });
	});

	it('reads hostile text as one plain line, cut at 300 characters', () => {
		const long = 'x'.repeat(400);
		const parsed = parseUrlState(`title=${encodeURIComponent('a\u0000b\nc\u202Fd')}&note=${long}`);
		expect(parsed.exportText?.title).toBe('a b c\u202Fd');
		expect(parsed.exportText?.note).toHaveLength(300);
	});

	it('drops lone surrogates, which have no URL form, instead of failing to write the URL', () => {
		const query = serializeUrlState({ exportText: { title: 'a\ud800b\udc00c 😀' } });
		expect(parseUrlState(query).exportText?.title).toBe('abc 😀');
	});

	it('leaves the export text out when nothing was edited', () => {
		expect(parseUrlState('lang=en')).toEqual({ lang: 'en' });
		expect(serializeUrlState({ lang: 'en', exportText: {} })).toBe('lang=en');
	});

	it('fuzz: any edits survive a round trip as cleanExportText makes them', () => {
		fc.assert(
			fc.property(
				fc.record(
					{ title: fc.string(), note: fc.string({ unit: 'grapheme', maxLength: 400 }) },
					{ requiredKeys: [] }
				),
				(edits) => {
					const back = parseUrlState(serializeUrlState({ exportText: edits })).exportText ?? {};
					for (const [field, value] of Object.entries(edits))
						expect(back[field as 'title' | 'note']).toBe(cleanExportText(value));
				}
			)
		);
	});
});

describe("parameters that are not the view's", () => {
	it("are kept as they came, in their place, and the view's own are replaced", () => {
		expect(withViewParams('?lang=en&embed=1&kinds=arms&ref=newsletter', 'lang=de')).toBe(
			'lang=de&embed=1&ref=newsletter'
		);
		expect(withViewParams('?lang=en&step=2', '')).toBe('');
		// A former key is the view's too: it is written back under its new name, not kept.
		expect(withViewParams('?month=2023-08&embed=1', 'until=2023-08')).toBe('until=2023-08&embed=1');
		expect(withViewParams('', '')).toBe('');
		expect(withViewParams('?', 'lang=en')).toBe('lang=en');
		// A view written among them parses back to the same view, and the flag survives.
		const view: UrlState = { lang: 'en', kinds: ['arms'] };
		const written = `?${withViewParams('?embed=1&lang=de', serializeUrlState(view))}`;
		expect(parseUrlState(written, new Set(), 0)).toEqual(view);
		expect(new URLSearchParams(written).get('embed')).toBe('1');
	});

	it('keep tracking tags, long values and any number of them, byte for byte', () => {
		expect(withViewParams('?debug&a=b%20c&q=(1)', 'lang=en')).toBe('debug&a=b%20c&q=(1)&lang=en');
		expect(withViewParams('?utm_source=news&embed=1&fbclid=abc&gclid=x&UTM_Medium=m', '')).toBe(
			'utm_source=news&embed=1&fbclid=abc&gclid=x&UTM_Medium=m'
		);
		expect(withViewParams('?utm_source=x&fbclid=y&foo=bar&lang=en', 'lang=en')).toBe(
			'utm_source=x&fbclid=y&foo=bar&lang=en'
		);
		const big = `big=${'x'.repeat(5000)}`;
		expect(withViewParams(`?${big}&embed=1`, '')).toBe(`${big}&embed=1`);
		const many = Array.from({ length: 200 }, (_, i) => `p${i}=${'v'.repeat(20)}`).join('&');
		expect(withViewParams(`?${many}`, '')).toBe(many);
		// An encoded own key is still the view's.
		expect(withViewParams('?%6Cang=en&embed=1', 'lang=de')).toBe('lang=de&embed=1');
	});

	it('are left in place when the view is written again: the address is a fixed point', () => {
		const once = withViewParams('?a=1&lang=de&b=2&kinds=food&c=3', 'lang=en&kinds=arms');
		expect(once).toBe('a=1&lang=en&kinds=arms&b=2&c=3');
		expect(withViewParams(once, 'lang=en&kinds=arms')).toBe(once);
	});

	it("leave only the view's own for an embed code", () => {
		expect(ownParams('?lang=en&embed=1&utm_source=x&kinds=arms&ref=a')).toBe('lang=en&kinds=arms');
	});

	it('lose only their click and campaign tags in a link made for someone else', () => {
		expect(withoutTracking('?lang=en&utm_source=x&embed=1&fbclid=y&UTM_Medium=m&gclid=z&ref=a&_ga=1')).toBe(
			'lang=en&embed=1&ref=a'
		);
		expect(withoutTracking('?utm_source=x')).toBe('');
		expect(withoutTracking('a=b%20c&%75tm_source=x&debug')).toBe('a=b%20c&debug');
	});
});
