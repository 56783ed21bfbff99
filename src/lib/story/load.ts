import { quote, quoteKeys } from './errorText';
import { parseStory } from './parse';
import { MAX_STORY_BYTES, type Story } from './vocabulary';

// Its home is the vocabulary (the loader's dialog states it without loading this module).

export type LoadMode = 'replace' | 'extend';

/**
 * A file with a title and article is a whole story and replaces the current one; a file with only
 * lists (flows, events, ...) adds to it. Readers then need no mode switch to get it right.
 */
export function detectLoadMode(input: unknown): LoadMode {
	return typeof input === 'object' && input !== null && ('title' in input || 'article' in input)
		? 'replace'
		: 'extend';
}

export type LoadResult = { ok: true; story: Story } | { ok: false; errors: string[] };

const COLLECTIONS = ['sources', 'places', 'flows', 'areas', 'events'] as const;

/** A JSON value as an error message names it: a string quoted and cut short, else its kind. */
function describe(value: unknown): string {
	if (typeof value === 'string') return quote(value);
	if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
	return Array.isArray(value) ? 'a list' : 'an object';
}

/**
 * Adds the items of a story file to the current story. Only additions: an item whose id is
 * already taken is reported as a duplicate, so a file can never silently rewrite a claim.
 * File items are appended after the current ones; error paths are translated back to the
 * file's own indexes (`flows[0]` is the file's first flow), so the reader can find the mistake.
 */
function extend(
	current: Story,
	file: Record<string, unknown>,
	shapes: ReadonlySet<string> | null
): LoadResult {
	const unknownKeys = Object.keys(file).filter(
		(k) => k !== 'version' && !(COLLECTIONS as readonly string[]).includes(k)
	);
	const errors: string[] = [];
	// One line for all of them: a file of 30000 stray keys is one mistake, not 30000.
	if (unknownKeys.length)
		errors.push(
			`(root): ${unknownKeys.length === 1 ? 'key' : 'keys'} ${quoteKeys(unknownKeys)} not allowed in an extension file (only version, ${COLLECTIONS.join(', ')})`
		);
	// A later format may mean something else by the same lists: only this one's files are read.
	if ('version' in file && file.version !== 1)
		errors.push(`version: must be 1, the story format's version (got ${describe(file.version)})`);
	if (errors.length) return { ok: false, errors };
	const merged: Record<string, unknown> = { ...current };
	const offsets: Record<string, number> = {};
	for (const key of COLLECTIONS) {
		const added = file[key];
		if (added === undefined) continue;
		if (!Array.isArray(added)) return { ok: false, errors: [`${key}: must be a list`] };
		offsets[key] = current[key].length;
		merged[key] = [...current[key], ...added];
	}
	const result = parseStory(merged, shapes);
	if (result.ok) return result;
	const fileErrors = result.errors.map((error) =>
		error.replace(/^(sources|places|flows|areas|events)\[(\d+)\]/, (whole, key: string, index: string) => {
			const offset = offsets[key];
			return offset === undefined || Number(index) < offset ? whole : `${key}[${Number(index) - offset}]`;
		})
	);
	return { ok: false, errors: fileErrors };
}

/**
 * Parses a story file's text: a whole story (replace) or items to add (extend); without a mode,
 * the file's content decides (detectLoadMode). Never throws.
 */
export function loadStoryText(
	text: string,
	current: Story,
	mode?: LoadMode,
	shapes: ReadonlySet<string> | null = null
): LoadResult {
	let input: unknown;
	try {
		input = JSON.parse(text);
	} catch (e) {
		// NUL or bytes that are no UTF-8 at all (decoded as U+FFFD): a picture, an archive, a
		// document renamed .json. The parser's "Unexpected token" would say nothing useful.
		const head = text.slice(0, 4096);
		if (head.includes('\u0000') || head.includes('\uFFFD'))
			return {
				ok: false,
				errors: ['(file): not a JSON text file: it holds binary data (a picture, an archive or a document?)']
			};
		return { ok: false, errors: [`(file): not valid JSON (${e instanceof Error ? e.message : String(e)})`] };
	}
	if ((mode ?? detectLoadMode(input)) === 'replace') return parseStory(input, shapes);
	if (typeof input !== 'object' || input === null || Array.isArray(input)) {
		return { ok: false, errors: ['(root): an extension file must be an object with lists to add'] };
	}
	return extend(current, input as Record<string, unknown>, shapes);
}

/** Reads a File the reader chose or dropped; refuses oversized files before reading them. */
/** `shapes`: the area ids whose geometry ships with the map (see parseStory). */
export async function loadStoryFile(
	file: Blob,
	current: Story,
	mode?: LoadMode,
	shapes: ReadonlySet<string> | null = null
): Promise<LoadResult> {
	if (file.size > MAX_STORY_BYTES) {
		// In bytes: rounded to megabytes, a file one byte over would read "10.0 MB is larger than 10.0 MB".
		const bytes = (n: number) => n.toLocaleString('en-US');
		return {
			ok: false,
			errors: [
				`(file): ${bytes(file.size)} bytes is larger than the limit of ${bytes(MAX_STORY_BYTES)} bytes (${MAX_STORY_BYTES / 1024 / 1024} MB)`
			]
		};
	}
	try {
		return loadStoryText(await file.text(), current, mode, shapes);
	} catch (e) {
		return {
			ok: false,
			errors: [`(file): could not be read (${e instanceof Error ? e.message : String(e)})`]
		};
	}
}
