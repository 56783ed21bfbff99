/**
 * What the benchmark does in the browser, one function per measurement. Times are taken inside
 * the page with performance.now() wherever the start and end both happen there, so Playwright's
 * round trips do not count. Nothing here asserts a time: the benchmark reports, it does not test.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import type { Map as MapLibreMap } from 'maplibre-gl';

export const VIEWPORT = { width: 1280, height: 800 };
export const MAP_READY = '[data-testid="map"][aria-busy="false"]';

interface BaselineHooks {
	toggleLayer: string;
	exportPng: (
		width: number,
		height: number,
		pixelRatio: number
	) => Promise<{ ms: number; width: number; height: number; bytes: number }>;
}

interface LoadMarks {
	change?: number;
	status?: number;
	flowsRequested?: number;
	flowsData?: number;
	loadedFrame?: number;
	idle?: number;
}

interface ExportStep {
	text: string;
	progress: number | null;
	t: number;
}

type BenchWindow = Window & {
	__map: MapLibreMap;
	__benchReadyAt?: number | null;
	__bench?: BaselineHooks;
	__benchLoad?: LoadMarks;
	__benchExport?: { submit: number | null; steps: ExportStep[] };
};

export interface Opened {
	context: BrowserContext;
	page: Page;
	/** Every URL the page requested, in order. */
	requests: string[];
	/** URLs a service worker of the page fetched (e.g. a precache on install). */
	serviceWorkerRequests: string[];
	/** Requests that left the benchmark's origin (must stay empty: no network). */
	foreign: string[];
	errors: string[];
	/** Navigation start to aria-busy="false" on the map, in ms (the page's own clock). */
	readyMs: number;
}

/** A fresh browser context (empty cache, no service worker) with one page, opened and ready. */
export async function openFresh(
	browser: Browser,
	url: string,
	origin: string,
	options: {
		timeout?: number;
		instrumentGL?: boolean;
		/** Runs after the page exists and before it navigates (e.g. to start a profiler). */
		beforeGoto?: (page: Page, context: BrowserContext) => Promise<void>;
	} = {}
): Promise<Opened> {
	const context = await browser.newContext({
		viewport: VIEWPORT,
		deviceScaleFactor: 1,
		locale: 'de-DE',
		acceptDownloads: true
	});
	// tsx (esbuild keepNames) wraps named functions in a `__name` helper, also in the functions
	// handed to page.evaluate: give the page a no-op one.
	await context.addInitScript({ content: 'globalThis.__name ??= (f) => f;' });
	if (options.instrumentGL) await context.addInitScript({ content: GL_COUNTERS });
	// Records the moment the ready signal appears, from the first script on.
	await context.addInitScript(() => {
		const w = window as unknown as BenchWindow;
		w.__benchReadyAt = null;
		const observer = new MutationObserver(() => {
			if (w.__benchReadyAt === null && document.querySelector('[data-testid="map"][aria-busy="false"]')) {
				w.__benchReadyAt = performance.now();
				observer.disconnect();
			}
		});
		observer.observe(document, {
			subtree: true,
			childList: true,
			attributes: true,
			attributeFilter: ['aria-busy']
		});
	});
	const page = await context.newPage();
	const requests: string[] = [];
	const foreign: string[] = [];
	const errors: string[] = [];
	const serviceWorkerRequests: string[] = [];
	context.on('request', (r) => {
		if (r.serviceWorker()) serviceWorkerRequests.push(r.url());
	});
	page.on('request', (r) => {
		const u = r.url();
		requests.push(u);
		if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) foreign.push(u);
	});
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	await options.beforeGoto?.(page, context);
	await page.goto(url);
	await page.waitForSelector(MAP_READY, { timeout: options.timeout ?? 60_000 });
	const readyMs = await page.evaluate(
		() => (window as unknown as BenchWindow).__benchReadyAt ?? performance.now()
	);
	return { context, page, requests, serviceWorkerRequests, foreign, errors, readyMs };
}

/**
 * Waits until the map has applied every change and rendered it, then two more frames; gives up
 * after `maxMs` (a map with thousands of flows in SwiftShader can take minutes to settle).
 * Resolves to whether it settled.
 */
export async function settle(page: Page, maxMs = 120_000): Promise<boolean> {
	return page.evaluate(
		(maxMs) =>
			new Promise<boolean>((resolve) => {
				const map = (window as unknown as BenchWindow).__map;
				const timer = setTimeout(() => {
					map.off('idle', check);
					resolve(false);
				}, maxMs);
				function check() {
					if (map.loaded() && !map.isMoving())
						requestAnimationFrame(() =>
							requestAnimationFrame(() => {
								clearTimeout(timer);
								resolve(true);
							})
						);
					else map.once('idle', check);
				}
				requestAnimationFrame(() => requestAnimationFrame(check));
			}),
		maxMs
	);
}

// ---------------------------------------------------------------------------------------------
// WebGL counters (profiling runs only: they wrap WebGL calls, so timed runs go without)

/**
 * Counts WebGL contexts (with their antialias / preserveDrawingBuffer), shader programs linked,
 * frames (clears of the colour buffer) and the time the page waits in the calls that block on
 * the GPU process (shader/program status, readPixels). A string, so the page gets it verbatim.
 */
const GL_COUNTERS = `(() => {
	const c = { contexts: [], programs: 0, frames: 0, blockingMs: 0 };
	globalThis.__benchGL = c;
	const getContext = HTMLCanvasElement.prototype.getContext;
	HTMLCanvasElement.prototype.getContext = function (type, attrs) {
		const ctx = getContext.call(this, type, attrs);
		if (ctx && type === 'webgl2' && !this.__benchCounted) {
			this.__benchCounted = true;
			const a = ctx.getContextAttributes() || {};
			c.contexts.push({ at: Math.round(performance.now()), antialias: !!a.antialias, preserveDrawingBuffer: !!a.preserveDrawingBuffer });
		}
		return ctx;
	};
	const P = WebGL2RenderingContext.prototype;
	const link = P.linkProgram;
	P.linkProgram = function (p) { c.programs++; return link.call(this, p); };
	for (const name of ['getShaderParameter', 'getProgramParameter', 'readPixels']) {
		const f = P[name];
		P[name] = function (...args) { const t = performance.now(); try { return f.apply(this, args); } finally { c.blockingMs += performance.now() - t; } };
	}
	const clear = P.clear;
	P.clear = function (mask) { if (mask & this.COLOR_BUFFER_BIT) c.frames++; return clear.call(this, mask); };
})();`;

export interface GLCounters {
	contexts: { at: number; antialias: boolean; preserveDrawingBuffer: boolean }[];
	programs: number;
	frames: number;
	blockingMs: number;
}

/** The counters so far (needs openFresh(..., { instrumentGL: true })). */
export async function glCounters(page: Page): Promise<GLCounters | null> {
	return page.evaluate(
		() => ((window as unknown as { __benchGL?: GLCounters }).__benchGL ?? null) as GLCounters | null
	);
}

/** What happened between two snapshots of the counters. */
export function glDelta(before: GLCounters | null, after: GLCounters | null): GLCounters | null {
	if (!before || !after) return after;
	return {
		contexts: after.contexts.slice(before.contexts.length),
		programs: after.programs - before.programs,
		frames: after.frames - before.frames,
		blockingMs: after.blockingMs - before.blockingMs
	};
}

// ---------------------------------------------------------------------------------------------
// Toggle

/**
 * One toggle, timed from the change (performance.now() just before the change is made, in the
 * page) to:
 * - `frame`: the end of the first map frame drawn after the change with every source loaded
 *   (`render` event with map.loaded() true) -- the first frame that shows the new state; this is
 *   the headline figure;
 * - `idle`: the map's next `idle` (also symbol fades and placement finished).
 * Both include everything on the main thread in between (Svelte updates, style diff, worker
 * re-layout of the affected source's tiles).
 */
export interface ToggleSample {
	frame: number | null;
	idle: number | null;
	/** Whether the map had settled before the change (false: it was still busy with earlier work). */
	settled?: boolean;
}

async function timedChange(
	page: Page,
	change: { kind: string } | { layer: 'baseline' },
	idleCapMs: number
): Promise<ToggleSample> {
	return page.evaluate(
		({ change, idleCapMs }) =>
			new Promise<{ frame: number | null; idle: number | null }>((resolve) => {
				const w = window as unknown as BenchWindow;
				const map = w.__map;
				let frame: number | null = null;
				let done = false;
				const onRender = () => {
					if (frame === null && map.loaded()) {
						frame = performance.now() - t0;
						// Once the change is on screen, wait for idle only so long.
						setTimeout(() => finish(null), idleCapMs);
					}
				};
				const finish = (idle: number | null) => {
					if (done) return;
					done = true;
					clearTimeout(timer);
					map.off('render', onRender);
					map.off('idle', onIdle);
					resolve({ frame, idle });
				};
				const onIdle = () => finish(performance.now() - t0);
				// A change that draws nothing new would never reach idle: give up after 5 minutes.
				const timer = setTimeout(() => finish(null), 300_000);
				map.on('render', onRender);
				map.on('idle', onIdle);
				const t0 = performance.now();
				if ('kind' in change) {
					document.querySelector<HTMLInputElement>(`input[name="kind"][value="${change.kind}"]`)!.click();
				} else {
					const layer = w.__bench!.toggleLayer;
					const visible = map.getLayoutProperty(layer, 'visibility') !== 'none';
					map.setLayoutProperty(layer, 'visibility', visible ? 'none' : 'visible');
				}
			}),
		{ change, idleCapMs }
	);
}

export interface ToggleOptions {
	/** Toggles to make (alternately off and on); default 2. */
	count?: number;
	/** After the change is on screen, wait at most this long for idle (default 60 s). */
	idleCapMs?: number;
	/** Wait at most this long for the map to settle before each toggle (default 120 s). */
	settleMs?: number;
}

/** Toggles the app's `kind` checkbox off and on again: one sample per toggle. */
export async function toggleApp(
	page: Page,
	kind = 'arms',
	options: ToggleOptions = {}
): Promise<ToggleSample[]> {
	const out: ToggleSample[] = [];
	for (let i = 0; i < (options.count ?? 2); i++) {
		const settled = await settle(page, options.settleMs);
		out.push({ ...(await timedChange(page, { kind }, options.idleCapMs ?? 60_000)), settled });
	}
	return out;
}

/** The baseline's bare `setLayoutProperty(layer, 'visibility', ...)`, off and on. */
export async function toggleBaseline(page: Page, options: ToggleOptions = {}): Promise<ToggleSample[]> {
	const out: ToggleSample[] = [];
	for (let i = 0; i < (options.count ?? 2); i++) {
		const settled = await settle(page, options.settleMs);
		out.push({ ...(await timedChange(page, { layer: 'baseline' }, options.idleCapMs ?? 60_000)), settled });
	}
	return out;
}

// ---------------------------------------------------------------------------------------------
// Export

// ---------------------------------------------------------------------------------------------
// Hover

/**
 * One hover over a flow in the list, timed on the main thread: `sync` is the pointer event with
 * everything it starts before the next task (Svelte's update, the feature-state calls), `frame`
 * is the map's next frame (`Map._render`, which redraws with the new state). `main` is the sum:
 * the time the main thread is busy because of the hover. Waiting for the display is not in it.
 */
export interface HoverSample {
	sync: number;
	frame: number | null;
	main: number | null;
}

export async function hoverApp(page: Page, count = 6): Promise<HoverSample[]> {
	const out: HoverSample[] = [];
	for (let i = 0; i < count; i++) {
		await settle(page);
		out.push(
			await page.evaluate(
				(i) =>
					new Promise<HoverSample>((resolve) => {
						// MapLibre's per-frame method: wrapped on this instance to time the next frame.
						const map = (window as unknown as BenchWindow).__map as unknown as {
							_render: (t: number) => unknown;
						};
						const buttons = [...document.querySelectorAll<HTMLElement>('[data-flow-id]')];
						const target = buttons[i % buttons.length]!;
						const render = map._render;
						let sync = 0;
						const timeout = setTimeout(() => done(null), 10_000);
						const done = (frame: number | null) => {
							clearTimeout(timeout);
							map._render = render;
							target.dispatchEvent(new MouseEvent('mouseleave'));
							resolve({ sync, frame, main: frame === null ? null : sync + frame });
						};
						map._render = function (this: unknown, t: number) {
							const start = performance.now();
							const result = render.call(this, t);
							done(performance.now() - start);
							return result;
						};
						const t0 = performance.now();
						target.dispatchEvent(new MouseEvent('mouseenter'));
						// Svelte flushes its effects in a microtask queued by the event: measure after it.
						queueMicrotask(() => queueMicrotask(() => (sync = performance.now() - t0)));
					}),
				i
			)
		);
	}
	return out;
}

export interface ExportSample {
	/** Form submit (the Download click) to the status saying the file was handed over, in ms. */
	ms: number;
	width: number;
	height: number;
	bytes: number;
	/**
	 * Time in each step the dialog shows, in ms: fonts, map, encode. Composition runs in the same
	 * task as the end of the map step, so the dialog never paints it: it is counted in `map`, with
	 * the removal of the offscreen map.
	 */
	steps: Record<string, number>;
	error?: string;
}

const STEP_BY_PROGRESS: Record<string, string> = {
	'0.05': 'fonts',
	'0.15': 'map',
	'0.8': 'compose',
	'0.9': 'encode'
};

/** PNG width and height from the IHDR chunk. */
function pngSize(data: Buffer): { width: number; height: number } {
	if (data.length < 24 || data.toString('latin1', 1, 4) !== 'PNG') return { width: 0, height: 0 };
	return { width: data.readUInt32BE(16), height: data.readUInt32BE(20) };
}

/**
 * The app's own export path, as a reader uses it: Export -> PNG -> size preset -> Download.
 * Timed in the page from the form's submit to the "done" status; the file is read back to check
 * its size in pixels.
 */
export async function exportApp(page: Page, preset: string, timeout = 240_000): Promise<ExportSample> {
	const dialog = page.getByTestId('export-dialog');
	if (!(await dialog.evaluate((d) => (d as HTMLDialogElement).open))) {
		await page.getByRole('button', { name: 'Exportieren', exact: true }).click();
	}
	// The form arrives with its code on the first open (ExportDialog.svelte): wait until it is there.
	await dialog.locator('form').waitFor({ state: 'attached' });
	await page.evaluate(() => {
		const w = window as unknown as BenchWindow;
		if (w.__benchExport) {
			w.__benchExport.submit = null;
			w.__benchExport.steps = [];
			return;
		}
		const record = { submit: null as number | null, steps: [] as ExportStep[] };
		w.__benchExport = record;
		const form = document.querySelector('[data-testid="export-dialog"] form')!;
		form.addEventListener('submit', () => (record.submit = performance.now()), { capture: true });
		const status = document.querySelector('[data-testid="export-status"]')!;
		const error = () => document.querySelector('[data-testid="export-error"]')?.textContent?.trim();
		new MutationObserver(() => {
			const text = error() ?? status.textContent?.trim() ?? '';
			const bar = status.querySelector('progress');
			const progress = bar && bar.hasAttribute('value') ? Number(bar.value) : null;
			const last = record.steps[record.steps.length - 1];
			if (text && (last?.text !== text || last.progress !== progress))
				record.steps.push({ text, progress, t: performance.now() });
		}).observe(document.querySelector('[data-testid="export-dialog"]')!, {
			subtree: true,
			childList: true,
			characterData: true,
			attributes: true
		});
	});
	await dialog.locator('input[name="export-format"][value="png"]').check();
	await dialog.locator('#export-size').selectOption(preset);
	try {
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout }),
			dialog.getByRole('button', { name: 'Herunterladen', exact: true }).click()
		]);
		const path = await download.path();
		const data = path ? await readFile(path) : Buffer.alloc(0);
		const name = download.suggestedFilename();
		await page.waitForFunction(
			(name) => (window as unknown as BenchWindow).__benchExport!.steps.some((s) => s.text.includes(name)),
			name,
			{ timeout: 10_000, polling: 50 }
		);
		const record = await page.evaluate(() => (window as unknown as BenchWindow).__benchExport!);
		const done = record.steps.find((s) => s.text.includes(name))!;
		const steps: Record<string, number> = {};
		const marks = record.steps.filter((s) => s.progress !== null && STEP_BY_PROGRESS[String(s.progress)]);
		marks.forEach((s, i) => {
			const end = marks[i + 1]?.t ?? done.t;
			steps[STEP_BY_PROGRESS[String(s.progress)]!] = end - s.t;
		});
		return { ms: done.t - record.submit!, ...pngSize(data), bytes: data.length, steps };
	} catch (e) {
		const record = await page
			.evaluate(() => (window as unknown as BenchWindow).__benchExport!)
			.catch(() => null);
		const last = record?.steps.at(-1)?.text ?? '';
		return {
			ms: NaN,
			width: 0,
			height: 0,
			bytes: 0,
			steps: {},
			error: `${e instanceof Error ? e.message.split('\n')[0] : String(e)} ${last}`.trim()
		};
	}
}

/** The baseline's offscreen render of the same size (see tests/bench/baseline/main.mjs). */
export async function exportBaseline(
	page: Page,
	width: number,
	height: number,
	pixelRatio: number
): Promise<ExportSample> {
	const r = await page.evaluate(
		({ width, height, pixelRatio }) =>
			(window as unknown as BenchWindow).__bench!.exportPng(width, height, pixelRatio),
		{ width, height, pixelRatio }
	);
	return { ms: r.ms, width: r.width, height: r.height, bytes: r.bytes, steps: {} };
}

// ---------------------------------------------------------------------------------------------
// Story files

/**
 * Phases of loading a story file, in ms from the file input's `change` event:
 * - `status`: the loader says the file was read and valid (JSON.parse + schema);
 * - `flowsRequested`: MapLibre starts loading the new flows source (Svelte updates done, style
 *   diffed and applied);
 * - `flowsData`: the worker has the new flows (GeoJSON transferred and indexed);
 * - `frame`: first frame drawn with every source loaded (the headline: the new story is visible);
 * - `idle`: the map's next idle.
 */
export interface LoadSample {
	status: number | null;
	flowsRequested: number | null;
	flowsData: number | null;
	frame: number;
	/** null: not idle within the cap. */
	idle: number | null;
	/** Number of DOM elements on the page afterwards (the lists grow with the story). */
	domNodes: number;
	/** The loader's message (names the flow count) or its first error. */
	message: string;
}

/** Opens a story file through the story loader's file input, as a reader does. */
export async function loadStoryFile(
	page: Page,
	file: { name: string; json: string },
	options: { timeout?: number; idleCapMs?: number } = {}
): Promise<LoadSample> {
	const timeout = options.timeout ?? 300_000;
	await page.evaluate(() => {
		const w = window as unknown as BenchWindow;
		const map = w.__map;
		const marks: LoadMarks = {};
		w.__benchLoad = marks;
		const now = () => performance.now();
		const input = document.querySelector('input[data-testid="story-file"]')!;
		input.addEventListener('change', () => (marks.change ??= now()), { capture: true, once: true });
		const observer = new MutationObserver(() => {
			if (
				marks.change &&
				document.querySelector('[data-testid="story-status"], [data-testid="story-errors"]')
			) {
				marks.status ??= now();
				observer.disconnect();
			}
		});
		observer.observe(document.body, { subtree: true, childList: true, characterData: true });
		type SourceEvent = { sourceId?: string; sourceDataType?: string };
		map.on('dataloading', (e) => {
			if (marks.change && (e as SourceEvent).sourceId === 'flows') marks.flowsRequested ??= now();
		});
		map.on('data', (e) => {
			const { sourceId, sourceDataType } = e as SourceEvent;
			if (marks.change && sourceId === 'flows' && sourceDataType === 'metadata') marks.flowsData ??= now();
		});
		map.on('render', () => {
			if (marks.flowsData && marks.loadedFrame === undefined && map.loaded()) marks.loadedFrame = now();
		});
		map.on('idle', () => {
			if (marks.loadedFrame !== undefined) marks.idle ??= now();
		});
	});
	const open = page.getByTestId('story-loader');
	if (!(await open.evaluate((d) => (d as HTMLDialogElement).open))) {
		await page.getByRole('button', { name: 'Geschichte öffnen', exact: true }).click();
	}
	await page.getByTestId('story-file').setInputFiles({
		name: file.name,
		mimeType: 'application/json',
		buffer: Buffer.from(file.json)
	});
	await page.waitForFunction(
		() =>
			(window as unknown as BenchWindow).__benchLoad!.loadedFrame !== undefined ||
			!!document.querySelector('[data-testid="story-errors"]'),
		undefined,
		{ timeout, polling: 100 }
	);
	// The story is on screen; idle (placement and fades done) may take much longer with
	// thousands of flows in SwiftShader: wait for it only so long.
	await page
		.waitForFunction(() => (window as unknown as BenchWindow).__benchLoad!.idle !== undefined, undefined, {
			timeout: options.idleCapMs ?? 120_000,
			polling: 100
		})
		.catch(() => {});
	const result = await page.evaluate(() => {
		const m = (window as unknown as BenchWindow).__benchLoad!;
		const since = (t: number | undefined) =>
			t === undefined || m.change === undefined ? null : t - m.change;
		const message =
			document.querySelector('[data-testid="story-errors"] li')?.textContent?.trim() ??
			document.querySelector('[data-testid="story-status"]')?.textContent?.trim() ??
			'';
		return {
			status: since(m.status),
			flowsRequested: since(m.flowsRequested),
			flowsData: since(m.flowsData),
			frame: since(m.loadedFrame) ?? NaN,
			idle: since(m.idle),
			domNodes: document.getElementsByTagName('*').length,
			message
		};
	});
	// Close the loader as a reader would, so the page behind it is interactive again.
	await page.keyboard.press('Escape');
	await page.waitForFunction(
		() => !document.querySelector<HTMLDialogElement>('[data-testid="story-loader"]')?.open
	);
	return result;
}

// ---------------------------------------------------------------------------------------------
// Memory and profiles

/** Main-thread JS heap after a full garbage collection (CDP), in bytes. Workers not included. */
export async function heapUsed(session: CDPSession): Promise<number> {
	await session.send('HeapProfiler.collectGarbage');
	const { usedSize } = await session.send('Runtime.getHeapUsage');
	return usedSize;
}

export interface ProfileSummary {
	/** Sampled main-thread time, in ms. */
	totalMs: number;
	/** Main thread idle (waiting: for the worker, for frames). */
	idleMs: number;
	garbageCollectorMs: number;
	/** Self time per script (file name), in ms, largest first. */
	byScript: { script: string; ms: number }[];
	/** Hottest functions by self time, with where they are and a few characters of their code. */
	topFunctions: { name: string; where: string; ms: number; code: string }[];
}

interface CpuProfile {
	nodes: {
		id: number;
		callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
	}[];
	samples?: number[];
	timeDeltas?: number[];
}

/** Starts the CDP sampling profiler (main thread of the page), sampling every 0.5 ms. */
export async function startProfile(session: CDPSession): Promise<void> {
	await session.send('Profiler.enable');
	await session.send('Profiler.setSamplingInterval', { interval: 500 });
	await session.send('Profiler.start');
}

/** Stops the profiler and sums self time per script and function. */
export async function stopProfile(
	session: CDPSession,
	sourceOf: (url: string) => Promise<string | null>
): Promise<ProfileSummary> {
	const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
	await session.send('Profiler.disable');
	return summarize(profile, sourceOf);
}

/** Runs `action` under the CDP sampling profiler (main thread) and sums self time. */
export async function profiled<T>(
	session: CDPSession,
	action: () => Promise<T>,
	sourceOf: (url: string) => Promise<string | null>
): Promise<{ result: T; profile: ProfileSummary }> {
	await startProfile(session);
	let result: T;
	try {
		result = await action();
	} catch (e) {
		await session.send('Profiler.stop').catch(() => {});
		throw e;
	}
	return { result, profile: await stopProfile(session, sourceOf) };
}

async function summarize(
	profile: CpuProfile,
	sourceOf: (url: string) => Promise<string | null>
): Promise<ProfileSummary> {
	const byId = new Map(profile.nodes.map((n) => [n.id, n]));
	const self = new Map<number, number>();
	const samples = profile.samples ?? [];
	const deltas = profile.timeDeltas ?? [];
	// timeDeltas[i] is the time before sample i; the time after it is charged to that sample.
	for (let i = 0; i < samples.length; i++) {
		const dt = (deltas[i + 1] ?? 0) / 1000;
		self.set(samples[i]!, (self.get(samples[i]!) ?? 0) + dt);
	}
	let totalMs = 0;
	let idleMs = 0;
	let garbageCollectorMs = 0;
	const scripts = new Map<string, number>();
	const functions = new Map<string, { name: string; url: string; line: number; col: number; ms: number }>();
	for (const [id, ms] of self) {
		const frame = byId.get(id)!.callFrame;
		totalMs += ms;
		if (frame.functionName === '(idle)') idleMs += ms;
		if (frame.functionName === '(garbage collector)') garbageCollectorMs += ms;
		const script = frame.url
			? frame.url.replace(/^.*\//, '').replace(/\?.*$/, '')
			: frame.functionName || '(native)';
		scripts.set(script, (scripts.get(script) ?? 0) + ms);
		if (!frame.url) continue;
		const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}`;
		const f = functions.get(key) ?? {
			name: frame.functionName || '(anonymous)',
			url: frame.url,
			line: frame.lineNumber,
			col: frame.columnNumber,
			ms: 0
		};
		f.ms += ms;
		functions.set(key, f);
	}
	const top = [...functions.values()].sort((a, b) => b.ms - a.ms).slice(0, 12);
	const topFunctions = [];
	for (const f of top) {
		const source = await sourceOf(f.url);
		const line = source?.split('\n')[f.line] ?? '';
		topFunctions.push({
			name: f.name,
			where: `${f.url.replace(/^.*\//, '')}:${f.line + 1}:${f.col + 1}`,
			ms: f.ms,
			code: line.slice(f.col, f.col + 90)
		});
	}
	return {
		totalMs,
		idleMs,
		garbageCollectorMs,
		byScript: [...scripts.entries()].map(([script, ms]) => ({ script, ms })).sort((a, b) => b.ms - a.ms),
		topFunctions
	};
}
