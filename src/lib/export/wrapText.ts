import type { Measure } from './layoutModel';
import { isolateLines } from '$lib/i18n/bidi';

/** Wrapping an export's header and footer text into lines (layout.ts). */

const ELLIPSIS = '…';

/** Splits a word that alone is wider than `max` into pieces that fit. */
function breakWord(word: string, fits: (s: string) => boolean): string[] {
	const pieces: string[] = [];
	let current = '';
	for (const ch of word) {
		if (current !== '' && !fits(current + ch)) {
			pieces.push(current);
			current = ch;
		} else current += ch;
	}
	if (current !== '' || pieces.length === 0) pieces.push(current);
	return pieces;
}

/**
 * Greedy word wrap to `maxWidth`; at most `maxLines` lines, the last one shortened with an
 * ellipsis when text is left over (a hostile or very long title must not push the map away).
 * Each line is drawn as a paragraph of its own: an isolate around a user string (i18n/bidi.ts)
 * that a break cuts is closed at the line's end and opened again on the next line.
 */
export function wrapText(
	text: string,
	maxWidth: number,
	fontPx: number,
	bold: boolean,
	measure: Measure,
	maxLines = Infinity
): string[] {
	const fits = (s: string) => measure(s, fontPx, bold) <= maxWidth;
	const words = text.split(/\s+/).filter((w) => w !== '');
	const lines: string[] = [];
	let current = '';
	for (const word of words) {
		const candidate = current === '' ? word : `${current} ${word}`;
		if (fits(candidate)) {
			current = candidate;
			continue;
		}
		if (current !== '') lines.push(current);
		if (fits(word)) current = word;
		else {
			const pieces = breakWord(word, fits);
			lines.push(...pieces.slice(0, -1));
			current = pieces[pieces.length - 1] ?? '';
		}
	}
	if (current !== '') lines.push(current);
	if (lines.length <= maxLines) return isolateLines(lines);
	const kept = isolateLines(lines).slice(0, maxLines);
	let last = kept[kept.length - 1] ?? '';
	while (last !== '' && !fits(last + ELLIPSIS)) last = [...last].slice(0, -1).join('');
	// The ellipsis is the app's: after the isolate the shortening may have cut open.
	kept[kept.length - 1] = isolateLines([last.trimEnd()])[0]! + ELLIPSIS;
	return kept;
}
