import { z } from 'zod';
import {
	AREA_KINDS,
	CERTAINTIES,
	LABEL_SIDES,
	FLOW_KINDS,
	isIsoDay,
	isIsoMonth,
	LANGS,
	PLACE_ROLES,
	PRECISIONS,
	SOURCE_KINDS,
	type Area,
	type Article,
	type Coord,
	type Evidence,
	type Flow,
	type LocalText,
	type Place,
	type Presentation,
	type Source,
	type Step,
	type Story,
	type StoryEvent,
	type When
} from './vocabulary';
import { relationId } from './relations';
import { accentProblem, RESERVED_FAMILIES } from './house';

// zod probes for eval (new Function) to speed up parsing; our Content-Security-Policy forbids
// eval, and the probe alone would be reported as a violation. Plain parsing is fast enough here.
z.config({ jitless: true });

/*
 * Parsing a story file. The story's constants and types live in vocabulary.ts (no zod), so the
 * page uses them without this module; it is loaded, with zod, only where a file is parsed.
 * Users load their own story files through `parseStory`, so every object is strict (a misspelt
 * key is an error, not silently ignored) and every string and array is bounded (a hostile or
 * broken file cannot make the app allocate without limit).
 */

// ---------------------------------------------------------------------------------------------
// Limits, in one place so the bounds are easy to review.

const MAX = {
	id: 64,
	name: 120,
	label: 60,
	title: 160,
	summary: 1200,
	note: 400,
	quote: 120,
	sources: 500,
	places: 5000,
	flows: 20000,
	areas: 50,
	events: 1000,
	evidence: 50,
	via: 1000,
	paragraph: 10000,
	steps: 50,
	highlight: 200
} as const;

const slug = z
	.string()
	.max(MAX.id)
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, single hyphens)');

// ---------------------------------------------------------------------------------------------
// Basic values

const langSchema = z.enum(LANGS);

/** Both languages are required (LocalText) so no view ever falls back silently. */
function localText(max: number) {
	return z.strictObject({
		de: z.string().trim().min(1).max(max),
		en: z.string().trim().min(1).max(max)
	});
}

/** [longitude, latitude] in degrees, WGS84. */
const coordSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

const placeRoleSchema = z.enum(PLACE_ROLES);
const flowKindSchema = z.enum(FLOW_KINDS);
const certaintySchema = z.enum(CERTAINTIES);

// ---------------------------------------------------------------------------------------------
// Dates

const whenSchema = z
	.strictObject({
		precision: z.enum(PRECISIONS),
		start: z.string().max(10).optional(),
		end: z.string().max(10).optional(),
		note: localText(MAX.note).optional()
	})
	.superRefine((w, ctx) => {
		const issue = (path: 'start' | 'end' | 'precision', message: string) =>
			ctx.addIssue({ code: 'custom', path: [path], message });
		const needsDay = (key: 'start' | 'end', value: string | undefined) => {
			if (value === undefined) issue(key, `"${w.precision}" needs ${key} (YYYY-MM-DD)`);
			else if (!isIsoDay(value)) issue(key, `not a valid day "${value}" (YYYY-MM-DD)`);
		};
		const forbid = (key: 'start' | 'end') => {
			if (w[key] !== undefined) issue(key, `"${w.precision}" takes no ${key}`);
		};
		switch (w.precision) {
			case 'day':
				needsDay('start', w.start);
				forbid('end');
				break;
			case 'days':
				needsDay('start', w.start);
				needsDay('end', w.end);
				// ISO days compare correctly as strings.
				if (w.start && w.end && isIsoDay(w.start) && isIsoDay(w.end) && w.end < w.start)
					issue('end', `end ${w.end} is before start ${w.start}`);
				break;
			case 'month':
				if (w.start === undefined) issue('start', '"month" needs start (YYYY-MM)');
				else if (!isIsoMonth(w.start)) issue('start', `not a valid month "${w.start}" (YYYY-MM)`);
				forbid('end');
				break;
			case 'since':
				// Ongoing from a known day or month.
				if (w.start === undefined) issue('start', '"since" needs start (YYYY-MM or YYYY-MM-DD)');
				else if (!isIsoDay(w.start) && !isIsoMonth(w.start))
					issue('start', `not a valid date "${w.start}" (YYYY-MM or YYYY-MM-DD)`);
				forbid('end');
				break;
			case 'undated':
				forbid('start');
				forbid('end');
				break;
		}
	});

// ---------------------------------------------------------------------------------------------
// Entities

const sourceSchema = z.strictObject({
	id: slug,
	name: localText(MAX.name),
	kind: z.enum(SOURCE_KINDS),
	detail: localText(MAX.summary).optional()
});

const placeSchema = z.strictObject({
	id: slug,
	name: localText(MAX.name),
	coord: coordSchema,
	role: placeRoleSchema,
	country: z.string().regex(/^\d{3}$/, 'must be an ISO 3166 numeric code like "408"'),
	note: localText(MAX.note).optional()
});

const evidenceSchema = z.strictObject({
	source: slug,
	paragraph: z.number().int().min(1).max(MAX.paragraph).optional(),
	quote: z.string().trim().min(1).max(MAX.quote).optional()
});

const evidenceList = z.array(evidenceSchema).min(1).max(MAX.evidence);

const flowSchema = z.strictObject({
	id: slug,
	kind: flowKindSchema,
	from: slug,
	to: slug,
	via: z.array(coordSchema).max(MAX.via).optional(),
	mutual: z.boolean().optional(),
	when: whenSchema,
	certainty: certaintySchema,
	label: localText(MAX.label),
	summary: localText(MAX.summary),
	evidence: evidenceList
});

const areaSchema = z.strictObject({
	id: slug,
	kind: z.enum(AREA_KINDS),
	name: localText(MAX.name),
	caption: localText(MAX.name).optional(),
	labelAt: coordSchema.optional(),
	note: localText(MAX.note).optional(),
	summary: localText(MAX.summary),
	certainty: certaintySchema,
	when: whenSchema,
	evidence: evidenceList
});

const storyEventSchema = z.strictObject({
	id: slug,
	place: slug,
	when: whenSchema,
	title: localText(MAX.title),
	summary: localText(MAX.summary),
	certainty: certaintySchema,
	evidence: evidenceList
});

const articleSchema = z.strictObject({
	publisher: z.string().trim().min(1).max(MAX.name),
	author: z.string().trim().min(1).max(MAX.name),
	published: z.string().refine((s) => isIsoMonth(s) || isIsoDay(s), 'must be YYYY-MM or YYYY-MM-DD'),
	language: langSchema
});

const bboxSchema = z
	.tuple([
		z.number().min(-540).max(540),
		z.number().min(-85).max(85),
		z.number().min(-540).max(540),
		z.number().min(-85).max(85)
	])
	.refine(
		([w, s, e, n]) => w < e && s < n,
		'must be [west, south, east, north] with west < east and south < north'
	);

/**
 * A file on the site that serves the map, by a relative path ("house/logo.svg"): no scheme, no
 * leading slash, no "..", so it resolves under the app's own folder and the page's
 * Content-Security-Policy (own origin only) lets it load.
 */
function sitePath(extensions: readonly string[]) {
	return z
		.string()
		.max(200)
		.regex(
			new RegExp(
				`^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\\.(?:${extensions.join('|')})$`
			),
			`must be a path on the map's own site, like "house/file.${extensions[0]}" (${extensions.join(', ')})`
		);
}

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like "#c0392b"');

const houseSchema = z.strictObject({
	publisher: localText(MAX.name).optional(),
	logo: z
		.strictObject({
			src: sitePath(['svg', 'png', 'webp']),
			dark: sitePath(['svg', 'png', 'webp']).optional(),
			alt: localText(MAX.name)
		})
		.optional(),
	accent: z
		.strictObject({ light: hexColour, dark: hexColour })
		.superRefine((accent, ctx) => {
			for (const theme of ['light', 'dark'] as const) {
				const problem = accentProblem(theme, accent[theme]);
				if (problem) ctx.addIssue({ code: 'custom', path: [theme], message: problem });
			}
		})
		.optional(),
	font: z
		.strictObject({
			family: z
				.string()
				.regex(/^[A-Za-z][A-Za-z0-9 -]{0,39}$/, 'must be a font name of letters, digits, spaces and hyphens')
				.refine(
					(name) => !RESERVED_FAMILIES.test(name.trim()),
					"must be the house face's own name: the map's Noto Sans and CSS's generic names are taken"
				),
			regular: sitePath(['woff2', 'woff']),
			bold: sitePath(['woff2', 'woff']).optional()
		})
		.optional()
});

const presentationSchema = z.strictObject({
	deck: localText(MAX.summary).optional(),
	mapLabel: localText(MAX.title).optional(),
	frame: bboxSchema.optional(),
	framePhone: bboxSchema.optional(),
	emphasis: z
		.array(z.string().regex(/^\d{3}$/, 'must be an ISO 3166 numeric code like "408"'))
		.max(MAX.places)
		.optional(),
	labelSide: z
		.record(slug, z.enum(LABEL_SIDES))
		.refine((r) => Object.keys(r).length <= MAX.places, `at most ${MAX.places} places`)
		.optional(),
	countryLabels: z
		.record(z.string().regex(/^\d{3}$/, 'must be an ISO 3166 numeric code like "408"'), coordSchema)
		.refine((r) => Object.keys(r).length <= MAX.places, `at most ${MAX.places} countries`)
		.optional(),
	fileName: z
		.string()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens')
		.max(60)
		.optional(),
	areaKindNames: z
		.strictObject({
			'patrol-waters': localText(MAX.name).optional(),
			'recognised-region': localText(MAX.name).optional()
		})
		.optional(),
	house: houseSchema.optional()
});

/** Lists of vocabulary words: each word at most once, so a step cannot say "arms" twice. */
function wordList<T extends readonly [string, ...string[]]>(words: T) {
	return z
		.array(z.enum(words))
		.max(words.length)
		.refine((list) => new Set(list).size === list.length, 'lists a word twice');
}

const stepSchema = z.strictObject({
	id: slug,
	title: localText(MAX.title),
	text: localText(MAX.summary),
	frame: bboxSchema.optional(),
	framePhone: bboxSchema.optional(),
	kinds: wordList(FLOW_KINDS).optional(),
	certainty: certaintySchema.optional(),
	until: z
		.string()
		.refine((s) => isIsoDay(s) || isIsoMonth(s), 'must be a day YYYY-MM-DD or a month YYYY-MM')
		.optional(),
	areas: wordList(AREA_KINDS).optional(),
	highlight: z
		.array(z.string().max(2 * MAX.id + 1))
		.max(MAX.highlight)
		.optional(),
	evidence: evidenceList
});

export const storySchema = z.strictObject({
	version: z.literal(1),
	title: localText(MAX.title),
	article: articleSchema,
	presentation: presentationSchema.optional(),
	sources: z.array(sourceSchema).min(1).max(MAX.sources),
	places: z.array(placeSchema).min(1).max(MAX.places),
	flows: z.array(flowSchema).max(MAX.flows),
	areas: z.array(areaSchema).max(MAX.areas),
	events: z.array(storyEventSchema).max(MAX.events),
	steps: z.array(stepSchema).min(1).max(MAX.steps).optional()
});

// ---------------------------------------------------------------------------------------------
// The schema and the vocabulary's hand-written types must not drift apart

/** True only when A and B are the same type, not merely assignable one way or the other. */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type ExpectAll<T extends readonly true[]> = T;

/**
 * Compile-time proof that parsing yields exactly the types of vocabulary.ts, which the app uses
 * without loading zod: changing a field on one side only makes this fail to type-check.
 */
export type SchemaMatchesVocabulary = ExpectAll<
	[
		Same<z.infer<ReturnType<typeof localText>>, LocalText>,
		Same<z.infer<typeof coordSchema>, Coord>,
		Same<z.infer<typeof whenSchema>, When>,
		Same<z.infer<typeof sourceSchema>, Source>,
		Same<z.infer<typeof placeSchema>, Place>,
		Same<z.infer<typeof evidenceSchema>, Evidence>,
		Same<z.infer<typeof flowSchema>, Flow>,
		Same<z.infer<typeof areaSchema>, Area>,
		Same<z.infer<typeof storyEventSchema>, StoryEvent>,
		Same<z.infer<typeof articleSchema>, Article>,
		Same<z.infer<typeof presentationSchema>, Presentation>,
		Same<z.infer<typeof stepSchema>, Step>,
		Same<z.infer<typeof storySchema>, Story>
	]
>;

// ---------------------------------------------------------------------------------------------
// Parsing with readable errors

/** Errors beyond this many are summarised: a broken 20000-flow file should not flood the UI. */
const MAX_ERRORS = 100;

type PathKey = PropertyKey;

/** `['flows', 3, 'to']` -> `flows[3].to`; the empty path is the file itself. */
export function formatPath(path: readonly PathKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else out += out === '' ? String(key) : `.${String(key)}`;
	}
	return out === '' ? '(root)' : out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
	// zod's own text for unknown keys does not say which object; ours names the key itself.
	if (issue.code === 'unrecognized_keys')
		return issue.keys.length === 1
			? `unknown key "${issue.keys[0]}"`
			: `unknown keys ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
	return issue.message;
}

/** Checks zod cannot express per object: references between collections and id uniqueness. */
function crossReferenceErrors(story: Story, shapes: ReadonlySet<string> | null): string[] {
	const errors: string[] = [];
	const sourceKinds = new Map<string, Source['kind']>();
	story.sources.forEach((s, i) => {
		if (sourceKinds.has(s.id)) errors.push(`sources[${i}].id: duplicate id "${s.id}"`);
		sourceKinds.set(s.id, s.kind);
	});
	// Places, flows, areas and events share one id space: the map, the URL and the details panel
	// select any of them by id alone.
	const featureIds = new Set<string>();
	const claim = (collection: string, i: number, id: string) => {
		if (featureIds.has(id)) errors.push(`${collection}[${i}].id: duplicate id "${id}"`);
		featureIds.add(id);
	};
	story.places.forEach((p, i) => claim('places', i, p.id));
	const placeIds = new Set(story.places.map((p) => p.id));
	const checkPlace = (path: string, id: string) => {
		if (!placeIds.has(id)) errors.push(`${path}: unknown place "${id}"`);
	};
	const checkEvidence = (path: string, evidence: readonly Evidence[]) =>
		evidence.forEach((e, j) => {
			const at = `${path}.evidence[${j}]`;
			const kind = sourceKinds.get(e.source);
			if (kind === undefined) errors.push(`${at}.source: unknown source "${e.source}"`);
			// Everything the article reports is located in it; public record is not in it at all.
			else if (kind === 'public-record' && e.paragraph !== undefined)
				errors.push(`${at}.paragraph: public record is not in the article, so it has no paragraph`);
			else if (kind !== 'public-record' && e.paragraph === undefined)
				errors.push(`${at}.paragraph: required for a source the article reports ("${e.source}")`);
		});
	story.flows.forEach((f, i) => {
		claim('flows', i, f.id);
		checkPlace(`flows[${i}].from`, f.from);
		checkPlace(`flows[${i}].to`, f.to);
		if (f.from === f.to) errors.push(`flows[${i}].to: flow must connect two places, got "${f.to}" twice`);
		checkEvidence(`flows[${i}]`, f.evidence);
	});
	story.areas.forEach((a, i) => {
		claim('areas', i, a.id);
		if (shapes && !shapes.has(a.id))
			errors.push(
				`areas[${i}].id: no shape "${a.id}" ships with the map (shapes: ${[...shapes].sort().join(', ')})`
			);
		checkEvidence(`areas[${i}]`, a.evidence);
	});
	story.events.forEach((e, i) => {
		claim('events', i, e.id);
		checkPlace(`events[${i}].place`, e.place);
		checkEvidence(`events[${i}]`, e.evidence);
	});
	for (const id of Object.keys(story.presentation?.labelSide ?? {}))
		checkPlace(`presentation.labelSide.${id}`, id);
	const relationIds = new Set(story.flows.map((f) => relationId(f.from, f.to)));
	const stepIds = new Set<string>();
	story.steps?.forEach((step, i) => {
		if (stepIds.has(step.id)) errors.push(`steps[${i}].id: duplicate id "${step.id}"`);
		stepIds.add(step.id);
		step.highlight?.forEach((id, j) => {
			if (!featureIds.has(id) && !relationIds.has(id))
				errors.push(
					`steps[${i}].highlight[${j}]: unknown id "${id}" (not a place, flow, area, event or relation)`
				);
		});
		checkEvidence(`steps[${i}]`, step.evidence);
	});
	return errors;
}

function capErrors(errors: string[]): string[] {
	if (errors.length <= MAX_ERRORS) return errors;
	return [...errors.slice(0, MAX_ERRORS), `... and ${errors.length - MAX_ERRORS} more errors`];
}

export type ParseResult = { ok: true; story: Story } | { ok: false; errors: string[] };

/**
 * Validate anything (typically `JSON.parse` output of a user's file) as a story. Never throws;
 * every error is `path: message`, e.g. `flows[3].to: unknown place "pyongyng"`.
 */
/**
 * Parses and checks a story. `shapes`: the area ids whose geometry ships with the map; without
 * them (a build script, a test that has no geodata) area ids are only checked for form.
 */
export function parseStory(input: unknown, shapes: ReadonlySet<string> | null = null): ParseResult {
	try {
		const result = storySchema.safeParse(input);
		if (!result.success) {
			const errors = result.error.issues.map((i) => `${formatPath(i.path)}: ${issueMessage(i)}`);
			return { ok: false, errors: capErrors(errors) };
		}
		// Cross-references only make sense once every object has the right shape.
		const errors = crossReferenceErrors(result.data, shapes);
		return errors.length > 0 ? { ok: false, errors: capErrors(errors) } : { ok: true, story: result.data };
	} catch (e) {
		// Defensive: exotic inputs (throwing getters, proxies) must not crash the loader.
		return {
			ok: false,
			errors: [`(root): could not be read (${e instanceof Error ? e.message : String(e)})`]
		};
	}
}
