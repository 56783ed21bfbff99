/**
 * `npm run bench`: load, toggle, export and scale of the built app against a bare MapLibre page
 * (tests/bench/baseline), in headless Chromium with the test suite's flags. Prints a table and
 * writes bench-results/latest.json. Not a test: no time is asserted anywhere; the exit code is 1
 * only when something did not work at all (a page error, a request off the local server, an
 * export or story load that failed).
 *
 *   tsx scripts/bench.ts [--runs N] [--smoke] [--sizes 100,1000,10000] [--no-profile] [--out file]
 *
 * --smoke: one iteration of everything with the smallest synthetic story (CI keeps the script
 * working with it; it needs a built site in build/).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, platform, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/support/browser';
import { BASELINE_PREFIX, benchMounts, serveBench, type BenchServer } from '../tests/bench/server';
import { byteReport, type ByteReport } from '../tests/bench/bytes';
import {
	exportApp,
	exportBaseline,
	heapUsed,
	loadStoryFile,
	openFresh,
	profiled,
	settle,
	toggleApp,
	toggleBaseline,
	type ExportSample,
	type LoadSample,
	type ToggleSample
} from '../tests/bench/measure';
import {
	fullReport,
	kb,
	median,
	ratio,
	type BenchResult,
	type Figure,
	type ScaleRow
} from '../tests/bench/report';
import { syntheticStoryFile } from '../tests/bench/synthetic';
import { parseStory } from '../src/lib/story/schema';
import { buildFlowLines } from '../src/lib/geo/flowLines';

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
const out = resolve(option('out') ?? 'bench-results/latest.json');

/** The export sizes of the issue and the app's preset ids for them. */
const EXPORTS = [
	{ preset: 'full-hd', width: 1920, height: 1080 },
	{ preset: 'a4-landscape-300dpi', width: 3508, height: 2480 }
] as const;

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

/** parseStory and buildFlowLines in Node: what the app's main thread does with a story file. */
function nodeCosts(json: string): { parseStory: number; buildFlowLines: number } {
	const parse: number[] = [];
	const lines: number[] = [];
	for (let i = 0; i < 3; i++) {
		let t = performance.now();
		const r = parseStory(JSON.parse(json));
		parse.push(performance.now() - t);
		if (!r.ok) throw new Error(r.errors.join('\n'));
		const coords = Object.fromEntries(r.story.places.map((p) => [p.id, p.coord])) as Record<string, [number, number]>;
		t = performance.now();
		// The options src/lib/map/storyFeatures.ts passes.
		buildFlowLines(r.story.flows, coords, { maxBow: 0.01, maxLaneGap: 0.0022 });
		lines.push(performance.now() - t);
	}
	return { parseStory: median(parse)!, buildFlowLines: median(lines)! };
}

const log = (...args: unknown[]) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}]`, ...args);

// ---------------------------------------------------------------------------------------------

async function main(): Promise<number> {
	const started = Date.now();
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
	log(`${smoke ? 'smoke' : 'full'} run, ${runs} run(s) per figure, sizes ${sizes.join(', ')}; ${appUrl}`);

	const checkOpened = (what: string, o: { errors: string[]; foreign: string[] }) => {
		for (const e of o.errors) problems.push(`${what}: page error: ${e}`);
		for (const f of o.foreign) problems.push(`${what}: request off the local server: ${f}`);
	};

	try {
		// ---- cold load (+ the requests for bytes, + heap at rest) --------------------------
		const load = { app: [] as number[], baseline: [] as number[] };
		const requested = { app: new Set<string>(), baseline: new Set<string>() };
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
				}
				await opened.context.close();
			}
			log(`cold load ${i + 1}/${runs}: app ${Math.round(load.app.at(-1)!)} ms, baseline ${Math.round(load.baseline.at(-1)!)} ms`);
		}

		const bytes = {
			app: await byteReport(requested.app, snapshot),
			baseline: await byteReport(requested.baseline, root)
		};

		// ---- toggle -----------------------------------------------------------------------
		const app = await openFresh(browser, appUrl, server.origin);
		const base = await openFresh(browser, baselineUrl, server.origin);
		const toggles = { app: [] as ToggleSample[], baseline: [] as ToggleSample[] };
		// One pair each first, not counted: the first re-layout warms the JIT and the worker.
		await toggleApp(app.page);
		await toggleBaseline(base.page);
		for (let i = 0; i < runs; i++) {
			toggles.app.push(...(await toggleApp(app.page)));
			toggles.baseline.push(...(await toggleBaseline(base.page)));
		}
		log(
			`toggle: app ${median(toggles.app.map((s) => s.frame))?.toFixed(0)} ms, baseline ${median(toggles.baseline.map((s) => s.frame))?.toFixed(0)} ms`
		);

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
					`export ${e.width}x${e.height} ${i + 1}/${runs}: app ${a.error ? `failed (${a.error})` : `${Math.round(a.ms)} ms`}, baseline ${Math.round(b.ms)} ms (${b.width}x${b.height})`
				);
				if (a.error) break;
			}
		}
		await app.page.keyboard.press('Escape');
		checkOpened('toggle/export app', app);
		checkOpened('toggle/export baseline', base);
		await app.context.close();
		await base.context.close();

		// ---- scale ------------------------------------------------------------------------
		const scale: ScaleRow[] = [];
		for (const flows of sizes) {
			const { json } = syntheticStoryFile({ flows });
			const file = { name: `bench-${flows}-flows.json`, json };
			const node = nodeCosts(json);
			const loads: LoadSample[] = [];
			const toggleSamples: ToggleSample[] = [];
			const heaps: number[] = [];
			const runOnce = async (profile: boolean) => {
				const opened = await openFresh(browser, appUrl, server.origin);
				try {
					const session = await opened.context.newCDPSession(opened.page);
					await settle(opened.page);
					if (profile) {
						const { result, profile: summary } = await profiled(
							session,
							() => loadStoryFile(opened.page, file),
							async (url) => {
								const f = await server.fileOf(url);
								return f ? readFile(f, 'utf8') : null;
							}
						);
						return { load: result, summary };
					}
					const result = await loadStoryFile(opened.page, file);
					if (!result.message.includes(String(flows)))
						problems.push(`story with ${flows} flows did not load: ${result.message}`);
					loads.push(result);
					heaps.push(await heapUsed(session));
					toggleSamples.push(...(await toggleApp(opened.page)));
					checkOpened(`scale ${flows}`, opened);
					return { load: result, summary: undefined };
				} finally {
					await opened.context.close();
				}
			};
			for (let i = 0; i < runs; i++) {
				const { load: l } = await runOnce(false);
				log(
					`scale ${flows} flows ${i + 1}/${runs}: load ${Math.round(l.frame)} ms (valid ${Math.round(l.status ?? NaN)}, source set ${Math.round(l.flowsRequested ?? NaN)}, worker ${Math.round(l.flowsData ?? NaN)}), toggle ${Math.round(toggleSamples.at(-1)?.frame ?? NaN)} ms, heap ${(heaps.at(-1)! / 1048576).toFixed(1)} MB`
				);
			}
			let summary;
			if (doProfile) {
				summary = (await runOnce(true)).summary;
				log(`scale ${flows} flows: profiled`);
			}
			scale.push({
				flows,
				fileBytes: Buffer.byteLength(json),
				node,
				loadFrame: median(loads.map((l) => l.frame)),
				loadIdle: median(loads.map((l) => l.idle)),
				phases: {
					status: median(loads.map((l) => l.status)),
					flowsRequested: median(loads.map((l) => l.flowsRequested)),
					flowsData: median(loads.map((l) => l.flowsData))
				},
				toggleFrame: median(toggleSamples.map((s) => s.frame)),
				toggleIdle: median(toggleSamples.map((s) => s.idle)),
				heapBytes: median(heaps),
				domNodes: median(loads.map((l) => l.domNodes)),
				message: loads[0]?.message ?? '',
				...(summary ? { profile: summary } : {}),
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
			unit: Figure['unit'],
			app: (number | null)[],
			baseline: (number | null)[],
			target?: { max: number; text: string }
		) => {
			const a = median(app);
			const b = median(baseline);
			const r = ratio(a, b);
			figures.push({
				name,
				unit,
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
		pair('cold load to first idle', 'ms', load.app, load.baseline, { max: 1.2, text: 'ratio ≤ 1.2' });
		const t = (b: ByteReport, k: keyof ByteReport['totals']) => b.totals[k].gzip;
		size('JS maplibre-gl (chunk + worker), gzip', t(bytes.app, 'maplibre'), t(bytes.baseline, 'maplibre'));
		size('JS own code, gzip', t(bytes.app, 'own-js'), t(bytes.baseline, 'own-js'), {
			maxKB: 60,
			text: '≤ 60 KB'
		});
		size('CSS, gzip (incl. maplibre-gl.css)', t(bytes.app, 'css'), t(bytes.baseline, 'css'));
		size('fonts (woff2, as shipped)', t(bytes.app, 'fonts'), t(bytes.baseline, 'fonts'));
		size('geodata, gzip', t(bytes.app, 'geodata'), t(bytes.baseline, 'geodata'), {
			maxKB: 150,
			text: '≤ 150 KB'
		});
		size(
			'everything requested, gzip',
			Object.values(bytes.app.totals).reduce((s, x) => s + x.gzip, 0),
			Object.values(bytes.baseline.totals).reduce((s, x) => s + x.gzip, 0)
		);
		pair(
			'toggle → first frame with the change',
			'ms',
			toggles.app.map((s) => s.frame),
			toggles.baseline.map((s) => s.frame)
		);
		pair(
			'toggle → idle',
			'ms',
			toggles.app.map((s) => s.idle),
			toggles.baseline.map((s) => s.idle)
		);
		for (const [key, r] of Object.entries(exports)) {
			pair(
				`export PNG ${key}`,
				'ms',
				r.app.map((s) => s.ms),
				r.baseline.map((s) => s.ms)
			);
		}

		// ---- machine ----------------------------------------------------------------------
		const renderer = await rendererName(browser, baselineUrl, server);
		const maplibreVersion = (
			JSON.parse(readFileSync(resolve(root, 'node_modules/maplibre-gl/package.json'), 'utf8')) as { version: string }
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
				maplibre: maplibreVersion
			},
			definitions: DEFINITIONS,
			figures,
			bytes,
			export: Object.fromEntries(
				Object.entries(exports).map(([k, r]) => [
					k,
					{
						pixelRatio: r.pixelRatio,
						app: r.app.map((s) => ({ ...s })),
						baseline: r.baseline.map((s) => ({ ...s }))
					}
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
		console.log(`Free memory at the end: ${(freemem() / 1024 ** 3).toFixed(1)} GB. Results: ${out}`);
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
		return await (opened.page as Page).evaluate(() => {
			const gl = document.createElement('canvas').getContext('webgl2');
			const info = gl?.getExtension('WEBGL_debug_renderer_info');
			return String(info && gl ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : (gl?.getParameter(gl.RENDERER) ?? 'none'));
		});
	} finally {
		await opened.context.close();
	}
}

const DEFINITIONS: Record<string, string> = {
	coldLoad:
		'Fresh browser context (empty cache) per run; navigation start to aria-busy="false" on [data-testid="map"] (set on the map\'s first idle), from performance.now() in the page.',
	bytes:
		'Files the page requested during the cold load, read from disk, gzip level 6; fonts as shipped (woff2). maplibre-gl = any JS chunk containing maplibre (marker: its export getRTLTextPluginStatus) + the worker. Baseline: maplibre-gl.mjs + worker, topojson-client.min.js + main.js as its "own" JS, countries-50m.json as geodata.',
	toggle:
		'App: click() on input[name="kind"][value="arms"]; baseline: map.setLayoutProperty("countries-line", "visibility", ...). From performance.now() just before the change to the end of the first `render` event with map.loaded() true (frame) and to the next `idle`. Off and on, after the map settled; one unmeasured pair first.',
	export:
		'App: Export dialog, PNG, size preset, Download; from the form submit to the "done" status (file handed to the browser). Baseline: a second map in an off-screen container at the same pixel ratio (width / 1200 CSS px), preserveDrawingBuffer, to idle, canvas.toBlob. Both timed in the page.',
	scale:
		'Synthetic story (tests/bench/synthetic.ts, seeded, checked with parseStory) opened through the story loader\'s file input in a fresh page. Load: from the input\'s change event to the first frame with every source loaded. Heap: main-thread JS heap after a forced GC (CDP Runtime.getHeapUsage); the map worker\'s heap is not included. Toggle: as above, on the loaded story.'
};

main().then(
	(code) => process.exit(code),
	(error: unknown) => {
		console.error(error);
		process.exit(1);
	}
);
