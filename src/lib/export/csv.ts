import {
	formatWhen,
	type Area,
	type Evidence,
	type Flow,
	type Lang,
	type Story,
	type StoryEvent,
	type When
} from '$lib/story';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import { visibleFlows } from './content';
import { isAreaShown } from '$lib/state/visibility';

/**
 * The CSV export: the claims of the current view as a table for spreadsheets, the same flows the
 * map draws and the areas and events the GeoJSON carries (data.ts), with `,` or `;` between fields.
 */

export const CSV_COLUMNS = [
	'type',
	'id',
	'kind',
	'from',
	'to',
	'when',
	'start',
	'end',
	'when_note',
	'certainty',
	'label',
	'summary',
	'note',
	'sources',
	'paragraphs',
	'key_phrases'
] as const;

/** Prepend to a CSV download so Excel reads it as UTF-8 (umlauts, Cyrillic place names). */
export const CSV_BOM = '\uFEFF';

/**
 * The two separators: `,` (RFC 4180, for most tools) and `;`, which Excel expects where the
 * decimal separator is a comma (German Excel opens a comma file as one column).
 */
export type CsvSeparator = ',' | ';';

/**
 * Where a spreadsheet could start a cell that runs as a formula (= + - @, tab, CR): at the start
 * of the field, and after either separator inside it, because a file is not always opened with
 * its own separator (German Excel reads a comma file by `;`, and splits `ok;=1+1` into a formula
 * cell; an English one reads a semicolon file by `,`). Quotes do not help there: read by the
 * other separator, a quote in mid-cell is just a character.
 */
const FORMULA_START = /(^|[,;])(?=[=+\-@\t\r])/g;

/**
 * One CSV field: every place a cell could start as a formula gets an apostrophe (OWASP's advice),
 * whichever separator the file is read by; then fields with the separator, a quote, CR or LF are
 * quoted and their quotes doubled (RFC 4180).
 */
export function csvField(value: string | number | null | undefined, separator: CsvSeparator = ','): string {
	const s = (value === null || value === undefined ? '' : String(value)).replace(FORMULA_START, "$1'");
	return s.includes(separator) || /["\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** What goes into the table: the visible flows, and the areas and events the GeoJSON carries. */
export interface CsvContent {
	flows: readonly Flow[];
	areas?: readonly Area[];
	events?: readonly StoryEvent[];
}

/**
 * The claims as CSV: a header row, then one row per flow, area and event (column `type`), CRLF
 * line ends. Names, dates, labels, notes and sources in `lang`; kind and certainty as their
 * stable codes.
 */
export function claimsCsv(
	story: Story,
	content: CsvContent,
	lang: Lang,
	separator: CsvSeparator = ','
): string {
	const placeName = new Map(story.places.map((p) => [p.id, p.name[lang]]));
	const sourceName = new Map(story.sources.map((s) => [s.id, s.name[lang]]));
	const claimCells = (claim: {
		when: When;
		certainty: Flow['certainty'];
		evidence: readonly Evidence[];
	}) => ({
		when: formatWhen(claim.when, lang),
		start: claim.when.start ?? '',
		end: claim.when.end ?? '',
		whenNote: claim.when.note?.[lang] ?? '',
		certainty: claim.certainty,
		sources: [...new Set(claim.evidence.map((e) => sourceName.get(e.source) ?? e.source))].join('; '),
		paragraphs: [
			...new Set(claim.evidence.flatMap((e) => (e.paragraph === undefined ? [] : [e.paragraph])))
		].join('; '),
		phrases: claim.evidence.flatMap((e) => (e.quote ? [e.quote] : [])).join(' | ')
	});
	const row = (
		type: string,
		id: string,
		kind: string,
		from: string,
		to: string,
		label: string,
		summary: string,
		note: string,
		c: ReturnType<typeof claimCells>
	) => [
		type,
		id,
		kind,
		from,
		to,
		c.when,
		c.start,
		c.end,
		c.whenNote,
		c.certainty,
		label,
		summary,
		note,
		c.sources,
		c.paragraphs,
		c.phrases
	];
	const rows: string[][] = [[...CSV_COLUMNS]];
	for (const flow of content.flows)
		rows.push(
			row(
				'flow',
				flow.id,
				flow.kind,
				placeName.get(flow.from) ?? flow.from,
				placeName.get(flow.to) ?? flow.to,
				flow.label[lang],
				flow.summary[lang],
				'',
				claimCells(flow)
			)
		);
	for (const area of content.areas ?? [])
		rows.push(
			row(
				'area',
				area.id,
				area.kind,
				'',
				'',
				// The map's label: the name and its caption, which carries the hedge ("Reportedly ...").
				area.caption ? `${area.name[lang]} – ${area.caption[lang]}` : area.name[lang],
				area.summary[lang],
				area.note?.[lang] ?? '',
				claimCells(area)
			)
		);
	for (const event of content.events ?? [])
		rows.push(
			row(
				'event',
				event.id,
				'',
				placeName.get(event.place) ?? event.place,
				'',
				event.title[lang],
				event.summary[lang],
				'',
				claimCells(event)
			)
		);
	return (
		rows.map((cells) => cells.map((cell) => csvField(cell, separator)).join(separator)).join('\r\n') + '\r\n'
	);
}

/** The view's table: what the map shows, and the areas and events the GeoJSON carries. */
export function visibleDataCsv(story: Story, view: ViewSnapshot, separator: CsvSeparator = ','): string {
	return claimsCsv(
		story,
		{
			flows: visibleFlows(story, view),
			areas: story.areas.filter((a) => isAreaShown(a, view)),
			events: story.events
		},
		view.lang,
		separator
	);
}
