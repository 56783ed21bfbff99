import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
	CERTAINTIES,
	CERTAINTY_DEFINITIONS,
	CERTAINTY_LABELS,
	FLOW_KINDS,
	isIsoDay,
	isIsoMonth,
	story,
	type Certainty,
	type Coord,
	type Evidence,
	type When
} from '$lib/story';
import { parseStory } from '$lib/story/parse';

/*
 * The built-in story: valid, internally consistent, and every quote is really in the article at
 * the paragraph it names.
 */

// In CI the repo is cloned next to shared/, so this relative path holds there as well.
const ARTICLE_PATH = path.resolve(process.cwd(), '../shared/source/article-de.txt');
const article = existsSync(ARTICLE_PATH) ? readFileSync(ARTICLE_PATH, 'utf8') : null;
/** One paragraph per non-empty line, numbered from 1 (index 0 is paragraph 1). */
const paragraphs =
	article === null
		? []
		: article
				.split(/\r?\n/)
				.map((l) => l.trim())
				.filter((l) => l !== '');

type Located = { where: string; evidence: Evidence };

function allEvidence(): Located[] {
	const out: Located[] = [];
	const add = (prefix: string, list: readonly Evidence[]) =>
		list.forEach((evidence, j) => out.push({ where: `${prefix}.evidence[${j}]`, evidence }));
	story.flows.forEach((f) => add(`flow ${f.id}`, f.evidence));
	story.areas.forEach((a) => add(`area ${a.id}`, a.evidence));
	story.events.forEach((e) => add(`event ${e.id}`, e.evidence));
	story.steps?.forEach((s) => add(`step ${s.id}`, s.evidence));
	return out;
}

function allWhens(): { where: string; when: When }[] {
	return [
		...story.flows.map((f) => ({ where: `flow ${f.id}`, when: f.when })),
		...story.areas.map((a) => ({ where: `area ${a.id}`, when: a.when })),
		...story.events.map((e) => ({ where: `event ${e.id}`, when: e.when }))
	];
}

const words = (s: string) => s.trim().split(/\s+/).length;

describe('built-in story: structure', () => {
	it('passes parseStory', () => {
		const result = parseStory(story);
		if (!result.ok) expect(result.errors).toEqual([]);
		expect(result.ok).toBe(true);
	});

	it('is stored in the order the parser writes, so a saved story is byte for byte the same file', () => {
		const result = parseStory(JSON.parse(JSON.stringify(story)));
		expect(result.ok && JSON.stringify(result.story)).toBe(JSON.stringify(story));
	});

	it('survives a JSON round trip (what a user would download and load again)', () => {
		const result = parseStory(JSON.parse(JSON.stringify(story)));
		expect(result.ok).toBe(true);
	});

	it('has unique ids across places, flows, areas and events, and among sources', () => {
		const ids = [...story.places, ...story.flows, ...story.areas, ...story.events].map((x) => x.id);
		expect(new Set(ids).size).toBe(ids.length);
		const sourceIds = story.sources.map((s) => s.id);
		expect(new Set(sourceIds).size).toBe(sourceIds.length);
	});

	it('only refers to places and sources that exist', () => {
		const places = new Set(story.places.map((p) => p.id));
		const sources = new Set(story.sources.map((s) => s.id));
		for (const f of story.flows) {
			expect(places, `flow ${f.id}.from`).toContain(f.from);
			expect(places, `flow ${f.id}.to`).toContain(f.to);
		}
		for (const e of story.events) expect(places, `event ${e.id}.place`).toContain(e.place);
		for (const { where, evidence } of allEvidence()) expect(sources, where).toContain(evidence.source);
	});

	it('has dates that parse, with end not before start', () => {
		for (const { where, when } of allWhens()) {
			if (when.start !== undefined)
				expect(isIsoDay(when.start) || isIsoMonth(when.start), `${where} start`).toBe(true);
			if (when.end !== undefined) {
				expect(isIsoDay(when.end), `${where} end`).toBe(true);
				expect(when.end >= (when.start ?? ''), `${where} end >= start`).toBe(true);
			}
		}
	});

	it('draws at least one flow of every kind in the legend', () => {
		for (const kind of FLOW_KINDS)
			expect(
				story.flows.some((f) => f.kind === kind),
				kind
			).toBe(true);
	});

	it('defines every certainty level it uses, in both languages', () => {
		const used = new Set<Certainty>([
			...story.flows.map((f) => f.certainty),
			...story.areas.map((a) => a.certainty),
			...story.events.map((e) => e.certainty)
		]);
		for (const level of used) {
			expect(CERTAINTIES).toContain(level);
			for (const lang of ['de', 'en'] as const) {
				expect(CERTAINTY_DEFINITIONS[level][lang].length, `${level} ${lang}`).toBeGreaterThan(10);
				expect(CERTAINTY_LABELS[level][lang].length, `${level} ${lang}`).toBeGreaterThan(0);
			}
		}
		// German and English definitions are translations, not copies.
		for (const level of CERTAINTIES)
			expect(CERTAINTY_DEFINITIONS[level].de).not.toBe(CERTAINTY_DEFINITIONS[level].en);
	});

	it('has exactly the areas whose geometry geo/ builds, and is checked against them', () => {
		// Written by the geo build (npm run assets, part of every build).
		const built = JSON.parse(
			readFileSync(path.resolve(process.cwd(), 'static/data/areas.geojson'), 'utf8')
		) as {
			features: { id?: string; properties?: { id?: string } }[];
		};
		const shapes = new Set(built.features.map((f) => String(f.properties?.id ?? f.id)));
		expect(story.areas.map((a) => a.id).sort()).toEqual([...shapes].sort());
		expect(parseStory(story, shapes).ok).toBe(true);
		const unknown = parseStory({ ...story, areas: [{ ...story.areas[0]!, id: 'atlantis' }] }, shapes);
		expect(unknown.ok).toBe(false);
		if (!unknown.ok)
			expect(unknown.errors[0]).toMatch(/^areas\[0\]\.id: no shape "atlantis" ships with the map/);
		const patrol = story.areas.find((a) => a.id === 'patrol-waters');
		// Both names of the sea, in both languages.
		expect(patrol?.name.de).toMatch(/Japanisches Meer.*Ostmeer/);
		expect(patrol?.name.en).toMatch(/Sea of Japan.*East Sea/);
	});

	it('keeps flow labels short (2 to 4 words) in both languages', () => {
		for (const f of story.flows)
			for (const lang of ['de', 'en'] as const) {
				const n = words(f.label[lang]);
				expect(n >= 2 && n <= 4, `${f.id} label ${lang}: "${f.label[lang]}"`).toBe(true);
			}
	});
});

describe('built-in story: geography', () => {
	const known: Record<string, Coord> = {
		pyongyang: [125.76, 39.04],
		vladivostok: [131.89, 43.12],
		moscow: [37.62, 55.76],
		beijing: [116.41, 39.9],
		sinpo: [128.18, 40.03]
	};

	function km(a: Coord, b: Coord): number {
		const rad = Math.PI / 180;
		const dLat = (b[1] - a[1]) * rad;
		const dLon = (b[0] - a[0]) * rad;
		const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
		return 2 * 6371 * Math.asin(Math.sqrt(h));
	}

	it('places the story cities where they are, in the right country', () => {
		const country: Record<string, string> = {
			pyongyang: '408',
			sinpo: '408',
			vladivostok: '643',
			moscow: '643',
			beijing: '156'
		};
		for (const [id, coord] of Object.entries(known)) {
			const place = story.places.find((p) => p.id === id);
			expect(place, id).toBeDefined();
			expect(km(place!.coord, coord), `${id} distance from reference`).toBeLessThan(15);
			expect(place!.country, id).toBe(country[id]);
		}
	});

	it('says that Sinpo is not named in the article', () => {
		const sinpo = story.places.find((p) => p.id === 'sinpo');
		expect(sinpo?.role).toBe('shipyard');
		expect(sinpo?.note?.en).toMatch(/not named in the article/i);
		expect(sinpo?.note?.de).toMatch(/nicht genannt/i);
	});

	it("routes Kim's train along the rail corridor without jumps", () => {
		const train = story.flows.find((f) => f.id === 'kim-train-to-vladivostok');
		const via = train?.via ?? [];
		expect(via.length).toBeGreaterThanOrEqual(10);
		expect(via.length).toBeLessThanOrEqual(20);
		const line: Coord[] = [known.pyongyang!, ...via, known.vladivostok!];
		for (let i = 1; i < line.length; i++)
			expect(km(line[i - 1]!, line[i]!), `segment ${i}`).toBeLessThan(100);
		// It must cross the border at the Tumen (Tumangang/Khasan), not cut through China.
		expect(via.some((c) => km(c, [130.645, 42.43]) < 5)).toBe(true);
	});
});

describe('built-in story: honesty of certainty', () => {
	const sourceKind = new Map(story.sources.map((s) => [s.id, s.kind]));
	const items = [...story.flows, ...story.areas, ...story.events];

	it("'reported' items rest on the article's own voice or on public record", () => {
		for (const item of items.filter((i) => i.certainty === 'reported'))
			expect(
				item.evidence.some((e) => ['article', 'public-record'].includes(sourceKind.get(e.source) ?? '')),
				item.id
			).toBe(true);
	});

	it("'claimed' items name who claims it (a party or 'unattributed')", () => {
		for (const item of items.filter((i) => i.certainty === 'claimed'))
			expect(
				item.evidence.some((e) => sourceKind.get(e.source) !== 'article'),
				item.id
			).toBe(true);
	});

	it('keeps the certainty the article gives for each key relation', () => {
		const expected: Record<string, Certainty> = {
			'kim-train-to-vladivostok': 'claimed', // "laut südkoreanischen Medien"
			'shoigu-visit': 'reported',
			'shoigu-arms-request': 'claimed', // US National Security Council
			'delegation-to-vladivostok': 'claimed', // Konjunktiv, no source
			'delegation-to-moscow': 'claimed',
			'kn23-missiles': 'possible', // "wären interessant"
			'artillery-tank-shells': 'possible', // "Denkbar"
			'military-technology': 'possible', // "könnte"
			'satellite-programme': 'possible',
			'russian-shipments': 'claimed', // Bremer, "verschicke"
			'food-deals': 'possible',
			workers: 'possible',
			'trade-china-north-korea': 'reported',
			'trade-china-russia': 'reported',
			'recognition-of-annexations': 'reported',
			'china-blessing-pyongyang': 'possible', // "wohl"
			'china-blessing-moscow': 'possible',
			'china-no-condemnation': 'reported',
			'secret-letters': 'claimed' // "sollen"
		};
		const actual = Object.fromEntries(
			story.flows.filter((f) => f.id in expected).map((f) => [f.id, f.certainty])
		);
		expect(actual).toEqual(expected);
	});
});

describe('built-in story: quotes against the article', () => {
	it('finds the article text for the quote checks', () => {
		if (article === null) {
			// Visible in every run, never silently skipped: the checks below cannot run without it.
			console.warn(
				`\n!!! article text not found at ${ARTICLE_PATH}: quote and paragraph checks did NOT run !!!\n`
			);
			return;
		}
		expect(paragraphs.length).toBeGreaterThan(20);
	});

	it('keeps every quote short (<= 120 characters, <= 12 words)', () => {
		for (const { where, evidence } of allEvidence()) {
			if (evidence.quote === undefined) continue;
			expect(evidence.quote.length, where).toBeLessThanOrEqual(120);
			expect(words(evidence.quote), where).toBeLessThanOrEqual(12);
		}
	});

	it('finds every quote verbatim in the paragraph its evidence names', () => {
		if (article === null) return console.warn('quote check did NOT run: article text missing');
		const wrong: string[] = [];
		const publicRecord = new Set(story.sources.filter((s) => s.kind === 'public-record').map((s) => s.id));
		for (const { where, evidence } of allEvidence()) {
			// Public record is not in the article: no paragraph (the schema insists) and no quote.
			if (publicRecord.has(evidence.source)) {
				if (evidence.paragraph !== undefined || evidence.quote !== undefined)
					wrong.push(`${where}: public record cites the article`);
				continue;
			}
			const paragraph = paragraphs[(evidence.paragraph ?? 0) - 1];
			if (paragraph === undefined) {
				wrong.push(`${where}: no paragraph ${evidence.paragraph}`);
				continue;
			}
			if (evidence.quote === undefined) continue;
			if (!article.includes(evidence.quote)) wrong.push(`${where}: not in the article: "${evidence.quote}"`);
			else if (!paragraph.includes(evidence.quote))
				wrong.push(`${where}: not in paragraph ${evidence.paragraph}: "${evidence.quote}"`);
		}
		expect(wrong).toEqual([]);
	});
});
