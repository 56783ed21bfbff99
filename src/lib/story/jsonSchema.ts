import { z } from 'zod';
import { MIN_ACCENT_CONTRAST, RESERVED_FAMILIES } from './house';
import { storySchema } from './schema';
import { MAX_STORY_BYTES, type When } from './vocabulary';

/*
 * The story format as JSON Schema (draft 2020-12), for people who write story files by hand and
 * for their editors. Two files, as the loader reads two kinds: a whole story (story.schema.json)
 * and an extension file of lists to add to the story on the map (story-extension.schema.json).
 *
 * Both are generated from the zod schema the loader validates with. zod's toJSONSchema writes the
 * shapes, but drops every refinement and measures a trimmed string before trimming; so each
 * refinement is translated here into what JSON Schema can say, and what it cannot say is listed
 * in the schema's description. A refinement this module does not know stops the generation,
 * so a new rule in schema.ts cannot silently go missing from the published schema.
 * tests/unit/story-json-schema.test.ts holds the schema and the loader to agreement on
 * generated files.
 */

type Json = Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Dates, by vocabulary.ts's date rule: year 0001 to 9999, month 01 to 12, a day that exists in
// that month of the proleptic Gregorian calendar (leap years: by 4, not by 100, by 400).

const YEAR = '(?!0000)\\d{4}';
const MONTH = `${YEAR}-(?:0[1-9]|1[0-2])`;
const LEAP_YEAR = '(?:\\d\\d(?:0[48]|[2468][048]|[13579][26])|(?:0[48]|[2468][048]|[13579][26])00)';
const DAY =
	`(?:${YEAR}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\\d|30)` +
	`|02-(?:0[1-9]|1\\d|2[0-8]))|${LEAP_YEAR}-02-29)`;

const DATES = {
	day: { pattern: `^${DAY}$`, description: 'A day, YYYY-MM-DD, that exists in the calendar' },
	month: { pattern: `^${MONTH}$`, description: 'A month, YYYY-MM' },
	dayOrMonth: { pattern: `^(?:${DAY}|${MONTH})$`, description: 'A day YYYY-MM-DD or a month YYYY-MM' }
} as const;
type DateKind = keyof typeof DATES;

/** What each precision of a `When` takes (the superRefine of schema.ts's whenSchema). */
const WHEN_DATES: Record<When['precision'], { start?: DateKind; end?: DateKind }> = {
	day: { start: 'day' },
	days: { start: 'day', end: 'day' },
	month: { start: 'month' },
	since: { start: 'dayOrMonth' },
	undated: {}
};

function whenRules(json: Json): void {
	json.allOf = Object.entries(WHEN_DATES).map(([precision, dates]) => ({
		if: { properties: { precision: { const: precision } }, required: ['precision'] },
		then: {
			required: Object.keys(dates),
			properties: Object.fromEntries(
				(['start', 'end'] as const).map((key) => {
					const kind = dates[key];
					return [key, kind ? { type: 'string', ...DATES[kind] } : false];
				})
			)
		}
	}));
}

// ---------------------------------------------------------------------------------------------
// The rules JSON Schema cannot state: the loader checks them, the description lists them. Ids
// name them for the agreement test, which excuses a loader error only by a rule listed here.

export type BeyondRule =
	| 'source-ids'
	| 'feature-ids'
	| 'step-ids'
	| 'flow-places'
	| 'event-place'
	| 'evidence-source'
	| 'area-shapes'
	| 'label-side'
	| 'highlight'
	| 'date-order'
	| 'frame-order'
	| 'accent-contrast'
	| 'file-size'
	| 'extension-limits';

export const STORY_RULES: Record<Exclude<BeyondRule, 'extension-limits'>, string> = {
	'source-ids': 'no two sources have the same id',
	'feature-ids': 'no two places, flows, areas or events have the same id (they share one id space)',
	'step-ids': 'no two steps have the same id',
	'flow-places': "a flow's from and to are ids of two different places of the story",
	'event-place': "an event's place is the id of a place of the story",
	'evidence-source':
		'every evidence names a source of the story, with a paragraph for a source the article reports ' +
		'and none for a "public-record" source',
	'area-shapes': "an area's id is that of an area shape that ships with the map",
	'label-side': 'the keys of presentation.labelSide are ids of places of the story',
	highlight:
		"a step's highlight lists ids of places, flows, areas or events of the story, or relations " +
		'("a~b") of two places a flow connects',
	'date-order': 'a range (precision "days") does not end before it starts',
	'frame-order': 'a frame [west, south, east, north] has west < east and south < north',
	'accent-contrast': `each house accent has at least ${MIN_ACCENT_CONTRAST}:1 contrast against its theme's page and button text`,
	'file-size': `the file is at most ${MAX_STORY_BYTES / 1024 / 1024} MB`
};

/** The rules an extension file's lists can break (it has no steps and no presentation). */
export const EXTENSION_RULES = [
	'source-ids',
	'feature-ids',
	'flow-places',
	'event-place',
	'evidence-source',
	'area-shapes',
	'date-order',
	'file-size'
] as const satisfies readonly BeyondRule[];

function numbered(rules: readonly string[]): string {
	return rules.map((rule, i) => `(${i + 1}) ${rule}`).join('; ');
}

// ---------------------------------------------------------------------------------------------
// Translating zod's refinements

/** A house font's family may not be a reserved name, compared case-blind and trimmed. */
function notReservedFamily(json: Json): void {
	const source = RESERVED_FAMILIES.source;
	if (!source.startsWith('^') || !source.endsWith('$') || RESERVED_FAMILIES.flags.replace('u', '') !== 'i')
		throw new Error(`RESERVED_FAMILIES must be one anchored, case-insensitive pattern: /${source}/`);
	// JSON Schema patterns take no flags: the case-blindness is spelt out, letter by letter.
	json.not = { pattern: `^${caseless(source.slice(1, -1))}\\s*$` };
	json.description = "A font's own name: not Noto Sans (the map's) and not a CSS generic or keyword";
}

/** `abc` -> `[aA][bB][cC]`; a class `[a-z]` -> `(?:[a-z]|[A-Z])`. Enough for RESERVED_FAMILIES. */
function caseless(source: string): string {
	let out = '';
	for (let i = 0; i < source.length; i++) {
		const c = source[i]!;
		if (c === '\\') out += source.slice(i, ++i + 1);
		else if (c === '[') {
			const end = source.indexOf(']', i);
			const body = source.slice(i + 1, end);
			if (end < 0 || /[\\[^]/.test(body)) throw new Error(`caseless: unsupported class in /${source}/`);
			const swapped = [...body].map((ch) => (ch === ch.toLowerCase() ? ch.toUpperCase() : ch.toLowerCase()));
			out += `(?:[${body}]|[${swapped.join('')}])`;
			i = end;
		} else out += /[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c;
	}
	return out;
}

type Check = { _zod: { def: { check: string; tx?: (s: string) => string } } };
type Def = {
	type: string;
	checks?: Check[];
	element?: z.ZodType;
	in?: z.ZodType;
	out?: z.ZodType;
	shape?: Json;
};

function defOf(schema: unknown): Def {
	return (schema as { _zod: { def: Def } })._zod.def;
}

const customChecks = (def: Def) => (def.checks ?? []).filter((c) => c._zod.def.check === 'custom').length;

/**
 * zod trims first and then measures, and checks its pattern on the trimmed text; JSON Schema's
 * minLength and maxLength measure the text as written. One pattern says the same: white space
 * at either end, around 1 to max characters (code points, as zod and JSON Schema both count).
 */
function trimmedText(def: Def, json: Json, path: string): void {
	const [first, ...rest] = def.checks!;
	let min = 0;
	let max: number | undefined;
	let visible = '';
	if (first!._zod.def.tx?.('  a ') !== 'a') throw new Error(`${path}: a string changed by more than a trim`);
	for (const { _zod } of rest) {
		const check = _zod.def as { check: string; minimum?: number; maximum?: number; pattern?: RegExp };
		if (check.check === 'min_length') min = check.minimum!;
		else if (check.check === 'max_length') max = check.maximum!;
		else if (check.check === 'string_format' && check.pattern && findsOneNonSpace(check.pattern))
			// Such a search finds the same in the text with or without its white space.
			visible = `(?=[\\s\\S]*${check.pattern.source})`;
		else throw new Error(`${path}: a trimmed string's "${check.check}" check the JSON Schema cannot follow`);
	}
	if (min > 1 || max === 0) throw new Error(`${path}: trimmed length ${min} to ${max} is not supported`);
	const core = max === 1 ? '\\S' : `\\S(?:[\\s\\S]${max === undefined ? '*' : `{0,${max - 2}}`}\\S)?`;
	json.pattern = `^${visible}\\s*${min === 0 ? `(?:${core})?` : core}\\s*$`;
	delete json.minLength;
	delete json.maxLength;
	json.description =
		`Trimmed, then ${min} to ${max ?? 'any number of'} characters` +
		(visible ? ', at least one visible (not only spaces, zero-width or control characters)' : '');
}

/** What `\s` and String.prototype.trim take as white space (all of it in the BMP). */
const SPACES = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((c) => /\s/.test(c));

/** A pattern that is one character class and matches no white space, like VISIBLE_CHARACTER. */
function findsOneNonSpace(pattern: RegExp): boolean {
	return /^\[(?:\\.|[^\]\\])*\]$/.test(pattern.source) && !SPACES.some((c) => pattern.test(c));
}

/** The most keys a bounded record's count check lets through, found by asking it. */
function largestRecord(check: z.ZodType, path: string): number {
	const accepts = (n: number) =>
		check.safeParse(Object.fromEntries(Array.from({ length: n }, (_, i) => [i, 0]))).success;
	let hi = 1;
	while (accepts(hi)) if ((hi *= 2) > 1 << 20) throw new Error(`${path}: a record bound beyond ${1 << 20}`);
	let lo = hi / 2;
	if (!accepts(lo)) throw new Error(`${path}: a record check that is no bound on its size`);
	while (hi - lo > 1) {
		const mid = Math.floor((lo + hi) / 2);
		if (accepts(mid)) lo = mid;
		else hi = mid;
	}
	return lo;
}

/** The field a JSON path names: `.../properties/until` -> `until`. */
function fieldOf(path: readonly (string | number)[]): string {
	const at = path.lastIndexOf('properties');
	return at >= 0 && at === path.length - 2 ? String(path[at + 1]) : '';
}

function translate(ctx: { zodSchema: unknown; jsonSchema: Json; path: (string | number)[] }): void {
	const def = defOf(ctx.zodSchema);
	const json = ctx.jsonSchema;
	const field = fieldOf(ctx.path);
	const where = `${ctx.path.join('/') || '(root)'} (${def.type})`;
	const unknown = () =>
		new Error(
			`${where}: a refinement jsonSchema.ts does not know: express it there or list it as beyond the schema`
		);
	if (def.type === 'string' && def.checks?.[0]?._zod.def.check === 'overwrite') trimmedText(def, json, where);
	if (def.type === 'pipe' && defOf(def.out).type === 'record' && customChecks(defOf(def.in)) > 0)
		json.maxProperties = largestRecord(def.in!, where);
	if (customChecks(def) === 0) return;
	if (customChecks(def) > 1) throw unknown();
	if (def.type === 'string' && (field === 'published' || field === 'until')) {
		Object.assign(json, DATES.dayOrMonth);
	} else if (def.type === 'string' && field === 'family') {
		notReservedFamily(json);
	} else if (def.type === 'object' && def.shape && 'precision' in def.shape) {
		whenRules(json); // and 'date-order', beyond the schema
	} else if (def.type === 'array' && defOf(def.element).type === 'enum') {
		const word = (json.items as { enum: string[] }).enum[0];
		const schema = ctx.zodSchema as z.ZodType;
		if (schema.safeParse([word, word]).success || !schema.safeParse([word]).success) throw unknown();
		json.uniqueItems = true;
	} else if (def.type === 'tuple' && (json.prefixItems as unknown[]).length === 4) {
		// 'frame-order', beyond the schema
	} else if (def.type === 'object' && field === 'accent') {
		// 'accent-contrast', beyond the schema
	} else throw unknown();
}

// ---------------------------------------------------------------------------------------------
// The two schemas

function generated(): Json {
	return z.toJSONSchema(storySchema, { unrepresentable: 'any', override: translate }) as Json;
}

const LIST_KEYS = ['sources', 'places', 'flows', 'areas', 'events'] as const;

/** The whole story format: a file that replaces the story on the map. */
export function storyJsonSchema(): Json {
	const { $schema, ...schema } = generated();
	return {
		$schema,
		$id: 'story.schema.json',
		title: 'Story file for the story map (a whole story)',
		description:
			'A whole story: it replaces the story on the map. (A file of only lists to add to it is an ' +
			'extension file: story-extension.schema.json.) Also checked by the app, beyond this schema: ' +
			`${numbered(Object.values(STORY_RULES))}.`,
		...schema
	};
}

/** An extension file: lists to add to the story on the map, each item as in a whole story. */
export function storyExtensionJsonSchema(): Json {
	const whole = generated();
	const properties = whole.properties as Record<string, Json>;
	const lists = Object.fromEntries(
		LIST_KEYS.map((key) => {
			// The story on the map has the items a whole story needs; the file may add none.
			const list = structuredClone(properties[key]!);
			delete list.minItems;
			return [key, list];
		})
	);
	const limits = LIST_KEYS.map((key) => `${(lists[key] as { maxItems: number }).maxItems} ${key}`);
	return {
		$schema: whole.$schema,
		$id: 'story-extension.schema.json',
		title: 'Extension file for the story map (lists to add to the story on the map)',
		description:
			'Items to add to the story on the map; each item is as in a whole story (story.schema.json). ' +
			'Also checked by the app, beyond this schema, on the story with the items added (references may ' +
			`name the story's own places and sources; an id the story has is a duplicate): ${numbered([
				...EXTENSION_RULES.map((rule) => STORY_RULES[rule]),
				`together, the story and the file have at most ${limits.join(', ')}`
			])}.`,
		type: 'object',
		properties: { version: properties.version, ...lists },
		additionalProperties: false
	};
}
