import Ajv2020, { type ValidateFunction } from 'ajv/dist/2020';
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { story } from '../../src/lib/story';
import { RESERVED_FAMILIES } from '../../src/lib/story/house';
import {
	EXTENSION_RULES,
	STORY_RULES,
	storyExtensionJsonSchema,
	storyJsonSchema,
	type BeyondRule
} from '../../src/lib/story/jsonSchema';
import { detectLoadMode, loadStoryText, type LoadMode } from '../../src/lib/story/load';
import { storySchema } from '../../src/lib/story/schema';
import { isIsoDay, isIsoMonth } from '../../src/lib/story/vocabulary';
import { corpus, type Base, type CorpusFile } from '../support/storyCorpus';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;

/*
 * The published JSON Schemas (static/story.schema.json, static/story-extension.schema.json) must
 * say what the loader does: a file an editor passes, the app opens, and the other way round. The
 * one allowed difference: the schema is valid and the loader refuses the file for a rule JSON
 * Schema cannot state, and then only a rule the schema's description lists (BEYOND below).
 */

/** Files in the generated corpus, and its fixed seed (a failure is reproduced by running again). */
const RUNS = 1500;
const SEED = 20_230_913;

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');

// Strict: a keyword ajv does not know, or a tuple left open, is a mistake in the schema.
function compile(schema: Record<string, unknown>): ValidateFunction {
	return new Ajv2020({ strict: true, allErrors: true }).compile(schema);
}
const validators: Record<LoadMode, ValidateFunction> = {
	replace: compile(storyJsonSchema()),
	extend: compile(storyExtensionJsonSchema())
};

/** The area shapes the page gives the loader (static/data/areas.geojson, by property). */
const shapes = new Set<string>(
	(
		JSON.parse(read('static/data/areas.geojson')) as { features: { properties: { id: string } }[] }
	).features.map((f) => f.properties.id)
);

const shipped: Base[] = [
	{ name: 'data/story.json', text: read('static/data/story.json') },
	...readdirSync(new URL('../../static/samples', import.meta.url))
		.filter((name) => name.endsWith('.json'))
		.map((name) => ({ name: `samples/${name}`, text: read(`static/samples/${name}`) }))
].map((file) => ({ ...file, mode: detectLoadMode(JSON.parse(file.text)) }));

// ---------------------------------------------------------------------------------------------
// The loader's errors for rules beyond the schema, by their exact wording: narrow on purpose, so
// that a loader error of any other kind on a schema-valid file is a disagreement.

const Q = String.raw`"[^"]*"(?: \([\d,]+ characters\))?`;
const EVIDENCE = String.raw`(?:flows|areas|events|steps)\[\d+\]\.evidence\[\d+\]`;
const BEYOND: Record<BeyondRule, RegExp[]> = {
	'source-ids': [new RegExp(String.raw`^sources\[\d+\]\.id: duplicate id ${Q}$`)],
	'feature-ids': [new RegExp(String.raw`^(?:places|flows|areas|events)\[\d+\]\.id: duplicate id ${Q}$`)],
	'step-ids': [new RegExp(String.raw`^steps\[\d+\]\.id: duplicate id ${Q}$`)],
	'flow-places': [
		new RegExp(String.raw`^flows\[\d+\]\.(?:from|to): unknown place ${Q}$`),
		new RegExp(String.raw`^flows\[\d+\]\.to: flow must connect two places, got ${Q} twice$`)
	],
	'event-place': [new RegExp(String.raw`^events\[\d+\]\.place: unknown place ${Q}$`)],
	'evidence-source': [
		new RegExp(String.raw`^${EVIDENCE}\.source: unknown source ${Q}$`),
		new RegExp(
			String.raw`^${EVIDENCE}\.paragraph: public record is not in the article, so it has no paragraph$`
		),
		new RegExp(String.raw`^${EVIDENCE}\.paragraph: required for a source the article reports \(${Q}\)$`)
	],
	'area-shapes': [
		new RegExp(String.raw`^areas\[\d+\]\.id: no shape ${Q} ships with the map \(shapes: [a-z0-9, -]*\)$`)
	],
	'label-side': [new RegExp(String.raw`^presentation\.labelSide\.[a-z0-9-]+: unknown place ${Q}$`)],
	highlight: [
		new RegExp(
			String.raw`^steps\[\d+\]\.highlight\[\d+\]: unknown id ${Q} \(not a place, flow, area, event or relation\)$`
		)
	],
	'date-order': [
		/^(?:flows|areas|events)\[\d+\]\.when\.end: end \d{4}-\d\d-\d\d is before start \d{4}-\d\d-\d\d$/
	],
	'frame-order': [
		/^(?:presentation|steps\[\d+\])\.(?:frame|framePhone): must be \[west, south, east, north\] with west < east and south < north$/
	],
	'accent-contrast': [
		/^presentation\.house\.accent\.(?:light|dark): #[0-9a-fA-F]{6} has \d+\.\d\d:1 against [^;]+; links and buttons need [\d.]+:1$/
	],
	'file-size': [/^\(file\): [\d,]+ bytes is larger than the limit of [\d,]+ bytes \([\d.]+ MB\)$/],
	'extension-limits': [/^(?:sources|places|flows|areas|events): Too big: expected array to have <=\d+ items$/]
};
const ALLOWED: Record<LoadMode, readonly BeyondRule[]> = {
	replace: Object.keys(STORY_RULES) as BeyondRule[],
	extend: [...EXTENSION_RULES, 'extension-limits']
};

/** The loader's last line when it stopped counting: not an error of its own. */
const SUMMARY = /^\.\.\. (?:and [\d,]+ more errors|checking stopped after the first \d+ errors: .+)$/;

/** `path: message`, the path starting at one of the story's own keys (or the file itself). */
// A record's odd key is quoted as the reader wrote it, quotes and all: matched lazily.
const SEGMENT = String.raw`(?:\[\d+\]|\.[A-Za-z0-9_-]{1,64}|\[".*?"(?: \([\d,]+ characters\))?\])`;
const LOCATED = new RegExp(
	String.raw`^(?:\(root\)|\(file\)|(?:${Object.keys(storySchema.shape).join('|')})${SEGMENT}*): \S`,
	's'
);

interface Verdict {
	file: CorpusFile;
	schemaValid: boolean;
	schemaErrors: string[];
	loaded: boolean;
	errors: string[];
	/** The beyond-schema rules that excuse a schema-valid file's refusal. */
	excusedBy: BeyondRule[];
	problem?: string;
}

function ruleOf(error: string, mode: LoadMode): BeyondRule | undefined {
	return ALLOWED[mode].find((rule) => BEYOND[rule].some((pattern) => pattern.test(error)));
}

function judge(file: CorpusFile, validate: ValidateFunction = validators[file.mode]): Verdict {
	const schemaValid = validate(JSON.parse(file.text)) as boolean;
	const schemaErrors = (validate.errors ?? [])
		.slice(0, 5)
		.map((e) => `${e.instancePath || '/'} ${e.message}`);
	let result: ReturnType<typeof loadStoryText>;
	try {
		result = loadStoryText(file.text, story, file.mode, shapes);
	} catch (e) {
		return {
			file,
			schemaValid,
			schemaErrors,
			loaded: false,
			errors: [],
			excusedBy: [],
			problem: `loader threw ${e}`
		};
	}
	const errors = result.ok ? [] : result.errors;
	const verdict: Verdict = { file, schemaValid, schemaErrors, loaded: result.ok, errors, excusedBy: [] };
	const listed = errors.filter((e, i) => !(i === errors.length - 1 && i > 0 && SUMMARY.test(e)));
	const unlocated = listed.find((e) => !LOCATED.test(e));
	if (!result.ok && (listed.length === 0 || unlocated !== undefined))
		return { ...verdict, problem: `an error without its place: ${JSON.stringify(unlocated ?? errors)}` };
	// A number that came out of arithmetic on a malformed value says nothing to the reader.
	const garbled = listed.find((e) => /\bNaN\b|\[object /.test(e.replace(/"[^"]*"/g, '')));
	if (garbled !== undefined) return { ...verdict, problem: `a garbled error: ${JSON.stringify(garbled)}` };
	if (!schemaValid && result.ok) return { ...verdict, problem: 'the schema refuses a file the loader opens' };
	if (schemaValid && !result.ok) {
		const rules = listed.map((e) => ruleOf(e, file.mode));
		if (rules.some((rule) => rule === undefined))
			return {
				...verdict,
				problem: 'the loader refuses a schema-valid file for a rule the schema could state'
			};
		verdict.excusedBy = [...new Set(rules as BeyondRule[])];
	}
	return verdict;
}

function report(v: Verdict): string {
	const text =
		v.file.text.length > 300 ? `${v.file.text.slice(0, 300)}... (${v.file.text.length} chars)` : v.file.text;
	return [
		`${v.problem} [${v.file.mode}] ${v.file.label}`,
		`  loader: ${v.loaded ? 'accepts' : `refuses: ${v.errors.slice(0, 5).join(' | ')}`}`,
		`  schema: ${v.schemaValid ? 'valid' : `invalid: ${v.schemaErrors.join(' | ')}`}`,
		`  file: ${text}`
	].join('\n');
}

// ---------------------------------------------------------------------------------------------

describe('the published JSON Schemas', () => {
	it('are one for a whole story and one for an extension file, with their own ids', () => {
		const whole = storyJsonSchema();
		const extension = storyExtensionJsonSchema() as { $id: string; properties: object; required?: unknown };
		expect(whole.$id).toBe('story.schema.json');
		expect(extension.$id).toBe('story-extension.schema.json');
		expect(Object.keys(extension.properties)).toEqual([
			'version',
			'sources',
			'places',
			'flows',
			'areas',
			'events'
		]);
		expect(extension.required).toBeUndefined();
	});

	it('list every rule they cannot state in their descriptions', () => {
		const whole = storyJsonSchema().description as string;
		const extension = storyExtensionJsonSchema().description as string;
		for (const rule of ALLOWED.replace)
			expect(whole).toContain(STORY_RULES[rule as keyof typeof STORY_RULES]);
		for (const rule of EXTENSION_RULES) expect(extension).toContain(STORY_RULES[rule]);
		expect(extension).toMatch(/at most 500 sources, 5000 places, 20000 flows, 50 areas, 1000 events/);
	});

	it.each(shipped)('passes the shipped file $name ($mode), and the loader opens it', ({ text, mode }) => {
		const validate = validators[mode];
		expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
		const result = loadStoryText(text, story, mode, shapes);
		expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
	});

	it('states the date rule exactly as the loader reads dates', () => {
		const schema = storyJsonSchema() as Loose;
		const pattern = new RegExp(schema.properties.article.properties.published.pattern, 'u');
		const dates: string[] = ['0000-01', '0000-02-29', '2023-9-01', ' 2023-09-01', '2023-09-01 ', '2023'];
		for (const year of '0001 0004 0100 0400 1900 1999 2000 2023 2024 2100 9999'.split(' '))
			for (let month = 0; month <= 13; month++) {
				const mm = String(month).padStart(2, '0');
				dates.push(`${year}-${mm}`);
				for (let day = 0; day <= 32; day++) dates.push(`${year}-${mm}-${String(day).padStart(2, '0')}`);
			}
		for (const date of dates) expect(pattern.test(date), date).toBe(isIsoDay(date) || isIsoMonth(date));
	});

	it('states the reserved font names exactly as the loader compares them', () => {
		const schema = storyJsonSchema() as Loose;
		const family = schema.properties.presentation.properties.house.properties.font.properties.family;
		const reserved = new RegExp(family.not.pattern, 'u');
		const names =
			'Noto Sans|noto sans mono|NOTO SANS|Noto Sansation|Noto|Serif|serif  |UI-x|Ui-|ui-rounded|system-ui';
		for (const name of `${names}|Revert-Layer|revert-layers|Default|Mathematica|Merriweather`.split('|'))
			expect(reserved.test(name), name).toBe(RESERVED_FAMILIES.test(name.trim()));
	});
});

describe('the schemas and the loader agree', () => {
	it('on a generated corpus of story files', () => {
		const figures = { files: 0, replace: 0, extend: 0, schemaValid: 0, accepted: 0, rejected: 0, excused: 0 };
		const byRule: Partial<Record<BeyondRule, number>> = {};
		let failure: Verdict | undefined;
		const started = performance.now();
		const lists = (storyExtensionJsonSchema() as Loose).properties;
		const files = corpus(shipped, story as Loose, {
			sources: lists.sources.maxItems,
			areas: lists.areas.maxItems,
			events: lists.events.maxItems
		});
		try {
			fc.assert(
				fc.property(files, (file) => {
					const verdict = judge(file);
					if (failure === undefined) {
						// Shrinking runs after the first failure: those are not in the figures.
						figures.files++;
						figures[file.mode]++;
						if (verdict.schemaValid) figures.schemaValid++;
						figures[verdict.loaded ? 'accepted' : 'rejected']++;
						if (verdict.excusedBy.length) figures.excused++;
						for (const rule of verdict.excusedBy) byRule[rule] = (byRule[rule] ?? 0) + 1;
					}
					if (verdict.problem) {
						failure ??= verdict;
						throw new Error(report(verdict));
					}
				}),
				{ numRuns: RUNS, seed: SEED }
			);
		} finally {
			const seconds = ((performance.now() - started) / 1000).toFixed(1);
			console.log(
				`JSON Schema agreement: ${JSON.stringify(figures)} in ${seconds} s; excused by rule ${JSON.stringify(byRule)}` +
					(failure ? `; first disagreement:\n${report(failure)}` : '; no disagreement')
			);
		}
		expect(figures.files).toBe(RUNS);
		// A corpus that only breaks files, or only keeps them whole, would show little.
		expect(figures.accepted).toBeGreaterThan(RUNS / 10);
		expect(figures.rejected).toBeGreaterThan(RUNS / 2);
		expect(figures.excused).toBeGreaterThan(RUNS / 20);
	});

	it('and the test can fail: the old schema, one for whole stories only, refused the shipped extension', () => {
		const sample = shipped.find((file) => file.name === 'samples/later-events.json')!;
		expect(sample.mode).toBe('extend');
		const verdict = judge({ ...sample, label: 'later-events.json' }, validators.replace);
		expect(verdict.loaded).toBe(true);
		expect(verdict.problem).toBe('the schema refuses a file the loader opens');
	});

	it("and zod's JSON Schema alone, without this module's translation, disagrees both ways", () => {
		const raw = compile({ ...z.toJSONSchema(storySchema, { unrepresentable: 'any' }), $id: 'raw.json' });
		const padded = { ...story, title: { ...story.title, en: `${' '.repeat(200)}Title` } };
		const badDate = { ...story, article: { ...story.article, published: '2023-02-30' } };
		const file = (doc: unknown, label: string) => ({
			mode: 'replace' as const,
			text: JSON.stringify(doc),
			label
		});
		expect(judge(file(padded, 'padded title'), raw).problem).toBe(
			'the schema refuses a file the loader opens'
		);
		expect(judge(file(badDate, 'no such day'), raw).problem).toBe(
			'the loader refuses a schema-valid file for a rule the schema could state'
		);
		expect(judge(file(padded, 'padded title')).problem).toBeUndefined();
		expect(judge(file(badDate, 'no such day')).problem).toBeUndefined();
	});

	/** A shipped file with one change, made as JSON.parse would make it (`__proto__` an own key). */
	function edge(name: string, base: 'story' | 'extension', change: (doc: Loose) => void): CorpusFile {
		const sample = shipped.find(
			(f) => f.name === (base === 'story' ? 'data/story.json' : 'samples/later-events.json')
		)!;
		const doc = JSON.parse(sample.text) as Loose;
		change(doc);
		return { mode: sample.mode, text: JSON.stringify(doc), label: name };
	}
	const own = (target: object, key: string, value: unknown) =>
		Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });

	it.each([
		edge('labelSide with a "__proto__" entry', 'story', (d) =>
			own(d.presentation.labelSide, '__proto__', 'left')
		),
		edge('countryLabels with a "__proto__" entry', 'story', (d) =>
			own(d.presentation.countryLabels, '__proto__', [1, 2])
		),
		edge('labelSide with a "constructor" entry', 'story', (d) =>
			own(d.presentation.labelSide, 'constructor', 'left')
		),
		edge('a title with a "__proto__" key', 'story', (d) => own(d.title, '__proto__', {})),
		edge('a place name of zero-width spaces', 'story', (d) => (d.places[0].name.de = '\u200b\u200b')),
		edge(
			'a title padded far past its length',
			'story',
			(d) => (d.title.en = `\t${d.title.en}${' '.repeat(500)}`)
		),
		edge('a step listing a kind twice', 'story', (d) => (d.steps[0].kinds = ['visit', 'visit'])),
		edge(
			'a reserved font name, in capitals and spaced',
			'story',
			(d) => (d.presentation.house = { font: { family: 'Serif ', regular: 'a.woff2' } })
		),
		edge(
			'an accent that is no colour',
			'story',
			(d) => (d.presentation.house = { accent: { light: 'red', dark: '#ff8a8a' } })
		),
		edge('published on 29 February 1900', 'story', (d) => (d.article.published = '1900-02-29')),
		edge('published in the year 0', 'story', (d) => (d.article.published = '0000-01')),
		edge('an extension of version 999', 'extension', (d) => (d.version = 999)),
		edge('an extension of version "banana"', 'extension', (d) => (d.version = 'banana')),
		edge('an extension of version null', 'extension', (d) => (d.version = null)),
		edge('an extension with a title', 'extension', (d) => (d.title = story.title)),
		edge('an extension with a "__proto__" key', 'extension', (d) => own(d, '__proto__', [])),
		edge('an empty extension', 'extension', (d) => Object.keys(d).forEach((k) => delete d[k]))
	])('on the edge case: $label', (file) => {
		const verdict = judge(file);
		expect(verdict.problem, report(verdict)).toBeUndefined();
	});
});
