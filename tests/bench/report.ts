/**
 * Turns the raw samples into the figures of `npm run bench`: medians, ratios against the
 * baseline, targets, and the tables printed to the terminal and pasted into the README.
 */
import type { ByteReport } from './bytes';
import type { GLCounters, ProfileSummary } from './measure';

export function median(values: readonly (number | null | undefined)[]): number | null {
	const v = values
		.filter((x): x is number => typeof x === 'number' && Number.isFinite(x))
		.sort((a, b) => a - b);
	if (v.length === 0) return null;
	const mid = Math.floor(v.length / 2);
	return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

export function ratio(a: number | null, b: number | null): number | null {
	return a === null || b === null || b === 0 ? null : a / b;
}

export interface Figure {
	name: string;
	unit: 'ms' | 'KB' | 'MB';
	app: number | null;
	baseline: number | null;
	ratio: number | null;
	/** Human form of the target, e.g. "ratio <= 1.2". */
	target?: string;
	met?: boolean | null;
	samples?: { app: (number | null)[]; baseline: (number | null)[] };
}

export interface ScaleRow {
	flows: number;
	/** Runs behind the medians (fewer than asked when one run took too long, see note). */
	runs: number;
	note?: string;
	/** Cap on waiting for idle after the load, in ms (loadIdle null = not idle by then). */
	idleCapMs: number;
	fileBytes: number;
	/** Node-side: the app's schema check and flow geometry for this story (ms, median of 3). */
	node: { parseStory: number; laneFeatures: number };
	loadFrame: number | null;
	loadIdle: number | null;
	phases: { status: number | null; flowsRequested: number | null; flowsData: number | null };
	toggleFrame: number | null;
	toggleIdle: number | null;
	heapBytes: number | null;
	domNodes: number | null;
	message: string;
	profile?: ProfileSummary;
	gl?: GLCounters | null;
	samples: { loadFrame: (number | null)[]; toggleFrame: (number | null)[]; heap: (number | null)[] };
}

/** One profiled scenario (an extra run, not part of the medians). */
export interface ScenarioProfile {
	scenario: string;
	page: 'app' | 'baseline';
	wallMs: number | null;
	profile: ProfileSummary;
	gl: GLCounters | null;
}

export interface BenchResult {
	date: string;
	mode: 'full' | 'smoke';
	runs: number;
	machine: {
		cpus: number;
		cpuModel: string;
		memoryGB: number;
		os: string;
		node: string;
		chromium: string;
		renderer: string;
		maplibre: string;
		/** 1-minute load average at the start and the end: other work on the machine skews times. */
		loadAverage: { start: number; end: number };
	};
	definitions: Record<string, string>;
	figures: Figure[];
	bytes: { app: ByteReport; baseline: ByteReport; appServiceWorker: ByteReport };
	profiles: ScenarioProfile[];
	export: Record<string, { pixelRatio: number; app: unknown[]; baseline: unknown[] }>;
	scale: ScaleRow[];
	heapBaseline: { app: number | null; baseline: number | null };
	problems: string[];
	durationSeconds: number;
}

const fmt = (v: number | null, unit: Figure['unit'] | '' = '', digits?: number): string => {
	if (v === null || !Number.isFinite(v)) return 'n/a';
	const d = digits ?? (unit === 'ms' ? 0 : unit === 'KB' ? 1 : unit === 'MB' ? 1 : 2);
	return `${v.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d })}${unit ? ` ${unit}` : ''}`;
};

export const kb = (bytes: number) => bytes / 1024;
export const mb = (bytes: number) => bytes / 1024 / 1024;

export function figuresTable(figures: Figure[]): string {
	const rows = figures.map((f) => {
		const met = f.met === undefined ? '' : f.met === null ? 'n/a' : f.met ? 'yes' : '**no**';
		return `| ${f.name} | ${fmt(f.app, f.unit)} | ${fmt(f.baseline, f.unit)} | ${fmt(f.ratio, '', 2)} | ${f.target ?? ''} | ${met} |`;
	});
	return [
		'| figure | app | baseline | app / baseline | target | met |',
		'| --- | ---: | ---: | ---: | --- | --- |',
		...rows
	].join('\n');
}

export function scaleTable(rows: ScaleRow[]): string {
	const out = [
		'| flows | file | runs | load → first frame | → page updated | → worker has data | load → idle | toggle → frame | JS heap (main) | DOM elements | Node: parseStory | Node: lanes |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
	];
	for (const r of rows) {
		// null: at least one run was not idle within the cap.
		const idle = r.loadIdle === null ? `> ${fmt(r.idleCapMs / 1000, '', 0)} s` : fmt(r.loadIdle, 'ms');
		const file = r.fileBytes < 1024 * 1024 ? fmt(kb(r.fileBytes), 'KB', 0) : fmt(mb(r.fileBytes), 'MB');
		const heap = r.heapBytes === null ? 'n/a' : fmt(mb(r.heapBytes), 'MB');
		out.push(
			`| ${r.flows.toLocaleString('en-US')} | ${file} | ${r.runs} | ${fmt(r.loadFrame, 'ms')} | ${fmt(r.phases.flowsRequested, 'ms')} | ${fmt(r.phases.flowsData, 'ms')} | ${idle} | ${fmt(r.toggleFrame, 'ms')} | ${heap} | ${r.domNodes?.toLocaleString('en-US') ?? 'n/a'} | ${fmt(r.node.parseStory, 'ms')} | ${fmt(r.node.laneFeatures, 'ms')} |`
		);
	}
	for (const r of rows) if (r.note) out.push('', `${r.flows.toLocaleString('en-US')} flows: ${r.note}`);
	return out.join('\n');
}

/** How each figure grows from one size to the next (x10 flows -> x? time). */
export function growthTable(rows: ScaleRow[]): string {
	if (rows.length < 2) return '';
	const out = [
		'| from → to | load → frame | toggle → frame | heap | DOM |',
		'| --- | ---: | ---: | ---: | ---: |'
	];
	for (let i = 1; i < rows.length; i++) {
		const a = rows[i - 1]!;
		const b = rows[i]!;
		const g = (x: number | null, y: number | null) => {
			const r = ratio(y, x);
			return r === null ? 'n/a' : `×${fmt(r, '', 1)}`;
		};
		out.push(
			`| ${a.flows.toLocaleString('en-US')} → ${b.flows.toLocaleString('en-US')} | ${g(a.loadFrame, b.loadFrame)} | ${g(a.toggleFrame, b.toggleFrame)} | ${g(a.heapBytes, b.heapBytes)} | ${g(a.domNodes, b.domNodes)} |`
		);
	}
	return out.join('\n');
}

export function profileText(row: ScaleRow): string {
	const p = row.profile;
	if (!p) return '';
	const busy = p.totalMs - p.idleMs;
	const lines = [
		`Main-thread profile, loading ${row.flows.toLocaleString('en-US')} flows (CDP sampling profiler, the size's first run): ` +
			`${fmt(p.totalMs, 'ms')} sampled, ${fmt(busy, 'ms')} busy, ${fmt(p.idleMs, 'ms')} idle (waiting for the worker or the next frame), ` +
			`${fmt(p.garbageCollectorMs, 'ms')} garbage collection.`,
		'',
		'| script | self time |',
		'| --- | ---: |',
		...p.byScript.slice(0, 8).map((s) => `| ${s.script} | ${fmt(s.ms, 'ms')} |`),
		'',
		'| hottest functions (self time) | where | ms | code |',
		'| --- | --- | ---: | --- |',
		...p.topFunctions.map(
			(f) =>
				`| ${f.name} | ${f.where} | ${fmt(f.ms, 'ms')} | \`${f.code.replace(/[|`]/g, ' ').replace(/\s+/g, ' ')}\` |`
		)
	];
	return lines.join('\n');
}

const glText = (gl: GLCounters | null | undefined) =>
	gl
		? `${gl.contexts.length} (${gl.contexts.map((c) => (c.antialias ? 'AA' : 'no AA')).join(', ') || '-'}) | ${gl.programs} | ${gl.frames} | ${fmt(gl.blockingMs, 'ms')}`
		: 'n/a | n/a | n/a | n/a';

const hottest = (p: ProfileSummary, n = 3) =>
	p.topFunctions
		.slice(0, n)
		.map(
			(f) =>
				`${f.name} ${fmt(f.ms, 'ms')} \`${f.code.slice(0, 40).replace(/[|`]/g, ' ').replace(/\s+/g, ' ')}\``
		)
		.join('; ');

/** Profiled scenarios: where the main thread's time went and what WebGL did meanwhile. */
export function profilesTable(profiles: ScenarioProfile[], scale: ScaleRow[] = []): string {
	const rows = [
		...profiles.map((p) => ({
			name: `${p.scenario} (${p.page})`,
			wall: p.wallMs,
			profile: p.profile,
			gl: p.gl
		})),
		...scale
			.filter((r) => r.profile)
			.map((r) => ({
				name: `load ${r.flows.toLocaleString('en-US')} flows (app)`,
				wall: r.samples.loadFrame[0] ?? null,
				profile: r.profile!,
				gl: r.gl
			}))
	];
	if (!rows.length) return '';
	return [
		'| scenario | wall | main thread busy | of which GC | main thread idle | WebGL contexts | programs linked | frames | waiting in sync GL calls | hottest functions (self time) |',
		'| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |',
		...rows.map(
			(r) =>
				`| ${r.name} | ${fmt(r.wall, 'ms')} | ${fmt(r.profile.totalMs - r.profile.idleMs, 'ms')} | ${fmt(r.profile.garbageCollectorMs, 'ms')} | ${fmt(r.profile.idleMs, 'ms')} | ${glText(r.gl)} | ${hottest(r.profile)} |`
		)
	].join('\n');
}

export function machineLine(m: BenchResult['machine']): string {
	return (
		`${m.cpus} cores (${m.cpuModel}), ${m.memoryGB} GB RAM, ${m.os}; Node ${m.node}; ` +
		`Chromium ${m.chromium} headless, WebGL through ${m.renderer}; maplibre-gl ${m.maplibre}; ` +
		`load average ${m.loadAverage.start.toFixed(1)} at the start, ${m.loadAverage.end.toFixed(1)} at the end`
	);
}

export function fullReport(r: BenchResult): string {
	const parts = [
		`Benchmark (${r.mode}, median of ${r.runs} run${r.runs === 1 ? '' : 's'}), ${r.date}`,
		`Machine: ${machineLine(r.machine)}`,
		'',
		figuresTable(r.figures),
		'',
		'Scale (synthetic stories, loaded through the file input):',
		'',
		scaleTable(r.scale),
		'',
		growthTable(r.scale)
	];
	const profiles = profilesTable(r.profiles, r.scale);
	if (profiles)
		parts.push(
			'',
			'Profiles (extra runs for load/toggle/export; the first run of each story size):',
			'',
			profiles
		);
	const largest = r.scale.filter((row) => row.profile).at(-1);
	if (largest) parts.push('', profileText(largest));
	if (r.problems.length) parts.push('', 'Problems:', ...r.problems.map((p) => `- ${p}`));
	parts.push('', `Took ${Math.round(r.durationSeconds)} s.`);
	return parts.join('\n');
}
