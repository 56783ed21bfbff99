import { describe, expect, it } from 'vitest';
import fontkit from '@pdf-lib/fontkit';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import {
	balanceIsolates,
	balanceStrings,
	FSI,
	isolate,
	isolateLines,
	PDI,
	withoutBidiControls
} from '$lib/i18n/bidi';
import { story, presentationOf, type Story } from '$lib/story';
import { relationsOf } from '$lib/story/relations';
import { exportLaneStyle } from '$lib/map/featureStates';
import { areaFeatures, areaLabelFeatures, laneFeatures, placeFeatures } from '$lib/map/storyFeatures';
import type { WorldData } from '$lib/map/worldData';
import { hasBegun, isFlowVisible } from '$lib/state/visibility';
import { altText } from '$lib/state/altText';
import { creditLine } from '$lib/story/credits';
import { renderSvg, type SvgInput } from '$lib/export/svg';
import { snapshotContent, visibleFlows } from '$lib/export/content';
import { approximateMeasure, wrapText } from '$lib/export/layout';
import { layoutLine, outlineSvgText, type TextLine } from '$lib/export/svgFonts';
import { svgToPdf } from '$lib/export/pdf';
import { parseSvg, textOf, type SvgNode } from '$lib/export/svgTree';
import { xmlWellFormednessErrors } from '$lib/export/xml';
import { DEFAULT_VIEW } from '../support/views';
import { readPdf } from '../support/pdf';
import { PDF_FONTS, square } from '../support/exportFixtures';

/*
 * Text spoofing: a story's strings may start with U+202E RIGHT-TO-LEFT OVERRIDE (or hold
 * right-to-left letters). Each must be isolated from the text around it (i18n/bidi.ts), in the
 * page's plain strings, on the map's names and in the exports; the PDF and the outlines, which
 * run no bidi algorithm, must not draw the controls.
 */

const RLO = '\u202e';
const LRI = '\u2066';

/**
 * A line read as UAX #9 groups it: the text outside any isolate, and the content of each
 * outermost isolate (FSI … its matching PDI). An isolate left open runs to the line's end.
 */
function isolatesOf(line: string): { outside: string; inside: string[] } {
	let outside = '';
	const inside: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of line) {
		if (ch >= '\u2066' && ch <= '\u2068') {
			if (depth > 0) current += ch;
			depth++;
		} else if (ch === PDI && depth > 0) {
			depth--;
			if (depth === 0) {
				inside.push(current);
				current = '';
			} else current += ch;
		} else if (depth > 0) current += ch;
		else outside += ch;
	}
	if (depth > 0) inside.push(current);
	return { outside, inside };
}

describe('isolate', () => {
	it('wraps a string that could reorder its neighbours in FSI … PDI, and leaves plain text alone', () => {
		expect(isolate(`${RLO}Datum`)).toBe(`${FSI}${RLO}Datum${PDI}`);
		expect(isolate('שלום')).toBe(`${FSI}שלום${PDI}`);
		expect(isolate('مرحبا ٣')).toBe(`${FSI}مرحبا ٣${PDI}`);
		// Latin, Cyrillic, Greek, digits and punctuation resolve to the line's direction: unchanged.
		for (const plain of ['Pjöngjang', 'Москва', 'Αθήνα', '6.400 km', '„Kim & Putin“ (2023)'])
			expect(isolate(plain)).toBe(plain);
	});

	it("balances the string's own isolates, so none of them can undo the one around it", () => {
		// A PDI of its own would close the isolate early and let the override out: it is dropped.
		expect(isolate(`${PDI}${RLO}x`)).toBe(`${FSI}${RLO}x${PDI}`);
		// An initiator it never closes would take the closing PDI: it is closed first.
		expect(isolate(`${LRI}${RLO}x`)).toBe(`${FSI}${LRI}${RLO}x${PDI}${PDI}`);
		expect(isolatesOf(`a ${isolate(`${LRI}${RLO}x`)} · b`)).toEqual({
			outside: 'a  · b',
			inside: [`${LRI}${RLO}x${PDI}`]
		});
		// A paragraph break ends every isolate: they are closed before it and opened after it.
		expect(balanceIsolates(`${FSI}a\nb${PDI}`)).toBe(`${FSI}a${PDI}\n${FSI}b${PDI}`);
		expect(balanceIsolates('Pjöngjang')).toBe('Pjöngjang');
	});

	it('closes an isolate a line break cut and opens it again on the next line', () => {
		const lines = isolateLines([`Artikel: ${FSI}${RLO}Zeitung`, `am Sonntag${PDI}, Autorin`]);
		expect(lines).toEqual([`Artikel: ${FSI}${RLO}Zeitung${PDI}`, `${FSI}am Sonntag${PDI}, Autorin`]);
		for (const line of lines) expect(isolatesOf(line).outside).not.toContain(RLO);
		expect(isolateLines(['Moskau –', 'Pjöngjang'])).toEqual(['Moskau –', 'Pjöngjang']);
	});

	it('balances every string of an opened story, and keeps a story without isolates as it is', () => {
		expect(balanceStrings(story)).toBe(story);
		const hostile = structuredClone(story);
		hostile.places[0]!.name.de = `${PDI}${RLO}Datum`;
		const balanced = balanceStrings(hostile);
		expect(balanced.places[0]!.name.de).toBe(`${RLO}Datum`);
		expect(balanced.places[1]).toBe(hostile.places[1]);
		expect(balanced.flows).toBe(hostile.flows);
	});

	it('measures the controls as nothing, as a browser does', () => {
		expect(withoutBidiControls(`${FSI}${RLO}Datum${PDI}`)).toBe('Datum');
		expect(approximateMeasure(`${FSI}${RLO}Datum${PDI}`, 10, false)).toBe(
			approximateMeasure('Datum', 10, false)
		);
	});
});

// ---------------------------------------------------------------------------------------------
// A hostile story: its first place, Kim's train, the article's publisher and the title start
// with a right-to-left override.

const hostile: Story = structuredClone(story);
const place = hostile.places[0]!;
place.name = { de: `${RLO}Datum`, en: `${RLO}Datum` };
const train = hostile.flows.find((f) => f.id === 'kim-train-to-vladivostok')!;
train.label = { de: `${RLO}Panzerzug`, en: `${RLO}Armoured train` };
hostile.article = { ...hostile.article, publisher: `${RLO}ZDF` };
hostile.title = { de: `${RLO}Titel`, en: `${RLO}Title` };
const view = DEFAULT_VIEW;
const lang = view.lang;
/** Every string of the story a line may hold (each must be isolated whole, or be the line). */
const USER = [place.name[lang], train.label[lang], hostile.article.publisher, hostile.title[lang]];

/** Every override in `line` sits in an isolate whose content is exactly one story string. */
function expectIsolated(line: string): void {
	const { outside, inside } = isolatesOf(line);
	expect(outside, line).not.toContain(RLO);
	for (const content of inside.filter((c) => c.includes(RLO))) expect(USER, line).toContain(content);
}

describe('the page and the map, as plain strings', () => {
	it("isolates the names in the alt text, the app's words and separators outside", () => {
		const text = altText(hostile, view, visibleFlows(hostile, view));
		expectIsolated(text);
		expect(text).toContain(`${FSI}${RLO}Datum${PDI}, `);
	});

	it('isolates publisher and author in the credit line, its date and separators outside', () => {
		const line = creditLine(hostile, 'de');
		expect(line).toMatch(new RegExp(`^Artikel: ${FSI}${RLO}ZDF${PDI}, Elisabeth Schmidt, September 2023 · `));
		expectIsolated(line);
	});

	it("isolates the story's words in the map's names of several strings", () => {
		const features = laneFeatures(hostile, relationsOf(hostile.flows)).features;
		const label = (id: string) => String(features.find((f) => f.properties?.id === id)?.properties?.label_de);
		// "Moskau – ‮Datum": one paragraph of MapLibre's bidi; the dash and the other name stay put.
		const cable = label('moscow~pyongyang#label');
		expect(cable).toBe(`Moskau – ${FSI}${RLO}Datum${PDI}\n6.400 km`);
		const route = label('pyongyang~vladivostok/route/kim-train-to-vladivostok#label');
		expect(route.split('\n')[0]).toBe(`${FSI}${RLO}Panzerzug${PDI}`);
		for (const line of [...cable.split('\n'), ...route.split('\n')]) expectIsolated(line);
		// A name alone is a label of its own: nothing to isolate it from.
		expect(placeFeatures(hostile).features[0]!.properties!.name_de).toBe(`${RLO}Datum`);
	});
});

// ---------------------------------------------------------------------------------------------
// The exports

const korea: Feature<Polygon> = {
	type: 'Feature',
	id: '408',
	properties: { name: 'North Korea' },
	geometry: { type: 'Polygon', coordinates: [square(124, 37.7, 130.7, 43)] }
};
const world: WorldData = {
	countries: { type: 'FeatureCollection', features: [korea] },
	countryLabels: { type: 'FeatureCollection', features: [] },
	land: { type: 'FeatureCollection', features: [korea] },
	borders: {
		type: 'Feature',
		properties: {},
		geometry: { type: 'MultiLineString', coordinates: [] }
	} as Feature<MultiLineString>
};
const noShapes: FeatureCollection<Polygon | MultiPolygon> = { type: 'FeatureCollection', features: [] };
const box = (minX: number, minY: number, w: number, h: number) => ({
	minX,
	minY,
	maxX: minX + w,
	maxY: minY + h
});

function render(s: Story): string {
	const relations = relationsOf(s.flows);
	const areas = areaFeatures(s, noShapes);
	const input: SvgInput = {
		width: 1200,
		height: 800,
		camera: { center: [130, 42], zoom: 3.5, bearing: 0 },
		view,
		look: presentationOf(s),
		world,
		flows: laneFeatures(s, relations),
		lanes: exportLaneStyle(
			relations,
			s.flows.filter((f) => isFlowVisible(f, view)),
			[]
		),
		places: placeFeatures(s),
		areas,
		areaLabels: areaLabelFeatures(areas),
		hiddenAreas: s.areas.filter((a) => !hasBegun(a, view.until)).map((a) => a.id),
		options: { header: true, legend: true, credits: true },
		content: snapshotContent(s, view, new Date(Date.UTC(2026, 10, 26, 12))),
		// The names MapLibre placed: Pyongyang's, the train's and the Moscow cable's.
		mapLabels: new Map([
			['places-label', new Map([['pyongyang', box(600, 300, 80, 20)]])],
			[
				'flow-labels-route',
				new Map([['pyongyang~vladivostok/route/kim-train-to-vladivostok#label', box(700, 250, 140, 48)]])
			],
			['flow-labels-cable', new Map([['moscow~pyongyang#label', box(400, 200, 160, 32)]])]
		])
	};
	return renderSvg(input);
}

/** Every `<text>` of the document (and its title and desc) as its lines, in order. */
function textsOf(svg: string): { name: string; lines: string[] }[] {
	const out: { name: string; lines: string[] }[] = [];
	const walk = (node: SvgNode) => {
		if (node.name === 'text') {
			const own = node.children.filter((c): c is string => typeof c === 'string').join('');
			const spans = node.children.filter((c): c is SvgNode => typeof c !== 'string' && c.name === 'tspan');
			out.push({ name: 'text', lines: own.trim() ? [own] : spans.map(textOf) });
			return;
		}
		if (node.name === 'title' || node.name === 'desc') out.push({ name: node.name, lines: [textOf(node)] });
		for (const c of node.children) if (typeof c !== 'string') walk(c);
	};
	walk(parseSvg(svg));
	return out;
}

const fonts = PDF_FONTS;

describe('the SVG export', () => {
	const svg = render(hostile);
	const texts = textsOf(svg);

	it('is well-formed and names what MapLibre placed', () => {
		expect(xmlWellFormednessErrors(svg)).toEqual([]);
		expect(svg).toContain('id="flow-labels-text"');
		expect(texts.some((t) => t.lines.join('').includes('Panzerzug'))).toBe(true);
	});

	it('sets each story string in its own isolate, or alone in its own <text>, and nothing else with it', () => {
		const withOverride = texts.filter((t) => t.lines.some((line) => line.includes(RLO)));
		// Pyongyang's name (text and halo copy), the train's and the cable's names (each twice),
		// the title (header and <title>), the credit line, the alt text (<desc>).
		expect(withOverride.length).toBeGreaterThanOrEqual(9);
		for (const { lines } of withOverride) {
			// A <text> of one story string alone is a bidi paragraph of its own: its own isolate.
			if (USER.includes(lines.join(''))) continue;
			for (const line of lines) expectIsolated(line);
		}
	});

	it("keeps the app's text around the names outside their isolates", () => {
		const flat = texts.filter((t) => t.name === 'text').map((t) => t.lines);
		// The train's name over its date: the date is a line of its own, outside any isolate.
		const route = flat.find((lines) => lines[0] === `${FSI}${RLO}Panzerzug${PDI}`)!;
		expect(route.slice(0, 2)).toEqual([`${FSI}${RLO}Panzerzug${PDI}`, '12. September 2023']);
		expect(route.slice(1).join(' ')).toBe('12. September 2023 (Datum öffentlich dokumentiert)');
		// The cable's names, the dash between them and the distance outside.
		const cable = flat.find((lines) => lines[0]!.startsWith('Moskau –'))!;
		expect(isolatesOf(cable.join('\n')).outside.replace(/\s/g, '')).toBe('Moskau–6.400km');
		expect(cable.join('')).toContain(`${FSI}${RLO}Datum${PDI}`);
		// Pyongyang's name alone: no isolate needed, none added.
		expect(flat).toContainEqual([`${RLO}Datum`]);
		// The credit line: the publisher isolated, ", Elisabeth Schmidt, September 2023 · …" outside.
		const credit = flat.find((lines) => lines[0]!.startsWith('Artikel:'))!;
		expect(credit[0]).toContain(`Artikel: ${FSI}${RLO}ZDF${PDI}, Elisabeth Schmidt, September 2023`);
		// The alt text names the places among the app's words.
		const desc = texts.find((t) => t.name === 'desc')!.lines[0]!;
		expect(desc).toContain(`${FSI}${RLO}Datum${PDI}, `);
	});

	it('wraps a credit line inside an isolate without letting the rest of it out', () => {
		const long = `${isolate(`${RLO}Zeitung am Sonntag für Nord und Süd`)}, Autorin, September 2023`;
		const lines = wrapText(long, 200, 12, false, approximateMeasure);
		expect(lines.length).toBeGreaterThan(1);
		for (const line of lines) expect(isolatesOf(line).outside).not.toContain(RLO);
		expect(isolatesOf(lines.join('')).outside.replace(/\s/g, '')).toBe(',Autorin,September2023');
		// Cut short with an ellipsis: the app's ellipsis after the isolate, not in it.
		const cut = wrapText(long, 120, 12, false, approximateMeasure, 1)[0]!;
		expect(cut.endsWith(`${PDI}…`)).toBe(true);
	});

	it('draws no bidi control in the PDF, which runs no bidi algorithm', async () => {
		const pdf = await readPdf(
			await svgToPdf({
				svg,
				widthPt: 600,
				heightPt: 400,
				fonts,
				metadata: { ...snapshotContent(hostile, view, new Date(0)).metadata, lang: 'de' }
			})
		);
		const text = pdf.pages[0]!.text.join('\n');
		expect(text).toContain('Datum');
		expect(text).toContain('Panzerzug');
		expect(text).not.toMatch(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/);
	});

	it('outlines the names exactly as without the controls (no glyph, no advance)', () => {
		const regular = fonts.regular.map((bytes) => fontkit.create(bytes));
		const line = (text: string): TextLine => ({
			text,
			x: 0,
			y: 0,
			size: 14,
			bold: false,
			anchor: 'middle',
			spacing: 1
		});
		const bare = layoutLine(line('Moskau – Datum'), regular);
		const isolated = layoutLine(line(`Moskau – ${FSI}${RLO}Datum${PDI}`), regular);
		expect(isolated.width).toBe(bare.width);
		expect(isolated.glyphs.map((g) => g.glyph.id)).toEqual(bare.glyphs.map((g) => g.glyph.id));
		const outlined = outlineSvgText(svg, fonts);
		const paths = (doc: string) => [...doc.matchAll(/<path d="(m[^"]*)"/g)].length;
		expect(paths(outlined)).toBeGreaterThan(0);
		// The same drawing as without the overrides and isolates: nothing of them is drawn.
		const controls = /[\u202e\u2068\u2069]/g;
		expect(outlined.replace(controls, '')).toBe(outlineSvgText(svg.replace(controls, ''), fonts));
	});
});
