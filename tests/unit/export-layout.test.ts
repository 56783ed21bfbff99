import { describe, expect, it } from 'vitest';
import {
	approximateMeasure,
	layoutExport,
	layoutTextBoxes,
	wrapText,
	type ExportLayout,
	type LayoutContent,
	type LayoutOptions,
	type Rect
} from '../../src/lib/export/layout';
import { snapshotContent, visibleFlows } from '../../src/lib/export/content';
import { exportTextDefaults, filterSentence, isFiltered } from '../../src/lib/export/words';
import { altText } from '../../src/lib/state/altText';
import { creditLine, FLOW_KINDS, presentationOf, story } from '../../src/lib/story';
import type { ViewSnapshot } from '../../src/lib/state/view.svelte';
import { DEFAULT_VIEW } from '../support/views';

const view: ViewSnapshot = {
	...DEFAULT_VIEW,
	kinds: ['visit', 'arms', 'technology', 'food', 'diplomacy'],
	certainty: 'claimed',
	until: '2023-07'
};
const exportedAt = new Date(Date.UTC(2026, 10, 26, 12));
/** Nothing filtered out, in English. */
const EVERYTHING_EN: ViewSnapshot = {
	...view,
	lang: 'en',
	kinds: [...FLOW_KINDS],
	until: null,
	certainty: 'possible'
};
const content: LayoutContent = snapshotContent(story, view, exportedAt, { timeZone: 'UTC' });
const all: LayoutOptions = { header: true, legend: true, credits: true };
const SIZES: [number, number][] = [
	[1080, 1080],
	[1920, 1080],
	[3508, 2480],
	[1200, 675]
];

const layout = (width: number, height: number, options = all, c = content) =>
	layoutExport({ width, height, options, content: c, measure: approximateMeasure });

const overlap = (a: Rect, b: Rect) =>
	a.x < b.x + b.width - 1e-6 &&
	b.x < a.x + a.width - 1e-6 &&
	a.y < b.y + b.height - 1e-6 &&
	b.y < a.y + a.height - 1e-6;
const inside = (r: Rect, l: ExportLayout) =>
	r.x >= 0 && r.y >= 0 && r.x + r.width <= l.width + 1e-6 && r.y + r.height <= l.height + 1e-6;

describe('export content', () => {
	it("says the story's words, the filters in a sentence only when asked, the date only in metadata", () => {
		expect(content.title).toBe('Nordkorea und Russland rücken zusammen');
		expect(content.subtitle).toBe(presentationOf(story).deck!.de);
		expect(content.credits).toEqual([
			'Artikel: ZDFheute, Elisabeth Schmidt, September 2023 · Kartendaten: Natural Earth (gemeinfrei)'
		]);
		expect(content.metadata).toEqual({
			title: content.title,
			// The alt text: the map in words, as the live map's accessible description says it.
			description: altText(story, view, visibleFlows(story, view)),
			source: content.credits[0],
			created: exportedAt.toISOString()
		});
		expect(filterSentence(view)).toBe(
			'Gezeigt: nur, was der Artikel als berichtet oder behauptet wiedergibt, Stand Juli 2023; ' +
				'nur Besuche, Waffen, Technik & Know-how, Lebensmittel und Diplomatie.'
		);
		const everything = EVERYTHING_EN;
		expect(isFiltered(everything)).toBe(false);
		expect(isFiltered(view)).toBe(true);
		const en = snapshotContent(story, everything, exportedAt, {
			timeZone: 'UTC',
			printDate: true,
			describeFilters: true
		});
		expect(en.credits).toEqual([
			'Shown: everything the article reports, gives as a claim or reports as possible.',
			'Article: ZDFheute, Elisabeth Schmidt, September 2023 · Map data: Natural Earth (public domain)',
			'Exported on 26 November 2026'
		]);
		expect(filterSentence({ ...everything, kinds: [] })).toBe(
			'Shown: everything the article reports, gives as a claim or reports as possible; no connections.'
		);
	});

	it("uses the reader's own words over the story's, and leaves out what the reader emptied", () => {
		const text = {
			...exportTextDefaults(story, view),
			title: 'Waffen gegen Weizen?',
			deck: '',
			note: '  Nicht bestätigt.  ',
			credit: 'Grafik: A. Muster'
		};
		const own = snapshotContent(story, view, exportedAt, { text });
		expect(own.title).toBe('Waffen gegen Weizen?');
		expect(own.subtitle).toBe('');
		expect(own.credits).toEqual(['Nicht bestätigt.', creditLine(story, 'de'), 'Grafik: A. Muster']);
		expect(own.metadata.title).toBe('Waffen gegen Weizen?');
		// The alt text as the reader edited it.
		expect(snapshotContent(story, view, exportedAt, { altText: ' Eine Karte. ' }).metadata.description).toBe(
			'Eine Karte.'
		);
		// No title and no deck: no header band at all, the map starts at the top.
		const bare = snapshotContent(story, view, exportedAt, { text: { ...text, title: ' ' } });
		const l = layout(1200, 800, all, bare);
		expect(l.header).toBeUndefined();
		expect(l.map.y).toBe(0);
	});

	it('lists only kinds and certainty styles that are on the map, with their counts', () => {
		const kinds = content.legendKinds.map((k) => k.kind);
		for (const k of kinds) expect(view.kinds).toContain(k);
		expect(content.legendCertainties.map((c) => c.certainty)).not.toContain('possible');
		for (const k of content.legendKinds) expect(k.count).toBeGreaterThan(0);
	});
});

describe('layoutExport', () => {
	it('gives the map the whole image minus the header and footer bands', () => {
		const full = layout(1920, 1080);
		expect(full.map.y).toBeGreaterThan(0);
		expect(full.map.y).toBe(full.header?.rect.height);
		expect(full.map.y + full.map.height).toBe(full.footer?.y);
		expect(full.map.x).toBe(0);
		expect(full.map.width).toBe(1920);

		const none = layout(1920, 1080, { header: false, legend: false, credits: false });
		expect(none.map).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
		expect(none.header).toBeUndefined();
		expect(none.legend).toBeUndefined();
		expect(none.credits).toBeUndefined();

		const noHeader = layout(1920, 1080, { ...all, header: false });
		expect(noHeader.map.y).toBe(0);
		const noLegend = layout(1920, 1080, { ...all, legend: false });
		expect(noLegend.map.height).toBeGreaterThan(full.map.height);
		const noFooter = layout(1920, 1080, { ...all, legend: false, credits: false });
		expect(noFooter.map.y + noFooter.map.height).toBe(1080);
	});

	it('keeps the map rect in whole pixels (the offscreen map needs an integer size)', () => {
		for (const [w, h] of SIZES) {
			const l = layout(w, h);
			expect(Number.isInteger(l.map.y)).toBe(true);
			expect(Number.isInteger(l.map.height)).toBe(true);
		}
	});

	for (const [w, h] of SIZES) {
		it(`puts every text inside the image and off the map, without overlaps, at ${w}×${h}`, () => {
			const l = layout(w, h);
			const boxes = layoutTextBoxes(l);
			expect(boxes.length).toBeGreaterThan(8);
			for (const line of boxes) {
				expect(inside(line.box, l), `${line.text} ${JSON.stringify(line.box)}`).toBe(true);
				expect(overlap(line.box, l.map), `${line.text} covers the map`).toBe(false);
				expect(line.text.length).toBeGreaterThan(0);
			}
			for (let i = 0; i < boxes.length; i++)
				for (let j = i + 1; j < boxes.length; j++) {
					const a = boxes[i]!;
					const b = boxes[j]!;
					expect(overlap(a.box, b.box), `"${a.text}" overlaps "${b.text}"`).toBe(false);
				}
			for (const item of l.legend?.items ?? []) {
				expect(item.swatch.x1).toBeGreaterThanOrEqual(0);
				expect(item.swatch.x2).toBeLessThan(item.label.x);
				expect(inside(item.box, l)).toBe(true);
			}
			// The map keeps most of the image.
			expect(l.map.height).toBeGreaterThan(h * 0.5);
		});
	}

	it('scales type with the image width, so text keeps its proportion', () => {
		const title = (w: number, h: number) => layout(w, h).header!.lines[0]!.fontPx;
		expect(title(1200, 675)).toBeCloseTo(28, 6);
		expect(title(1920, 1080) / title(1200, 675)).toBeCloseTo(1920 / 1200, 6);
		expect(title(3508, 2480) / title(1200, 675)).toBeCloseTo(3508 / 1200, 6);
		expect(layout(3508, 2480).scale).toBeCloseTo(3508 / 1200, 6);
	});

	it('wraps the subtitle and legend into rows that fit a narrow image', () => {
		const everything = snapshotContent(
			story,
			{ ...view, kinds: [...FLOW_KINDS], until: null, certainty: 'possible' },
			exportedAt
		);
		const l = layout(300, 900, all, everything);
		const subtitleLines = l.header!.lines.filter((line) => !line.bold);
		expect(subtitleLines.length).toBeGreaterThan(1);
		for (const line of layoutTextBoxes(l)) expect(line.box.x + line.box.width).toBeLessThanOrEqual(300);
		const kindRows = new Set(l.legend!.items.filter((i) => i.type === 'kind').map((i) => i.box.y));
		expect(kindRows.size).toBeGreaterThan(1);
		for (const item of l.legend!.items) expect(item.box.x + item.box.width).toBeLessThanOrEqual(300);
	});

	it('shortens a runaway title instead of letting it push the map out', () => {
		const long = { ...content, title: 'Sehr '.repeat(200) + 'lang', subtitle: 'x'.repeat(2000) };
		const l = layout(1080, 1080, all, long);
		const title = l.header!.lines.filter((line) => line.bold);
		expect(title.length).toBeLessThanOrEqual(2);
		expect(title[title.length - 1]!.text.endsWith('…')).toBe(true);
		expect(l.map.height).toBeGreaterThan(1080 * 0.4);
		for (const line of layoutTextBoxes(l)) expect(inside(line.box, l)).toBe(true);
	});

	it('says so when nothing is visible', () => {
		const empty = snapshotContent(story, { ...view, kinds: [] }, exportedAt);
		const l = layout(1200, 800, all, empty);
		expect(l.legend!.lines.map((t) => t.text).join(' ')).toBe('Keine Verbindungen sichtbar.');
		// No flow swatches and no direction arrow, but the places still on the map are keyed.
		expect(l.legend!.items.map((i) => i.key)).toEqual(['capital', 'place']);
		expect(l.legend!.items[0]!.box.y).toBeGreaterThan(l.legend!.lines.at(-1)!.box.y);
	});

	it('keys the symbols as the live legend does: direction, capitals, other places, the areas shown', () => {
		const all = snapshotContent(story, { ...view, until: null }, exportedAt);
		expect(all.legendSymbols.map((s) => s.symbol)).toEqual([
			'arrow',
			'capital',
			'place',
			'patrol-waters',
			'recognised-region'
		]);
		const l = layout(1920, 1080, { header: true, legend: true, credits: true }, all);
		const symbols = l.legend!.items.filter((i) => i.type === 'symbol');
		expect(symbols).toHaveLength(5);
		for (const item of symbols) {
			expect(item.shapes!.length).toBeGreaterThan(0);
			expect(item.count.text).toBe('');
			// Each symbol's shapes sit in its swatch, left of its label, on its row.
			for (const shape of item.shapes!) {
				const top =
					shape.type === 'circle'
						? shape.cy - shape.r
						: shape.type === 'line'
							? shape.y1
							: shape.type === 'rect'
								? shape.y
								: Math.min(...shape.points.map((p) => p[1]));
				expect(top).toBeGreaterThanOrEqual(item.box.y);
				expect(top).toBeLessThan(item.box.y + item.box.height);
				const right =
					shape.type === 'circle'
						? shape.cx + shape.r
						: shape.type === 'line'
							? shape.x2
							: shape.type === 'rect'
								? shape.x + shape.width
								: Math.max(...shape.points.map((p) => p[0]));
				expect(right).toBeLessThan(item.label.x);
			}
		}
		// Without patrol waters (switched off) their key goes too.
		const off = snapshotContent(story, { ...view, until: null, showPatrolWaters: false }, exportedAt);
		expect(off.legendSymbols.map((s) => s.symbol)).not.toContain('patrol-waters');
	});
});

describe('wrapText', () => {
	it('breaks at spaces, and inside words only when a word alone is too wide', () => {
		const m = approximateMeasure;
		expect(wrapText('aaa bbb ccc', 40, 10, false, m)).toEqual(['aaa bbb', 'ccc']);
		const pieces = wrapText('x'.repeat(25), 56, 10, false, m);
		expect(pieces).toEqual(['x'.repeat(10), 'x'.repeat(10), 'x'.repeat(5)]);
		expect(wrapText('', 100, 10, false, m)).toEqual([]);
	});
});

describe('altText', () => {
	it('says what the map shows: lines by kind and certainty, places, areas, date; never more than is drawn', () => {
		const all = EVERYTHING_EN;
		const text = altText(story, all, visibleFlows(story, all));
		expect(text.startsWith(presentationOf(story).mapLabel.en)).toBe(true);
		expect(text).toContain(`${story.flows.length} lines, each a claim from the article`);
		for (const place of story.places) expect(text).toContain(place.name.en);
		expect(text).toContain('Planned patrol area');
		expect(text).toContain('All dates, undated included.');
		// Only reported: no claimed or possible counts, and only kinds with reported lines.
		const reportedView = { ...all, certainty: 'reported' as const };
		const reported = altText(story, reportedView, visibleFlows(story, reportedView));
		expect(reported).not.toMatch(/claimed|possible/);
		const kindsReported = new Set(story.flows.filter((f) => f.certainty === 'reported').map((f) => f.kind));
		expect(reported).not.toContain('Arms');
		expect(kindsReported.has('arms')).toBe(false);
		// A date, in German.
		const julyView = { ...all, lang: 'de' as const, until: '2023-07' };
		const july = altText(story, julyView, visibleFlows(story, julyView));
		expect(july).toContain('Stand Juli 2023.');
		expect(july).not.toContain('Geplantes Patrouillengebiet');
		expect(altText(story, { ...all, kinds: [] }, [])).toContain('No lines visible.');
		// Framed on Korea, Moscow is not in the picture, so not in its words.
		// Framed on Korea, Moscow is not in the picture, so not in its words, nor the regions in Ukraine.
		const names = presentationOf(story).areaKindNames;
		const regions = story.areas.filter((a) => a.kind === 'recognised-region');
		expect(regions.length).toBeGreaterThan(0);
		const picture = {
			bounds: presentationOf(story).frame,
			areaBounds: new Map(
				regions.map((a) => [
					a.id,
					[
						[30, 44],
						[40, 49]
					] as const
				])
			)
		};
		const korea = altText(story, all, visibleFlows(story, all), picture);
		expect(korea).not.toContain('Moscow');
		expect(korea).toContain('Pyongyang');
		expect(text).toContain(names['recognised-region'].en);
		expect(korea).not.toContain(names['recognised-region'].en);
		expect(korea).toContain(names['patrol-waters'].en);
		// The legend of that picture keys no region either, but still the patrol area.
		const content = snapshotContent(story, all, new Date(0), { picture });
		const symbols = content.legendSymbols.map((s) => s.symbol);
		expect(symbols).toContain('patrol-waters');
		expect(symbols).not.toContain('recognised-region');
		expect(snapshotContent(story, all, new Date(0)).legendSymbols.map((s) => s.symbol)).toContain(
			'recognised-region'
		);
	});
});
