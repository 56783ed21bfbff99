import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupInOrder, LIST_LIMIT } from '../../src/lib/components/lists';
import { FLOW_KINDS } from '../../src/lib/story';
import { syntheticStoryFile } from '../bench/synthetic';
import { startSite, type Site } from '../support/site';

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

// Enough flows that every kind's list folds, few enough that SwiftShader draws them quickly.
const { story, json } = syntheticStoryFile({ flows: 600 });
const groups = groupInOrder(story.flows, (f) => f.kind, FLOW_KINDS);

describe('long lists', () => {
	it('fold, grow from the keyboard with focus on the first new row, and keep the selection', async () => {
		const { page, log } = await site.open({ locale: 'en-US' });
		await page.getByRole('button', { name: 'Open story' }).click();
		await page.getByTestId('story-file').setInputFiles({
			name: 'long.json',
			mimeType: 'application/json',
			buffer: Buffer.from(json)
		});
		await expect.poll(() => page.getByTestId('story-status').textContent()).toContain('Loaded');
		await page.keyboard.press('Escape');
		await expect.poll(() => page.locator('[data-flow-id]').count()).toBe(groups.length * LIST_LIMIT);

		const visits = groups.find((g) => g.key === 'visit')!.items;
		expect(visits.length).toBeGreaterThan(LIST_LIMIT);
		expect(visits.length).toBeLessThan(LIST_LIMIT + 100);
		await page.getByRole('button', { name: `Show the remaining ${visits.length - LIST_LIMIT}` }).focus();
		await page.keyboard.press('Enter');
		await expect
			.poll(() => page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.flowId))
			.toBe(visits[LIST_LIMIT]!.id);
		await expect(page.locator(`[data-flow-id="${visits.at(-1)!.id}"]`).count()).resolves.toBe(1);

		// A flow far down its folded list, chosen elsewhere (a place's details), is in the list too.
		const arms = groups.find((g) => g.key === 'arms')!.items;
		const listedPlaces = new Set(story.places.slice(0, LIST_LIMIT).map((p) => p.id));
		const flowsAt = (id: string) => story.flows.filter((f) => f.from === id || f.to === id);
		const far = arms
			.slice(LIST_LIMIT)
			.reverse()
			.find((f) => listedPlaces.has(f.from) && flowsAt(f.from).slice(0, LIST_LIMIT).includes(f))!;
		expect(far).toBeDefined();
		await page.locator(`[data-place-id="${far.from}"]`).click();
		await page.getByTestId('details').locator('.links button', { hasText: far.label.en }).first().click();
		await expect(page.locator(`[data-flow-id="${far.id}"][aria-current="true"]`).count()).resolves.toBe(1);
		expect(log.errors).toEqual([]);
	});
});
