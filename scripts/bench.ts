/**
 * `npm run bench`: load, toggle, export and scale of the built app against a bare MapLibre page
 * (tests/bench/baseline), in headless Chromium with the test suite's flags. Prints a table and
 * writes bench-results/latest.json. Not a test: no time is asserted anywhere; the exit code is 1
 * only when something did not work at all (a page error, a request off the local server, an
 * export or story load that failed).
 *
 *   tsx scripts/bench.ts [--runs N] [--smoke] [--sizes 100,1000,10000] [--no-profile] [--out file]
 *
 * --smoke: one iteration of everything with the smallest synthetic story and no extra profiling
 * runs, written to bench-results/smoke.json (CI keeps the script working with it; it needs a
 * built site in build/).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import type { Browser, CDPSession } from 'playwright-core';
import { launchChromium } from '../tests/support/browser';
import { BASELINE_PREFIX, benchMounts, serveBench, type BenchServer } from '../tests/bench/server';
import { byteReport, type ByteReport } from '../tests/bench/bytes';
import {
	exportApp,
	exportBaseline,
	glCounters,
	glDelta,
	heapUsed,
	loadStoryFile,
	openFresh,
	profiled,
	settle,
	startProfile,
	stopProfile,
	hoverApp,
	toggleApp,
	toggleBaseline,
	type ExportSample,
	type LoadSample,
	type Opened,
	type ToggleSample
} from '../tests/bench/measure';
import {
	fullReport,
	kb,
	median,
	ratio,
	type BenchResult,
	type Figure,
	type ScaleRow,
	type ScenarioProfile
} from '../tests/bench/report';
import { syntheticStoryFile } from '../tests/bench/synthetic';
import { parseStory } from '../src/lib/story/parse';
import { relationsOf } from '../src/lib/story/relations';
import { laneFeatures } from '../src/lib/map/storyFeatures';

// ---------------------------------------------------------------------------------------------
// Options

function option(name: string): string | undefined {
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
}
const smoke = process.argv.includes('--smoke');
const runs = smoke ? 1 : Math.max(1, Number(option('runs') ?? 5));
const sizes = smoke
	? [100]
	: (option('sizes') ?? '100,1000,10000')
			.split(',')
			.map(Number)
			.filter((n) => n > 0);
const doProfile = !process.argv.includes('--no-profile');
// The smoke run writes elsewhere, so CI never overwrites the figures of a full run.
const out = resolve(option('out') ?? (smoke ? 'bench-results/smoke.json' : 'bench-results/latest.json'));

/** The export sizes of the issue and the app's preset ids for them. */
const EXPORTS = [
	{ preset: 'full-hd', width: 1920, height: 1080 },
	{ preset: 'a4-landscape-300dpi', width: 3508, height: 2480 }
] as const;

/**
 * Story sizes whose first run takes longer than this are measured once: in SwiftShader a map
 * with 10,000 flows needs minutes per run, and more runs would not change the verdict.
 */
const SLOW_RUN_MS = 90_000;
/** How long to wait for idle after a story is on screen, and before / after a toggle at scale. */
const SCALE_IDLE_CAP_MS = smoke ? 30_000 : 60_000;
const SCALE_TOGGLE = { settleMs: 30_000, idleCapMs: 15_000 };

/** The app's own rule for a fixed size's pixel ratio (src/lib/export/presets.ts). */
async function presetPixelRatio(width: number): Promise<number> {
	let reference = 1200;
	try {
		reference = (await import('../src/lib/export/layout')).REFERENCE_WIDTH;
	} catch {
		// The module moved or gained browser-only imports: the documented 1200 px it is.
	}
	return Math.max(1, Math.round((width / reference) * 100) / 100);
}

/** parseStory and the lanes' geometry in Node: what the app's main thread does with a story file. */
function nodeCosts(json: string): { parseStory: number; laneFeatures: number } {
	const parse: number[] = [];
	const lines: number[] = [];
	for (let i = 0; i < 3; i++) {
		let t = performance.now();
		const r = parseStory(JSON.parse(json));
		parse.push(performance.now() - t);
		if (!r.ok) throw new Error(r.errors.join('\n'));
		t = performance.now();
		// What AppState derives: relations and lanes, then the lanes' features with their names.
		laneFeatures(r.story, relationsOf(r.story.flows));
		lines.push(performance.now() - t);
	}
	return { parseStory: median(parse)!, laneFeatures: median(lines)! };
}

const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);
const ms = (v: number | null | undefined) =>
	v === null || v === undefined || !Number.isFinite(v) ? 'n/a' : `${Math.round(v)} ms`;

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
	const started = Date.now();
	const loadStart = loadavg()[0] ?? 0;
	const root = process.cwd();
	const buildDir = resolve(root, 'build');
	if (!existsSync(join(buildDir, 'index.html'))) {
		console.error('No built site in build/: run `npm run build` first (`npm run bench` does it for you).');
		return 1;
	}
	// A private copy: other builds may rewrite build/ while the benchmark runs.
	const snapshot = mkdtempSync(join(tmpdir(), 'nk-bench-build-'));
	cpSync(buildDir, snapshot, { recursive: true });

	const problems: string[] = [];
	const server = await serveBench(benchMounts(snapshot, root));
	const browser = await launchChromium();
	const appUrl = server.url;
	const baselineUrl = new URL(BASELINE_PREFIX, server.url).href;
	const sourceOf = async (url: string) => {
		const f = await server.fileOf(url);
		return f ? readFile(f, 'utf8') : null;
	};
	log(`${smoke ? 'smoke' : 'full'} run, ${runs} run(s) per figure, sizes ${sizes.join(', ')}; ${appUrl}`);
	if (loadStart > cpus().length)
		log(
			`warning: load average ${loadStart.toFixed(1)} on ${cpus().length} cores: other work will skew the times`
		);

	const checkOpened = (what: string, o: Pick<Opened, 'errors' | 'foreign'>) => {
		for (const e of o.errors) problems.push(`${what}: page error: ${e}`);
		for (const f of o.foreign) problems.push(`${what}: request off the local server: ${f}`);
	};

	try {
		// ---- cold load (+ the requests for bytes, + heap at rest) --------------------------
		const load = { app: [] as number[], baseline: [] as number[] };
		const requested = {
			app: new Set<string>(),
			baseline: new Set<string>(),
			appServiceWorker: new Set<string>()
		};
		const heapAtRest = { app: null as number | null, baseline: null as number | null };
		for (let i = 0; i < runs; i++) {
			// Alternate the order so neither page always runs on a warmer machine.
			const order = i % 2 ? (['baseline', 'app'] as const) : (['app', 'baseline'] as const);
			for (const which of order) {
				const opened = await openFresh(browser, which === 'app' ? appUrl : baselineUrl, server.origin);
				load[which].push(opened.readyMs);
				checkOpened(`cold load ${which}`, opened);
				for (const u of opened.requests) {
					const file = await server.fileOf(u);
					if (file) requested[which].add(file);
				}
				if (i === 0) {
					const session = await opened.context.newCDPSession(opened.page);
					heapAtRest[which] = await heapUsed(session);
					if (which === 'app') {
						// What the service worker precaches on the first visit, in the background.
						await opened.page.waitForTimeout(1000);
						for (const u of opened.serviceWorkerRequests) {
							const file = await server.fileOf(u);
							if (file) requested.appServiceWorker.add(file);
						}
					}
				}
				await opened.context.close();
			}
			log(`cold load ${i + 1}/${runs}: app ${ms(load.app.at(-1))}, baseline ${ms(load.baseline.at(-1))}`);
		}

		const bytes = {
			app: await byteReport(requested.app, snapshot),
			baseline: await byteReport(requested.baseline, root),
			appServiceWorker: await byteReport(requested.appServiceWorker, snapshot)
		};

		// ---- toggle -----------------------------------------------------------------------
		const app = await openFresh(browser, appUrl, server.origin);
		const base = await openFresh(browser, baselineUrl, server.origin);
		const toggles = { app: [] as ToggleSample[], baseline: [] as ToggleSample[] };
		if (!smoke) {
			// One pair each first, not counted: the first re-layout warms the JIT and the worker.
			await toggleApp(app.page);
			await toggleBaseline(base.page);
		}
		for (let i = 0; i < runs; i++) {
			toggles.app.push(...(await toggleApp(app.page)));
			toggles.baseline.push(...(await toggleBaseline(base.page)));
		}
		log(
			`toggle: app ${ms(median(toggles.app.map((s) => s.frame)))}, baseline ${ms(median(toggles.baseline.map((s) => s.frame)))}`
		);
		const hovers = await hoverApp(app.page, smoke ? 2 : runs * 4);
		log(`hover: main thread ${ms(median(hovers.map((s) => s.main)))}`);

		// ---- export -----------------------------------------------------------------------
		const exports: Record<string, { app: ExportSample[]; baseline: ExportSample[]; pixelRatio: number }> = {};
		for (const e of EXPORTS) {
			const pixelRatio = await presetPixelRatio(e.width);
			const r = { app: [] as ExportSample[], baseline: [] as ExportSample[], pixelRatio };
			exports[`${e.width}x${e.height}`] = r;
			for (let i = 0; i < runs; i++) {
				await settle(app.page);
				const a = await exportApp(app.page, e.preset);
				r.app.push(a);
				if (a.error) problems.push(`export ${e.width}x${e.height} (app): ${a.error}`);
				else if (a.width !== e.width || a.height !== e.height)
					problems.push(`export ${e.width}x${e.height} (app): got a ${a.width}x${a.height} PNG`);
				const b = await exportBaseline(base.page, e.width, e.height, pixelRatio);
				r.baseline.push(b);
				log(
					`export ${e.width}x${e.height} ${i + 1}/${runs}: app ${a.error ? `failed (${a.error})` : ms(a.ms)}, baseline ${ms(b.ms)} (${b.width}x${b.height})`
				);
				if (a.error) break;
			}
		}
		await app.page.keyboard.press('Escape');
		checkOpened('toggle/export app', app);
		checkOpened('toggle/export baseline', base);
		await app.context.close();
		await base.context.close();

		// ---- profiles of cold load, toggle and export (extra runs, not in the medians) -----
		const profiles: ScenarioProfile[] = [];
		if (doProfile && !smoke) {
			for (const which of ['app', 'baseline'] as const) {
				let session: CDPSession | undefined;
				const opened = await openFresh(browser, which === 'app' ? appUrl : baselineUrl, server.origin, {
					instrumentGL: true,
					beforeGoto: async (page, context) => {
						session = await context.newCDPSession(page);
						await startProfile(session);
					}
				});
				const s = session!;
				profiles.push({
					scenario: 'cold load',
					page: which,
					wallMs: opened.readyMs,
					profile: await stopProfile(s, sourceOf),
					gl: await glCounters(opened.page)
				});
				await settle(opened.page);
				let before = await glCounters(opened.page);
				await startProfile(s);
				const [toggle] =
					which === 'app'
						? await toggleApp(opened.page, 'arms', { count: 1 })
						: await toggleBaseline(opened.page, { count: 1 });
				profiles.push({
					scenario: 'toggle',
					page: which,
					wallMs: toggle?.frame ?? null,
					profile: await stopProfile(s, sourceOf),
					gl: glDelta(before, await glCounters(opened.page))
				});
				await settle(opened.page);
				before = await glCounters(opened.page);
				await startProfile(s);
				const e = EXPORTS[0];
				const sample =
					which === 'app'
						? await exportApp(opened.page, e.preset)
						: await exportBaseline(opened.page, e.width, e.height, await presetPixelRatio(e.width));
				profiles.push({
					scenario: `export ${e.width}x${e.height}`,
					page: which,
					wallMs: sample.ms,
					profile: await stopProfile(s, sourceOf),
					gl: glDelta(before, await glCounters(opened.page))
				});
				checkOpened(`profile ${which}`, opened);
				await opened.context.close();
			}
			log('profiled cold load, toggle and export');
		}

		// ---- scale ------------------------------------------------------------------------
		const scale: ScaleRow[] = [];
		for (const flows of sizes) {
			const { json } = syntheticStoryFile({ flows });
			const file = { name: `bench-${flows}-flows.json`, json };
			const node = nodeCosts(json);
			const loads: LoadSample[] = [];
			const toggleSamples: ToggleSample[] = [];
			const heaps: number[] = [];
			let summary: ScaleRow['profile'];
			let gl: ScaleRow['gl'];
			let note: string | undefined;
			for (let i = 0; i < runs; i++) {
				const t0 = Date.now();
				// The first run of each size runs under the profiler (and counts WebGL work).
				const profile = doProfile && i === 0;
				const opened = await openFresh(browser, appUrl, server.origin, { instrumentGL: profile });
				try {
					const session = await opened.context.newCDPSession(opened.page);
					await settle(opened.page);
					const options = { idleCapMs: SCALE_IDLE_CAP_MS };
					let result: LoadSample;
					if (profile) {
						const before = await glCounters(opened.page);
						const p = await profiled(session, () => loadStoryFile(opened.page, file, options), sourceOf);
						result = p.result;
						summary = p.profile;
						gl = glDelta(before, await glCounters(opened.page));
					} else {
						result = await loadStoryFile(opened.page, file, options);
					}
					if (!result.message.includes(`${flows} `)) {
						problems.push(`story with ${flows} flows did not load: ${result.message}`);
						break;
					}
					loads.push(result);
					heaps.push(await heapUsed(session));
					// One toggle (off) per run: at scale every toggle costs seconds to minutes.
					toggleSamples.push(...(await toggleApp(opened.page, 'arms', { ...SCALE_TOGGLE, count: 1 })));
					checkOpened(`scale ${flows}`, opened);
				} finally {
					await opened.context.close();
				}
				const took = Date.now() - t0;
				log(
					`scale ${flows} flows ${i + 1}/${runs}${profile ? ' (profiled)' : ''}: load ${ms(loads.at(-1)?.frame)} (page updated ${ms(loads.at(-1)?.flowsRequested)}, worker has data ${ms(loads.at(-1)?.flowsData)}, idle ${ms(loads.at(-1)?.idle)}), toggle ${ms(toggleSamples.at(-1)?.frame)}, heap ${((heaps.at(-1) ?? NaN) / 1048576).toFixed(1)} MB; ${Math.round(took / 1000)} s`
				);
				if (took > SLOW_RUN_MS && i + 1 < runs) {
					note = `stopped after ${i + 1} of ${runs} runs: run ${i + 1} took ${Math.round(took / 1000)} s (runs over ${SLOW_RUN_MS / 1000} s are not repeated)`;
					break;
				}
			}
			scale.push({
				flows,
				runs: loads.length,
				...(note ? { note } : {}),
				idleCapMs: SCALE_IDLE_CAP_MS,
				fileBytes: Buffer.byteLength(json),
				node,
				loadFrame: median(loads.map((l) => l.frame)),
				loadIdle: loads.some((l) => l.idle === null) ? null : median(loads.map((l) => l.idle)),
				phases: {
					status: median(loads.map((l) => l.status)),
					flowsRequested: median(loads.map((l) => l.flowsRequested)),
					flowsData: median(loads.map((l) => l.flowsData))
				},
				toggleFrame: median(toggleSamples.map((s) => s.frame)),
				toggleIdle: toggleSamples.some((s) => s.idle === null)
					? null
					: median(toggleSamples.map((s) => s.idle)),
				heapBytes: median(heaps),
				domNodes: median(loads.map((l) => l.domNodes)),
				message: loads[0]?.message ?? '',
				...(summary ? { profile: summary, gl } : {}),
				samples: {
					loadFrame: loads.map((l) => l.frame),
					toggleFrame: toggleSamples.map((s) => s.frame),
					heap: heaps
				}
			});
		}

		// ---- figures ----------------------------------------------------------------------
		const figures: Figure[] = [];
		const pair = (
			name: string,
			app: (number | null)[],
			baseline: (number | null)[],
			target?: { max: number; text: string }
		) => {
			const a = median(app);
			const b = median(baseline);
			const r = ratio(a, b);
			figures.push({
				name,
				unit: 'ms',
				app: a,
				baseline: b,
				ratio: r,
				...(target ? { target: target.text, met: r === null ? null : r <= target.max } : {}),
				samples: { app, baseline }
			});
		};
		const size = (
			name: string,
			app: number,
			baseline: number | null,
			target?: { maxKB: number; text: string }
		) => {
			figures.push({
				name,
				unit: 'KB',
				app: kb(app),
				baseline: baseline === null ? null : kb(baseline),
				ratio: baseline ? app / baseline : null,
				...(target ? { target: target.text, met: kb(app) <= target.maxKB } : {})
			});
		};
		pair('cold load to first idle', load.app, load.baseline, { max: 1.0, text: 'ratio ≤ 1.0' });
		const gz = (b: ByteReport, k: keyof ByteReport['totals']) => b.totals[k].gzip;
		const all = (b: ByteReport) => Object.values(b.totals).reduce((s, x) => s + x.gzip, 0);
		size('JS maplibre-gl (chunk + worker), gzip', gz(bytes.app, 'maplibre'), gz(bytes.baseline, 'maplibre'));
		size('JS own code, gzip', gz(bytes.app, 'own-js'), gz(bytes.baseline, 'own-js'), {
			maxKB: 60,
			text: '≤ 60 KB'
		});
		size('CSS, gzip (incl. maplibre-gl.css)', gz(bytes.app, 'css'), gz(bytes.baseline, 'css'));
		size('fonts (woff2, as shipped)', gz(bytes.app, 'fonts'), gz(bytes.baseline, 'fonts'));
		size('geodata, gzip', gz(bytes.app, 'geodata'), gz(bytes.baseline, 'geodata'), {
			maxKB: 150,
			text: '≤ 150 KB'
		});
		size('everything the page requested, gzip', all(bytes.app), all(bytes.baseline));
		size('+ service worker precache (background, first visit), gzip', all(bytes.appServiceWorker), null);
		pair(
			'toggle → first frame with the change',
			toggles.app.map((s) => s.frame),
			toggles.baseline.map((s) => s.frame),
			{ max: 1.2, text: 'ratio ≤ 1.2' }
		);
		pair(
			'toggle → idle',
			toggles.app.map((s) => s.idle),
			toggles.baseline.map((s) => s.idle)
		);
		const hoverMain = median(hovers.map((s) => s.main));
		figures.push({
			name: 'hover → first frame, main-thread time',
			unit: 'ms',
			app: hoverMain,
			baseline: null,
			ratio: null,
			target: '≤ 16 ms',
			met: hoverMain === null ? null : hoverMain <= 16,
			samples: { app: hovers.map((s) => s.main), baseline: [] }
		});
		for (const [key, r] of Object.entries(exports)) {
			pair(
				`export PNG ${key}`,
				r.app.map((s) => s.ms),
				r.baseline.map((s) => s.ms),
				key === '1920x1080' ? { max: 1.5, text: 'ratio ≤ 1.5' } : undefined
			);
		}

		// ---- machine ----------------------------------------------------------------------
		const renderer = await rendererName(browser, baselineUrl, server);
		const maplibreVersion = (
			JSON.parse(readFileSync(resolve(root, 'node_modules/maplibre-gl/package.json'), 'utf8')) as {
				version: string;
			}
		).version;
		const result: BenchResult = {
			date: new Date().toISOString(),
			mode: smoke ? 'smoke' : 'full',
			runs,
			machine: {
				cpus: cpus().length,
				cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
				memoryGB: Math.round(totalmem() / 1024 ** 3),
				os: `${platform()} ${release()}`,
				node: process.version,
				chromium: browser.version(),
				renderer,
				maplibre: maplibreVersion,
				loadAverage: { start: loadStart, end: loadavg()[0] ?? 0 }
			},
			definitions: DEFINITIONS,
			figures,
			bytes,
			profiles,
			export: Object.fromEntries(
				Object.entries(exports).map(([k, r]) => [
					k,
					{ pixelRatio: r.pixelRatio, app: r.app, baseline: r.baseline }
				])
			),
			scale,
			heapBaseline: heapAtRest,
			problems,
			durationSeconds: (Date.now() - started) / 1000
		};
		mkdirSync(dirname(out), { recursive: true });
		writeFileSync(out, JSON.stringify(result, null, '\t') + '\n');
		console.log('\n' + fullReport(result) + '\n');
		console.log(`Results: ${out}`);
		return problems.length ? 1 : 0;
	} finally {
		await browser.close();
		await server.close();
		rmSync(snapshot, { recursive: true, force: true });
	}
}

/** The WebGL renderer Chromium reports (SwiftShader here), read on the baseline page. */
async function rendererName(browser: Browser, url: string, server: BenchServer): Promise<string> {
	const opened = await openFresh(browser, url, server.origin);
	try {
		return await opened.page.evaluate(() => {
			const gl = document.createElement('canvas').getContext('webgl2');
			const info = gl?.getExtension('WEBGL_debug_renderer_info');
			const name = info && gl ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl?.getParameter(gl.RENDERER);
			return String(name ?? 'none');
		});
	} finally {
		await opened.context.close();
	}
}

const DEFINITIONS: Record<string, string> = {
	coldLoad:
		'Fresh browser context (empty cache, no service worker yet) per run; navigation start to aria-busy="false" on [data-testid="map"] (set on the map\'s first idle), performance.now() in the page.',
	bytes:
		'Files the page requested during the cold load, read from disk, gzip level 6; fonts as shipped (woff2). maplibre-gl = any JS chunk containing maplibre (marker: its export getRTLTextPluginStatus) + the worker. Baseline: maplibre-gl.mjs + worker; topojson-client.min.js + main.mjs as its "own" JS; countries-50m.json as geodata. The service worker precache is counted separately.',
	toggle:
		'App: click() on input[name="kind"][value="arms"]; baseline: map.setLayoutProperty("countries-line", "visibility", ...). From performance.now() just before the change to the end of the first `render` event with map.loaded() true (the first frame drawn with the change and every source reloaded) and to the next `idle`. Off and on, each after the map settled; one unmeasured pair first.',
	export:
		'App: Export dialog, PNG, size preset, Download; from the form submit to the "done" status (file handed to the browser). Baseline: a second map in an off-screen container at the same pixel ratio (width / 1200 CSS px), preserveDrawingBuffer, to idle, canvas.toBlob. Both timed in the page.',
	scale:
		"Synthetic story (tests/bench/synthetic.ts, seeded, checked with parseStory) opened through the story loader's file input in a fresh page. Load: from the input's change event to the first frame with every source loaded; idle waited for at most the cap. Heap: main-thread JS heap after a forced GC (CDP Runtime.getHeapUsage); the map worker's heap is not included. Toggle: as above (one, off, per run), on the loaded story. Phases: page updated = MapLibre starts loading the new flows source (file read, JSON.parse, parseStory, flow geometry, Svelte lists and style applied: one synchronous stretch of the main thread); worker has data = the flows GeoJSON is in the worker and indexed. Node columns: parseStory and the lanes (relationsOf + laneFeatures) for the same file in Node (median of 3), to split the main-thread stretch. The first run of each size is profiled; a size whose first run takes over 90 s is measured once.",
	profiles:
		'CDP sampling profiler (0.5 ms) on the page main thread; WebGL counters wrap getContext, linkProgram, clear and the calls that wait for the GPU process (getShaderParameter, getProgramParameter, readPixels). In SwiftShader the GPU process rasterises on the CPU: main-thread idle time is mostly waiting for it or for the map worker.'
};

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	}
);
