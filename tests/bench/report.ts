/**
 * Turns the raw samples into the figures of `npm run bench`: medians, ratios against the
 * baseline, targets, and the tables printed to the terminal and pasted into the README.
 */
import type { ByteReport } from './bytes';
import type { ProfileSummary } from './measure';

export function median(values: readonly (number | null | undefined)[]): number | null {
	const v = values.filter((x): x is number => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
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
	fileBytes: number;
	/** Node-side: the app's schema check and flow geometry for this story (ms, median of 3). */
	node: { parseStory: number; buildFlowLines: number };
	loadFrame: number | null;
	loadIdle: number | null;
	phases: { status: number | null; flowsRequested: number | null; flowsData: number | null };
	toggleFrame: number | null;
	toggleIdle: number | null;
	heapBytes: number | null;
	domNodes: number | null;
	message: string;
	profile?: ProfileSummary;
	samples: { loadFrame: (number | null)[]; toggleFrame: (number | null)[]; heap: (number | null)[] };
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
	};
	definitions: Record<string, string>;
	figures: Figure[];
	bytes: { app: ByteReport; baseline: ByteReport };
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
	return ['| figure | app | baseline | app / baseline | target | met |', '| --- | ---: | ---: | ---: | --- | --- |', ...rows].join(
		'\n'
	);
}

export function scaleTable(rows: ScaleRow[]): string {
	const out = [
		'| flows | file | load → frame | of which: read + validate | → flows source set | → worker has data | toggle → frame | JS heap (main) | DOM elements |',
		'| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
	];
	for (const r of rows) {
		out.push(
			`| ${r.flows.toLocaleString('en-US')} | ${fmt(mb(r.fileBytes), 'MB')} | ${fmt(r.loadFrame, 'ms')} | ${fmt(r.phases.status, 'ms')} | ${fmt(r.phases.flowsRequested, 'ms')} | ${fmt(r.phases.flowsData, 'ms')} | ${fmt(r.toggleFrame, 'ms')} | ${r.heapBytes === null ? 'n/a' : fmt(mb(r.heapBytes), 'MB')} | ${r.domNodes?.toLocaleString('en-US') ?? 'n/a'} |`
		);
	}
	return out.join('\n');
}

/** How each figure grows from one size to the next (x10 flows -> x? time). */
export function growthTable(rows: ScaleRow[]): string {
	if (rows.length < 2) return '';
	const out = ['| from → to | load → frame | toggle → frame | heap | DOM |', '| --- | ---: | ---: | ---: | ---: |'];
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
		`Main-thread profile, loading ${row.flows.toLocaleString('en-US')} flows (CDP sampling profiler, one extra run): ` +
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
			(f) => `| ${f.name} | ${f.where} | ${fmt(f.ms, 'ms')} | \`${f.code.replace(/[|`]/g, ' ').replace(/\s+/g, ' ')}\` |`
		)
	];
	return lines.join('\n');
}

export function machineLine(m: BenchResult['machine']): string {
	return (
		`${m.cpus} cores (${m.cpuModel}), ${m.memoryGB} GB RAM, ${m.os}; Node ${m.node}; ` +
		`Chromium ${m.chromium} headless, WebGL through ${m.renderer}; maplibre-gl ${m.maplibre}`
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
	for (const row of r.scale) if (row.profile) parts.push('', profileText(row));
	if (r.problems.length) parts.push('', 'Problems:', ...r.problems.map((p) => `- ${p}`));
	parts.push('', `Took ${Math.round(r.durationSeconds)} s.`);
	return parts.join('\n');
}
