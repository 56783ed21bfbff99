import { z } from 'zod';
import type { Feature, FeatureCollection, Geometry, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import {
	AREA_KINDS,
	CERTAINTIES,
	FLOW_KINDS,
	PLACE_ROLES,
	PRECISIONS,
	formatWhen,
	type Evidence,
	type Flow,
	type Lang,
	type Story,
	type When
} from '$lib/story';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import { visibleFlows } from './content';
import { isAreaShown } from '$lib/state/visibility';

/**
 * The GeoJSON export of the current view: flows, places, events and shown areas, with everything
 * the details panel says about them; the same flows the map draws (the CSV is csv.ts).
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
