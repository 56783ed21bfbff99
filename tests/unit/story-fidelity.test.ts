import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import DetailsPanel from '../../src/lib/components/DetailsPanel.svelte';
import { creditLine, presentationOf, story, type Evidence, type Lang } from '$lib/story';
import { resolveSelection } from '$lib/state/selection';
import { relationsOf } from '$lib/story/relations';

/*
 * The built-in story says no more than the article: every hedge the quotes carry survives in the
 * words the reader sees, directions mean what they show, and outside facts say where they come
 * from. Each test here was written against a defect found in a line-by-line fact-check.
 */

const items = [...story.flows, ...story.areas, ...story.events];
const sourceKind = new Map(story.sources.map((s) => [s.id, s.kind]));
const byId = (id: string) => items.find((i) => i.id === id)!;
const quotes = (evidence: readonly Evidence[]) => evidence.map((e) => e.quote ?? '').join(' | ');

/**
 * German hedge words of the article, and how a summary must carry each: in German the same
 * word; in English one of the usual renderings.
 */
const HEDGES: { word: RegExp; de: RegExp; en: RegExp }[] = [
	{ word: /\bsoll(en)?\b/, de: /\bsoll(en|te|ten)?\b/, en: /\b(said to|reportedly|is to|are to)\b/ },
	{ word: /\bkönnte(n)?\b/, de: /\bkönnte(n)?\b/, en: /\b(could|might)\b/ },
	{ word: /\bwohl\b/, de: /\bwohl\b/, en: /\bprobably\b/ },
	{ word: /\bderzeit\b/, de: /\bderzeit\b/, en: /\b(currently|at present)\b/ },
	{ word: /\bDenkbar\b|\bdenkbar\b/, de: /\bdenkbar\b/, en: /\bconceivable\b/ },
	{ word: /alles andere als sicher/, de: /alles andere als sicher/, en: /far from certain/ },
	{ word: /eher klein ausfallen/, de: /eher klein ausfallen/, en: /rather small/ }
];

describe('built-in story: hedges survive', () => {
	it('carries every hedge of its quotes into the summary, in both languages', () => {
		const dropped: string[] = [];
		for (const item of items) {
			const q = quotes(item.evidence);
			for (const h of HEDGES) {
				if (!h.word.test(q)) continue;
				for (const lang of ['de', 'en'] as Lang[])
					if (!h[lang].test(item.summary[lang])) dropped.push(`${item.id} ${lang}: ${h.word}`);
			}
		}
		expect(dropped).toEqual([]);
	});

	it('carries every hedge of its quotes into each story step, in both languages', () => {
		expect(story.steps?.length).toBeGreaterThanOrEqual(6);
		const dropped: string[] = [];
		for (const step of story.steps ?? []) {
			const q = quotes(step.evidence);
			for (const h of HEDGES) {
				if (!h.word.test(q)) continue;
				for (const lang of ['de', 'en'] as Lang[])
					if (!h[lang].test(step.text[lang])) dropped.push(`step ${step.id} ${lang}: ${h.word}`);
			}
		}
		expect(dropped).toEqual([]);
	});

	it('marks what a step takes from outside the article as public record, in its words and its evidence', () => {
		for (const step of story.steps ?? []) {
			const saysPublic = /öffentlich dokumentiert/i.test(step.text.de);
			expect(/public record/i.test(step.text.en), step.id).toBe(saysPublic);
			expect(
				step.evidence.some((e) => sourceKind.get(e.source) === 'public-record'),
				step.id
			).toBe(saysPublic);
		}
	});

	it("gives every possible deal the article's two caveats (para. 21 and 23)", () => {
		const deals = story.flows.filter(
			(f) => f.certainty === 'possible' && ['arms', 'technology', 'food', 'labour'].includes(f.kind)
		);
		expect(deals.map((f) => f.id).sort()).toEqual(
			[
				'artillery-tank-shells',
				'food-deals',
				'kn23-missiles',
				'military-technology',
				'satellite-programme',
				'workers'
			].sort()
		);
		for (const deal of deals) {
			expect(
				deal.evidence.map((e) => e.paragraph),
				deal.id
			).toEqual(expect.arrayContaining([21, 23]));
			expect(deal.summary.de, deal.id).toContain('alles andere als sicher');
		}
	});

	it('attributes the rationing of shells to Russian officers, and "Soviet-era" to the tanks', () => {
		const shells = byId('artillery-tank-shells');
		const rationing = shells.evidence.find((e) => e.quote?.includes('rationiert'));
		expect(rationing && sourceKind.get(rationing.source)).not.toBe('article');
		expect(shells.summary.de).toContain('Russische Militärs beklagen');
		expect(shells.summary.en).toMatch(/Soviet-era tanks/);
		expect(shells.summary.en).not.toMatch(/Soviet-era artillery/);
	});

	it('quotes no typo of the article as if it were the text (para. 11 "Schoigus")', () => {
		for (const item of items) expect(quotes(item.evidence), item.id).not.toContain('Schoigus');
	});
});

describe('built-in story: what lines and areas show', () => {
	it('draws no arms flow towards North Korea: the article names arms only as its supplies', () => {
		const arms = story.flows.filter((f) => f.kind === 'arms');
		expect(arms.length).toBeGreaterThan(0);
		for (const f of arms) expect(`${f.id}: ${f.from} -> ${f.to}`).toBe(`${f.id}: pyongyang -> moscow`);
	});

	it("models Shoigu's request as diplomacy by Moscow, still only claimed", () => {
		const request = story.flows.find((f) => f.id === 'shoigu-arms-request')!;
		expect([request.kind, request.from, request.to, request.certainty]).toEqual([
			'diplomacy',
			'moscow',
			'pyongyang',
			'claimed'
		]);
	});

	it('dates the patrol area by its announcement, as a plan, not as patrols under way', () => {
		const patrol = story.areas.find((a) => a.id === 'patrol-waters')!;
		expect(patrol.when.precision).not.toBe('since');
		expect(patrol.when.note?.en).toMatch(/plan, not patrols/);
		const names = presentationOf(story).areaKindNames;
		expect(names['patrol-waters'].en).toMatch(/planned/i);
		expect(names['patrol-waters'].de).toMatch(/geplant/i);
		expect(names['recognised-region'].en).toMatch(/by North Korea/);
		expect(story.presentation?.deck?.en).not.toMatch(/Vladivostok/);
	});

	it('says what every drawn area stands for', () => {
		for (const area of story.areas)
			for (const lang of ['de', 'en'] as Lang[])
				expect(area.note?.[lang].length ?? 0, area.id).toBeGreaterThan(40);
	});
});

describe('built-in story: public record beside the article', () => {
	it('holds the meeting at Vostochny on 13 Sept 2023 as public record', () => {
		const meeting = story.events.find((e) => e.place === 'vostochny');
		expect(meeting?.when.start).toBe('2023-09-13');
		expect(meeting?.evidence.some((e) => sourceKind.get(e.source) === 'public-record')).toBe(true);
		const vostochny = story.places.find((p) => p.id === 'vostochny');
		expect(vostochny?.note?.en).toMatch(/Not named in the article/);
	});

	it("says where the train line's destination comes from, and where the train really went", () => {
		const train = story.flows.find((f) => f.id === 'kim-train-to-vladivostok')!;
		expect(train.to).toBe('vladivostok'); // the article's framing stays
		expect(train.summary.en).toMatch(/as the article does/);
		expect(train.summary.en).toMatch(/Vostochny/);
		expect(train.evidence.some((e) => sourceKind.get(e.source) === 'public-record')).toBe(true);
	});

	it("calls the submarine nuclear-armed, not nuclear-powered, beside the article's word", () => {
		const sub = story.events.find((e) => e.id === 'submarine-unveiling')!;
		expect(sub.summary.en).toMatch(/nuclear-armed, not nuclear-powered/);
		expect(sub.summary.de).toContain('Atom-U-Boot');
	});

	it('never cites an article paragraph for public record', () => {
		for (const item of items)
			for (const e of item.evidence)
				if (sourceKind.get(e.source) === 'public-record') expect(e.paragraph, item.id).toBeUndefined();
	});
});

describe('details panel: every note is shown', () => {
	const panel = (id: string, lang: Lang = 'en') => {
		const selection = resolveSelection(story, id, relationsOf(story.flows));
		if (!selection) throw new Error(`no selection for ${id}`);
		return render(DetailsPanel, {
			props: { selection, story, lang, shown: new Set(story.flows.map((f) => f.id)), onselect: () => {} }
		}).body;
	};
	const text = (html: string) =>
		html
			// A <bdi> (the isolate around a story string, i18n/bidi.ts) is inline: no space of its own.
			.replace(/<\/?bdi>/g, '')
			.replace(/<[^>]+>/g, ' ')
			.replace(/&#39;/g, "'")
			.replace(/&quot;/g, '"');

	it("shows a place's note (Sinpo is not named in the article)", () => {
		const sinpo = story.places.find((p) => p.id === 'sinpo')!;
		expect(text(panel('sinpo'))).toContain(sinpo.note!.en);
	});

	it("shows an area's note and its date note", () => {
		for (const area of story.areas) {
			const html = text(panel(area.id, 'de'));
			expect(html, area.id).toContain(area.note!.de);
			if (area.when.note) expect(html, area.id).toContain(area.when.note.de);
		}
	});

	it('names the publisher from the story and no paragraph for public record', () => {
		const html = text(panel('kim-putin-meeting'));
		expect(html).toContain('Public record');
		expect(html).toContain(`${story.article.publisher}, paragraph 2`);
		expect(html.match(/paragraph \d+/g)).toHaveLength(1);
	});
});

describe('credits', () => {
	it('credit the article from the story and the map data, in both languages', () => {
		expect(creditLine(story, 'de')).toBe(
			'Artikel: ZDFheute, Elisabeth Schmidt, September 2023 · Kartendaten: Natural Earth (gemeinfrei)'
		);
		expect(creditLine({ ...story, article: { ...story.article, publisher: 'Example Post' } }, 'en')).toMatch(
			/^Article: Example Post, Elisabeth Schmidt, September 2023 · Map data: Natural Earth/
		);
	});
});
