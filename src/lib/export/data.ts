import { z } from 'zod';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import {
	AREA_KINDS,
	CERTAINTIES,
	FLOW_KINDS,
	PLACE_ROLES,
	PRECISIONS,
	formatWhen,
	type Area,
	type Evidence,
	type Flow,
	type StoryEvent,
	type Lang,
	type Story,
	type When
} from '$lib/story';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import { visibleFlows } from './content';
import { isAreaShown } from '$lib/state/visibility';

/**
 * Data exports of the current view: GeoJSON (flows, places, shown areas, with everything the
 * details panel says about them) and a CSV of the visible flows for spreadsheets. Both carry the
 * same flows the map draws.
 */

// ---------------------------------------------------------------------------------------------
// GeoJSON

/** Properties shared by everything that is a claim (flows, areas): when, how sure, from where. */
interface ClaimProperties {
	certainty: (typeof CERTAINTIES)[number];
	summary_de: string;
	summary_en: string;
	/** Formatted dates in both languages and the raw values they come from. */
	when_de: string;
	when_en: string;
	when_precision: When['precision'];
	when_start: string | null;
	when_end: string | null;
	/** Where a date comes from when it is not the article's (public record), in both languages. */
	when_note_de: string | null;
	when_note_en: string | null;
	/** Source names in the view's language, in evidence order, without repeats. */
	sources: string[];
	/** paragraph: null for public record, which is not in the article. */
	evidence: { source: string; paragraph: number | null; quote: string | null }[];
}

export interface FlowExportProperties extends ClaimProperties {
	type: 'flow';
	id: string;
	kind: (typeof FLOW_KINDS)[number];
	mutual: boolean;
	from: string;
	to: string;
	from_name_de: string;
	from_name_en: string;
	to_name_de: string;
	to_name_en: string;
	label_de: string;
	label_en: string;
}

export interface PlaceExportProperties {
	type: 'place';
	id: string;
	role: (typeof PLACE_ROLES)[number];
	country: string;
	name_de: string;
	name_en: string;
	/** Why the place is on the map when the article does not name it. */
	note_de: string | null;
	note_en: string | null;
}

export interface AreaExportProperties extends ClaimProperties {
	type: 'area';
	id: string;
	kind: (typeof AREA_KINDS)[number];
	name_de: string;
	name_en: string;
	/** What the drawn shape stands for. */
	note_de: string | null;
	note_en: string | null;
}

/** An event, drawn at its place (the details panel lists it there). */
export interface EventExportProperties extends ClaimProperties {
	type: 'event';
	id: string;
	place: string;
	title_de: string;
	title_en: string;
}

export type ExportFeature =
	| Feature<LineString, FlowExportProperties>
	| Feature<Point, PlaceExportProperties>
	| Feature<Polygon | MultiPolygon, AreaExportProperties>
	| Feature<Point, EventExportProperties>;

export interface ExportFeatureCollection {
	type: 'FeatureCollection';
	features: ExportFeature[];
}

const position = z.tuple([z.number(), z.number()], z.number());
const ring = z.array(position).min(4);

const claimShape = {
	certainty: z.enum(CERTAINTIES),
	summary_de: z.string(),
	summary_en: z.string(),
	when_de: z.string(),
	when_en: z.string(),
	when_precision: z.enum(PRECISIONS),
	when_start: z.string().nullable(),
	when_end: z.string().nullable(),
	when_note_de: z.string().nullable(),
	when_note_en: z.string().nullable(),
	sources: z.array(z.string()),
	evidence: z.array(
		z.strictObject({
			source: z.string(),
			paragraph: z.number().int().min(1).nullable(),
			quote: z.string().nullable()
		})
	)
};

const noteShape = { note_de: z.string().nullable(), note_en: z.string().nullable() };

const flowFeatureSchema = z.strictObject({
	type: z.literal('Feature'),
	id: z.string(),
	geometry: z.strictObject({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
	properties: z.strictObject({
		type: z.literal('flow'),
		id: z.string(),
		kind: z.enum(FLOW_KINDS),
		mutual: z.boolean(),
		from: z.string(),
		to: z.string(),
		from_name_de: z.string(),
		from_name_en: z.string(),
		to_name_de: z.string(),
		to_name_en: z.string(),
		label_de: z.string(),
		label_en: z.string(),
		...claimShape
	})
});

const placeFeatureSchema = z.strictObject({
	type: z.literal('Feature'),
	id: z.string(),
	geometry: z.strictObject({ type: z.literal('Point'), coordinates: position }),
	properties: z.strictObject({
		type: z.literal('place'),
		id: z.string(),
		role: z.enum(PLACE_ROLES),
		country: z.string(),
		name_de: z.string(),
		name_en: z.string(),
		...noteShape
	})
});

const eventFeatureSchema = z.strictObject({
	type: z.literal('Feature'),
	id: z.string(),
	geometry: z.strictObject({ type: z.literal('Point'), coordinates: position }),
	properties: z.strictObject({
		type: z.literal('event'),
		id: z.string(),
		place: z.string(),
		title_de: z.string(),
		title_en: z.string(),
		...claimShape
	})
});

const areaFeatureSchema = z.strictObject({
	type: z.literal('Feature'),
	id: z.string(),
	geometry: z.union([
		z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
		z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
	]),
	properties: z.strictObject({
		type: z.literal('area'),
		id: z.string(),
		kind: z.enum(AREA_KINDS),
		name_de: z.string(),
		name_en: z.string(),
		...noteShape,
		...claimShape
	})
});

/**
 * What a GeoJSON export must look like (RFC 7946 FeatureCollection, our properties). Strict: an
 * unknown key is an error, so a parsed file is exactly what was written.
 */
export const exportGeoJsonSchema = z.strictObject({
	type: z.literal('FeatureCollection'),
	features: z.array(z.union([flowFeatureSchema, placeFeatureSchema, areaFeatureSchema, eventFeatureSchema]))
});

function claimProperties(
	story: Story,
	claim: {
		certainty: Flow['certainty'];
		summary: Flow['summary'];
		when: When;
		evidence: readonly Evidence[];
	},
	lang: Lang
): ClaimProperties {
	const sourceName = new Map(story.sources.map((s) => [s.id, s.name[lang]]));
	return {
		certainty: claim.certainty,
		summary_de: claim.summary.de,
		summary_en: claim.summary.en,
		when_de: formatWhen(claim.when, 'de'),
		when_en: formatWhen(claim.when, 'en'),
		when_precision: claim.when.precision,
		when_start: claim.when.start ?? null,
		when_end: claim.when.end ?? null,
		when_note_de: claim.when.note?.de ?? null,
		when_note_en: claim.when.note?.en ?? null,
		sources: [...new Set(claim.evidence.map((e) => sourceName.get(e.source) ?? e.source))],
		evidence: claim.evidence.map((e) => ({
			source: e.source,
			paragraph: e.paragraph ?? null,
			quote: e.quote ?? null
		}))
	};
}

function polygonal(geometry: Geometry | null | undefined): geometry is Polygon | MultiPolygon {
	return geometry?.type === 'Polygon' || geometry?.type === 'MultiPolygon';
}

/**
 * The visible data of the current view as one GeoJSON FeatureCollection: the flows the map draws
 * (with the lines as drawn), every place with its events, and the areas that are switched on, each
 * with every note the details panel shows. `properties.type` is 'flow' | 'place' | 'area' | 'event'.
 */
export function visibleDataGeoJSON(
	story: Story,
	view: ViewSnapshot,
	/** Each flow's drawn line by flow id (AppState.lineOf: its lane's centre line). */
	lines: ReadonlyMap<string, LineString['coordinates']>,
	areasFC: FeatureCollection<Polygon | MultiPolygon>
): ExportFeatureCollection {
	const places = new Map(story.places.map((p) => [p.id, p]));
	const features: ExportFeature[] = [];
	for (const flow of visibleFlows(story, view)) {
		const coordinates = lines.get(flow.id);
		if (!coordinates || coordinates.length < 2) continue;
		const from = places.get(flow.from);
		const to = places.get(flow.to);
		features.push({
			type: 'Feature',
			id: flow.id,
			geometry: { type: 'LineString', coordinates: coordinates.map((p) => [...p]) },
			properties: {
				type: 'flow',
				id: flow.id,
				kind: flow.kind,
				mutual: flow.mutual === true,
				from: flow.from,
				to: flow.to,
				from_name_de: from?.name.de ?? flow.from,
				from_name_en: from?.name.en ?? flow.from,
				to_name_de: to?.name.de ?? flow.to,
				to_name_en: to?.name.en ?? flow.to,
				label_de: flow.label.de,
				label_en: flow.label.en,
				...claimProperties(story, flow, view.lang)
			}
		});
	}
	for (const place of story.places) {
		features.push({
			type: 'Feature',
			id: place.id,
			geometry: { type: 'Point', coordinates: [place.coord[0], place.coord[1]] },
			properties: {
				type: 'place',
				id: place.id,
				role: place.role,
				country: place.country,
				name_de: place.name.de,
				name_en: place.name.en,
				note_de: place.note?.de ?? null,
				note_en: place.note?.en ?? null
			}
		});
	}
	for (const event of story.events) {
		const place = places.get(event.place);
		if (!place) continue;
		features.push({
			type: 'Feature',
			id: event.id,
			geometry: { type: 'Point', coordinates: [place.coord[0], place.coord[1]] },
			properties: {
				type: 'event',
				id: event.id,
				place: event.place,
				title_de: event.title.de,
				title_en: event.title.en,
				...claimProperties(story, event, view.lang)
			}
		});
	}
	const shapes = new Map(areasFC.features.map((f) => [String(f.properties?.id ?? f.id), f.geometry]));
	for (const area of story.areas) {
		if (!isAreaShown(area, view)) continue;
		const geometry = shapes.get(area.id);
		if (!polygonal(geometry)) continue;
		features.push({
			type: 'Feature',
			id: area.id,
			geometry: structuredClone(geometry),
			properties: {
				type: 'area',
				id: area.id,
				kind: area.kind,
				name_de: area.name.de,
				name_en: area.name.en,
				note_de: area.note?.de ?? null,
				note_en: area.note?.en ?? null,
				...claimProperties(story, area, view.lang)
			}
		});
	}
	return { type: 'FeatureCollection', features };
}

// ---------------------------------------------------------------------------------------------
// CSV

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
 * One CSV field: cells a spreadsheet would run as a formula (= + - @, tab, CR at the start) get a
 * leading apostrophe (OWASP's advice), then fields with the separator, a quote, CR or LF are
 * quoted and their quotes doubled (RFC 4180).
 */
export function csvField(value: string | number | null | undefined, separator: CsvSeparator = ','): string {
	let s = value === null || value === undefined ? '' : String(value);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
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
				area.name[lang],
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
