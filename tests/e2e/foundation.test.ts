import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { startSite, type Site } from '../support/site';

let site: Site;

beforeAll(async () => {
	site = await startSite();
});

afterAll(async () => {
	await site?.close();
});

/** Screen position of a longitude/latitude on the live map, read from MapLibre itself. */
async function project(page: Page, lngLat: [number, number]): Promise<{ x: number; y: number }> {
	return page.evaluate((ll) => {
		const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
		const p = map.project(ll);
		const rect = map.getCanvas().getBoundingClientRect();
		return { x: p.x + rect.left, y: p.y + rect.top };
	}, lngLat);
}

function distinctColours(png: PNG, bx: number, by: number, bw: number, bh: number): number {
	const [x0, y0, w, h] = [bx, by, bw, bh].map(Math.round) as [number, number, number, number];
	const seen = new Set<number>();
	for (let y = Math.max(0, y0); y < Math.min(png.height, y0 + h); y++) {
		for (let x = Math.max(0, x0); x < Math.min(png.width, x0 + w); x++) {
			const i = (y * png.width + x) * 4;
			seen.add((png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!);
		}
	}
	return seen.size;
}

function darkPixels(png: PNG, x0: number, y0: number, w: number, h: number): number {
	let count = 0;
	for (let y = Math.max(0, y0); y < Math.min(png.height, y0 + h); y++) {
		for (let x = Math.max(0, x0); x < Math.min(png.width, x0 + w); x++) {
			const i = (y * png.width + x) * 4;
			if (png.data[i]! + png.data[i + 1]! + png.data[i + 2]! < 200) count++;
		}
	}
	return count;
}

const CITIES: Record<string, [number, number]> = {
	pyongyang: [125.7625, 39.0392],
	vladivostok: [131.8855, 43.1155],
	moscow: [37.6173, 55.7558],
	beijing: [116.4074, 39.9042]
};

/**
 * The cities each first view shows (the story's regional frames): Moscow lies 6,400 km off both
 * and Beijing off a phone's; labels.test.ts checks they are named on the cables leading there.
 */
const IN_VIEW: Record<number, string[]> = {
	1280: ['pyongyang', 'vladivostok', 'beijing'],
	390: ['pyongyang', 'vladivostok']
};

describe('the built site in Chromium', () => {
	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 390, height: 844 }
	]) {
		it(`opens a rendered map of the region at ${viewport.width}x${viewport.height}, from its own origin only`, async () => {
			const { page, log } = await site.open({ viewport });
			// The map's region, named in German (its canvas, inside it, has a name of its own).
			const region = page.getByRole('region', { name: /^Karte:/ });
			await expect(region.getAttribute('aria-busy')).resolves.toBe('false');

			// The story's cities of this view and the sea between Korea and Japan are inside it.
			const bounds = await page.evaluate(() => {
				const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
				return map.getBounds().toArray();
			});
			const cities = Object.entries(CITIES).filter(([name]) => IN_VIEW[viewport.width]!.includes(name));
			for (const [lng, lat] of [...cities.map(([, c]) => c), [134, 40] as [number, number]]) {
				expect(lng).toBeGreaterThan(bounds[0][0]);
				expect(lng).toBeLessThan(bounds[1][0]);
				expect(lat).toBeGreaterThan(bounds[0][1]);
				expect(lat).toBeLessThan(bounds[1][1]);
			}

			const png = PNG.sync.read(await page.screenshot());
			// Not blank: a drawn map has sea, land, borders, labels: many distinct colours.
			const box = await region.boundingBox();
			expect(box).not.toBeNull();
			expect(distinctColours(png, box!.x, box!.y, box!.width, box!.height)).toBeGreaterThan(200);

			// Each city is drawn: a dark capital dot or dark label text right at and beside it.
			for (const [name, ll] of cities) {
				const p = await project(page, ll);
				const dark = darkPixels(png, Math.round(p.x) - 40, Math.round(p.y) - 14, 80, 28);
				expect(dark, `${name}: dark pixels of its dot and name`).toBeGreaterThan(25);
			}

			expect(log.errors).toEqual([]);
			expect(log.consoleErrors).toEqual([]);
			expect(log.foreignRequests).toEqual([]);
			expect(await log.cspViolations()).toEqual([]);
		});
	}

	it('draws the city names in the UI language (labels are map layers, so exports get them)', async () => {
		const { page } = await site.open({ locale: 'en-GB' });
		const names = await page.evaluate(() => {
			const map = (window as unknown as { __map: import('maplibre-gl').Map }).__map;
			return map
				.queryRenderedFeatures({ layers: ['places-label'] })
				.map((f) => f.properties.name_en as string);
		});
		for (const city of ['Pyongyang', 'Vladivostok', 'Beijing']) expect(names).toContain(city);
		await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
	});
});
