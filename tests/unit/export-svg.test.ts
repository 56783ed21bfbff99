import { describe, expect, it } from 'vitest';
import { relationsOf } from '../../src/lib/story/relations';
import { exportLaneStyle } from '../../src/lib/map/featureStates';
import { hasBegun, isFlowVisible } from '../../src/lib/state/visibility';
import type { Feature, FeatureCollection, MultiLineString, MultiPolygon, Point, Polygon } from 'geojson';
import { renderSvg, svgPaint, type SvgInput } from '../../src/lib/export/svg';
import { arrowAnchors } from '../../src/lib/export/svgArrows';
import { snapshotContent } from '../../src/lib/export/content';
import { xmlWellFormednessErrors } from '../../src/lib/export/xml';
import { DARK, KIND_COLORS, LIGHT } from '../../src/lib/map/theme';
import {
	areaFeatures,
	areaLabelFeatures,
	laneFeatures,
	placeFeatures
} from '../../src/lib/map/storyFeatures';
import type { WorldData } from '../../src/lib/map/worldData';
import type { ViewSnapshot } from '../../src/lib/state/view.svelte';
import { FLOW_KINDS, presentationOf, story, type Story } from '../../src/lib/story';
import { DEFAULT_VIEW } from '../support/views';
import { square } from '../support/exportFixtures';

const country = (id: string, ring: number[][], nameDe: string, nameEn: string, area: number) => ({
	shape: {
		type: 'Feature',
		id,
		properties: { name: nameEn },
		geometry: { type: 'Polygon', coordinates: [ring] }
	} as Feature<Polygon>,
	label: {
		type: 'Feature',
		id,
		properties: { name_de: nameDe, name_en: nameEn, area },
		geometry: {
			type: 'Point',
			coordinates: [(ring[0]![0]! + ring[1]![0]!) / 2, (ring[0]![1]! + ring[2]![1]!) / 2]
		}
	} as Feature<Point>
});
const COUNTRIES = [
	country('408', square(124, 37.7, 130.7, 43), 'Nordkorea', 'North Korea', 120000),
	// Russia's far east, unwrapped past the antimeridian like the real data.
	country('643', square(130.7, 42.3, 190, 70), 'Russland', 'Russia', 17000000),
	country('156', square(100, 20, 124, 42), 'China', 'China', 9600000),
	country('392', square(130, 31, 142, 41), 'Japan', 'Japan', 378000),
	// Far from the story: must be culled from the file.
	country('076', square(-70, -30, -40, 0), 'Brasilien', 'Brazil', 8500000)
];
const world: WorldData = {
	countries: { type: 'FeatureCollection', features: COUNTRIES.map((c) => c.shape) },
	countryLabels: { type: 'FeatureCollection', features: COUNTRIES.map((c) => c.label) },
	land: { type: 'FeatureCollection', features: COUNTRIES.map((c) => c.shape) },
	borders: {
		type: 'Feature',
		properties: {},
		geometry: {
			type: 'MultiLineString',
			coordinates: [
				[
					[130.7, 42.3],
					[130.7, 43]
				],
				[
					[124, 40],
					[124, 42]
				]
			]
		}
	} as Feature<MultiLineString>
};
const areaShapes: FeatureCollection<Polygon | MultiPolygon> = {
	type: 'FeatureCollection',
	features: [
		{
			type: 'Feature',
			id: 'patrol-waters',
			properties: {},
			geometry: { type: 'Polygon', coordinates: [square(128, 34, 131, 37)] }
		},
		{
			type: 'Feature',
			id: 'crimea',
			properties: {},
			geometry: { type: 'Polygon', coordinates: [square(32.5, 44.4, 36.6, 46.2)] }
		}
	]
};

const view: ViewSnapshot = DEFAULT_VIEW;
const exportedAt = new Date(Date.UTC(2026, 10, 26, 12));

/** The lanes as the map draws them for this story and view (AppState's derivations). */
function lanesOf(s: Story, v: ViewSnapshot): Pick<SvgInput, 'flows' | 'lanes'> {
	const relations = relationsOf(s.flows);
	const shown = s.flows.filter((f) => isFlowVisible(f, v));
	return {
		flows: laneFeatures(s, relations),
		lanes: exportLaneStyle(relations, shown, v.selectedId ? [v.selectedId] : [])
	};
}

function render(overrides: Partial<SvgInput> = {}, s: Story = story, v: ViewSnapshot = view): string {
	const areas = areaFeatures(s, areaShapes);
	return renderSvg({
		width: 1200,
		height: 800,
		camera: { center: [130, 42], zoom: 3.5, bearing: 0 },
		view: v,
		look: presentationOf(s),
		world,
		...lanesOf(s, v),
		places: placeFeatures(s),
		areas,
		areaLabels: areaLabelFeatures(areas),
		hiddenAreas: s.areas.filter((a) => !hasBegun(a, v.until)).map((a) => a.id),
		options: { header: true, legend: true, credits: true },
		content: snapshotContent(s, v, exportedAt),
		...overrides
	});
}

/** The attributes of every element with this tag, read from the builder's uniform output. */
function elements(svg: string, tag: string): Record<string, string>[] {
	const out: Record<string, string>[] = [];
	for (const m of svg.matchAll(new RegExp(`<${tag}((?:\\s+[\\w:-]+="[^"]*")*)\\s*/?>`, 'g'))) {
		const attrs: Record<string, string> = {};
		for (const a of (m[1] ?? '').matchAll(/([\w:-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
		out.push(attrs);
	}
	return out;
}

/** The group with this id, with everything nested in it (its sublayers too). */
function group(svg: string, id: string): string {
	const start = svg.indexOf(`<g id="${id}"`);
	if (start < 0) return '';
	const tags = /<g\b[^>]*>|<\/g>/g;
	tags.lastIndex = start;
	let depth = 0;
	for (let m = tags.exec(svg); m; m = tags.exec(svg)) {
		if (m[0] === '</g>') depth--;
		else if (!m[0].endsWith('/>')) depth++;
		if (depth === 0) return svg.slice(start, m.index);
	}
	return svg.slice(start);
}

describe('renderSvg', () => {
	const svg = render();

	it('is a standalone, well-formed SVG 1.1 document', () => {
		expect(svg.startsWith('<svg')).toBe(true);
		expect(xmlWellFormednessErrors(svg)).toEqual([]);
		const root = elements(svg, 'svg')[0]!;
		expect(root.xmlns).toBe('http://www.w3.org/2000/svg');
		expect(root.version).toBe('1.1');
		expect(root.width).toBe('1200');
		expect(root.height).toBe('800');
		expect(root.viewBox).toBe('0 0 1200 800');
		expect(root['font-family']).toBe('Noto Sans, sans-serif');
	});

	it('is truly vector and self-contained: no images, scripts, external links, CSS or foreign objects', () => {
		for (const forbidden of [
			'<image',
			'<script',
			'href=',
			'<foreignObject',
			'<style',
			'style=',
			'var(',
			'rgba(',
			'@import'
		])
			expect(svg, forbidden).not.toContain(forbidden);
		// The only URL is the SVG namespace.
		// The only URLs are namespace names (never fetched): SVG, and RDF and Dublin Core for the metadata.
		const namespaces = [...svg.matchAll(/ xmlns(?::\w+)?="([^"]*)"/g)].map((m) => m[1]);
		expect(namespaces).toEqual([
			'http://www.w3.org/2000/svg',
			'http://www.inkscape.org/namespaces/inkscape',
			'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
			'http://purl.org/dc/elements/1.1/'
		]);
		expect(svg.replace(/ xmlns(?::\w+)?="[^"]*"/g, '').match(/https?:\/\//g)).toBeNull();
	});

	it('clips the map to the map rect, between header and footer', () => {
		const clip = svg.match(
			/<clipPath id="([^"]+)"><rect x="0" y="(\d+)" width="1200" height="(\d+)"\/><\/clipPath>/
		);
		expect(clip).not.toBeNull();
		expect(Number(clip![2])).toBeGreaterThan(0);
		expect(Number(clip![2]) + Number(clip![3])).toBeLessThan(800);
		expect(svg).toMatch(new RegExp(`<g id="map" [^>]*clip-path="url\\(#${clip![1]}\\)">`));
	});

	it('draws every shown lane as a path in its kind colour', () => {
		const flows = elements(group(svg, 'flows'), 'path');
		const lanes = lanesOf(story, view).lanes.shown.filter((id) => !id.endsWith('#label'));
		expect(flows.map((f) => f['data-id']).sort()).toEqual([...lanes].sort());
		for (const f of flows) expect(f.stroke).toBe(KIND_COLORS[f['data-kind'] as keyof typeof KIND_COLORS]);
		for (const kind of FLOW_KINDS)
			expect(
				flows.some((f) => f['data-kind'] === kind),
				kind
			).toBe(true);
	});

	it('leaves a switched-off kind out entirely: no line, no arrow, no legend entry, no colour', () => {
		const without = render({}, story, {
			...view,
			kinds: FLOW_KINDS.filter((k) => k !== 'arms' && k !== 'food')
		});
		expect(xmlWellFormednessErrors(without)).toEqual([]);
		for (const kind of ['arms', 'food']) expect(without).not.toContain(`data-kind="${kind}"`);
		expect(without).not.toContain(KIND_COLORS.arms);
		expect(without).not.toContain(KIND_COLORS.food);
		expect(without).toContain(`data-kind="visit"`);
		expect(without).toContain(KIND_COLORS.visit);
	});

	it('follows the certainty threshold and the timeline like the map', () => {
		const reported = render({}, story, { ...view, certainty: 'reported' });
		const certainties = elements(group(reported, 'flows'), 'path').map((p) => p['data-certainty']);
		expect(new Set(certainties)).toEqual(new Set(['reported']));
		const early = render({}, story, { ...view, until: '2023-07' });
		const ids = elements(group(early, 'flows'), 'path').map((p) => p['data-id']);
		// Kim's September trip is not on a July map, and neither are undated flows: the article does
		// not place them in time.
		const relations = relationsOf(story.flows);
		const laneOf = (id: string) => relations.laneOf.get(id)!.id;
		const kimTrip = story.flows.find((f) => f.when.start?.startsWith('2023-09'))!;
		expect(ids.some((id) => !!id?.startsWith(`${laneOf(kimTrip.id)}#`))).toBe(false);
		const undated = story.flows.find((f) => f.when.precision === 'undated')!;
		expect(ids.some((id) => !!id?.startsWith(`${laneOf(undated.id)}#`))).toBe(false);
		expect(ids.some((id) => !!id?.startsWith(`${laneOf('shoigu-visit')}#`))).toBe(true);
	});

	it('dashes claimed and dots possible flows, in line widths like the map', () => {
		const flows = elements(group(svg, 'flows'), 'path');
		for (const f of flows) {
			if (f['data-certainty'] === 'reported') expect(f['stroke-dasharray']).toBeUndefined();
			else {
				const width = Number(f['stroke-width']);
				const dash = f['stroke-dasharray']!.split(' ').map(Number);
				const pattern = f['data-certainty'] === 'claimed' ? [3, 1.6] : [0.8, 1.4];
				dash.forEach((d, i) => expect(d).toBeCloseTo(pattern[i]! * width, 1));
			}
		}
		expect(flows.filter((f) => f['data-certainty'] === 'claimed').length).toBeGreaterThan(0);
		expect(flows.filter((f) => f['data-certainty'] === 'possible').length).toBeGreaterThan(0);
	});

	it('puts a white casing under the flows and arrowheads on one-way flows only', () => {
		expect(elements(group(svg, 'flow-casing'), 'path').length).toBe(
			elements(group(svg, 'flows'), 'path').length
		);
		const arrows = elements(group(svg, 'flow-arrows-text'), 'path');
		expect(arrows.length).toBeGreaterThan(0);
		expect(elements(group(svg, 'flow-arrows-halo'), 'path').length).toBe(arrows.length);
		const mutualKinds = new Set(story.flows.filter((f) => f.mutual).map((f) => f.kind));
		const oneWayKinds = new Set(story.flows.filter((f) => !f.mutual).map((f) => f.kind));
		for (const kind of mutualKinds)
			if (!oneWayKinds.has(kind)) expect(arrows.some((a) => a['data-kind'] === kind)).toBe(false);
		for (const a of arrows) expect(a.fill).toBe(KIND_COLORS[a['data-kind'] as keyof typeof KIND_COLORS]);
	});

	it('names cities in the chosen language, with a halo drawn under the text', () => {
		expect(svg).toContain('>Pjöngjang</tspan>');
		expect(svg).toContain('>Wladiwostok</tspan>');
		const en = render({}, story, { ...view, lang: 'en' });
		expect(en).toContain('>Pyongyang</tspan>');
		expect(en).toContain('>Vladivostok</tspan>');
		expect(en).not.toContain('Pjöngjang');
		expect(en).toContain('North Korea and Russia move closer');
		// Halos are their own stroked copies under the text (no paint-order: Illustrator ignores it).
		expect(svg).not.toContain('paint-order');
		const halo = elements(svg, 'g').find((g) => g.id === 'place-labels-halo')!;
		expect(halo.fill).toBe('none');
		expect(halo.stroke).toBe('#ffffff');
		expect(halo['stroke-opacity']).toBe('0.92');
		const text = elements(svg, 'g').find((g) => g.id === 'place-labels-text')!;
		expect(text.stroke).toBe('none');
		const haloNames = elements(group(svg, 'place-labels-halo'), 'tspan').length;
		expect(haloNames).toBeGreaterThan(0);
		expect(elements(group(svg, 'place-labels-text'), 'tspan').length).toBe(haloNames);
		// Named layers for Inkscape, one per kind of flow drawn.
		expect(svg).toContain('xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"');
		const layers = elements(svg, 'g').filter((g) => g['inkscape:groupmode'] === 'layer');
		expect(layers.map((g) => g.id)).toEqual(
			expect.arrayContaining([
				'map',
				'land',
				'flows',
				'places',
				'place-labels',
				'header',
				'legend',
				'credits'
			])
		);
		const kindLayers = layers.filter((g) => g.id!.startsWith('flows-')).map((g) => g.id!.slice(6));
		expect(kindLayers.sort()).toEqual(
			[...new Set(story.flows.filter((f) => isFlowVisible(f, view)).map((f) => f.kind))].sort()
		);
	});

	it('labels countries in capitals, only inside the map and without collisions', () => {
		// Area names are placed before country names, as on the map: here the patrol waters' name
		// takes Japan's spot, so Japan is checked with the area switched off.
		expect(group(svg, 'area-labels-text')).toContain('<tspan');
		const out0 = render({}, story, { ...view, showPatrolWaters: false });
		const labels = group(out0, 'country-labels');
		// The story's countries are named above the lines, in a layer of their own, as on the map.
		expect(group(out0, 'story-country-labels')).toContain('>CHINA<');
		expect(labels).not.toContain('>CHINA<');
		expect(labels).toContain('>JAPAN<');
		expect(labels).not.toContain('BRASILIEN');
		// A second label on the same spot as a bigger country's is dropped.
		const crowded: WorldData = {
			...world,
			countryLabels: {
				type: 'FeatureCollection',
				features: [
					{ ...COUNTRIES[3]!.label, properties: { name_de: 'Klein', name_en: 'Small', area: 10 } },
					COUNTRIES[3]!.label
				]
			}
		};
		const out = group(
			render({ world: crowded }, story, { ...view, showPatrolWaters: false }),
			'country-labels'
		);
		expect(out).toContain('JAPAN');
		expect(out).not.toContain('KLEIN');
		const off = render({}, story, { ...view, showLabels: false });
		expect(group(off, 'country-labels')).not.toContain('<tspan');
	});

	it('shows patrol waters, regions and borders only when switched on', () => {
		expect(svg).toContain('data-id="patrol-waters"');
		expect(svg).toContain('id="borders"');
		const off = render({}, story, { ...view, showPatrolWaters: false, showBorders: false });
		expect(off).not.toContain('data-id="patrol-waters"');
		expect(off).not.toContain('id="borders"');
	});

	it('drops shapes that are nowhere near the view and rounds coordinates to 0.1 px', () => {
		const land = elements(group(svg, 'land'), 'path').map((p) => p['data-id']);
		expect(land).toContain('408');
		expect(land).not.toContain('076');
		// Crimea is far west of this view.
		expect(svg).not.toContain('data-id="crimea"');
		for (const p of elements(svg, 'path'))
			for (const n of (p.d ?? '').match(/-?\d+(\.\d+)?/g) ?? []) expect(n).toMatch(/^-?\d+(\.\d)?$/);
	});

	it('draws shapes unwrapped past 180° in the right world copy, whichever way the centre is written', () => {
		const a = render({ camera: { center: [-178, 62], zoom: 3, bearing: 0 } });
		const b = render({ camera: { center: [182, 62], zoom: 3, bearing: 0 } });
		expect(a).toBe(b);
		expect(elements(group(a, 'land'), 'path').map((p) => p['data-id'])).toContain('643');
	});

	it('escapes hostile text from the data everywhere', () => {
		const hostile = structuredClone(story) as Story;
		hostile.places[0]!.name.de = '<script>alert(1)</script>';
		hostile.places[1]!.name.de = '"><img src=x onerror=alert(1)>';
		hostile.flows[0]!.label.de = "</title><script>alert('x')</script>";
		hostile.title.de = '<svg onload=alert(1)>& Co';
		const out = render({}, hostile);
		expect(xmlWellFormednessErrors(out)).toEqual([]);
		expect(out).not.toContain('<script');
		expect(out).not.toContain('<img');
		expect(out).not.toContain('<svg onload');
		expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(out).toContain('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;');
		expect(out).toContain('&lt;svg onload=alert(1)&gt;&amp; Co');
	});

	it('has header, legend and credits as text, and leaves them out when switched off', () => {
		expect(svg).toContain('>Nordkorea und Russland rücken zusammen</text>');
		expect(svg).toContain('Kartendaten: Natural Earth');
		expect(svg).toContain('id="legend"');
		const bare = render({ options: { header: false, legend: false, credits: false } });
		expect(bare).not.toContain('id="legend"');
		expect(bare).not.toContain('id="credits"');
		expect(bare).not.toMatch(/<text[^>]*>[^<]*Kartendaten/);
		expect(bare).toContain('<clipPath id="nkr-map-clip"><rect x="0" y="0" width="1200" height="800"/>');
	});

	it('scales lines and labels with the pixel ratio, showing the same area', () => {
		const x2 = render({
			width: 2400,
			height: 1600,
			pixelRatio: 2,
			options: { header: false, legend: false, credits: false }
		});
		const x1 = render({ options: { header: false, legend: false, credits: false } });
		const circle = (s: string) => elements(s, 'circle').find((c) => c['data-id'] === 'pyongyang')!;
		expect(Number(circle(x2).cx)).toBeCloseTo(2 * Number(circle(x1).cx), 0);
		expect(Number(circle(x2).r)).toBeCloseTo(2 * Number(circle(x1).r), 5);
	});
});

describe('svg helpers', () => {
	it('splits rgba() into colour and opacity for SVG 1.1', () => {
		expect(svgPaint('rgba(255,255,255,0.92)')).toEqual({ color: '#ffffff', opacity: 0.92 });
		expect(svgPaint('#123456')).toEqual({ color: '#123456', opacity: null });
	});

	it('spreads arrows along a line, pointing along it', () => {
		const anchors = arrowAnchors(
			[
				[0, 0],
				[100, 0],
				[100, 100]
			],
			100
		);
		expect(anchors).toHaveLength(2);
		expect(anchors[0]!.point).toEqual([50, 0]);
		expect(anchors[0]!.angle).toBeCloseTo(0);
		expect(anchors[1]!.point).toEqual([100, 50]);
		expect(anchors[1]!.angle).toBeCloseTo(Math.PI / 2);
		expect(
			arrowAnchors(
				[
					[0, 0],
					[10, 0]
				],
				100
			)
		).toEqual([]);
	});

	it('names what MapLibre placed, where it placed it, when the map says so', () => {
		const box = (minX: number, minY: number, w: number, h: number) => ({
			minX,
			minY,
			maxX: minX + w,
			maxY: minY + h
		});
		const mapLabels = new Map([
			['places-label', new Map([['pyongyang', box(600, 300, 80, 20)]])],
			['story-country-labels', new Map([['156', box(200, 400, 50, 16)]])],
			['flow-labels-cable', new Map([['moscow~pyongyang#label', box(400, 200, 120, 32)]])]
		]);
		const out = render({ mapLabels });
		const names = group(out, 'place-labels-text');
		// Only Pyongyang: MapLibre placed no other city name.
		expect(names).toContain('>Pjöngjang<');
		expect(elements(names, 'text')).toHaveLength(1);
		// Its box is MapLibre's less the 1 px text-padding, in the map rect's px; the line starts at
		// its left edge if the name is right of its dot, else it is centred or ends there.
		const rect = /<clipPath id="[^"]+"><rect x="(\d+)" y="(\d+)"/.exec(out)!;
		const [rx, ry] = [Number(rect[1]), Number(rect[2])];
		const tspan = elements(names, 'tspan')[0]!;
		const x = Number(tspan.x);
		expect([rx + 601, rx + 640, rx + 679]).toContain(x);
		// One line, its 1.2 em box centred on the box's middle; the baseline 0.35 em below it.
		const size = Number(elements(names, 'text')[0]!['font-size']);
		expect(Math.abs(Number(tspan.y) - (ry + 310 + 0.35 * size))).toBeLessThanOrEqual(0.06);
		expect(group(out, 'story-country-labels-text')).toContain('>CHINA<');
		expect(group(out, 'country-labels-text')).not.toContain('<text');
		expect(group(out, 'flow-labels-text')).toContain('Moskau');
	});

	it('draws map and frame in the dark colours when asked, and in the light ones by default', () => {
		const light = render();
		const dark = render({ options: { header: true, legend: true, credits: true, palette: DARK } });
		const fill = (svg: string, id: string) => new RegExp(`id="${id}"[^>]*fill="([^"]+)"`).exec(svg)?.[1];
		expect([fill(light, 'background'), fill(light, 'sea')]).toEqual([LIGHT.frame.background, LIGHT.sea]);
		expect([fill(dark, 'background'), fill(dark, 'sea')]).toEqual([DARK.frame.background, DARK.sea]);
		// Every colour of the map, the lines, the names and the frame changes; none of the light ones is left.
		for (const colour of [
			LIGHT.land,
			LIGHT.kinds.diplomacy,
			LIGHT.placeText,
			LIGHT.frame.title,
			LIGHT.casing
		]) {
			expect(light).toContain(colour);
			expect(dark).not.toContain(colour);
		}
		for (const colour of [DARK.land, DARK.kinds.diplomacy, DARK.placeText, DARK.frame.title, DARK.casing])
			expect(dark).toContain(colour);
		// The legend keys the lines in the colours they are drawn in.
		expect(group(dark, 'legend')).toContain(`stroke="${DARK.kinds.diplomacy}"`);
	});

	it('matches its snapshots (a change shows in review as a diff of tests/unit/__snapshots__/)', async () => {
		await expect(render()).toMatchFileSnapshot('./__snapshots__/export-story.svg');
		const step = story.steps!.length - 1;
		await expect(render({}, story, { ...view, step, lang: 'en' })).toMatchFileSnapshot(
			'./__snapshots__/export-last-step-en.svg'
		);
	});
});
