import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { exportGeoJsonSchema, visibleDataGeoJSON } from '../../src/lib/export/data';
import { CSV_COLUMNS, csvField, claimsCsv, visibleDataCsv } from '../../src/lib/export/csv';
import { visibleFlows } from '../../src/lib/export/content';
import { areaFeatures, laneFeatures, lineIndex } from '../../src/lib/map/storyFeatures';
import { relationsOf } from '../../src/lib/story/relations';

const relations = relationsOf(story.flows);
const lineOf = lineIndex(laneFeatures(story, relations), relations);
import type { ViewSnapshot } from '../../src/lib/state/view.svelte';
import { FLOW_KINDS, story, type Story } from '../../src/lib/story';
import { DEFAULT_VIEW } from '../support/views';
import { parseCsv, readLikeSpreadsheet } from '../support/csv';
import { square } from '../support/exportFixtures';

/** A polygon's rings: one square. */
const squarePolygon = (w: number, s: number, e: number, n: number) => [square(w, s, e, n)];
const areaShapes: FeatureCollection<Polygon | MultiPolygon> = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			id: 'patrol-waters',
			properties: {},
			geometry: { type: 'Polygon', coordinates: squarePolygon(128, 34, 131, 37) }
		},
		{
			type: 'Feature',
			id: 'crimea',
			properties: {},
			geometry: { type: 'Polygon', coordinates: squarePolygon(32.5, 44.4, 36.6, 46.2) }
		},
		{
			type: 'Feature',
			id: 'luhansk',
			properties: {},
			geometry: { type: 'MultiPolygon', coordinates: [squarePolygon(38, 48, 40, 50)] }
		}
	]
};
const areas = areaFeatures(story, areaShapes);

const view: ViewSnapshot = DEFAULT_VIEW;

/** The story with its first flow's German label, summary, first quote and start place's name replaced. */
function withTexts(texts: { label: string; summary: string; quote: string; from: string }) {
	const tricky = structuredClone(story) as Story;
	const flow = tricky.flows[0]!;
	flow.label.de = texts.label;
	flow.summary.de = texts.summary;
	flow.evidence[0]!.quote = texts.quote;
	tricky.places.find((p) => p.id === flow.from)!.name.de = texts.from;
	return { tricky, flow };
}

describe('visibleDataGeoJSON', () => {
	const fc = visibleDataGeoJSON(story, view, lineOf, areas);

	it('validates against the export schema and survives a JSON round trip unchanged', () => {
		const text = JSON.stringify(fc);
		const parsed: unknown = JSON.parse(text);
		expect(parsed).toEqual(fc);
		const result = exportGeoJsonSchema.safeParse(parsed);
		expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
		expect(result.data).toEqual(parsed);
	});

	it('has the visible flows, every place and the shown areas, each typed', () => {
		const byType = (t: string) => fc.features.filter((f) => f.properties.type === t);
		expect(byType('flow')).toHaveLength(story.flows.length);
		expect(byType('place')).toHaveLength(story.places.length);
		expect(
			byType('area')
				.map((f) => f.properties.id)
				.sort()
		).toEqual(['crimea', 'luhansk', 'patrol-waters']);
		for (const f of fc.features) expect(f.id).toBe(f.properties.id);
	});

	it('carries what the details panel says: dates, labels, sources and evidence', () => {
		const flow = story.flows.find((f) => f.when.precision === 'days')!;
		const feature = fc.features.find((f) => f.properties.id === flow.id)!;
		expect(feature.geometry.type).toBe('LineString');
		const p = feature.properties;
		if (p.type !== 'flow') throw new Error('not a flow');
		expect(p.when_de).toMatch(/Juli 2023|August 2023|September 2023/);
		expect(p.when_start).toBe(flow.when.start);
		expect(p.when_end).toBe(flow.when.end);
		expect(p.label_de).toBe(flow.label.de);
		expect(p.label_en).toBe(flow.label.en);
		expect(p.summary_en).toBe(flow.summary.en);
		expect(p.evidence.map((e) => e.paragraph)).toEqual(flow.evidence.map((e) => e.paragraph));
		expect(p.sources.length).toBeGreaterThan(0);
		expect(p.from_name_de).toBe(story.places.find((pl) => pl.id === flow.from)!.name.de);
	});

	it('loses no note: places, areas, events and every public-record date keep theirs', () => {
		const text = JSON.stringify(fc);
		const shown = new Set(fc.features.map((f) => f.id));
		const notes = [
			...story.places.map((p) => p.note),
			...story.flows.map((f) => f.when.note),
			...story.events.flatMap((e) => [e.when.note]),
			...story.areas.filter((a) => shown.has(a.id)).flatMap((a) => [a.note, a.when.note])
		].filter((n) => n !== undefined);
		expect(notes.length).toBeGreaterThan(10);
		for (const note of notes) {
			expect(text).toContain(JSON.stringify(note.de).slice(1, -1));
			expect(text).toContain(JSON.stringify(note.en).slice(1, -1));
		}
		expect(fc.features.filter((f) => f.properties.type === 'event')).toHaveLength(story.events.length);
	});

	it('leaves out what the map does not show', () => {
		const narrow = visibleDataGeoJSON(
			story,
			{
				...view,
				kinds: FLOW_KINDS.filter((k) => k !== 'arms'),
				certainty: 'claimed',
				showRegions: false,
				until: '2023-08'
			},
			lineOf,
			areas
		);
		const flows = narrow.features.filter((f) => f.properties.type === 'flow');
		expect(flows.some((f) => f.properties.type === 'flow' && f.properties.kind === 'arms')).toBe(false);
		expect(flows.some((f) => f.properties.type === 'flow' && f.properties.certainty === 'possible')).toBe(
			false
		);
		expect(flows.length).toBeGreaterThan(0);
		// The patrol waters begin on 6 September: not on an August map, as on the map itself.
		expect(narrow.features.filter((f) => f.properties.type === 'area')).toEqual([]);
		const september = visibleDataGeoJSON(
			story,
			{ ...view, showRegions: false, until: '2023-09-06' },
			lineOf,
			areas
		);
		expect(
			september.features.filter((f) => f.properties.type === 'area').map((f) => f.properties.id)
		).toEqual(['patrol-waters']);
		expect(exportGeoJsonSchema.safeParse(JSON.parse(JSON.stringify(narrow))).success).toBe(true);
	});

	it('rejects files that are not an export', () => {
		expect(
			exportGeoJsonSchema.safeParse({ type: 'FeatureCollection', features: [{ type: 'Feature' }] }).success
		).toBe(false);
		const extra = structuredClone(fc) as unknown as { features: { properties: Record<string, unknown> }[] };
		extra.features[0]!.properties.injected = 1;
		expect(exportGeoJsonSchema.safeParse(extra).success).toBe(false);
	});
});

describe('claimsCsv', () => {
	const col = (name: (typeof CSV_COLUMNS)[number]) => CSV_COLUMNS.indexOf(name);
	it('has a header and one row per visible flow', () => {
		const shown = visibleFlows(story, { ...view, kinds: ['visit', 'arms'] });
		const rows = parseCsv(claimsCsv(story, { flows: shown }, 'de'));
		expect(rows[0]).toEqual([...CSV_COLUMNS]);
		expect(rows).toHaveLength(shown.length + 1);
		for (const row of rows.slice(1)) {
			expect(row).toHaveLength(CSV_COLUMNS.length);
			expect(row[col('type')]).toBe('flow');
			expect(['visit', 'arms']).toContain(row[col('kind')]);
		}
		expect(rows.slice(1).map((r) => r[col('id')])).toEqual(shown.map((f) => f.id));
	});

	it('writes names, dates and text in the chosen language', () => {
		const rows = parseCsv(claimsCsv(story, { flows: story.flows }, 'en'));
		const flow = story.flows[0]!;
		const row = rows[1]!;
		expect(row[col('from')]).toBe(story.places.find((p) => p.id === flow.from)!.name.en);
		expect(row[col('label')]).toBe(flow.label.en);
		expect(row[col('summary')]).toBe(flow.summary.en);
	});

	it('keeps where each date comes from (public record) beside it', () => {
		const rows = parseCsv(claimsCsv(story, { flows: story.flows }, 'en'));
		const noted = story.flows.filter((f) => f.when.note);
		expect(noted.length).toBeGreaterThan(0);
		for (const flow of noted) {
			const row = rows.find((r) => r[col('id')] === flow.id)!;
			expect(row[col('when_note')], flow.id).toBe(flow.when.note!.en);
		}
	});

	it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
		const { tricky, flow } = withTexts({
			label: 'Waffen, Munition und "Know-how"',
			summary: 'Zeile eins\r\nZeile zwei\nZeile drei',
			quote: '=cmd()',
			from: '@SUM(A1:A9)'
		});
		const csv = claimsCsv(tricky, { flows: [flow] }, 'de');
		const rows = parseCsv(csv);
		expect(rows).toHaveLength(2);
		const row = rows[1]!;
		expect(row[col('label')]).toBe('Waffen, Munition und "Know-how"');
		expect(row[col('summary')]).toBe('Zeile eins\r\nZeile zwei\nZeile drei');
		expect(row[col('key_phrases')]!.startsWith("'=cmd()")).toBe(true);
		expect(row[col('from')]).toBe("'@SUM(A1:A9)");
		expect(csv).not.toMatch(/(^|,)[=+\-@]/m);
	});

	it('adds the visible areas and every event with their notes, and a semicolon table for German Excel', () => {
		const view2 = { ...view, until: null };
		const rows = parseCsv(visibleDataCsv(story, view2));
		const byType = (type: string) => rows.slice(1).filter((r) => r[col('type')] === type);
		expect(byType('flow')).toHaveLength(visibleFlows(story, view2).length);
		expect(byType('event').map((r) => r[col('id')])).toEqual(story.events.map((e) => e.id));
		const areas = byType('area');
		expect(areas.map((r) => r[col('id')])).toEqual(story.areas.map((a) => a.id));
		for (const area of story.areas.filter((a) => a.note))
			expect(areas.find((r) => r[col('id')] === area.id)![col('note')]).toBe(area.note!.de);
		// Patrol waters switched off: their row goes, as on the map.
		const off = parseCsv(visibleDataCsv(story, { ...view2, showPatrolWaters: false }));
		expect(off.some((r) => r[col('kind')] === 'patrol-waters')).toBe(false);

		// The semicolon variant: the same cells, read back with ';'.
		const semi = visibleDataCsv(story, view2, ';');
		const semiRows = parseCsv(semi, ';');
		expect(semiRows).toEqual(rows);
		expect(semi.split('\r\n')[0]).toBe(CSV_COLUMNS.join(';'));
	});

	it('starts no cell as a formula however the file is read, with its own separator or the other', () => {
		const { tricky: hostile, flow } = withTexts({
			label: 'ok;=1+1',
			summary: 'ok,=HYPERLINK("x")',
			quote: 'a;+b,@c;-d',
			from: 'x,\t=1;\r=2'
		});
		const trigger = /^[=+\-@\t\r]/;
		for (const written of [',', ';'] as const) {
			const csv = claimsCsv(hostile, { flows: [flow] }, 'de', written);
			// Read as written: every value comes back, the apostrophes only where a cell could start.
			const row = parseCsv(csv, written)[1]!;
			expect(row[col('label')]).toBe("ok;'=1+1");
			expect(row[col('summary')]).toBe('ok,\'=HYPERLINK("x")');
			expect(row[col('key_phrases')]).toContain("a;'+b,'@c;'-d");
			for (const read of [',', ';'] as const) {
				const formulas = readLikeSpreadsheet(csv, read).filter((cell) => trigger.test(cell));
				expect(formulas, `written with '${written}', read with '${read}'`).toEqual([]);
			}
		}
		// The reader does find them in a file that guards only the start of each field.
		const naive =
			['type', 'ok;=1+1', 'ok,=2'].map((v) => (v.includes(',') ? `"${v}"` : v)).join(',') + '\r\n';
		expect(readLikeSpreadsheet(naive, ';').filter((cell) => trigger.test(cell))).toEqual(['=1+1,"ok,=2"']);
	});

	it('neutralises every formula trigger and leaves plain text alone', () => {
		for (const s of ['=1+1', '+1', '-1', '@x', '\tx', '\rx'])
			expect(csvField(s).replace(/^"/, '').startsWith("'")).toBe(true);
		expect(csvField('Pjöngjang')).toBe('Pjöngjang');
		expect(csvField('a"b')).toBe('"a""b"');
		expect(csvField(null)).toBe('');
		expect(csvField(3)).toBe('3');
		expect(csvField('a;b')).toBe('a;b');
		expect(csvField('a;b', ';')).toBe('"a;b"');
		expect(csvField('a,b', ';')).toBe('a,b');
	});
});
