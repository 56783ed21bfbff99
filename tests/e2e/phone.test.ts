import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/site';

/* On a phone the map keeps most of the first screen, and the key can be folded away. */

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

describe('on a 390x844 phone', () => {
	it('gives the map at least 60% of the first screen, under a compact header', async () => {
		const { page } = await site.open({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
		const map = await page.getByTestId('map').boundingBox();
		const header = await page.locator('header.masthead').boundingBox();
		expect(map).not.toBeNull();
		expect(map!.height / 844).toBeGreaterThanOrEqual(0.6);
		expect(header!.height).toBeLessThan(90);
		// Every tool is reachable in the header, none cut off.
		const tools = page.locator('header .tools button:visible');
		expect(await tools.count()).toBe(3);
		for (const box of await tools.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON())))
			expect(box.right).toBeLessThanOrEqual(390);
	});

	it('opens with the legend folded, so the map comes first, and unfolds it on request', async () => {
		const { page } = await site.open({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
		const legend = page.getByTestId('legend');
		const show = legend.getByRole('button', { name: 'Show legend' });
		await expect(show.getAttribute('aria-expanded')).resolves.toBe('false');
		await expect(legend.locator('[data-kind]').first().isVisible()).resolves.toBe(false);
		const folded = (await legend.boundingBox())!.height;
		await show.click();
		const fold = legend.getByRole('button', { name: 'Hide legend' });
		await expect(fold.getAttribute('aria-expanded')).resolves.toBe('true');
		await expect(legend.locator('[data-kind]').first().isVisible()).resolves.toBe(true);
		expect((await legend.boundingBox())!.height).toBeGreaterThan(folded * 2);
		await fold.click();
		await expect(legend.locator('[data-kind]').first().isVisible()).resolves.toBe(false);
	});

	it("names MapLibre's buttons in the page's language and skips to the list from the keyboard", async () => {
		const { page } = await site.open({ viewport: { width: 390, height: 844 }, locale: 'de-DE' });
		const zoomIn = page.locator('.maplibregl-ctrl-zoom-in');
		await expect.poll(() => zoomIn.getAttribute('title')).toBe('Vergrößern');
		await page.getByRole('button', { name: 'Switch to English' }).click();
		await expect.poll(() => zoomIn.getAttribute('aria-label')).toBe('Zoom in');
		await expect(page.locator('.maplibregl-canvas').getAttribute('aria-label')).resolves.toBe(
			'Interactive map area'
		);

		// From the top of a fresh page, the first Tab reaches the skip link.
		const fresh = (await site.open({ viewport: { width: 390, height: 844 }, locale: 'en-US' })).page;
		await fresh.keyboard.press('Tab');
		const skip = fresh.getByRole('link', { name: 'Skip to the list of all flows' });
		await expect(skip.evaluate((e) => e === document.activeElement)).resolves.toBe(true);
		await fresh.keyboard.press('Enter');
		await expect(fresh.evaluate(() => document.activeElement?.id)).resolves.toBe('story-index');
		await fresh.keyboard.press('Tab');
		await expect(fresh.evaluate(() => document.activeElement?.closest('nav.index') !== null)).resolves.toBe(
			true
		);
	});
});
