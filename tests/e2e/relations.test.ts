import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { startSite, type Site } from '../support/site';
import { settled, type MapWindow } from '../support/map';
import { story } from '../../src/lib/story';
import { laneFeatureId, laneLevels, relationId, relationsOf } from '../../src/lib/story/relations';

/*
 * Relations on the map: a click on a cable opens every claim between its two places, grouped by
 * kind and direction, each selectable; a click where cables meet asks which one; a selected
 * claim stands out at its own certainty while every other lane steps back.
 */

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

const relations = relationsOf(story.flows);
const MP = relationId('moscow', 'pyongyang');
/** Every lane feature the map holds: each lane at each level among its claims. */
const LANE_FEATURES = relations.relations.flatMap((r) =>
	r.lanes.flatMap((l) => laneLevels(l).map((c) => laneFeatureId(l.id, c)))
);

/**
 * A screen point (page coordinates) where a click's hit box meets lanes of exactly these
 * relations and no place: searched on a grid with MapLibre's own hit test.
 */
async function pointHitting(page: Page, wanted: string[]): Promise<{ x: number; y: number } | null> {
	await page.evaluate('globalThis.__name ??= (f) => f');
	return page.evaluate((wanted) => {
		const map = (window as unknown as MapWindow).__map;
		const rect = map.getCanvas().getBoundingClientRect();
		const pad = 6;
		for (let y = 20; y < rect.height - 20; y += 4)
			for (let x = 20; x < rect.width - 20; x += 4) {
				const hits = map.queryRenderedFeatures(
					[
						[x - pad, y - pad],
						[x + pad, y + pad]
					],
					{ layers: ['flows-reported', 'flows-claimed', 'flows-possible', 'places-circle'] }
				);
				if (hits.some((h) => h.source === 'places')) continue;
				const rel = [
					...new Set(hits.filter((h) => !h.state?.hidden).map((h) => String(h.properties.relation)))
				];
				if (rel.length === wanted.length && wanted.every((w) => rel.includes(w)))
					return { x: x + rect.left, y: y + rect.top };
			}
		return null;
	}, wanted);
}

async function laneStates(
	page: Page
): Promise<Record<string, { hidden?: boolean; dim?: boolean; active?: boolean }>> {
	return page.evaluate((ids) => {
		const map = (window as unknown as MapWindow).__map;
		return Object.fromEntries(ids.map((id) => [id, map.getFeatureState({ source: 'flows', id })]));
	}, LANE_FEATURES);
}

describe('relations on the map', () => {
	it('opens a relation with a click on its cable: every claim, by kind and direction, each selectable', async () => {
		const { page } = await site.open({
			viewport: { width: 1280, height: 800 },
			path: '?lang=en',
			locale: 'en-US'
		});
		await settled(page);
		const p = await pointHitting(page, [MP]);
		expect(p, 'a point on the Moscow–Pyongyang cable alone').not.toBeNull();
		await page.mouse.click(p!.x, p!.y);
		const details = page.getByTestId('details');
		await expect(details.locator('h2').textContent()).resolves.toBe('Moscow – Pyongyang');
		const mp = relations.byId.get(MP)!;
		await expect.poll(() => details.getByTestId('relation-lane').count()).toBe(mp.lanes.length);
		const claims = details.getByTestId('relation-lane').locator('button');
		await expect(claims.count()).resolves.toBe(mp.flows.length);
		// Each claim names its own certainty.
		for (const flow of mp.flows) {
			const button = claims.filter({ hasText: flow.label.en }).first();
			await expect(button.textContent()).resolves.toContain(
				{ reported: 'reported', claimed: 'claimed', possible: 'possible' }[flow.certainty]
			);
		}
		expect(new URL(page.url()).searchParams.get('sel')).toBe(MP);

		// While the relation is open, its lanes are lit and every other lane steps back.
		await settled(page);
		let states = await laneStates(page);
		for (const lane of mp.lanes) {
			const shown = Object.entries(states).find(([id, s]) => id.startsWith(`${lane.id}#`) && !s.hidden);
			expect(shown?.[1].active, lane.id).toBe(true);
		}
		const trade = relations.laneOf.get('trade-china-north-korea')!;
		expect(states[laneFeatureId(trade.id, 'reported')]?.dim).toBe(true);

		// Choosing a possible claim draws its lane at its own certainty (its lane-mate is claimed).
		await claims.filter({ hasText: story.flows.find((f) => f.id === 'food-deals')!.label.en }).click();
		await expect(details.locator('h2').textContent()).resolves.toBe(
			story.flows.find((f) => f.id === 'food-deals')!.label.en
		);
		await settled(page);
		states = await laneStates(page);
		const food = relations.laneOf.get('food-deals')!;
		expect(states[laneFeatureId(food.id, 'possible')]).toMatchObject({ active: true });
		expect(states[laneFeatureId(food.id, 'possible')]?.hidden).toBeFalsy();
		expect(states[laneFeatureId(food.id, 'claimed')]?.hidden).toBe(true);
		const others = mp.lanes.filter((l) => l.id !== food.id);
		for (const lane of others) {
			const [id] = Object.entries(states).find(([id, s]) => id.startsWith(`${lane.id}#`) && !s.hidden)!;
			expect(states[id]?.dim, id).toBe(true);
		}
		// Closing the details brings every lane back.
		await details.getByRole('button', { name: 'Close' }).click();
		await settled(page);
		states = await laneStates(page);
		expect(Object.values(states).some((s) => s.dim)).toBe(false);
	});

	it('asks which relation is meant when a click meets two cables', async () => {
		const { page } = await site.open({
			viewport: { width: 1280, height: 800 },
			path: '?lang=en',
			locale: 'en-US'
		});
		await settled(page);
		const BP = relationId('beijing', 'pyongyang');
		const p = await pointHitting(page, [MP, BP]);
		expect(p, 'a point where the Moscow and Beijing cables meet').not.toBeNull();
		await page.mouse.click(p!.x, p!.y);
		const choice = page.getByTestId('relation-choice');
		// Wait for the choice to render: poll, do not sample.
		await expect.poll(() => choice.locator('button').count()).toBe(2);
		// Nothing was picked for the reader.
		expect(new URL(page.url()).searchParams.get('sel')).toBeNull();
		await choice.getByRole('button', { name: /Beijing – Pyongyang/ }).click();
		await expect(page.getByTestId('details').locator('h2').textContent()).resolves.toBe(
			'Beijing – Pyongyang'
		);
	});
});
