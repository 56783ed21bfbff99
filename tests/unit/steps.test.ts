import { describe, expect, it } from 'vitest';
import { AREA_KINDS, FLOW_KINDS, presentationOf, story, type Step, type Story } from '$lib/story';
import { parseStory } from '$lib/story/parse';
import { DEFAULT_VIEW, snapshotOf, type ViewFields } from '$lib/state/view.svelte';
import { enterStep, focusOf, stepAt, stepFields, stepFrame } from '$lib/state/steps';
import { snapshotContent } from '$lib/export/content';

/*
 * Story mode: a step is a whole view. Entering it from anywhere gives the same state, so
 * scrolling back never keeps a later step's layers (the storytelling template's known failure).
 */

const steps = story.steps!;
const fresh = (): ViewFields => ({ ...structuredClone({ ...DEFAULT_VIEW }), camera: null });

describe('the built-in story walks the article', () => {
	it('has six steps in the order of the issue: train, submarine, Shoigu, delegation, trade, China', () => {
		expect(steps.map((s) => s.id)).toEqual([
			'train-to-russia',
			'submarine',
			'shoigu-in-july',
			'delegation-in-august',
			'what-might-be-traded',
			'china-blessing'
		]);
	});

	it('parses, steps included, against its own places, flows and areas', () => {
		expect(parseStory(story).ok).toBe(true);
	});

	it('highlights only what the step view shows', () => {
		for (const step of steps) {
			const kinds = step.kinds ?? FLOW_KINDS;
			for (const id of step.highlight ?? []) {
				const flow = story.flows.find((f) => f.id === id);
				if (flow) expect(kinds, `${step.id}: ${id}`).toContain(flow.kind);
				const area = story.areas.find((a) => a.id === id);
				if (area) expect(step.areas ?? AREA_KINDS, `${step.id}: ${id}`).toContain(area.kind);
			}
		}
	});
});

describe('entering a step sets the whole view', () => {
	it("gives the same view whatever came before: the default, another step, the reader's own filters", () => {
		for (let i = 0; i < steps.length; i++) {
			const results = [null, ...steps.keys()].map((from) => {
				const view = fresh();
				enterStep(view, story, from);
				view.kinds = ['letters'];
				view.selectedId = 'moscow';
				view.showBorders = false;
				enterStep(view, story, i);
				return snapshotOf(view);
			});
			for (const r of results) expect(r).toEqual(results[0]);
			expect(results[0]!.step).toBe(i);
			expect(results[0]!.selectedId).toBeNull();
			expect(results[0]!.showBorders).toBe(true);
		}
	});

	it('fills what a step leaves out with the map defaults', () => {
		const bare: Step = { id: 'bare', title: story.title, text: story.title, evidence: steps[0]!.evidence };
		expect(stepFields(bare)).toEqual(stepFields(null));
		expect(stepFields(null)).toMatchObject({
			kinds: DEFAULT_VIEW.kinds,
			certainty: DEFAULT_VIEW.certainty,
			until: DEFAULT_VIEW.until,
			showPatrolWaters: true,
			showRegions: true
		});
	});

	it('switches areas by kind: the submarine step shows the patrol waters and no regions', () => {
		expect(stepFields(steps[1]!)).toMatchObject({ kinds: [], showPatrolWaters: true, showRegions: false });
		expect(stepFields(steps[2]!)).toMatchObject({ until: '2023-07', showPatrolWaters: false });
	});

	it('keeps kinds in legend order whatever the file says', () => {
		const step: Step = { ...steps[0]!, kinds: ['trade', 'arms'] };
		expect(stepFields(step).kinds).toEqual(['arms', 'trade']);
	});

	it('leaves story mode for null and for a step the story does not have', () => {
		const view = fresh();
		enterStep(view, story, 2);
		enterStep(view, story, 99);
		expect(view.step).toBeNull();
		expect(view.kinds).toEqual([...FLOW_KINDS]);
		expect(stepAt(story, null)).toBeNull();
		expect(stepAt({ steps: undefined }, 0)).toBeNull();
	});
});

describe('camera and focus of a step', () => {
	const shown = presentationOf(story);

	it('frames each layout with its own bounds; the phone falls back to the step, then the story', () => {
		const s = steps[0]!;
		expect(stepFrame(s, shown, 1280)).toEqual([s.frame!.slice(0, 2), s.frame!.slice(2)]);
		expect(stepFrame(s, shown, 390)).toEqual([s.framePhone!.slice(0, 2), s.framePhone!.slice(2)]);
		const desktopOnly: Step = { ...s, framePhone: undefined };
		expect(stepFrame(desktopOnly, shown, 390)).toEqual(stepFrame(s, shown, 1280));
		expect(stepFrame(null, shown, 390)).toEqual(shown.framePhone);
		expect(stepFrame(null, shown, 1280)).toEqual(shown.frame);
	});

	it("points at the reader's selection first, else at the step's highlights", () => {
		expect(focusOf(null, steps[4]!)).toEqual(['moscow~pyongyang']);
		expect(focusOf('beijing', steps[4]!)).toEqual(['beijing']);
		expect(focusOf(null, null)).toEqual([]);
	});
});

describe('a step in the story file', () => {
	const withSteps = (list: unknown): unknown => ({ ...structuredClone(story), steps: list });
	const errorsOf = (input: unknown) => {
		const r = parseStory(input);
		return r.ok ? [] : r.errors;
	};
	const base = () => structuredClone(steps[0]!) as Step & Record<string, unknown>;

	it('names the unknown id a step highlights', () => {
		expect(errorsOf(withSteps([{ ...base(), highlight: ['pyongyang', 'nowhere'] }]))).toEqual([
			'steps[0].highlight[1]: unknown id "nowhere" (not a place, flow, area, event or relation)'
		]);
	});

	it('accepts a relation as a highlight, in either order of its places', () => {
		expect(errorsOf(withSteps([{ ...base(), highlight: ['moscow~pyongyang'] }]))).toEqual([]);
		expect(errorsOf(withSteps([{ ...base(), highlight: ['pyongyang~moscow'] }]))).toHaveLength(1);
	});

	it('rejects duplicate step ids, repeated kinds, bad months, unknown sources and unknown keys', () => {
		expect(errorsOf(withSteps([base(), base()]))).toEqual(['steps[1].id: duplicate id "train-to-russia"']);
		expect(errorsOf(withSteps([{ ...base(), kinds: ['arms', 'arms'] }]))).toEqual([
			'steps[0].kinds: lists a word twice'
		]);
		expect(errorsOf(withSteps([{ ...base(), until: '2023-13' }]))).toEqual([
			'steps[0].until: must be a day YYYY-MM-DD or a month YYYY-MM'
		]);
		expect(errorsOf(withSteps([{ ...base(), evidence: [{ source: 'nobody', paragraph: 1 }] }]))).toEqual([
			'steps[0].evidence[0].source: unknown source "nobody"'
		]);
		expect(errorsOf(withSteps([{ ...base(), camera: 3 }]))).toEqual(['steps[0]: unknown key "camera"']);
		expect(errorsOf(withSteps([]))).toHaveLength(1);
	});

	it('lets a story have no steps: it opens as a map to explore', () => {
		const s: Story = structuredClone(story);
		delete s.steps;
		expect(parseStory(s).ok).toBe(true);
	});
});

describe('exporting a step', () => {
	it("heads the export with the step's title and the story's beneath it", () => {
		const view = fresh();
		view.lang = 'en';
		enterStep(view, story, 3);
		const content = snapshotContent(story, snapshotOf(view), new Date(Date.UTC(2026, 11, 1)));
		expect(content.title).toBe(steps[3]!.title.en);
		expect(content.subtitle).toBe(story.title.en);
		enterStep(view, story, null);
		expect(snapshotContent(story, snapshotOf(view), new Date()).title).toBe(story.title.en);
	});
});
