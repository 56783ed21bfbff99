import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { resolve } from 'node:path';
import { BUILD_DIR, startSite, type Site } from '../support/site';
import { axe, serious } from '../support/axe';
import { FONT_REGULAR } from '../../src/lib/map/theme';

/*
 * Another newsroom's look: the house-style sample (the built-in story with
 * presentation.house, written by scripts/story-files.ts) opened through the real file input.
 * Its accent, face, logo and publisher line reach the page, from the site's own origin only; axe
 * passes in both themes; the map's labels keep their face; and the next story gets ours back.
 */

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

/** What the page shows of a house style. */
function look(page: Page) {
	return page.evaluate(async () => {
		const logo = document.querySelector<HTMLImageElement>('[data-testid="publisher"] img');
		await logo?.decode().catch(() => {});
		return {
			publisher: document.querySelector('[data-testid="publisher"]')?.textContent?.trim() ?? null,
			logo: logo ? { alt: logo.alt, width: logo.naturalWidth } : null,
			titleFont: getComputedStyle(document.querySelector('h1')!).fontFamily,
			// Loaded faces of the family (document.fonts.check is true for a family with no face at all).
			merriweather: [...document.fonts].filter((f) => f.family === 'Merriweather' && f.status === 'loaded')
				.length,
			exportButton: getComputedStyle(
				[...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === 'Export')!
			).backgroundColor
		};
	});
}

describe('house style', () => {
	it("shows another newsroom's accent, face, logo and publisher line, and gives ours back", async () => {
		const { page, log } = await site.open({
			path: '?lang=en',
			locale: 'en-US',
			viewport: { width: 1280, height: 800 }
		});
		const ours = await look(page);
		expect(ours).toMatchObject({
			publisher: null,
			logo: null,
			merriweather: 0,
			exportButton: 'rgb(0, 114, 178)'
		});
		expect(ours.titleFont).toMatch(/^"Noto Sans"/);

		await page.getByRole('button', { name: 'Open story' }).click();
		await page.getByTestId('story-file').setInputFiles(resolve(BUILD_DIR, 'samples/house-style.json'));
		await expect.poll(() => page.getByTestId('story-status').textContent()).toContain('Loaded');
		await page.keyboard.press('Escape');
		await page.waitForFunction(() => document.fonts.check('700 16px Merriweather'), null, {
			timeout: 30_000
		});
		const theirs = await look(page);
		expect(theirs).toEqual({
			publisher: 'Beispiel-Zeitung · Graphics',
			// Its name is the publisher line's to say: the logo is not read twice.
			logo: { alt: '', width: 24 },
			titleFont: 'Merriweather, "Noto Sans", system-ui, sans-serif',
			merriweather: 2,
			exportButton: 'rgb(179, 18, 46)'
		});
		// The map's names keep the face whose glyphs the exports embed and measure.
		const mapFont = await page.evaluate(() =>
			(window as unknown as { __map: import('maplibre-gl').Map }).__map.getLayoutProperty(
				'country-labels',
				'text-font'
			)
		);
		expect(mapFont).toEqual(FONT_REGULAR);
		expect(serious(await axe(page)), 'light').toEqual([]);

		// In dark, the house's dark accent.
		await page.emulateMedia({ colorScheme: 'dark' });
		await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
		expect((await look(page)).exportButton).toBe('rgb(255, 138, 138)');
		expect(serious(await axe(page)), 'dark').toEqual([]);
		await page.emulateMedia({ colorScheme: 'light' });

		// The export is signed with the publisher line by default.
		await page.getByRole('button', { name: 'Export', exact: true }).click();
		const credit = page.getByTestId('export-dialog').getByRole('textbox', { name: 'Credit', exact: true });
		await expect.poll(() => credit.inputValue(), { timeout: 30_000 }).toBe('Beispiel-Zeitung · Graphics');
		await page.keyboard.press('Escape');

		// Back to the built-in story: our look again, nothing of theirs left on the page.
		await page.getByRole('button', { name: 'Open story' }).click();
		await page.getByRole('button', { name: 'Built-in story' }).click();
		await page.keyboard.press('Escape');
		await expect.poll(async () => (await look(page)).exportButton).toBe('rgb(0, 114, 178)');
		const back = await look(page);
		expect(back).toMatchObject({ publisher: null, logo: null, merriweather: 0 });
		expect(back.titleFont).toMatch(/^"Noto Sans"/);

		expect(log.foreignRequests).toEqual([]);
		expect(await log.cspViolations()).toEqual([]);
		expect(log.errors).toEqual([]);
		// The face came from the site's own folder.
		expect(log.requests.some((u) => u.endsWith('/samples/house/merriweather-latin-700-normal.woff2'))).toBe(
			true
		);
	}, 180_000);
});
