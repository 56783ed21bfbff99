import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSite, type Site } from '../support/site';
import { axe, serious } from '../support/axe';
import { story } from '../../src/lib/story';

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

describe('for everyone', () => {
	it('has no serious or critical axe findings, on desktop and phone, with and without a selection', async () => {
		const { page } = await site.open({ viewport: { width: 1280, height: 800 } });
		expect(serious(await axe(page)), 'desktop').toEqual([]);
		await page.locator('[data-flow-id]').first().click();
		expect(serious(await axe(page)), 'desktop, flow selected').toEqual([]);
		await page.locator('[data-area-id="patrol-waters"]').click();
		expect(serious(await axe(page)), 'desktop, area selected').toEqual([]);
		const phone = await site.open({ viewport: { width: 390, height: 844 }, path: '?sel=pyongyang&lang=en' });
		expect(serious(await axe(phone.page)), 'phone, place selected').toEqual([]);
	});

	it('reaches every control by keyboard, with a visible focus ring', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		const seen = new Set<string>();
		for (let i = 0; i < 60; i++) {
			await page.keyboard.press('Tab');
			const info = await page.evaluate(() => {
				const el = document.activeElement as HTMLElement | null;
				if (!el || el === document.body) return null;
				const style = getComputedStyle(el);
				return {
					key: `${el.tagName}:${el.getAttribute('name') ?? ''}:${el.getAttribute('value') ?? el.textContent?.trim().slice(0, 20)}`,
					// A 2 px outline, or the map controls' own focus glow (a box-shadow).
					outline:
						(style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) ||
						style.boxShadow !== 'none'
				};
			});
			if (!info) continue;
			expect(info.outline, `focus ring on ${info.key}`).toBe(true);
			seen.add(info.key);
		}
		const keys = [...seen].join('\n');
		expect(keys).toContain('BUTTON::Deutsch');
		expect(keys).toMatch(/INPUT:kind:arms/);
		expect(keys).toMatch(/INPUT:certainty/);
		expect(keys).toMatch(/INPUT::/); // the timeline slider
	});

	it('keeps the map usable on a phone: the panel is a sheet below it', async () => {
		const { page } = await site.open({ viewport: { width: 390, height: 844 }, locale: 'en-US' });
		const map = (await page.getByTestId('map').boundingBox())!;
		expect(map.width).toBeGreaterThanOrEqual(380);
		expect(map.height).toBeGreaterThan(844 * 0.45);
		const panel = (await page.getByRole('complementary').boundingBox())!;
		expect(panel.y).toBeGreaterThanOrEqual(map.y + map.height - 1);
	});

	it('turns animation off for prefers-reduced-motion', async () => {
		const movingAfterSelect = async (reduce: boolean) => {
			const { page } = await site.open({ locale: 'en-US' });
			await page.emulateMedia({ reducedMotion: reduce ? 'reduce' : 'no-preference' });
			// The train trip is short: framing it means a real zoom-in from the opening view.
			const train = story.flows.find((f) => f.via && f.via.length > 3)!;
			await page.locator(`[data-flow-id="${train.id}"]`).click();
			// Read right after the click: a glide is still under way, a jump is already over.
			return page.evaluate(() =>
				(window as unknown as { __map: import('maplibre-gl').Map }).__map.isMoving()
			);
		};
		// Framing a flow glides normally, and jumps when the reader asks for less motion.
		expect(await movingAfterSelect(false)).toBe(true);
		expect(await movingAfterSelect(true)).toBe(false);
	});
});
