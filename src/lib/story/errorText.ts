/*
 * How a story file's errors are written. A reader's file may hold anything: a nine-megabyte key,
 * thirty thousand misspelt keys, a name that is only a right-to-left override. The error list must
 * stay short and readable whatever the file holds, so every value a message quotes goes through
 * `quote` and every list of errors through `ErrorList`.
 */

/** Errors beyond this many are not listed: a broken 20000-flow file should not flood the dialog. */
export const MAX_ERRORS = 100;

/** Quoted values are cut to this many characters: enough to recognise, never a screenful. */
const MAX_QUOTED = 40;

/** Keys named in one message ("unknown keys ..."): more are counted, not listed. */
const MAX_KEYS_NAMED = 5;

// Characters that would hide or reorder the text around them: controls (Cc), format characters
// (Cf: bidi embeddings, overrides and isolates, zero-width characters, the BOM, the soft hyphen)
// and the line and paragraph separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** Shows invisible characters as `\u{202e}` so a message never mirrors or hides its own text. */
export function visible(text: string): string {
	return text.replace(INVISIBLE, (c) => `\\u{${c.codePointAt(0)!.toString(16).padStart(4, '0')}}`);
}

/** A value as a message quotes it: invisible characters shown, long values cut with their length. */
export function quote(value: string): string {
	const chars = [...value];
	const shown = (s: string) => visible(s).replaceAll('"', '\\"');
	if (chars.length <= MAX_QUOTED) return `"${shown(value)}"`;
	return `"${shown(chars.slice(0, MAX_QUOTED).join(''))}…" (${chars.length.toLocaleString('en-US')} characters)`;
}

/** `"a"`, `"a", "b"` or `"a", "b", ... and 29995 more`. */
export function quoteKeys(keys: readonly string[]): string {
	const named = keys.slice(0, MAX_KEYS_NAMED).map(quote).join(', ');
	const rest = keys.length - MAX_KEYS_NAMED;
	return rest > 0 ? `${named} and ${rest.toLocaleString('en-US')} more` : named;
}

/** `['flows', 3, 'to']` -> `flows[3].to`; the empty path is the file itself. */
export function formatPath(path: readonly PropertyKey[]): string {
	let out = '';
	for (const key of path) {
		if (typeof key === 'number') out += `[${key}]`;
		else {
			// A record's key is the reader's text (presentation.labelSide.<id>): quoted when odd.
			const name = String(key);
			const plain = /^[A-Za-z0-9_-]{1,64}$/.test(name) ? name : `[${quote(name)}]`;
			out += out === '' || plain.startsWith('[') ? plain : `.${plain}`;
		}
	}
	return out === '' ? '(root)' : out;
}

/**
 * Collects at most MAX_ERRORS errors. `full` tells a checker to stop: the reader mends the first
 * hundred and opens the file again, and a file of any size is answered at once.
 */
export class ErrorList {
	private readonly errors: string[] = [];
	/** Errors known but not listed (counted where counting is free, such as unknown keys). */
	private uncounted = false;
	private extra = 0;

	get full(): boolean {
		return this.errors.length >= MAX_ERRORS;
	}

	get empty(): boolean {
		return this.errors.length === 0;
	}

	add(error: string): void {
		if (this.full) this.extra++;
		else this.errors.push(error);
	}

	/** Checking stopped with the list full: there may be more errors than anyone counted. */
	stopped(): void {
		this.uncounted = true;
	}

	list(): string[] {
		if (this.uncounted)
			return [
				...this.errors,
				`... checking stopped after the first ${MAX_ERRORS} errors: mend these and open the file again`
			];
		if (this.extra > 0) return [...this.errors, `... and ${this.extra.toLocaleString('en-US')} more errors`];
		return [...this.errors];
	}
}
