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
			['{"title": "x"}', /title: not allowed/]
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
