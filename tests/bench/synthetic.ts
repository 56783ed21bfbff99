/**
 * Deterministic synthetic stories for the scale benchmark: N flows among ~50 places in the
 * story's part of the world (Eastern Europe to Japan). Same seed, same file, byte for byte, so
 * two benchmark runs load exactly the same data. Every story is checked with the app's own
 * `parseStory` before it is used: a benchmark of a file the app refuses would measure nothing.
 */
import { CERTAINTIES, FLOW_KINDS, type Flow, type Place, type Story } from '../../src/lib/story/vocabulary';
import { parseStory } from '../../src/lib/story/parse';

/** mulberry32: tiny, fast, good enough to spread synthetic data; not for anything secret. */
export function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface SyntheticOptions {
	/** Number of flows. */
	flows: number;
	/** Number of places the flows run between (default 50). */
	places?: number;
	/** PRNG seed (default 20230913, the day Kim met Putin). */
	seed?: number;
}

const COUNTRIES = ['408', '643', '156', '410', '392', '496'] as const;
const ROLES = ['capital', 'city', 'port', 'shipyard'] as const;
const MONTHS = Array.from({ length: 24 }, (_, i) => {
	const year = 2022 + Math.floor(i / 12);
	return `${year}-${String((i % 12) + 1).padStart(2, '0')}`;
});

const round = (x: number) => Math.round(x * 1000) / 1000;

/** A synthetic story with `flows` flows; valid per the schema (checked by `checkedSyntheticStory`). */
export function syntheticStory(options: SyntheticOptions): Story {
	const random = prng(options.seed ?? 20230913);
	const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
	const placeCount = options.places ?? 50;

	const places: Place[] = Array.from({ length: placeCount }, (_, i) => {
		const n = String(i + 1).padStart(2, '0');
		return {
			id: `place-${n}`,
			name: { de: `Ort ${n}`, en: `Place ${n}` },
			// Eastern Europe to Japan: the frame of the real story, so flows cross the opening view.
			coord: [round(30 + random() * 115), round(28 + random() * 34)],
			role: pick(ROLES),
			country: pick(COUNTRIES)
		};
	});

	const flows: Flow[] = Array.from({ length: options.flows }, (_, i) => {
		const n = String(i + 1).padStart(5, '0');
		const kind = pick(FLOW_KINDS);
		const from = Math.floor(random() * placeCount);
		// Never the same place twice: a flow connects two places.
		const to = (from + 1 + Math.floor(random() * (placeCount - 1))) % placeCount;
		const a = places[from]!;
		const b = places[to]!;
		const month = pick(MONTHS);
		const flow: Flow = {
			id: `flow-${n}`,
			kind,
			from: a.id,
			to: b.id,
			when:
				random() < 0.5
					? { precision: 'month', start: month }
					: { precision: 'day', start: `${month}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}` },
			certainty: pick(CERTAINTIES),
			label: { de: `Fluss ${n} (${kind})`, en: `Flow ${n} (${kind})` },
			summary: {
				de: `Synthetischer Fluss ${n} von ${a.name.de} nach ${b.name.de}, nur für den Benchmark.`,
				en: `Synthetic flow ${n} from ${a.name.en} to ${b.name.en}, for the benchmark only.`
			},
			evidence: [{ source: 'bench-synthetic', paragraph: 1 + Math.floor(random() * 20) }]
		};
		if (kind === 'trade' || kind === 'letters') flow.mutual = true;
		// One flow in twenty follows a route with a waypoint, like the armoured train does.
		if (random() < 0.05) {
			flow.via = [[round((a.coord[0] + b.coord[0]) / 2 + 2), round((a.coord[1] + b.coord[1]) / 2 + 1)]];
		}
		return flow;
	});

	return {
		version: 1,
		title: { de: `Benchmark: ${options.flows} Flüsse`, en: `Benchmark: ${options.flows} flows` },
		article: { publisher: 'Benchmark', author: 'scripts/bench.ts', published: '2023-09', language: 'en' },
		sources: [
			{
				id: 'bench-synthetic',
				name: { de: 'Synthetische Daten', en: 'Synthetic data' },
				kind: 'unattributed'
			}
		],
		places,
		flows,
		areas: [],
		events: []
	};
}

/** The synthetic story as the file a reader would open; throws when the app's schema refuses it. */
export function syntheticStoryFile(options: SyntheticOptions): { story: Story; json: string } {
	const story = syntheticStory(options);
	const json = JSON.stringify(story);
	const parsed = parseStory(JSON.parse(json));
	if (!parsed.ok) {
		throw new Error(`synthetic story (${options.flows} flows) is invalid:\n${parsed.errors.join('\n')}`);
	}
	return { story: parsed.story, json };
}
