import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { startSite, type Site } from '../support/site';
import { axe, serious } from '../support/axe';
import { DARK, LIGHT } from '../../src/lib/map/theme';

/*
 * Dark mode: the system setting by default, `?theme=` to pin it. The page's tokens and the map's
 * palette follow the one answer, axe finds nothing serious in dark (contrast included, in every
 * state a reader reaches), and an export made from a dark page is light.
 */

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

type MapWindow = { __map: import('maplibre-gl').Map };

/** What the page and the map show: the <html> theme, the page colour and the map's sea. */
function shown(page: Page) {
	return page.evaluate(() => ({
		theme: document.documentElement.dataset.theme,
		page: getComputedStyle(document.body).backgroundColor,
		sea: (window as unknown as MapWindow).__map.getPaintProperty('sea', 'background-color')
	}));
}

/** The page's theme once it has mounted (data-theme is set then), without waiting for the map. */
async function pageTheme(page: Page) {
	await page.waitForFunction(() => document.documentElement.dataset.theme !== undefined, null, {
		timeout: 30_000
	});
	return page.evaluate(() => ({
		theme: document.documentElement.dataset.theme,
		page: getComputedStyle(document.body).backgroundColor
	}));
}

/** Waits until the map's sea is drawn in `colour` (a theme change is a style diff, not a reload). */
function seaBecomes(page: Page, colour: string) {
	return page.waitForFunction(
		(c) => (window as unknown as MapWindow).__map.getPaintProperty('sea', 'background-color') === c,
		colour,
		{ timeout: 30_000 }
	);
}

const DARK_PAGE = 'rgb(20, 23, 26)';
const LIGHT_PAGE = 'rgb(247, 245, 240)';

describe('dark mode', () => {
	it('follows the system setting, live, unless the URL pins a theme', async () => {
		const { page } = await site.open({ path: '?lang=en', colorScheme: 'dark' });
		expect(await shown(page)).toEqual({ theme: 'dark', page: DARK_PAGE, sea: DARK.sea });
		const lines = await page.evaluate(() =>
			JSON.stringify((window as unknown as MapWindow).__map.getPaintProperty('flows-reported', 'line-color'))
		);
		expect(lines).toContain(DARK.kinds.arms);
		expect(lines).not.toContain(LIGHT.kinds.arms);

		// The reader's system turns light: page and map follow without a reload.
		await page.emulateMedia({ colorScheme: 'light' });
		await seaBecomes(page, LIGHT.sea);
		expect(await shown(page)).toEqual({ theme: 'light', page: LIGHT_PAGE, sea: LIGHT.sea });

		// Pinned: the page needs no map to say so (its palette follows the same answer, as above).
		const pinnedLight = await site.open({
			path: '?lang=en&theme=light',
			colorScheme: 'dark',
			waitForMap: false
		});
		expect(await pageTheme(pinnedLight.page)).toEqual({ theme: 'light', page: LIGHT_PAGE });
		await pinnedLight.context.close();
		const pinnedDark = await site.open({
			path: '?lang=en&theme=dark',
			colorScheme: 'light',
			waitForMap: false
		});
		expect(await pageTheme(pinnedDark.page)).toEqual({ theme: 'dark', page: DARK_PAGE });
		// Pinned means pinned: the system changing does not move it.
		await pinnedDark.page.emulateMedia({ colorScheme: 'dark' });
		await pinnedDark.page.emulateMedia({ colorScheme: 'light' });
		expect((await pageTheme(pinnedDark.page)).theme).toBe('dark');
		// The flag stays in the URL as the reader moves on.
		await pinnedDark.page.locator('[data-place-id="pyongyang"]').click();
		await pinnedDark.page.waitForFunction(() => location.search.includes('sel=pyongyang'));
		expect(new URL(pinnedDark.page.url()).searchParams.get('theme')).toBe('dark');
	});

	it('has no serious or critical axe findings in dark: desktop, story, selection, export dialog, phone, embed', async () => {
		const { page } = await site.open({ path: '?lang=en&theme=dark' });
		expect(serious(await axe(page)), 'desktop').toEqual([]);
		await page.locator('[data-flow-id]').first().click();
		expect(serious(await axe(page)), 'desktop, flow selected').toEqual([]);
		await page.getByRole('button', { name: 'Start the story' }).click();
		await page.waitForFunction(() => location.search.includes('step='));
		expect(serious(await axe(page)), 'story step').toEqual([]);
		await page.getByRole('button', { name: 'Export', exact: true }).click();
		await page.getByTestId('export-dialog').getByRole('radio', { name: /PNG/ }).waitFor({ timeout: 60_000 });
		expect(serious(await axe(page)), 'export dialog').toEqual([]);

		// What the desk gets from a dark page is the light map (exports are light unless asked),
		// in the light file's name.
		const dialog = page.getByTestId('export-dialog');
		await dialog.locator('input[name="export-format"][value="svg"]').check();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 120_000 }),
			dialog.getByRole('button', { name: 'Download', exact: true }).click()
		]);
		const svg = await readFile((await download.path())!, 'utf8');
		expect(download.suggestedFilename()).toMatch(/_\d+x\d+\.svg$/);
		expect(svg).toMatch(/id="background"[^>]*fill="#ffffff"/);
		expect(svg).toContain(`fill="${LIGHT.sea}"`);
		expect(svg).toContain(LIGHT.kinds.visit);
		for (const dark of [DARK.sea, DARK.land, DARK.kinds.visit]) expect(svg).not.toContain(dark);

		// Asked for dark, the desk gets a dark picture, named as such.
		await dialog.locator('input[name="export-format"][value="png"]').check();
		await dialog.locator('input[name="export-theme"][value="dark"]').check();
		const [darkDownload] = await Promise.all([
			page.waitForEvent('download', { timeout: 120_000 }),
			dialog.getByRole('button', { name: 'Download', exact: true }).click()
		]);
		expect(darkDownload.suggestedFilename()).toMatch(/_dark\.png$/);
		const png = PNG.sync.read(await readFile((await darkDownload.path())!));
		const at = (x: number, y: number) => {
			const i = (y * png.width + x) * 4;
			return `#${[0, 1, 2].map((c) => png.data[i + c]!.toString(16).padStart(2, '0')).join('')}`;
		};
		// The frame's ground, and the map mostly dark: the mean lightness of the map's middle row is low.
		expect(at(2, 2)).toBe(DARK.frame.background);
		const row = Math.round(png.height / 2);
		let sum = 0;
		for (let x = 0; x < png.width; x++) sum += png.data[(row * png.width + x) * 4]!;
		expect(sum / png.width).toBeLessThan(90);
		await page.keyboard.press('Escape');

		// The story dialog: its links (schema, samples) in the accent, not the browser's blue.
		await page.getByRole('button', { name: 'Open story' }).click();
		expect(serious(await axe(page)), 'story dialog').toEqual([]);
		await page.keyboard.press('Escape');

		// axe does judge the dark colours: text as dark as the light theme's fails on the dark page.
		await page.evaluate(() => (document.querySelector<HTMLElement>('.masthead h1')!.style.color = '#333'));
		expect(serious(await axe(page)).join('\n')).toMatch(/^color-contrast.*\(h1\)$/m);

		const phone = await site.open({
			path: '?sel=pyongyang&lang=en&theme=dark',
			viewport: { width: 390, height: 844 }
		});
		expect(serious(await axe(phone.page)), 'phone, place selected').toEqual([]);
		const embed = await site.open({
			path: '?embed=1&lang=en',
			viewport: { width: 390, height: 844 },
			colorScheme: 'dark'
		});
		expect((await shown(embed.page)).theme).toBe('dark');
		expect(serious(await axe(embed.page)), 'embed').toEqual([]);
	});
});
