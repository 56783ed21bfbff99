/**
 * The journalist's own words for an export: title, deck, note, source line and credit. The story
 * prefills each (export/words.ts, in the reader's language); what the reader types over it is an
 * edit, kept in the view and in the URL (`title=`, `deck=`, `note=`, `source=`, `credit=`), so a
 * reload or a link sent to the desk keeps it. An edit stays when the language changes: it is the
 * journalist's text, not a translation.
 */

export const EXPORT_TEXT_FIELDS = ['title', 'deck', 'note', 'source', 'credit'] as const;
export type ExportTextField = (typeof EXPORT_TEXT_FIELDS)[number];
export type ExportText = Record<ExportTextField, string>;
/** Only the fields the reader changed; an empty string is a deliberate "leave it out". */
export type ExportTextEdits = Partial<ExportText>;

/** Longest text per field: a headline or a credit line, not an article. */
export const MAX_EXPORT_TEXT = 300;

/**
 * One line of plain text: control characters and line breaks become spaces (the layout wraps),
 * runs of spaces shrink to one, and the text is cut at MAX_EXPORT_TEXT characters (never inside a
 * surrogate pair). Leading and trailing spaces are kept while typing and dropped when drawn.
 */
export function cleanExportText(value: string): string {
	const flat = value
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001F\u007F-\u009F\u2028\u2029]+/g, ' ')
		// A lone surrogate has no UTF-8 form: encodeURIComponent (the URL) would throw on it.
		.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '')
		.replace(/ {2,}/g, ' ');
	return Array.from(flat).slice(0, MAX_EXPORT_TEXT).join('');
}

/** The defaults with the reader's edits over them. */
export function withEdits(defaults: ExportText, edits: ExportTextEdits): ExportText {
	const out = { ...defaults };
	for (const field of EXPORT_TEXT_FIELDS) {
		const edit = edits[field];
		if (edit !== undefined) out[field] = edit;
	}
	return out;
}

/** The edits after the reader set `field` to `value`: equal to the default means no edit. */
export function editField(
	edits: ExportTextEdits,
	defaults: ExportText,
	field: ExportTextField,
	value: string
): ExportTextEdits {
	const next = { ...edits };
	const clean = cleanExportText(value);
	if (clean === defaults[field]) delete next[field];
	else next[field] = clean;
	return next;
}
