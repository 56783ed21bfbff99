/**
 * Writes the story files the built site serves, from the app's own modules, so none can drift:
 * - `static/story.schema.json` and `static/story-extension.schema.json`: the story file format as
 *   JSON Schema, a whole story and an extension file (lists to add), generated from the zod schema
 *   the app validates with (src/lib/story/jsonSchema.ts). Rules JSON Schema cannot state (a flow's
 *   places must exist, ids unique, ...) the app checks; each schema lists them in its description.
 * - `static/data/story.json`: the built-in story (src/stories/nk-russia-2023/story.json, its one
 *   home) as data. The page loads it like any story file, so it ships as data rather than as code;
 *   it is checked with `parseStory` first, so a broken built-in story fails the build.
 * - `static/samples/house-style.json`: the same story in another newsroom's house style
 *   (src/stories/house-sample/house.json; its font and logo are in static/samples/house/), the
 *   sample of `presentation.house`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storyExtensionJsonSchema, storyJsonSchema } from '../src/lib/story/jsonSchema';
import { parseStory } from '../src/lib/story/parse';
import { story } from '../src/lib/story/story';
import house from '../src/stories/house-sample/house.json';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function write(path: string, text: string): void {
	const out = resolve(root, path);
	mkdirSync(dirname(out), { recursive: true });
	writeFileSync(out, text);
	console.log(`wrote ${out}`);
}

write('static/story.schema.json', `${JSON.stringify(storyJsonSchema(), null, '\t')}\n`);
write('static/story-extension.schema.json', `${JSON.stringify(storyExtensionJsonSchema(), null, '\t')}\n`);

const checked = parseStory(story);
if (!checked.ok) throw new Error(`The built-in story is not valid:\n${checked.errors.join('\n')}`);
// Compact: it is inlined into the prerendered page for hydration.
write('static/data/story.json', JSON.stringify(story));

const housed = { ...story, presentation: { ...story.presentation, house } };
const checkedHouse = parseStory(housed);
if (!checkedHouse.ok)
	throw new Error(`The house-style sample is not valid:\n${checkedHouse.errors.join('\n')}`);
write('static/samples/house-style.json', `${JSON.stringify(housed, null, '\t')}\n`);
