import { z } from 'zod';
import {
	AREA_KINDS,
	CERTAINTIES,
	FLOW_KINDS,
	isIsoDay,
	isIsoMonth,
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
import { bboxSchema, presentationSchema } from './presentationSchema';
import { coordSchema, langSchema, localText, MAX, slug, text } from './schemaParts';

/*
 * Parsing a story file. The story's constants and types live in vocabulary.ts (no zod), so the
 * page uses them without this module; it is loaded, with zod, only where a file is parsed.
 * Users load their own story files through `parseStory`, so every object is strict (a misspelt
 * key is an error, not silently ignored) and every string and array is bounded (a hostile or
 * broken file cannot make the app allocate without limit).
 */

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
	quote: text(MAX.quote).optional()
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
	publisher: text(MAX.name),
	author: text(MAX.name),
	published: z.string().refine((s) => isIsoMonth(s) || isIsoDay(s), 'must be YYYY-MM or YYYY-MM-DD'),
	language: langSchema
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

/**
 * The story's lists: their items' schemas and how many a list holds. parseStory checks a list's
 * length first and then its items one by one, so it can stop after the first hundred errors.
 */
export const LISTS = {
	sources: { item: sourceSchema, min: 1, max: MAX.sources },
	places: { item: placeSchema, min: 1, max: MAX.places },
	flows: { item: flowSchema, min: 0, max: MAX.flows },
	areas: { item: areaSchema, min: 0, max: MAX.areas },
	events: { item: storyEventSchema, min: 0, max: MAX.events },
	steps: { item: stepSchema, min: 1, max: MAX.steps }
} as const;

export type ListKey = keyof typeof LISTS;

function list<T extends z.ZodType>(item: T, { min, max }: { min: number; max: number }) {
	return z.array(item).min(min).max(max);
}

export const storySchema = z.strictObject({
	version: z.literal(1),
	title: localText(MAX.title),
	article: articleSchema,
	presentation: presentationSchema.optional(),
	sources: list(sourceSchema, LISTS.sources),
	places: list(placeSchema, LISTS.places),
	flows: list(flowSchema, LISTS.flows),
	areas: list(areaSchema, LISTS.areas),
	events: list(storyEventSchema, LISTS.events),
	steps: list(stepSchema, LISTS.steps).optional()
});

/**
 * The story with its lists' items unchecked: parseStory's first pass (root keys, fields, list
 * lengths), before it checks each item on its own.
 */
export const storyFrame = storySchema.extend({
	sources: list(z.unknown(), LISTS.sources),
	places: list(z.unknown(), LISTS.places),
	flows: list(z.unknown(), LISTS.flows),
	areas: list(z.unknown(), LISTS.areas),
	events: list(z.unknown(), LISTS.events),
	steps: list(z.unknown(), LISTS.steps).optional()
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
