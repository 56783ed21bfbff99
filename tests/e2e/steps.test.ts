import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, type Site } from '../support/site';
import { axe, serious } from '../support/axe';
import { settled, type MapWindow } from '../support/map';
import { FLOW_KINDS, presentationOf, story, type Lang } from '../../src/lib/story';
import { laneFeatureId, laneLevels, relationsOf } from '../../src/lib/story/relations';
import { exportLaneStyle } from '../../src/lib/map/featureStates';
import { focusOf, stepFields, stepFrame } from '../../src/lib/state/steps';
import { DEFAULT_VIEW, snapshotOf } from '../../src/lib/state/view.svelte';
import { isFlowVisible } from '../../src/lib/state/visibility';

/*
 * Story mode, walked as a reader walks it: every step forward and back, by keys on a desktop and
 * by buttons and swipes on a phone, each time compared with what the step itself says the map
 * shows (the lanes drawn and dimmed, the switches, the URL, the camera, where focus is).
 */

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const steps = story.steps!;
const relations = relationsOf(story.flows);
const shown = presentationOf(story);
const LANE_FEATURES = relations.relations.flatMap((r) =>
	r.lanes.flatMap((l) => laneLevels(l).map((c) => laneFeatureId(l.id, c)))
);

/** What step i shows, worked out in Node from the story file alone. */
function expectedOf(i: number) {
	const step = steps[i]!;
	const view = snapshotOf({ ...DEFAULT_VIEW, ...stepFields(step), step: i });
	const flows = story.flows.filter((f) => isFlowVisible(f, view));
	const lanes = exportLaneStyle(relations, flows, focusOf(null, step));
	return {
		view,
		drawn: lanes.shown.filter((id) => !id.endsWith('#label')).sort(),
		dimmed: [...lanes.dimmed].sort()
	};
}

/** What the page shows now: the stepper, the switches, the map's lanes, the URL and the camera. */
async function shownState(page: Page) {
	await settled(page);
	await page.evaluate('globalThis.__name ??= (f) => f');
	return page.evaluate((ids) => {
		const map = (window as unknown as MapWindow).__map;
		const states = ids.map((id) => ({ id, s: map.getFeatureState({ source: 'flows', id }) }));
		const b = map.getBounds();
		const checked = (name: string) =>
			[...document.querySelectorAll<HTMLInputElement>(`input[name="${name}"]`)]
				.filter((i) => i.checked)
				.map((i) => i.value);
		return {
			step: document.querySelector('[data-testid="stepper"]')?.getAttribute('data-step') ?? null,
			title: document.querySelector('[data-testid="step-title"]')?.textContent ?? null,
			focused: document.activeElement?.getAttribute('data-testid') ?? null,
			drawn: states
				.filter((x) => !x.s.hidden)
				.map((x) => x.id)
				.sort(),
			dimmed: states
				.filter((x) => !x.s.hidden && x.s.dim)
				.map((x) => x.id)
				.sort(),
			kinds: checked('kind'),
			certainty: checked('certainty')[0] ?? null,
			patrol: document.querySelector<HTMLInputElement>('input[name="showPatrolWaters"]')?.checked ?? null,
			regions: document.querySelector<HTMLInputElement>('input[name="showRegions"]')?.checked ?? null,
			search: location.search,
			bounds: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] as [number, number, number, number]
		};
	}, LANE_FEATURES);
}

/** Whether map bounds [w, s, e, n] show all of a frame (to a hair: fitting rounds). */
function holds([bw, bs, be, bn]: readonly number[], [[w, s], [e, n]]: [[number, number], [number, number]]) {
	const slack = 0.05;
	return bw! <= w + slack && bs! <= s + slack && be! >= e - slack && bn! >= n - slack;
}

/** Checks the page against step i: state, URL (nothing but the step and the camera), camera. */
async function expectStep(page: Page, i: number, lang: Lang, width: number, where: string) {
	const want = expectedOf(i);
	const got = await shownState(page);
	const at = `${where}, step ${i + 1}`;
	expect(got.step, at).toBe(String(i));
	expect(got.title, at).toBe(steps[i]!.title[lang]);
	expect(got.drawn, `${at}: lanes drawn`).toEqual(want.drawn);
	expect(got.dimmed, `${at}: lanes dimmed`).toEqual(want.dimmed);
	expect(got.kinds, at).toEqual(FLOW_KINDS.filter((k) => want.view.kinds.includes(k)));
	expect(got.certainty, at).toBe(want.view.certainty);
	expect(got.patrol, at).toBe(want.view.showPatrolWaters);
	expect(got.regions, at).toBe(want.view.showRegions);
	// The step's own view is the URL's default: only the language, the step and the camera.
	const params = new URLSearchParams(got.search);
	expect(params.get('step'), at).toBe(String(i + 1));
	expect(
		[...params.keys()].filter((k) => !['lang', 'step', 'map'].includes(k)),
		at
	).toEqual([]);
	// The camera shows the whole of the step's frame.
	expect(holds(got.bounds, stepFrame(steps[i]!, shown, width)), `${at}: ${got.bounds}`).toBe(true);
	return got;
}

describe('story mode', () => {
	it('walks every step forward and back by keyboard on a desktop, focus on each step, one history entry per step', async () => {
		const { page } = await site.open({
			viewport: { width: 1280, height: 800 },
			path: '?lang=en',
			locale: 'en-US'
		});
		const historyBefore = await page.evaluate(() => history.length);
		await page.getByRole('button', { name: 'Start the story' }).click();
		await expectStep(page, 0, 'en', 1280, 'desktop, start');
		for (let i = 1; i < steps.length; i++) {
			await page.keyboard.press(i % 2 ? 'ArrowRight' : 'PageDown');
			const got = await expectStep(page, i, 'en', 1280, 'desktop, forward');
			expect(got.focused, 'focus on the step title').toBe('step-title');
		}
		// Past the last step the keys do nothing; "Explore the map" hands the map over.
		await page.keyboard.press('ArrowRight');
		await expectStep(page, steps.length - 1, 'en', 1280, 'desktop, past the end');
		expect(await page.evaluate(() => history.length)).toBe(historyBefore + steps.length);
		for (let i = steps.length - 2; i >= 0; i--) {
			await page.keyboard.press(i % 2 ? 'ArrowLeft' : 'PageUp');
			await expectStep(page, i, 'en', 1280, 'desktop, back');
		}
		// The browser's back button steps back too: one entry per step, and the start was one.
		await page.keyboard.press('ArrowRight');
		await expectStep(page, 1, 'en', 1280, 'desktop, forward again');
		await page.goBack();
		await expectStep(page, 0, 'en', 1280, 'desktop, history back');
	});

	it('walks every step forward and back by buttons on a phone, and turns the page with a swipe', async () => {
		const { page } = await site.open({ viewport: { width: 390, height: 844 } });
		await page.getByRole('button', { name: 'Geschichte starten' }).click();
		await expectStep(page, 0, 'de', 390, 'phone, start');
		for (let i = 1; i < steps.length; i++) {
			await page.getByRole('button', { name: 'Weiter' }).click();
			await expectStep(page, i, 'de', 390, 'phone, forward');
		}
		for (let i = steps.length - 2; i >= 0; i--) {
			await page.getByRole('button', { name: 'Zurück' }).click();
			await expectStep(page, i, 'de', 390, 'phone, back');
		}
		// The card never covers the map: it sits in the sheet below it.
		const map = (await page.getByTestId('map').boundingBox())!;
		const card = (await page.getByTestId('stepper').boundingBox())!;
		expect(card.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
		// A swipe to the left is "next", as on any phone.
		await page.getByTestId('step-text').evaluate((el) => {
			const at = (type: string, x: number) =>
				el.dispatchEvent(
					new PointerEvent(type, {
						bubbles: true,
						pointerType: 'touch',
						isPrimary: true,
						pointerId: 7,
						clientX: x,
						clientY: 600
					})
				);
			at('pointerdown', 300);
			at('pointerup', 120);
		});
		await expectStep(page, 1, 'de', 390, 'phone, swiped');
	});

	it('opens a deep link to step 4 at that step, and "explore" hands over the whole map', async () => {
		const { page } = await site.open({ viewport: { width: 960, height: 640 }, path: '?step=4&lang=en' });
		const got = await expectStep(page, 3, 'en', 960, 'deep link');
		expect(got.kinds).toEqual(['visit']);
		await expect(page.getByTestId('timeline').locator('.state').textContent()).resolves.toBe(
			'Up to August 2023'
		);
		// Leaving the story returns every switch to the map's default and the URL to its plain form.
		await page.getByRole('button', { name: 'Leave the story' }).click();
		const left = await shownState(page);
		expect(left.step).toBe('');
		expect(left.kinds).toEqual([...FLOW_KINDS]);
		expect(left.dimmed).toEqual([]);
		expect(new URLSearchParams(left.search).has('step')).toBe(false);
		await expect(page.getByRole('button', { name: 'Start the story' }).isVisible()).resolves.toBe(true);
	});

	it('flies between steps, and jumps without a single in-between frame under reduced motion', async () => {
		const target = stepFrame(steps[2]!, shown, 960);
		/** The map's bounds at every camera move from step 1 to step 3. */
		const framesOfStep = async (reduce: boolean) => {
			const { page } = await site.open({ path: '?step=1&lang=en', locale: 'en-US' });
			await page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
			await settled(page);
			await page.evaluate(() => {
				const w = window as unknown as MapWindow & { __frames: number[][] };
				w.__frames = [];
				w.__map.on('move', () => {
					const b = w.__map.getBounds();
					w.__frames.push([b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]);
				});
			});
			// Step 1 (the Russian Far East) to step 3 (Moscow to Pyongyang): a long way.
			await page.getByRole('button', { name: /^Step 3:/ }).click();
			await settled(page);
			return page.evaluate(() => (window as unknown as { __frames: number[][] }).__frames);
		};
		const flown = await framesOfStep(false);
		expect(flown.length).toBeGreaterThan(2);
		expect(flown.filter((b) => !holds(b, target)).length, 'frames on the way').toBeGreaterThan(0);
		expect(holds(flown.at(-1)!, target)).toBe(true);
		// Under reduced motion every frame drawn already shows the whole step (a refit for the new
		// legend may add one): there is no frame on the way.
		const jumped = await framesOfStep(true);
		expect(jumped.length).toBeGreaterThanOrEqual(1);
		expect(jumped.length).toBeLessThanOrEqual(3);
		expect(jumped.filter((b) => !holds(b, target))).toEqual([]);
	});

	it('has no serious or critical axe findings in story mode, on desktop and phone', async () => {
		const desktop = await site.open({ viewport: { width: 1280, height: 800 }, path: '?step=3' });
		expect(serious(await axe(desktop.page)), 'desktop, step 3').toEqual([]);
		await desktop.page.locator('summary', { hasText: 'Belege' }).click();
		expect(serious(await axe(desktop.page)), 'desktop, step 3, evidence open').toEqual([]);
		const phone = await site.open({ viewport: { width: 390, height: 844 }, path: '?step=2&lang=en' });
		expect(serious(await axe(phone.page)), 'phone, step 2').toEqual([]);
	});
});
