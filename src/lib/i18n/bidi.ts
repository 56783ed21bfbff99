/*
 * Text from a story file (names, labels, titles, sources) may hold right-to-left letters or bidi
 * controls: a place name that starts with U+202E RIGHT-TO-LEFT OVERRIDE mirrors everything after
 * it in its paragraph, the app's own " · date · certainty" included, and two Hebrew names turn
 * "A → B" around. Each such string is therefore isolated from the text around it, so whatever it
 * holds can only reorder itself (Unicode Bidirectional Algorithm, UAX #9, isolates):
 *
 * - Svelte templates: a user string in a line with other text (app text, separators, another
 *   user string) sits in `<bdi>`; an element that holds exactly one user string and nothing else
 *   gets `dir="auto"` (the UA stylesheet gives it `unicode-bidi: isolate`).
 * - Plain strings (attributes, document.title, the alt text, the export's credit line, a long
 *   list's route line, the map's names of several strings): `isolate()` below, FSI … PDI around
 *   the user string (only where it could reorder anything: Latin text stays as it is).
 * - Drawn lines (export/wrapText.ts, svgText.ts): each line is its own paragraph (a `<text>`, a
 *   fillText call), so a single string needs nothing; a line broken out of an isolate gets it
 *   closed and reopened (`isolateLines`). FSI and PDI draw nothing: the browser's canvas and SVG
 *   text and MapLibre (bidi-js) run the bidi algorithm and honour them; the PDF and the outlines
 *   run none, set text in stored order and leave all bidi controls out (`withoutBidiControls`).
 *
 * An isolate can be undone from inside by a PDI of the user string's own, which would close it
 * early, or an initiator it never closes, which would swallow the closing PDI: the string's own
 * isolates are balanced first (`balanceIsolates`; a story file's strings when it is opened,
 * `balanceStrings` in AppState), which changes nothing in how it reads alone.
 */

/** FIRST STRONG ISOLATE: opens an isolate whose direction is its content's first strong letter's. */
export const FSI = '\u2068';
/** POP DIRECTIONAL ISOLATE: closes it. */
export const PDI = '\u2069';

/** LRI, RLI, FSI. */
const isInitiator = (ch: string) => ch >= '\u2066' && ch <= '\u2068';
/** Bidi class B: ends a paragraph, and with it every isolate and embedding open in it. */
// eslint-disable-next-line no-control-regex
const PARAGRAPH_SEPARATOR = /[\n\r\u001c-\u001e\u0085\u2029]/;
/** The characters that steer the algorithm without being drawn (ALM, LRM, RLM, LRE…RLO, LRI…PDI). */
const BIDI_CONTROL = /\p{Bidi_Control}/u;
const BIDI_CONTROLS = /\p{Bidi_Control}/gu;
const ANY_ISOLATE = /[\u2066-\u2069]/;

/**
 * Whether `text` could reorder anything around it: it holds a bidi control, a right-to-left
 * letter or an Arabic digit (the blocks of the right-to-left scripts). Text of left-to-right and
 * neutral characters only resolves to the surrounding direction and moves nothing, so it is left
 * as it is: the built-in story's alt text, credits and files stay byte for byte what they were.
 */
const REORDERS =
	/[\p{Bidi_Control}\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** `text` without its bidi controls: the characters that are drawn (a measure's, a PDF's). */
export function withoutBidiControls(text: string): string {
	return BIDI_CONTROL.test(text) ? text.replace(BIDI_CONTROLS, '') : text;
}

/**
 * `text` with its own isolates balanced: a PDI that closes nothing is dropped, and every isolate
 * still open at a paragraph's end is closed there (and opened again after it, so its text stays
 * isolated). UAX #9 ignores such a PDI and ends such an isolate at the paragraph's end anyway,
 * so the text reads as before; but it can no longer close, or keep open, an isolate around it.
 */
export function balanceIsolates(text: string): string {
	if (!ANY_ISOLATE.test(text)) return text;
	let out = '';
	const open: string[] = [];
	for (const ch of text) {
		if (isInitiator(ch)) open.push(ch);
		else if (ch === PDI) {
			if (open.length === 0) continue;
			open.pop();
		} else if (PARAGRAPH_SEPARATOR.test(ch)) {
			out += PDI.repeat(open.length) + ch + open.join('');
			continue;
		}
		out += ch;
	}
	return out + PDI.repeat(open.length);
}

/**
 * A user string for a plain-text line shared with other text: FSI, the string (its own isolates
 * balanced), PDI, so nothing in it reorders the text around it. Text that cannot reorder
 * anything (no right-to-left letter, no bidi control) comes back as it is.
 */
export function isolate(text: string): string {
	return REORDERS.test(text) ? balanceIsolates(FSI + balanceIsolates(text) + PDI) : text;
}

/**
 * Lines broken out of one text (a wrapped credit line, a name on two lines), each made whole:
 * an isolate the break cut is closed at the line's end and opened again at the next line's
 * start, so every line is balanced as a paragraph of its own and the rest of a user string on
 * the next line stays isolated from the text after it.
 */
export function isolateLines(lines: readonly string[]): string[] {
	if (!lines.some((line) => ANY_ISOLATE.test(line))) return [...lines];
	const open: string[] = [];
	return lines.map((line) => {
		let out = open.join('');
		for (const ch of line) {
			if (isInitiator(ch)) open.push(ch);
			else if (ch === PDI) {
				if (open.length === 0) continue;
				open.pop();
			}
			out += ch;
		}
		return out + PDI.repeat(open.length);
	});
}

/**
 * Every string in a JSON value (a story) with its isolates balanced (`balanceIsolates`), so a
 * `<bdi>` or `dir="auto"` around it stays closed. Copy on write: a value without any isolate
 * control comes back as the very same object.
 */
export function balanceStrings<T>(value: T): T {
	return balanceValue(value) as T;
}

function balanceValue(value: unknown): unknown {
	if (typeof value === 'string') return ANY_ISOLATE.test(value) ? balanceIsolates(value) : value;
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		let copy: unknown[] | null = null;
		for (let i = 0; i < value.length; i++) {
			const item: unknown = value[i];
			const next = balanceValue(item);
			if (next !== item) (copy ??= value.slice())[i] = next;
		}
		return copy ?? value;
	}
	const record = value as Record<string, unknown>;
	let copy: Record<string, unknown> | null = null;
	for (const key in record) {
		const item = record[key];
		const next = balanceValue(item);
		if (next !== item) (copy ??= { ...record })[key] = next;
	}
	return copy ?? value;
}
