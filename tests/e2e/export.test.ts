import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { story } from '../../src/lib/story';
import { KIND_COLORS } from '../../src/lib/map/theme';
import { timelineStops } from '../../src/lib/state/timeline';
import { xmlWellFormednessErrors } from '../../src/lib/export/xml';
import { pngTexts } from '../../src/lib/export/pngText';
import { exportGeoJsonSchema } from '../../src/lib/export/data';
import { CSV_BOM, CSV_COLUMNS } from '../../src/lib/export/csv';
import { exportFilename } from '../../src/lib/export/filename';
import { presetPixelRatio } from '../../src/lib/export/presets';
import { defaultLayoutScale } from '../../src/lib/export/layout';
import { fitBounds } from '../../src/lib/export/framing';
import { makeProjector } from '../../src/lib/export/projection';
import { presentationOf } from '../../src/lib/story';
import { startSite, type Site } from '../support/site';
import { readPdf } from '../support/pdf';
import { parseCsv } from '../support/csv';
import { settled, type MapWindow } from '../support/map';
import { placedLabels } from '../support/labels';

/**
 * The export dialog end to end: real renders in Chromium (SwiftShader), real downloads, files
 * read back and checked the way a picture editor, a GIS or a spreadsheet would read them.
 * PNG renders are slow in SwiftShader (A4 at 300 dpi: tens of seconds on two busy cores), so
 * the render tests carry their own, generous timeouts; nothing asserts on time.
 */

let site: Site;
beforeAll(async () => {
	site = await startSite();
});
afterAll(async () => {
	await site?.close();
});

type Format = 'png' | 'svg' | 'pdf' | 'geojson' | 'csv' | 'csv-semicolon';

const LATEST = timelineStops([...story.flows, ...story.areas]).at(-1)!;

/** What must not change when exporting: the live map's canvas and camera. */
async function liveState(page: Page) {
	return page.evaluate(() => {
		const map = (window as unknown as MapWindow).__map;
		const canvas = map.getCanvas();
		const c = map.getCenter();
		return {
			canvas: [canvas.width, canvas.height],
			css: [map.getContainer().clientWidth, map.getContainer().clientHeight],
			camera: [c.lng, c.lat, map.getZoom(), map.getBearing()],
			pixelRatio: map.getPixelRatio(),
			padding: map.getPadding()
		};
	});
}

function dialogOf(page: Page) {
	return page.getByTestId('export-dialog');
}

async function openDialog(page: Page, name = 'Exportieren'): Promise<void> {
	const open = await dialogOf(page).evaluate((d) => (d as HTMLDialogElement).open);
	if (!open) await page.getByRole('button', { name, exact: true }).click();
}

async function closeDialog(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await page.waitForFunction(() => !document.querySelector<HTMLDialogElement>('dialog.export')?.open);
}

interface Choice {
	format: Format;
	preset?: string;
	header?: boolean;
	legend?: boolean;
	credits?: boolean;
	/** Print the export date on the picture (off by default: it is in the file's metadata). */
	date?: boolean;
	/** What the map shows: the story's frame (the default while the map is not moved) or the screen. */
	framing?: 'story' | 'screen';
	/** How the SVG carries its words (the default: text in an embedded subset of Noto Sans). */
	svgText?: 'embedded' | 'outlines';
	openName?: string;
	downloadName?: string;
}

/** The dialog's button names when the page is in English. */
const IN_ENGLISH = { openName: 'Export', downloadName: 'Download' } as const;

/** Chooses in the dialog, clicks download and returns the downloaded file. */
async function exportFile(page: Page, choice: Choice): Promise<{ name: string; data: Buffer; ms: number }> {
	await openDialog(page, choice.openName);
	const dialog = dialogOf(page);
	await dialog.locator(`input[name="export-format"][value="${choice.format}"]`).check();
	if (choice.preset)
		await dialog
			.locator(choice.format === 'pdf' ? '#export-paper' : '#export-size')
			.selectOption(choice.preset);
	if (choice.framing) await dialog.locator(`input[name="export-framing"][value="${choice.framing}"]`).check();
	if (choice.svgText)
		await dialog.locator(`input[name="export-svg-text"][value="${choice.svgText}"]`).check();
	for (const part of ['header', 'legend', 'credits', 'date'] as const) {
		const on = choice[part];
		if (on !== undefined) await dialog.locator(`input[name="export-${part}"]`).setChecked(on);
	}
	const started = Date.now();
	const [download] = await Promise.all([
		page.waitForEvent('download', { timeout: 170_000 }),
		dialog.getByRole('button', { name: choice.downloadName ?? 'Herunterladen', exact: true }).click()
	]);
	const path = await download.path();
	const ms = Date.now() - started;
	expect(path).toBeTruthy();
	const data = await readFile(path!);
	// The offscreen map is gone once the file is handed over.
	await expect(page.locator('[data-export-offscreen]').count()).resolves.toBe(0);
	return { name: download.suggestedFilename(), data, ms };
}

// ---------------------------------------------------------------------------------------------
// Pixels

function rgb(hex: string): [number, number, number] {
	return [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

function pixel(png: PNG, x: number, y: number): [number, number, number, number] {
	const i = (y * png.width + x) * 4;
	return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!, png.data[i + 3]!];
}

function whiteShareOfRow(png: PNG, y: number): number {
	let white = 0;
	for (let x = 0; x < png.width; x++) {
		const [r, g, b] = pixel(png, x, y);
		if (r === 255 && g === 255 && b === 255) white++;
	}
	return white / png.width;
}

/**
 * The bands as seen in the pixels: header and footer have a pure white background under sparse
 * text and swatches (at least ~45% white in every row); the map is tinted everywhere (sea, land,
 * halos), so its rows have almost no pure white. The map is the run of rows in between.
 */
function bands(png: PNG): { headerBottom: number; footerTop: number } {
	const isBandRow = (y: number) => whiteShareOfRow(png, y) > 0.3;
	let headerBottom = 0;
	while (headerBottom < png.height && isBandRow(headerBottom)) headerBottom++;
	let footerTop = headerBottom;
	while (footerTop < png.height && !isBandRow(footerTop)) footerTop++;
	return { headerBottom, footerTop };
}

function countNear(png: PNG, hex: string, y0: number, y1: number, tolerance = 16): number {
	const [r, g, b] = rgb(hex);
	let n = 0;
	for (let y = y0; y < y1; y++)
		for (let x = 0; x < png.width; x++) {
			const p = pixel(png, x, y);
			if (Math.abs(p[0] - r) + Math.abs(p[1] - g) + Math.abs(p[2] - b) < tolerance) n++;
		}
	return n;
}

function darkPixels(png: PNG, y0: number, y1: number): number {
	let n = 0;
	for (let y = y0; y < y1; y++)
		for (let x = 0; x < png.width; x++) {
			const [r, g, b] = pixel(png, x, y);
			if (Math.max(r, g, b) < 80) n++;
		}
	return n;
}

function distinctColours(png: PNG, y0: number, y1: number): number {
	const seen = new Set<number>();
	// Every other pixel is plenty and keeps A4 fast.
	for (let y = y0; y < y1; y += 2)
		for (let x = 0; x < png.width; x += 2) {
			const [r, g, b] = pixel(png, x, y);
			seen.add((r << 16) | (g << 8) | b);
		}
	return seen.size;
}

/** Where the live map draws each place (CSS px), for the places it shows. */
async function livePlaces(page: Page): Promise<Record<string, [number, number]>> {
	const places = story.places.map((p) => ({ id: p.id, coord: p.coord }));
	return page.evaluate((list) => {
		const map = (window as unknown as MapWindow).__map;
		const { clientWidth: w, clientHeight: h } = map.getContainer();
		const out: Record<string, [number, number]> = {};
		for (const p of list) {
			const q = map.project(p.coord as [number, number]);
			if (q.x >= 0 && q.x <= w && q.y >= 0 && q.y <= h) out[p.id] = [q.x, q.y];
		}
		return out;
	}, places);
}

/** Whether a capital's dark dot (places-circle, #1d1d1b) is drawn at or right next to (x, y). */
function dotAt(png: PNG, x: number, y: number): boolean {
	const [r, g, b] = rgb('#1d1d1b');
	for (let dy = -1; dy <= 1; dy++)
		for (let dx = -1; dx <= 1; dx++) {
			const px = Math.round(x) + dx;
			const py = Math.round(y) + dy;
			if (px < 0 || py < 0 || px >= png.width || py >= png.height) continue;
			const p = pixel(png, px, py);
			if (Math.abs(p[0] - r) + Math.abs(p[1] - g) + Math.abs(p[2] - b) < 30) return true;
		}
	return false;
}

/** Capitals whose dark dots stay uncovered (in the opening view the name "Peking" runs over Pyongyang's). */
const CAPITALS = ['pyongyang', 'beijing'];

// ---------------------------------------------------------------------------------------------

describe('PNG export', () => {
	it('renders every size preset at its exact size, with map, header and legend; the live map is untouched', async () => {
		const { page, log } = await site.open();
		await settled(page);
		const before = await liveState(page);
		expect(before.padding).toEqual({ top: 0, right: 0, bottom: 0, left: 0 });
		const [w, h] = before.css as [number, number];
		const presets: [string, number, number][] = [
			['view-1x', w, h],
			['view-2x', 2 * w, 2 * h],
			['view-3x', 3 * w, 3 * h],
			['full-hd', 1920, 1080],
			['square', 1080, 1080],
			['social', 1200, 675],
			['a4-landscape-300dpi', 3508, 2480]
		];
		const visibleKinds = [...new Set(story.flows.map((f) => f.kind))];
		const capitals = Object.entries(await livePlaces(page)).filter(([id]) => CAPITALS.includes(id));
		expect(capitals.length).toBe(2);
		for (const [preset, width, height] of presets) {
			const file = await exportFile(page, {
				format: 'png',
				preset,
				// "Current view" sizes are the screen by definition; the others are told to be.
				...(preset.startsWith('view-') ? {} : { framing: 'screen' as const })
			});
			if (preset === 'full-hd' || preset === 'a4-landscape-300dpi')
				console.log(`PNG export ${preset} ${width}x${height}: ${(file.ms / 1000).toFixed(1)} s`);
			expect(file.name).toBe(
				exportFilename({
					base: 'nk-russia-flows',
					kind: 'png',
					until: null,
					latest: LATEST,
					lang: 'de',
					width,
					height
				})
			);
			expect(file.name).toBe(`nk-russia-flows_${LATEST}_de_${width}x${height}.png`);
			const png = PNG.sync.read(file.data);
			expect([png.width, png.height], preset).toEqual([width, height]);

			const { headerBottom, footerTop } = bands(png);
			// Header: a white band on top with dark title text in it.
			expect(headerBottom, `${preset} header band`).toBeGreaterThan(height * 0.03);
			expect(darkPixels(png, 0, headerBottom), `${preset} header text`).toBeGreaterThan(50);
			// Map: many colours (land, sea, flows, labels, anti-aliasing), not a blank canvas.
			expect(footerTop - headerBottom, `${preset} map height`).toBeGreaterThan(height * 0.45);
			expect(distinctColours(png, headerBottom, footerTop), `${preset} map colours`).toBeGreaterThan(200);
			// Legend: the kind colours as swatches in the white footer band.
			expect(height - footerTop, `${preset} footer band`).toBeGreaterThan(height * 0.05);
			for (const kind of visibleKinds)
				expect(
					countNear(png, KIND_COLORS[kind], footerTop, height),
					`${preset} legend ${kind}`
				).toBeGreaterThan(5);
			// Framing: the live view, scaled to fit the map rect and centred (renderPng's frameCamera).
			const pr = preset.startsWith('view-') ? width / w : presetPixelRatio(width);
			const mapHeight = footerTop - headerBottom;
			const fit = Math.min(width / pr / w, mapHeight / pr / h) * pr;
			for (const [id, [x, y]] of capitals) {
				const ex = width / 2 + (x - w / 2) * fit;
				const ey = headerBottom + mapHeight / 2 + (y - h / 2) * fit;
				expect(dotAt(png, ex, ey), `${preset}: ${id} at ${ex.toFixed(1)}, ${ey.toFixed(1)}`).toBe(true);
			}
		}

		const after = await liveState(page);
		expect(after).toEqual(before);
		expect(log.errors).toEqual([]);
		expect(log.foreignRequests).toEqual([]);
	}, 300_000);

	it("frames fixed sizes to the story: the story's frame fills the map rect, whatever the screen", async () => {
		const { page, log } = await site.open();
		await settled(page);
		await openDialog(page);
		await dialogOf(page).locator('#export-size').selectOption('full-hd');
		// The map has not been moved, so the story's frame is the default.
		await expect(
			dialogOf(page).locator('input[name="export-framing"][value="story"]').isChecked()
		).resolves.toBe(true);
		const frame = presentationOf(story).frame;
		for (const [preset, width, height] of [
			['full-hd', 1920, 1080],
			['square', 1080, 1080]
		] as const) {
			const png = PNG.sync.read((await exportFile(page, { format: 'png', preset })).data);
			expect([png.width, png.height]).toEqual([width, height]);
			const { headerBottom, footerTop } = bands(png);
			const mapRect = { width, height: footerTop - headerBottom };
			const pr = presetPixelRatio(width);
			const camera = fitBounds(frame, mapRect, pr);
			const project = makeProjector({ ...camera, width: width / pr, height: mapRect.height / pr });
			for (const id of CAPITALS) {
				const [x, y] = project(story.places.find((p) => p.id === id)!.coord);
				const [ex, ey] = [x * pr, headerBottom + y * pr];
				expect(dotAt(png, ex, ey), `${preset}: ${id} at ${ex.toFixed(1)}, ${ey.toFixed(1)}`).toBe(true);
			}
			// The frame's west and east edges (113°E, 138°E) lie within the image: Korea and the
			// Far East fill it, not a continent.
			const [west] = project([frame[0][0], 40]);
			const [east] = project([frame[1][0], 40]);
			expect(west * pr).toBeGreaterThanOrEqual(0);
			expect(east * pr).toBeLessThanOrEqual(width);
			expect((east - west) * pr).toBeGreaterThan(Math.min(width, mapRect.height * 0.9) * 0.5);
		}
		// Once the reader has moved the map, what they look at is what they mean.
		await closeDialog(page);
		await page.evaluate(() => (window as unknown as MapWindow).__map.panBy([120, 0], { animate: false }));
		await page.waitForFunction(() => new URL(location.href).searchParams.has('map'));
		await openDialog(page);
		await dialogOf(page).locator('#export-size').selectOption('full-hd');
		await expect(
			dialogOf(page).locator('input[name="export-framing"][value="screen"]').isChecked()
		).resolves.toBe(true);
		expect(log.errors).toEqual([]);
	}, 300_000);

	it('shows what the map shows: a kind switched off is absent; without header and legend the map fills the image', async () => {
		const { page, log } = await site.open();
		await settled(page);
		// A kind with reported flows, drawn in its full colour (possible ones are pale by design).
		const toggled = KIND_COLORS.diplomacy;
		const on = PNG.sync.read(
			(
				await exportFile(page, {
					format: 'png',
					preset: 'view-1x',
					header: false,
					legend: false,
					credits: false
				})
			).data
		);
		// The map fills the image: no white band at the top or bottom.
		expect(bands(on)).toEqual({ headerBottom: 0, footerTop: on.height });
		expect(whiteShareOfRow(on, 0)).toBeLessThan(0.2);
		expect(whiteShareOfRow(on, on.height - 1)).toBeLessThan(0.2);
		const toggledOn = countNear(on, toggled, 0, on.height);
		expect(toggledOn, 'diplomacy drawn while on').toBeGreaterThan(20);

		await closeDialog(page);
		await page.locator('input[name="kind"][value="diplomacy"]').uncheck();
		await settled(page);
		const off = PNG.sync.read((await exportFile(page, { format: 'png', preset: 'view-1x' })).data);
		expect(countNear(off, toggled, 0, off.height), 'diplomacy absent while off').toBeLessThan(
			Math.max(3, toggledOn * 0.02)
		);
		// The other kinds are still there.
		expect(countNear(off, KIND_COLORS.visit, 0, off.height)).toBeGreaterThan(20);
		expect(log.errors).toEqual([]);
	}, 150_000);

	it('refuses a size above the browser limit before rendering, and says which limit', async () => {
		const { page } = await site.open({ locale: 'en-US' });
		const limits = await page.evaluate(() => {
			const gl = document.createElement('canvas').getContext('webgl2')!;
			return {
				maxTextureSize: gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
				maxRenderbufferSize: gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
				maxViewportDims: [...(gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array)]
			};
		});
		console.log('WebGL limits in headless Chromium (SwiftShader):', JSON.stringify(limits));
		await openDialog(page, 'Export');
		const dialog = dialogOf(page);
		await dialog.locator('input[name="export-format"][value="png"]').check();
		const side = Math.min(limits.maxTextureSize, limits.maxRenderbufferSize);
		await expect(dialog.getByTestId('export-limits').textContent()).resolves.toContain(`${side} px per side`);
		await dialog.locator('#export-size').selectOption('custom');
		await dialog.getByLabel('Width (px)').fill('40000');
		await dialog.getByLabel('Height (px)').fill('40000');
		const problem = dialog.getByTestId('export-size-problem');
		await expect(problem.textContent()).resolves.toContain('40000 × 40000 px is too large');
		await expect(problem.textContent()).resolves.toContain(`at most ${side} px per side`);
		const download = dialog.getByRole('button', { name: 'Download', exact: true });
		await expect(download.isDisabled()).resolves.toBe(true);
		// Nothing renders: no offscreen map, no file.
		let downloaded = false;
		page.on('download', () => (downloaded = true));
		await download.click({ force: true }).catch(() => {});
		await page.waitForTimeout(300);
		expect(downloaded).toBe(false);
		await expect(page.locator('[data-export-offscreen]').count()).resolves.toBe(0);
		// Within every side limit but beyond the drawing buffer WebGL really gives here (SwiftShader:
		// about 33 million pixels): refused before anything renders, with the largest size that works.
		await dialog.getByLabel('Width (px)').fill(String(side));
		await dialog.getByLabel('Height (px)').fill(String(side));
		await expect
			.poll(() => problem.textContent())
			.toMatch(
				/is too large: this browser can render at most \d+ million pixels at once \(this browser's largest WebGL drawing buffer\)\. The largest size with this shape is \d+ × \d+ px\./
			);
		const [, suggested] = /largest size with this shape is (\d+) × \d+ px/.exec(
			(await problem.textContent())!
		)!;
		await dialog.getByLabel('Width (px)').fill(suggested!);
		await dialog.getByLabel('Height (px)').fill(suggested!);
		await expect.poll(() => problem.textContent()).toBe('');
		// A vector file is bounded too: 1e300 px would write type sizes of 1e298.
		await dialog.locator('input[name="export-format"][value="svg"]').check();
		await dialog.getByLabel('Width (px)').fill('1e300');
		await expect(problem.textContent()).resolves.toContain('whole numbers from 200 to 100000 px');
		await expect(download.isDisabled()).resolves.toBe(true);
		await dialog.locator('input[name="export-format"][value="png"]').check();
		// A size that fits is accepted again, and the file name follows it.
		await dialog.getByLabel('Width (px)').fill('2000');
		await dialog.getByLabel('Height (px)').fill('1500');
		await expect(problem.textContent()).resolves.toBe('');
		await expect(download.isDisabled()).resolves.toBe(false);
		await expect(dialog.getByTestId('export-filename').textContent()).resolves.toBe(
			`nk-russia-flows_${LATEST}_en_2000x1500.png`
		);
	});

	it('cancels a running render, reports failures in the dialog, and the live map stays usable', async () => {
		const { page, log } = await site.open({ locale: 'en-US' });
		await settled(page);
		const before = await liveState(page);
		await openDialog(page, 'Export');
		const dialog = dialogOf(page);
		await dialog.locator('input[name="export-format"][value="png"]').check();
		await dialog.locator('#export-size').selectOption('a4-landscape-300dpi');
		let downloaded = false;
		page.on('download', () => (downloaded = true));
		await dialog.getByRole('button', { name: 'Download', exact: true }).click();
		await page.locator('[data-export-offscreen]').waitFor({ state: 'attached', timeout: 30_000 });
		await expect(dialog.locator('progress').count()).resolves.toBe(1);
		await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
		await expect(dialog.getByTestId('export-status').textContent()).resolves.toContain('Export cancelled');
		await page.locator('[data-export-offscreen]').waitFor({ state: 'detached', timeout: 10_000 });
		expect(downloaded).toBe(false);

		// WebGL refuses the offscreen map (as it would at a size the GPU cannot hold).
		await page.evaluate(() => {
			const original = HTMLCanvasElement.prototype.getContext;
			(window as unknown as { __restoreGetContext: () => void }).__restoreGetContext = () => {
				HTMLCanvasElement.prototype.getContext = original;
			};
			HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
				if (args[0] === 'webgl2' && this.closest('[data-export-offscreen]')) return null;
				return (original as (...a: unknown[]) => unknown).apply(this, args);
			} as typeof original;
		});
		await dialog.locator('#export-size').selectOption('view-1x');
		await dialog.getByRole('button', { name: 'Download', exact: true }).click();
		const error = dialog.getByTestId('export-error');
		await error.waitFor({ timeout: 30_000 });
		await expect(error.textContent()).resolves.toMatch(
			/Export failed: WebGL could not start at \d+ × \d+ px/
		);
		await expect(page.locator('[data-export-offscreen]').count()).resolves.toBe(0);
		await page.evaluate(() =>
			(window as unknown as { __restoreGetContext: () => void }).__restoreGetContext()
		);
		expect(downloaded).toBe(false);

		// The live map is as it was and still answers.
		expect(await liveState(page)).toEqual(before);
		await closeDialog(page);
		await page.evaluate(() => (window as unknown as MapWindow).__map.jumpTo({ zoom: 4 }));
		await settled(page);
		await expect(page.evaluate(() => (window as unknown as MapWindow).__map.getZoom())).resolves.toBe(4);
		// And the next export works.
		const png = PNG.sync.read(
			(await exportFile(page, { format: 'png', preset: 'social', ...IN_ENGLISH })).data
		);
		expect([png.width, png.height]).toEqual([1200, 675]);
		expect(log.errors).toEqual([]);
		expect(log.foreignRequests).toEqual([]);
	}, 150_000);
});

// ---------------------------------------------------------------------------------------------
// SVG

interface SvgCircle {
	id: string;
	cx: number;
	cy: number;
}

function svgCircles(svg: string): SvgCircle[] {
	return [...svg.matchAll(/<circle cx="([\d.-]+)" cy="([\d.-]+)"[^>]*data-id="([^"]+)"/g)].map((m) => ({
		cx: Number(m[1]),
		cy: Number(m[2]),
		id: m[3]!
	}));
}

/** Each label's text: its lines (tspans) joined, as a reader reads a wrapped name. */
function svgTexts(svg: string): string[] {
	return [...svg.matchAll(/<text [^>]*>((?:<tspan[^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map((m) =>
		[...m[1]!.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((t) => t[1]!).join(' ')
	);
}

function clipRect(svg: string): { x: number; y: number; width: number; height: number } {
	const m = /<clipPath[^>]*><rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/.exec(svg)!;
	return { x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) };
}

function checkSvgBasics(svg: string): void {
	expect(xmlWellFormednessErrors(svg)).toEqual([]);
	expect(svg).not.toMatch(/<image/i);
	expect(svg).not.toMatch(/<script/i);
	expect(svg).not.toMatch(/\son\w+=/i);
	expect(svg).toMatch(/<path [^>]*data-kind="(visit|arms|technology|food|labour|trade|diplomacy|letters)"/);
}

describe('SVG export', () => {
	it('is true vector, well-formed, with names in the UI language and the same framing as the screen', async () => {
		const { page, log } = await site.open();
		await settled(page);
		const [w, h] = (await liveState(page)).css as [number, number];
		const live = await livePlaces(page);
		expect(Object.keys(live).length).toBeGreaterThan(2);

		// Map only: the export is the screen, so every place is where the live map draws it.
		const plain = await exportFile(page, {
			format: 'svg',
			preset: 'view-1x',
			header: false,
			legend: false,
			credits: false
		});
		expect(plain.name).toBe(`nk-russia-flows_${LATEST}_de_${w}x${h}.svg`);
		const svg = plain.data.toString('utf8');
		checkSvgBasics(svg);
		expect(svg).toContain(`width="${w}" height="${h}"`);
		const circles = new Map(svgCircles(svg).map((c) => [c.id, c]));
		for (const [id, [x, y]] of Object.entries(live)) {
			const c = circles.get(id);
			expect(c, id).toBeDefined();
			expect(Math.abs(c!.cx - x), `${id} x`).toBeLessThan(2);
			expect(Math.abs(c!.cy - y), `${id} y`).toBeLessThan(2);
		}
		const texts = svgTexts(svg);
		for (const id of Object.keys(live)) {
			const place = story.places.find((p) => p.id === id)!;
			expect(texts, place.name.de).toContain(place.name.de);
			if (place.name.en !== place.name.de) expect(texts).not.toContain(place.name.en);
		}

		// With header and footer the map rect is shorter: the same view, scaled to fit, centred.
		const framed = (
			await exportFile(page, { format: 'svg', header: true, legend: true, credits: true })
		).data.toString('utf8');
		checkSvgBasics(framed);
		const rect = clipRect(framed);
		expect(rect.height).toBeLessThan(h);
		const fit = Math.min(rect.width / w, rect.height / h);
		const framedCircles = new Map(svgCircles(framed).map((c) => [c.id, c]));
		for (const [id, [x, y]] of Object.entries(live)) {
			const c = framedCircles.get(id)!;
			expect(Math.abs(c.cx - (rect.x + rect.width / 2 + (x - w / 2) * fit)), `${id} x`).toBeLessThan(2);
			expect(Math.abs(c.cy - (rect.y + rect.height / 2 + (y - h / 2) * fit)), `${id} y`).toBeLessThan(2);
		}
		expect(framed).toContain(story.title.de.replace(/&/g, '&amp;'));

		// Full HD for a designer: the basemap clipped to the artboard, so the file stays small.
		const fullHd = (await exportFile(page, { format: 'svg', preset: 'full-hd' })).data;
		console.log(`SVG export 1920x1080: ${(fullHd.byteLength / 1024).toFixed(0)} KB`);
		expect(fullHd.byteLength).toBeLessThan(300 * 1024);
		const hd = fullHd.toString('utf8');
		const margin = 16 * presetPixelRatio(1920) + 1;
		for (const id of ['land', 'coastline', 'borders']) {
			const start = hd.indexOf(`id="${id}"`);
			const end = hd.indexOf(id === 'land' ? 'id="patrol-waters"' : '/>', start);
			const numbers = [...hd.slice(start, end).matchAll(/[ML]?(-?[\d.]+) (-?[\d.]+)/g)];
			expect(numbers.length, id).toBeGreaterThan(100);
			for (const [, x, y] of numbers) {
				expect(Number(x)).toBeGreaterThanOrEqual(-margin);
				expect(Number(x)).toBeLessThanOrEqual(1920 + margin);
				expect(Number(y)).toBeGreaterThanOrEqual(-margin);
				expect(Number(y)).toBeLessThanOrEqual(1080 + margin);
			}
		}

		// In English the labels and the file name follow the language.
		await closeDialog(page);
		await page.getByRole('button', { name: 'Switch to English' }).click();
		await settled(page);
		const english = await exportFile(page, { format: 'svg', openName: 'Export', downloadName: 'Download' });
		expect(english.name).toMatch(/_en_\d+x\d+\.svg$/);
		const englishTexts = svgTexts(english.data.toString('utf8'));
		for (const id of Object.keys(live)) {
			const place = story.places.find((p) => p.id === id)!;
			expect(englishTexts, place.name.en).toContain(place.name.en);
		}
		expect(log.errors).toEqual([]);
		expect(log.foreignRequests).toEqual([]);
	}, 120_000);

	it('names what the map names, where the map puts it: every label layer within 1 px', async () => {
		const { page, log } = await site.open({ path: '?lang=en', locale: 'en-US' });
		await settled(page);
		const svg = (
			await exportFile(page, {
				format: 'svg',
				preset: 'view-1x',
				header: false,
				legend: false,
				credits: false,
				openName: 'Export',
				downloadName: 'Download'
			})
		).data.toString('utf8');
		// The SVG's names by group, as svg.ts writes them: lines, size, weight, alignment, spacing.
		const GROUPS: Record<string, string[]> = {
			'place-labels': ['places-label'],
			'area-labels': ['patrol-waters-label', 'regions-label'],
			'country-labels': ['country-labels'],
			'story-country-labels': ['story-country-labels'],
			'flow-labels': ['flow-labels-cable', 'flow-labels-route']
		};
		const labels = Object.keys(GROUPS).flatMap((group) => {
			const start = svg.indexOf(`id="${group}-text"`);
			expect(start, group).toBeGreaterThan(0);
			const body = svg.slice(start, svg.indexOf('</g>', start));
			return [...body.matchAll(/<text ([^>]*)>((?:<tspan [^>]*>[^<]*<\/tspan>)+)<\/text>/g)].map((m) => ({
				group,
				size: Number(/font-size="([\d.]+)"/.exec(m[1]!)![1]),
				bold: m[1]!.includes('font-weight="700"'),
				spacing: Number(/letter-spacing="([\d.]+)"/.exec(m[1]!)?.[1] ?? 0),
				anchor: /text-anchor="(\w+)"/.exec(m[1]!)?.[1] ?? 'start',
				lines: [...m[2]!.matchAll(/<tspan x="([\d.-]+)" y="([\d.-]+)">([^<]*)<\/tspan>/g)].map((t) => ({
					x: Number(t[1]),
					baseline: Number(t[2]),
					text: t[3]!
						.replace(/&amp;/g, '&')
						.replace(/&quot;/g, '"')
						.replace(/&apos;/g, "'")
				}))
			}));
		});
		expect(labels.length).toBeGreaterThan(8);
		// Their boxes, measured in the page's own Noto Sans (the SVG sets each baseline 0.35 em
		// below the middle of its 1.2 em line box).
		const boxes = await page.evaluate((list) => {
			const ctx = document.createElement('canvas').getContext('2d')!;
			return list.map((l) => {
				ctx.font = `${l.bold ? 700 : 400} ${l.size}px "Noto Sans"`;
				ctx.letterSpacing = `${l.spacing}px`;
				const width = Math.max(...l.lines.map((line) => ctx.measureText(line.text).width));
				const x = l.lines[0]!.x;
				const x1 = l.anchor === 'middle' ? x - width / 2 : l.anchor === 'end' ? x - width : x;
				const y1 = l.lines[0]!.baseline - 0.35 * l.size - 0.6 * l.size;
				// The letters end a spacing before the advance does (spacing follows every letter).
				return { x1, x2: x1 + width - l.spacing, y1, y2: y1 + l.lines.length * 1.2 * l.size };
			});
		}, labels);
		// What MapLibre placed on the live map: its collision index, read directly (internal API,
		// unlike the export, which asks queryRenderedFeatures): text boxes plus text-padding.
		const grid = await placedLabels(page);
		const norm = (t: string) => t.replace(/\s+/g, ' ').trim().toLowerCase();
		const layersOf = (group: string) => GROUPS[group]!;
		const expected = grid
			.filter((g) => Object.values(GROUPS).flat().includes(g.layer))
			.map((g) => `${g.layer}: ${norm(g.text)}`)
			.sort();
		const found = labels
			.map((l) => {
				const text = norm(l.lines.map((line) => line.text).join(' '));
				const match = grid.find((g) => layersOf(l.group).includes(g.layer) && norm(g.text) === text);
				return `${match?.layer ?? l.group}: ${text}`;
			})
			.sort();
		// The same names: not one more, not one fewer (the train's, the cables', the countries').
		expect(found).toEqual(expected);
		for (const [i, l] of labels.entries()) {
			const text = norm(l.lines.map((line) => line.text).join(' '));
			const g = grid.find((g) => layersOf(l.group).includes(g.layer) && norm(g.text) === text)!;
			const pad = g.layer === 'places-label' ? 1 : 2;
			const map = { x1: g.box.x1 + pad, x2: g.box.x2 - pad, y1: g.box.y1 + pad, y2: g.box.y2 - pad };
			const box = boxes[i]!;
			// Where it is: the edge it hangs from (or its middle), and its middle height, within 1 px.
			const at =
				l.anchor === 'start'
					? [box.x1, map.x1]
					: l.anchor === 'end'
						? [box.x2, map.x2]
						: [(box.x1 + box.x2) / 2, (map.x1 + map.x2) / 2];
			expect(Math.abs(at[0]! - at[1]!), `${text}: ${l.anchor} x`).toBeLessThanOrEqual(1);
			expect(
				Math.abs((box.y1 + box.y2) / 2 - (map.y1 + map.y2) / 2),
				`${text}: middle y`
			).toBeLessThanOrEqual(1);
			// How big. Names whose size follows the zoom (countries, areas) are drawn at the zoom's
			// size, but MapLibre sizes their collision boxes at the next whole zoom's: there the box
			// is the drawn name scaled about its middle, by one factor for width and height.
			const [w, h] = [box.x2 - box.x1, box.y2 - box.y1];
			const [mw, mh] = [map.x2 - map.x1, map.y2 - map.y1];
			const zoomSized = ['country-labels', 'story-country-labels', 'patrol-waters-label', 'regions-label'];
			if (zoomSized.includes(g.layer)) {
				expect(mh / h, `${text}: box scale`).toBeGreaterThanOrEqual(1);
				expect(mh / h, `${text}: box scale`).toBeLessThanOrEqual(1.25);
				expect(Math.abs(mw / w - mh / h), `${text}: same scale across and down`).toBeLessThanOrEqual(0.03);
			} else {
				expect(Math.abs(h - mh), `${text}: height`).toBeLessThanOrEqual(1);
				// The browser's Noto Sans against MapLibre's glyph advances (whole pixels at 24 px).
				expect(Math.abs(w - mw), `${text}: width`).toBeLessThanOrEqual(0.02 * mw + 0.5);
			}
		}
		expect(log.errors).toEqual([]);
	}, 120_000);

	it('carries its font: the embedded subset draws Noto Sans where none is installed, outlines leave no text', async () => {
		const { page, log } = await site.open({ path: '?lang=en', locale: 'en-US' });
		await settled(page);
		const embedded = (await exportFile(page, { format: 'svg', ...IN_ENGLISH })).data.toString('utf8');
		expect(xmlWellFormednessErrors(embedded)).toEqual([]);
		for (const weight of [400, 700])
			expect(embedded).toMatch(
				new RegExp(
					`@font-face\\{font-family:"Noto Sans";font-style:normal;font-weight:${weight};src:url\\(data:font/ttf;base64,`
				)
			);
		const outlined = (
			await exportFile(page, { format: 'svg', svgText: 'outlines', ...IN_ENGLISH })
		).data.toString('utf8');
		expect(outlined).not.toContain('<text');
		expect(outlined).toContain(`aria-label="${story.title.en}"`);
		expect(outlined.length).toBeLessThan(1_000_000);

		// The title as the app sets it: bold Noto Sans at the SVG's size.
		const size = Number(
			/<text [^>]*font-size="([\d.]+)"[^>]*font-weight="700"[^>]*>[^<]*<\/text>/.exec(embedded)?.[1]
		);
		expect(size).toBeGreaterThan(10);
		const expected = await page.evaluate(
			([text, px]) => {
				const ctx = document.createElement('canvas').getContext('2d')!;
				ctx.font = `700 ${px}px "Noto Sans"`;
				return ctx.measureText(text).width;
			},
			[story.title.en, size] as const
		);
		// A blank page of the same browser, with none of the app's fonts: only the file's own.
		const bare = await page.context().newPage();
		const titleWidth = async (svg: string) => {
			await bare.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
			await bare.evaluate(() => document.fonts.ready);
			return bare.evaluate(() => {
				const header = document.querySelector('#header')!;
				const text = header.querySelector('text');
				return text
					? text.getComputedTextLength()
					: (header.querySelector('g') as SVGGElement).getBBox().width;
			});
		};
		// Renamed, so no Noto Sans on this machine can stand in for the embedded one.
		const rename = (svg: string, family: string) => svg.replaceAll('Noto Sans', family);
		const withFont = await titleWidth(rename(embedded, 'Embedded Sans'));
		const withoutFont = await titleWidth(
			rename(embedded.replace(/<style[^]*?<\/style>/, ''), 'Embedded Sans')
		);
		const asOutlines = await titleWidth(outlined);
		await bare.close();
		expect(Math.abs(withFont - expected) / expected, 'embedded font').toBeLessThan(0.01);
		// The check can tell fonts apart: without the subset, the fallback font sets another width.
		expect(Math.abs(withoutFont - expected) / expected, 'fallback font').toBeGreaterThan(0.02);
		// Outlines: the ink of the letters, a little narrower than their advances.
		expect(Math.abs(asOutlines - expected) / expected, 'outlines').toBeLessThan(0.03);
		expect(log.errors).toEqual([]);
	}, 180_000);

	it('says which characters its font lacks instead of dropping them silently', async () => {
		const { page, log } = await site.open({ path: '?lang=en', locale: 'en-US' });
		await settled(page);
		await openDialog(page, 'Export');
		const dialog = dialogOf(page);
		const status = () => dialog.getByTestId('export-status').textContent();
		await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Kim → Putin');
		// Outlines and the PDF leave it out; an SVG with its font embedded keeps it as text.
		for (const choice of [{ format: 'pdf' }, { format: 'svg', svgText: 'outlines' }] as const) {
			await exportFile(page, { ...choice, ...IN_ENGLISH });
			await expect.poll(status, { timeout: 30_000 }).toContain('Not in the font, so left out: →');
		}
		await exportFile(page, { format: 'svg', svgText: 'embedded', ...IN_ENGLISH });
		await expect.poll(status, { timeout: 30_000 }).toContain('Not in the embedded font');
		expect(await status()).toContain(': →');
		// A title the font has in full: nothing to say.
		await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill('Kim – Putin, Москва');
		await exportFile(page, { format: 'svg', ...IN_ENGLISH });
		await expect.poll(status, { timeout: 30_000 }).toContain('Saved:');
		expect(await status()).not.toContain('left out');
		expect(log.errors).toEqual([]);
	}, 180_000);

	it('puts the export date into the metadata of PNG and SVG, and onto the picture only when asked', async () => {
		const { page } = await site.open();
		await settled(page);
		const before = Date.now();
		const png = await exportFile(page, { format: 'png', preset: 'full-hd', credits: true });
		const texts = pngTexts(new Uint8Array(png.data));
		expect(texts.Title).toBe(story.title.de);
		expect(texts.Source).toContain('ZDFheute');
		// The alt text: the map in words.
		expect(texts.Description).toContain(`${story.flows.length} Linien, jede eine Aussage des Artikels`);
		const created = Date.parse(texts['Creation Time']!);
		// RFC 1123 keeps whole seconds.
		expect(created).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000);
		expect(created).toBeLessThanOrEqual(Date.now());
		// The file still decodes: the chunks are well-formed.
		expect(PNG.sync.read(png.data).width).toBe(1920);

		const svg = (await exportFile(page, { format: 'svg', credits: true })).data.toString('utf8');
		const date = /<dc:date>([^<]+)<\/dc:date>/.exec(svg)?.[1];
		expect(Date.parse(date!)).toBeGreaterThanOrEqual(before - 1000);
		expect(svg).not.toContain('Exportiert am');
		const dated = (await exportFile(page, { format: 'svg', credits: true, date: true })).data.toString(
			'utf8'
		);
		expect(dated).toContain('Exportiert am');
	}, 180_000);

	it("heads an exported story step with the step's title, the story's beneath it", async () => {
		const { page } = await site.open({ path: '?step=3&lang=en', locale: 'en-US' });
		await settled(page);
		const step = story.steps![2]!;
		const file = await exportFile(page, {
			format: 'svg',
			header: true,
			openName: 'Export',
			downloadName: 'Download'
		});
		// The step's date is the file's: what had begun by the end of July.
		expect(file.name).toMatch(new RegExp(`^nk-russia-flows_${step.until}_en_\\d+x\\d+\\.svg$`));
		// Header lines are <text> elements of their own: the title first, bold, then the story's.
		const svg = file.data.toString('utf8');
		const headers = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
		expect(headers[0]).toBe(step.title.en);
		expect(headers[1]).toBe(story.title.en);
		expect(svg).toMatch(new RegExp(`font-weight="700"[^>]*>${step.title.en}<`));
	}, 120_000);

	it("prints the journalist's own words: edited title in PNG pixels and SVG text, kept in the URL", async () => {
		const { page, log } = await site.open({ path: '?lang=en', locale: 'en-US' });
		await settled(page);
		await openDialog(page, 'Export');
		const dialog = dialogOf(page);
		// Prefilled from the story, in the reader's language.
		await expect(dialog.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).resolves.toBe(
			story.title.en
		);
		const title = 'WWWW Arms for grain?';
		await dialog.getByRole('textbox', { name: 'Title', exact: true }).fill(title);
		await dialog.getByRole('textbox', { name: 'Deck', exact: true }).fill('');
		await dialog.getByRole('textbox', { name: 'Credit', exact: true }).fill('Graphic: A. Sample');
		await dialog.locator('input[name="export-filters"]').check();
		// The alt text is the live map's own description of itself, editable...
		const described = await page.getByTestId('map').getAttribute('aria-describedby');
		const description = (await page.locator(`#${described}`).textContent())!;
		expect(description).toContain(`${story.flows.length} lines, each a claim from the article`);
		const offered = await dialog.locator('#export-alt').inputValue();
		expect(offered).toContain(`${story.flows.length} lines, each a claim from the article`);
		// ...but it names only the places the picture shows: Moscow is far off the screen's frame.
		expect(description).toContain('Moscow');
		expect(offered).not.toContain('Moscow');
		expect(offered).toContain('Pyongyang');
		const alt = 'A map of the claimed and possible deals between North Korea and Russia.';
		await dialog.locator('#export-alt').fill(alt);
		await page.waitForFunction(
			() => new URL(location.href).searchParams.get('credit') === 'Graphic: A. Sample'
		);
		expect(new URL(page.url()).searchParams.get('title')).toBe(title);
		expect(new URL(page.url()).searchParams.get('deck')).toBe('');

		const svg = (await exportFile(page, { format: 'svg', ...IN_ENGLISH })).data.toString('utf8');
		const texts = [...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
		expect(texts[0]).toBe(title);
		expect(texts).not.toContain(presentationOf(story).deck!.en);
		expect(texts).toContain('Graphic: A. Sample');
		expect(texts).toContain(
			'Shown: everything the article reports, gives as a claim or reports as possible.'
		);
		expect(/<dc:title>([^<]+)<\/dc:title>/.exec(svg)?.[1]).toBe(title);
		expect(/<desc>([^<]+)<\/desc>/.exec(svg)?.[1]).toBe(alt);

		// In the PNG's pixels: the title line's ink is as wide as the browser sets the new title.
		const png = PNG.sync.read(
			(await exportFile(page, { format: 'png', preset: 'full-hd', ...IN_ENGLISH })).data
		);
		const { headerBottom } = bands(png);
		const dark = (x: number, y: number) => {
			const [r, g, b] = pixel(png, x, y);
			return r + g + b < 200;
		};
		let left = png.width;
		let right = -1;
		for (let y = 0; y < headerBottom; y++)
			for (let x = 0; x < png.width; x++)
				if (dark(x, y)) {
					left = Math.min(left, x);
					right = Math.max(right, x);
				}
		const titleSize = 28 * defaultLayoutScale(1920);
		const expected = await page.evaluate(
			([text, px]) => {
				const ctx = document.createElement('canvas').getContext('2d')!;
				ctx.font = `700 ${px}px "Noto Sans", sans-serif`;
				return ctx.measureText(text).width;
			},
			[title, titleSize] as const
		);
		expect(
			Math.abs(right - left + 1 - expected),
			`title ink ${right - left + 1} px, set ${expected} px`
		).toBeLessThan(titleSize * 0.25);

		// A reload keeps the words: they are in the URL.
		await page.reload();
		await page.waitForSelector('[data-testid="map"][aria-busy="false"]', { timeout: 60_000 });
		await settled(page);
		await openDialog(page, 'Export');
		await expect(dialog.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).resolves.toBe(
			title
		);
		await dialog.getByRole('button', { name: "Restore the story's text" }).click();
		await expect(dialog.getByRole('textbox', { name: 'Title', exact: true }).inputValue()).resolves.toBe(
			story.title.en
		);
		await page.waitForFunction(() => !new URL(location.href).searchParams.has('title'));
		expect(log.errors).toEqual([]);
	}, 180_000);
});

// ---------------------------------------------------------------------------------------------
// PDF

describe('PDF export', () => {
	it('prints A4, A3 and a custom sheet at their exact size, vector only, with the edited title as text', async () => {
		const { page, log } = await site.open();
		await settled(page);
		await openDialog(page);
		await dialogOf(page).locator('input[name="export-format"][value="pdf"]').check();
		await dialogOf(page).getByRole('textbox', { name: 'Titel', exact: true }).fill('Waffen gegen Weizen?');
		const sheets = [
			['a4-landscape', 841.89, 595.28, '297x210mm'],
			['a3-portrait', 841.89, 1190.55, '297x420mm']
		] as const;
		for (const [preset, width, height, size] of sheets) {
			const file = await exportFile(page, { format: 'pdf', preset });
			console.log(
				`PDF export ${preset}: ${(file.ms / 1000).toFixed(1)} s, ${(file.data.byteLength / 1024).toFixed(0)} KB`
			);
			expect(file.name).toBe(`nk-russia-flows_${LATEST}_de_${size}.pdf`);
			expect(file.data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
			const pdf = await readPdf(new Uint8Array(file.data));
			expect(pdf.pages).toHaveLength(1);
			const sheet = pdf.pages[0]!;
			expect(sheet.width).toBeCloseTo(width, 1);
			expect(sheet.height).toBeCloseTo(height, 1);
			const text = sheet.text.join(' ');
			expect(text).toContain('Waffen gegen Weizen?');
			// Both sheets frame the story: the portrait one with its narrow (phone) frame, without Beijing.
			for (const place of ['Pjöngjang', 'Wladiwostok', 'Sinpo']) expect(text, preset).toContain(place);
			expect(text.includes('Peking'), preset).toBe(preset === 'a4-landscape');
			expect(text).toContain('ZDFheute');
			// Vector only: many paths and fills, text shown as text, no image anywhere.
			expect(sheet.ops.images).toBe(0);
			expect(sheet.ops.paths).toBeGreaterThan(50);
			expect(sheet.ops.paints).toBeGreaterThan(50);
			expect(sheet.ops.texts).toBeGreaterThan(20);
			expect(sheet.fonts.length).toBeGreaterThanOrEqual(2);
			for (const font of sheet.fonts) expect(font.embedded, font.name).toBe(true);
			expect(pdf.info.Title).toBe('Waffen gegen Weizen?');
			expect(pdf.info.Language).toBe('de');
			expect(String(pdf.info.Subject)).toContain('Orte: Pjöngjang');
		}
		// A sheet of one's own, and a size that cannot be: refused before anything is made.
		await openDialog(page);
		const dialog = dialogOf(page);
		await dialog.locator('#export-paper').selectOption('custom');
		await dialog.locator('input[name="export-width-mm"]').fill('20');
		await expect(dialog.getByTestId('export-size-problem').textContent()).resolves.toContain('50');
		await expect(
			dialog.getByRole('button', { name: 'Herunterladen', exact: true }).isDisabled()
		).resolves.toBe(true);
		await dialog.locator('input[name="export-width-mm"]').fill('500');
		await dialog.locator('input[name="export-height-mm"]').fill('250');
		const custom = await exportFile(page, { format: 'pdf' });
		expect(custom.name).toBe(`nk-russia-flows_${LATEST}_de_500x250mm.pdf`);
		const sheet = (await readPdf(new Uint8Array(custom.data))).pages[0]!;
		expect(sheet.width).toBeCloseTo((500 * 72) / 25.4, 1);
		expect(sheet.height).toBeCloseTo((250 * 72) / 25.4, 1);
		expect(log.errors).toEqual([]);
		expect(log.foreignRequests).toEqual([]);
	}, 300_000);
});

// ---------------------------------------------------------------------------------------------
// Data

describe('data export', () => {
	it('GeoJSON validates and round-trips; CSV has a header and one row per visible flow', async () => {
		const { page, log } = await site.open();
		await settled(page);
		const geo = await exportFile(page, { format: 'geojson' });
		expect(geo.name).toBe(`nk-russia-flows_${LATEST}_de.geojson`);
		const text = geo.data.toString('utf8');
		const parsed = exportGeoJsonSchema.parse(JSON.parse(text));
		expect(JSON.stringify(parsed, null, 2) + '\n').toBe(text);
		const flowIds = parsed.features.filter((f) => f.properties.type === 'flow').map((f) => f.id);
		expect(flowIds.sort()).toEqual(story.flows.map((f) => f.id).sort());

		const csvFile = await exportFile(page, { format: 'csv' });
		expect(csvFile.name).toBe(`nk-russia-flows_${LATEST}_de.csv`);
		const csv = csvFile.data.toString('utf8');
		expect(csv.startsWith(CSV_BOM)).toBe(true);
		const rows = parseCsv(csv.slice(1));
		expect(rows[0]).toEqual([...CSV_COLUMNS]);
		const type = CSV_COLUMNS.indexOf('type');
		const id = CSV_COLUMNS.indexOf('id');
		expect(rows.filter((r) => r[type] === 'flow')).toHaveLength(story.flows.length);
		expect(rows.filter((r) => r[type] === 'event')).toHaveLength(story.events.length);
		expect(rows.filter((r) => r[type] === 'area')).toHaveLength(story.areas.length);

		// For German Excel: the same table with semicolons, named as such.
		const semicolon = await exportFile(page, { format: 'csv-semicolon' });
		expect(semicolon.name).toBe(`nk-russia-flows_${LATEST}_de_semicolon.csv`);
		expect(parseCsv(semicolon.data.toString('utf8').slice(1), ';')).toEqual(rows);

		// Only what is visible: switch a kind off, and both files follow.
		await closeDialog(page);
		await page.locator('input[name="kind"][value="arms"]').uncheck();
		const visible = story.flows.filter((f) => f.kind !== 'arms');
		const csvOff = parseCsv((await exportFile(page, { format: 'csv' })).data.toString('utf8').slice(1));
		expect(
			csvOff
				.filter((r) => r[type] === 'flow')
				.map((r) => r[id])
				.sort()
		).toEqual(visible.map((f) => f.id).sort());
		const geoOff = exportGeoJsonSchema.parse(
			JSON.parse((await exportFile(page, { format: 'geojson' })).data.toString('utf8'))
		);
		expect(geoOff.features.filter((f) => f.properties.type === 'flow').length).toBe(visible.length);
		expect(log.errors).toEqual([]);
		expect(log.foreignRequests).toEqual([]);
	});
});

// ---------------------------------------------------------------------------------------------
// The dialog itself

describe('export dialog', () => {
	it('works on a phone: fits the screen, keeps focus inside, Escape closes, controls are labelled', async () => {
		const { page } = await site.open({ viewport: { width: 390, height: 844 } });
		await page.getByRole('button', { name: 'Exportieren', exact: true }).click();
		const dialog = dialogOf(page);
		// The dialog's controls are loaded on first open: wait for them, not for a fixed time.
		await dialog.getByRole('radio', { name: 'PNG (Bild)' }).waitFor({ timeout: 60_000 });
		const box = (await dialog.boundingBox())!;
		expect(box.x).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width).toBeLessThanOrEqual(390);
		expect(box.y + box.height).toBeLessThanOrEqual(844);
		// The modal makes the page inert: focus stays in the dialog.
		for (let i = 0; i < 25; i++) {
			await page.keyboard.press('Tab');
			const inside = await page.evaluate(() => {
				const active = document.activeElement;
				return !active || active === document.body || !!active.closest('dialog.export');
			});
			expect(inside).toBe(true);
		}
		// Every control has a name.
		for (const name of ['PNG (Bild)', 'SVG (Vektorgrafik)', 'GeoJSON (Geodaten)', 'CSV (Tabelle)'])
			await expect(dialog.getByRole('radio', { name }).count()).resolves.toBe(1);
		await expect(dialog.getByRole('combobox', { name: 'Größe' }).count()).resolves.toBe(1);
		for (const name of ['Titel und Unterzeile', 'Legende', 'Anmerkung und Quellen', 'Exportdatum aufdrucken'])
			await expect(dialog.getByRole('checkbox', { name }).count()).resolves.toBe(1);
		for (const name of ['Titel', 'Unterzeile', 'Anmerkung', 'Quelle', 'Credit'])
			await expect(dialog.getByRole('textbox', { name, exact: true }).count()).resolves.toBe(1);
		await expect(dialog.getByRole('img', { name: /Vorschau/ }).count()).resolves.toBe(1);
		// No serious accessibility findings in the open dialog (axe-core, as tests/e2e/a11y does).
		const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
		await page.evaluate(axeSource);
		const { violations } = (await page.evaluate(() =>
			(window as unknown as { axe: { run: (context: string) => Promise<unknown> } }).axe.run('dialog.export')
		)) as { violations: { id: string; impact: string | null }[] };
		expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
		await page.keyboard.press('Escape');
		await expect(dialog.evaluate((d) => (d as HTMLDialogElement).open)).resolves.toBe(false);
	});
});
