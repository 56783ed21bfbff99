import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { story } from '../../src/lib/story';
import { loadStoryFile, loadStoryText } from '../../src/lib/story/load';
import { MAX_STORY_BYTES } from '../../src/lib/story/vocabulary';

const sample = readFileSync(new URL('../../static/samples/later-events.json', import.meta.url), 'utf8');

describe('loading a story file', () => {
	it('replaces the story with a valid full story', () => {
		const result = loadStoryText(JSON.stringify(story), story, 'replace');
		expect(result.ok).toBe(true);
	});

	it('extends the story with the shipped sample file', () => {
		const result = loadStoryText(sample, story, 'extend');
		expect(result.ok, JSON.stringify(!result.ok && result.errors)).toBe(true);
		if (!result.ok) return;
		const added = JSON.parse(sample) as { events?: unknown[]; places?: unknown[] };
		expect(result.story.events.length).toBe(story.events.length + (added.events?.length ?? 0));
		expect(result.story.places.length).toBe(story.places.length + (added.places?.length ?? 0));
		// The built-in claims are all still there, unchanged.
		expect(result.story.flows).toEqual(story.flows);
	});

	it('reports errors by path in the file, not in the merged story', () => {
		const file = {
			flows: [{ ...story.flows[0], id: 'new-flow', to: 'pyongyng' }]
		};
		const result = loadStoryText(JSON.stringify(file), story, 'extend');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toContain('flows[0].to: unknown place "pyongyng"');
	});

	it('refuses to overwrite an existing claim through an extension', () => {
		const result = loadStoryText(JSON.stringify({ flows: [story.flows[0]] }), story, 'extend');
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors.join('\n')).toMatch(/duplicate id/);
	});

	it('explains broken JSON and wrong shapes', () => {
		for (const [text, pattern] of [
			['{"flows": [', /not valid JSON/],
			['[]', /must be an object/],
			['{"flows": 3}', /flows: must be a list/],
			['{"title": "x"}', /^\(root\): key "title" not allowed in an extension file/]
		] as const) {
			const result = loadStoryText(text, story, 'extend');
			expect(result.ok).toBe(false);
			if (!result.ok) expect(result.errors.join('\n')).toMatch(pattern);
		}
		const replace = loadStoryText('{"version": 1}', story, 'replace');
		expect(replace.ok).toBe(false);
	});

	it('refuses files over the size limit before reading them', async () => {
		const big = new Blob([new Uint8Array(MAX_STORY_BYTES + 1)]);
		const result = await loadStoryFile(big, story, 'replace');
		expect(result.ok).toBe(false);
		// In bytes, so one byte over the limit reads as over it.
		if (!result.ok)
			expect(result.errors[0]).toBe(
				'(file): 10,485,761 bytes is larger than the limit of 10,485,760 bytes (10 MB)'
			);
	});

	it('says a picture renamed .json is not a JSON text file, and reads a file with a byte-order mark', async () => {
		// The first bytes of a PNG: 0x89 is no UTF-8, and there are NULs.
		const png = new Blob([
			new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48])
		]);
		const picture = await loadStoryFile(png, story, 'replace');
		expect(picture.ok).toBe(false);
		if (!picture.ok)
			expect(picture.errors).toEqual([
				'(file): not a JSON text file: it holds binary data (a picture, an archive or a document?)'
			]);
		// Broken text stays "not valid JSON", with the parser's words.
		const broken = await loadStoryFile(new Blob(['{"flows": [']), story, 'extend');
		if (!broken.ok) expect(broken.errors[0]).toMatch(/^\(file\): not valid JSON \(/);
		expect(broken.ok).toBe(false);
		// A byte-order mark (Windows editors write one): reading the file as UTF-8 drops it.
		const bom = await loadStoryFile(new Blob(['\uFEFF' + JSON.stringify(story)]), story, 'replace');
		expect(bom.ok, JSON.stringify(!bom.ok && bom.errors)).toBe(true);
	});
});

describe('the published JSON Schema', () => {
	it('describes every top-level field of the story and forbids unknown keys', async () => {
		const { storyJsonSchema } = await import('../../src/lib/story/jsonSchema');
		const schema = storyJsonSchema() as {
			properties: Record<string, { items?: { properties?: Record<string, unknown> } }>;
			additionalProperties: boolean;
			required: string[];
		};
		expect(Object.keys(schema.properties).sort()).toEqual(
			[
				'version',
				'title',
				'article',
				'presentation',
				'sources',
				'places',
				'flows',
				'areas',
				'events',
				'steps'
			].sort()
		);
		expect(schema.additionalProperties).toBe(false);
		expect(schema.required).toContain('flows');
		expect(Object.keys(schema.properties.flows!.items!.properties!)).toEqual(
			expect.arrayContaining(['id', 'kind', 'from', 'to', 'when', 'certainty', 'evidence'])
		);
	});
});

describe('choosing replace or extend from the file itself', () => {
	it('replaces with a whole story and extends with lists only', () => {
		// Without its steps, which point at flows the shorter story no longer has.
		const whole = loadStoryText(
			JSON.stringify({ ...story, flows: story.flows.slice(0, 2), steps: undefined }),
			story
		);
		expect(whole.ok && whole.story.flows.length).toBe(2);
		const added = loadStoryText(sample, story);
		expect(added.ok && added.story.flows.length).toBe(story.flows.length);
		expect(added.ok && added.story.events.length).toBeGreaterThan(story.events.length);
	});
});

describe('a file of any shape is answered at once, in a few short, located errors', () => {
	const many = <T>(n: number, make: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => make(i));
	const errorsOf = (value: unknown) => {
		const result = loadStoryText(JSON.stringify(value), story);
		expect(result.ok).toBe(false);
		return result.ok ? [] : result.errors;
	};

	it('names 30000 stray keys in one line, not in 30000 (the old loader listed each)', () => {
		const errors = errorsOf(Object.fromEntries(many(30_000, (i) => [`k${i}`, 1])));
		expect(errors).toEqual([
			'(root): keys "k0", "k1", "k2", "k3", "k4" and 29,995 more not allowed in an extension file (only version, sources, places, flows, areas, events)'
		]);
	});

	it('cuts a quoted key of nine megabytes to 40 characters and says how long it was', () => {
		const [error] = errorsOf({ ...story, ['k'.repeat(9_000_000)]: 1 });
		expect(error).toBe(`(root): unknown key "${'k'.repeat(40)}…" (9,000,000 characters)`);
	});

	it('shows invisible characters in what it quotes, so a message cannot mirror itself', () => {
		const [error] = errorsOf({ ...story, '\u202ekey\u200b': 1 });
		expect(error).toBe('(root): unknown key "\\u{202e}key\\u{200b}"');
	});

	it('stops after 100 errors and says so, for 20000 broken flows', () => {
		const errors = errorsOf({ ...story, flows: many(20_000, () => ({})) });
		expect(errors).toHaveLength(101);
		expect(errors[0]).toBe('flows[0].id: Invalid input: expected string, received undefined');
		expect(errors[100]).toMatch(/^\.\.\. checking stopped after the first 100 errors/);
	});

	it('counts a record before its entries: 300000 broken label sides are one error, not a stack overflow', () => {
		const labelSide = Object.fromEntries(many(300_000, (i) => [`p${i}`, 'up']));
		expect(errorsOf({ ...story, presentation: { labelSide } })).toEqual([
			'presentation.labelSide: at most 5000 places'
		]);
	});

	it("refuses a __proto__ entry in a record instead of dropping it (zod's record skips it)", () => {
		const text = JSON.stringify({ ...story, presentation: { labelSide: { moscow: 'left' } } }).replace(
			'"moscow":"left"',
			'"__proto__":"left","moscow":"left"'
		);
		const result = loadStoryText(text, story);
		expect(!result.ok && result.errors).toEqual(['presentation.labelSide.__proto__: not a valid key']);
	});

	it("checks an extension file's version: only this format's", () => {
		for (const [version, shown] of [
			[999, '999'],
			['banana', '"banana"'],
			[null, 'null']
		] as const)
			expect(errorsOf({ version, events: [] })).toEqual([
				`version: must be 1, the story format's version (got ${shown})`
			]);
		expect(loadStoryText(JSON.stringify({ version: 1, events: [] }), story).ok).toBe(true);
	});

	it('requires a visible character in every name: zero-width spaces or a lone override are no name', () => {
		for (const name of ['\u200b\u200b', '\u202e', '\u3164', ' \u00ad '])
			expect(
				errorsOf({ places: [{ ...story.places[0], id: 'ghost', name: { de: name, en: 'Ghost' } }] })
			).toEqual(['places[0].name.de: must have a visible character']);
		const rtl = loadStoryText(
			JSON.stringify({
				places: [{ ...story.places[0], id: 'rtl', name: { de: '\u202eDatum', en: 'Datum' } }]
			}),
			story
		);
		expect(rtl.ok).toBe(true);
	});
});
