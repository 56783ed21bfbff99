/**
 * Publishes the story file format as JSON Schema, generated from the zod schema the app itself
 * validates with, so the two cannot drift: `static/story.schema.json`, served by the app.
 * Cross-reference rules (a flow's places must exist, ids unique) are not expressible in JSON
 * Schema; the app checks them and lists them in the schema's description.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { storyJsonSchema } from '../src/lib/story/jsonSchema';

const out = resolve(dirname(fileURLToPath(import.meta.url)), '../static/story.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(storyJsonSchema(), null, '\t')}\n`);
console.log(`wrote ${out}`);
