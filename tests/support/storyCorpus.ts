import fc from 'fast-check';
import { AREA_KINDS, FLOW_KINDS, LABEL_SIDES, PRECISIONS } from '../../src/lib/story/vocabulary';
import type { LoadMode } from '../../src/lib/story/load';

/*
 * Generated story files for the JSON Schema agreement test (tests/unit/story-json-schema.test.ts)
 * and the fuzz through the page's real file input (tests/e2e/loader.test.ts): shipped files, each broken or bent by one to three mutations aimed at the rules of the format (a key
 * dropped or added, a wrong type, blank or over-long text, numbers at and past their bounds, bad
 * dates, lists at and past their limits, unknown references, odd keys such as __proto__). Most
 * files get one mutation, so a disagreement points at one rule.
 */

export interface Base {
	name: string;
	mode: LoadMode;
	text: string;
}

export interface CorpusFile {
	mode: LoadMode;
	text: string;
	/** The base and what was done to it, for the report of a disagreement. */
	label: string;
}

type Json = Record<string, unknown>;
type Container = Json | unknown[];
interface Node {
	parent: Container;
	key: string | number;
	value: unknown;
	/** The node holding this one (none: the root holds it). */
	up?: Node;
	/** `flows[3].to`, worked out only for a node that is changed: a story has thousands. */
	path: string;
}
/** A mutation: changes the document and says what it did. */
type Op = (doc: { root: unknown }) => string;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every value in the document but the root, with where it sits. */
function nodes(root: unknown): Node[] {
	const out: Node[] = [];
	const walk = (value: unknown, up: Node | undefined) => {
		const entries = Array.isArray(value)
			? [...value.entries()]
			: isObject(value)
				? Object.entries(value)
				: [];
		for (const [key, v] of entries) {
			const node: Node = {
				parent: value as Container,
				key,
				value: v,
				up,
				get path() {
					const at = up?.path ?? '';
					return typeof key === 'number' ? `${at}[${key}]` : at ? `${at}.${key}` : key;
				}
			};
			out.push(node);
			walk(v, node);
		}
	};
	walk(root, undefined);
	return out;
}

/** Sets a key as JSON.parse would: `__proto__` becomes an own key, not the prototype. */
function set(target: Container, key: string | number, value: unknown): void {
	Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

const short = (v: unknown) => {
	const s = JSON.stringify(v) ?? String(v);
	return s.length > 48 ? `${s.slice(0, 45)}...(${s.length})` : s;
};

/** An op that changes the n-th of the nodes `which` selects (n modulo their number) by `change`. */
function nodeOp<A>(
	name: string,
	which: (node: Node) => boolean,
	arg: fc.Arbitrary<A>,
	change: (node: Node, arg: A, root: unknown) => unknown
): fc.Arbitrary<Op> {
	return fc.tuple(fc.nat(), arg).map(([n, a]) => (doc) => {
		const found = nodes(doc.root).filter(which);
		const node = found[n % Math.max(found.length, 1)];
		if (!node) return `${name}: nothing to change`;
		const value = change(node, a, doc.root);
		set(node.parent, node.key, value);
		return `${name} ${node.path} = ${short(value)}`;
	});
}

/** An op on the document as a whole. */
function docOp<A>(arg: fc.Arbitrary<A>, apply: (doc: { root: unknown }, arg: A) => string): fc.Arbitrary<Op> {
	return arg.map((a) => (doc) => apply(doc, a));
}

const objectsOf = (root: unknown) => [root, ...nodes(root).map((x) => x.value)].filter(isObject);
const itemOf = (list: string) => (x: Node) => typeof x.key === 'number' && x.up?.key === list;

const isString = (node: Node) => typeof node.value === 'string';
const keyIs =
	(...keys: string[]) =>
	(node: Node) =>
		keys.includes(String(node.key));

// ---------------------------------------------------------------------------------------------
// Values

// Compact tables of values: one per line would make them ten times as long to scan.
// prettier-ignore
const V = {
	wrong: [null, true, false, 0, 1, -1, 1.5, 1e300, '', ' ', '1', 'banana', [], [1], {}, [0, 0], { de: 'x', en: 'y' }],
	oddKeys: ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '', ' ', 'Title', 'de ', 'ü',
		'\u202e', '$ref', 'x'.repeat(70), 'version', 'flows', 'steps', 'title', 'presentation'],
	blanks: ['', ' ', '   ', '\t\n', '\u00a0', '\u200b', '\u202e', '\ufeff', '\u3000', '\u2800', '\u115f', '\u0301',
		' \u200b ', '\u2066\u2069', '\u00ad', '\r\n\u2028'],
	unicode: ['😀', 'é', 'e\u0301', '\ud800', '\udfff', '𝔘𝔫𝔦', '한국', 'مرحبا', '\u0000', 'a\u0000b', '\u202eabc',
		'\u{10ffff}', 'Ω≈ç√'],
	fillers: ['x', 'é', '😀', ' x', 'a b', '-'],
	// Around every bound of a string in the format.
	lengths: [9, 10, 11, 39, 40, 41, 59, 60, 61, 63, 64, 65, 119, 120, 121, 129, 130, 159, 160, 161, 199, 200, 201,
		399, 400, 401, 1199, 1200, 1201],
	// Around every bound of a number: coordinates, frames, paragraphs, the safe integers.
	numbers: [-541, -540.0001, -540, -181, -180.0001, -180, -90.0001, -90, -85.0001, -85, -1, 0, 0.5, 1, 1.5, 2, 50,
		84.9999, 85, 85.0001, 90, 90.0001, 179.9999, 180, 180.0001, 540, 540.0001, 9999, 10000, 10001, 1e21,
		2 ** 53 + 2, 1e-7],
	versions: [999, 'banana', null, 2, 0, 1, 1.0, '1', true, [], {}, -1, 1.5, [1], { version: 1 }],
	listLengths: [0, 1, 2, 3, 7, 8, 9, 49, 50, 51, 199, 200, 201, 499, 500, 501, 1000, 1001],
	families: ['Merriweather', 'Noto Sans', 'noto sans display', 'NOTO SANS', 'Noto Sansation', 'Noto Serif', 'serif',
		'Serif ', 'sans-serif', 'ui-rounded', 'UI-', 'ui-', 'system-ui', 'inherit', 'Initial', 'math', 'Mathematica',
		'emoji', 'default', 'Default  ', 'x', '1abc', 'a'.repeat(40), 'a'.repeat(41), 'Times New Roman', 'revert-layer',
		'revert-layers', 'Fantasy ', 'fangsong', 'cursive-x', 'monospace', ' serif', 'Noto', 'Sans'],
	badIds: ['nowhere', 'pyongyng', 'Pyongyang', 'a--b', '-a', 'a_b', '', 'x'.repeat(65), 'public-record', 'zdfheute',
		'pyongyang', 'vladivostok', 'komsomolsk', 'beijing', 'crimea'],
	dates: ['2023-09-13', '2024-02-29', '2023-02-29', '1900-02-29', '2000-02-29', '0001-01-01', '0000-01-01',
		'0004-02-29', '0100-02-29', '0400-02-29', '9999-12-31', '2023-04-31', '2023-06-30', '2023-00-10', '2023-13-01',
		'2023-1-01', '2023-01-1', '2023-09', '2023-13', '0000-05', '0001-01', '2023', '20230913', '2023-09-13T00:00',
		' 2023-09-13', '2023-09-13 ', '２０２３-09-13', '2023/09/13', ''],
	hexes: ['#b3122e', '#ff8a8a', '#0b5cad', '#7ab8ff', '#fff', 'red', '#GGGGGG', '#b3122e ', '#B3122E']
} as const;

const dateArb = fc.oneof(
	fc.constantFrom(...V.dates),
	fc
		.tuple(
			fc.integer({ min: 0, max: 9999 }),
			fc.integer({ min: 0, max: 13 }),
			fc.option(fc.integer({ min: 0, max: 32 }))
		)
		.map(([y, m, d]) => {
			const two = (n: number) => String(n).padStart(2, '0');
			return `${String(y).padStart(4, '0')}-${two(m)}${d === null ? '' : `-${two(d)}`}`;
		}),
	// Dates near each other, so "days" ranges end both before and after they start.
	fc.integer({ min: 1, max: 28 }).map((d) => `2023-09-${String(d).padStart(2, '0')}`)
);

const hexArb = fc.oneof(
	fc.integer({ min: 0, max: 0xffffff }).map((n) => `#${n.toString(16).padStart(6, '0')}`),
	fc.constantFrom(...V.hexes)
);

// ---------------------------------------------------------------------------------------------
// Mutations

const ops: fc.Arbitrary<Op>[] = [
	docOp(fc.nat(), (doc, n) => {
		const keys = objectsOf(doc.root).flatMap((o) => Object.keys(o).map((k) => [o, k] as const));
		const pick = keys[n % Math.max(keys.length, 1)];
		if (!pick) return 'drop: nothing to drop';
		delete pick[0][pick[1]];
		return `drop key "${pick[1]}"`;
	}),
	docOp(
		fc.tuple(
			fc.nat(),
			fc.oneof(fc.constantFrom(...V.oddKeys), fc.string({ maxLength: 6 })),
			fc.constantFrom(...V.wrong)
		),
		(doc, [n, key, value]) => {
			const objects = objectsOf(doc.root);
			const target = objects[n % Math.max(objects.length, 1)];
			if (!target) return 'add key: no object';
			set(target, key, structuredClone(value));
			return `add key ${short(key)} = ${short(value)}`;
		}
	),
	nodeOp(
		'retype',
		() => true,
		fc.constantFrom(...V.wrong),
		(_, v) => structuredClone(v)
	),
	nodeOp('blank', isString, fc.tuple(fc.constantFrom(...V.blanks), fc.boolean()), (x, [blank, pad]) =>
		pad ? `${blank}${x.value as string}${blank}` : blank
	),
	nodeOp(
		'length',
		isString,
		fc.tuple(fc.constantFrom(...V.lengths), fc.constantFrom(...V.fillers), fc.boolean()),
		// Padded: the text as it was, in white space up to the length (the loader trims it).
		(x, [length, filler, pad]) =>
			pad
				? `${' '.repeat(length)}${x.value as string}\n`
				: [...filler.repeat(length)].slice(0, length).join('')
	),
	nodeOp(
		'number',
		(x) => typeof x.value === 'number',
		fc.oneof(
			fc.constantFrom(...V.numbers),
			fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e4, max: 1e4 })
		),
		(_, v) => v
	),
	nodeOp(
		'unicode',
		isString,
		fc.tuple(
			fc.oneof(
				fc.constantFrom(...V.unicode),
				fc.string({ unit: 'binary', maxLength: 12 }),
				fc.string({ unit: 'grapheme', maxLength: 8 })
			),
			fc.constantFrom('replace', 'append', 'prepend')
		),
		(x, [u, how]) =>
			how === 'replace' ? u : how === 'append' ? `${x.value as string}${u}` : `${u}${x.value as string}`
	),
	nodeOp(
		'list',
		(x) => Array.isArray(x.value),
		fc.tuple(fc.constantFrom('duplicate', 'empty', 'reverse', 'length'), fc.constantFrom(...V.listLengths)),
		(x, [how, length]) => {
			const list = x.value as unknown[];
			if (how === 'empty' || !list.length) return [];
			if (how === 'reverse') return [...list].reverse();
			if (how === 'duplicate') return [...list, structuredClone(list[list.length - 1])];
			return Array.from({ length }, (_, i) => structuredClone(list[i % list.length]));
		}
	),
	docOp(fc.tuple(fc.nat(), fc.nat()), (doc, [a, b]) => {
		const all = nodes(doc.root);
		const [x, y] = [all[a % all.length], all[b % all.length]];
		if (!x || !y) return 'swap: nothing';
		const [vx, vy] = [structuredClone(x.value), structuredClone(y.value)];
		set(x.parent, x.key, vy);
		set(y.parent, y.key, vx);
		return `swap ${x.path} <-> ${y.path}`;
	}),
	docOp(fc.oneof(fc.constant('delete'), fc.constantFrom(...V.versions)), (doc, v) => {
		if (!isObject(doc.root)) return 'version: no object';
		if (v === 'delete') delete doc.root.version;
		else doc.root.version = structuredClone(v);
		return `version = ${short(v)}`;
	}),
	nodeOp(
		'when',
		keyIs('when'),
		fc.tuple(fc.constantFrom(...PRECISIONS, 'sometime', 'Day', ''), fc.option(dateArb), fc.option(dateArb)),
		(_, [precision, start, end]) => ({
			precision,
			...(start === null ? {} : { start }),
			...(end === null ? {} : { end })
		})
	),
	nodeOp('date', keyIs('start', 'end', 'published', 'until'), dateArb, (_, date) => date),
	nodeOp(
		'frame',
		(x) => keyIs('frame', 'framePhone')(x) && Array.isArray(x.value),
		fc.constantFrom('swap-x', 'swap-y', 'flat', 'wide'),
		(x, how) => {
			const [w, s, e, n] = x.value as number[];
			return {
				'swap-x': [e, s, w, n],
				'swap-y': [w, n, e, s],
				flat: [w, s, w, n],
				wide: [-540, -85, 540, 85]
			}[how];
		}
	),
	fc.tuple(fc.constantFrom('light', 'dark'), hexArb).map(([theme, hex]) =>
		house(`accent.${theme} ${hex}`, (h) => {
			h.accent = { light: '#b3122e', dark: '#ff8a8a', ...(isObject(h.accent) ? h.accent : {}), [theme]: hex };
		})
	),
	fc.constantFrom(...V.families).map((family) =>
		house(`font.family ${short(family)}`, (h) => {
			h.font = { regular: 'house/face.woff2', ...(isObject(h.font) ? h.font : {}), family };
		})
	),
	nodeOp(
		'words',
		(x) => itemOf('steps')(x) && !x.up!.up,
		fc.tuple(
			fc.constantFrom('kinds', 'areas'),
			fc.array(fc.constantFrom(...FLOW_KINDS, ...AREA_KINDS, 'bogus'), { maxLength: 10 })
		),
		(x, [key, words]) => ({ ...(x.value as Json), [key]: words })
	),
	docOp(
		fc.tuple(
			fc.constantFrom('labelSide', 'countryLabels'),
			fc.oneof(
				fc.constantFrom(...V.badIds, ...V.oddKeys, '408', '4080', 'KP', '156'),
				fc.string({ maxLength: 4 })
			),
			fc.constantFrom(...LABEL_SIDES, 'middle', [127, 40], [200, 40])
		),
		(doc, [key, entry, value]) => {
			if (!isObject(doc.root) || !isObject(doc.root.presentation)) return 'record: no presentation';
			const record = isObject(doc.root.presentation[key]) ? (doc.root.presentation[key] as Json) : {};
			set(record, entry, structuredClone(value));
			doc.root.presentation[key] = record;
			return `record presentation.${key}[${short(entry)}] = ${short(value)}`;
		}
	),
	nodeOp(
		'reference',
		(x) => keyIs('from', 'to', 'place', 'source', 'id')(x) || itemOf('highlight')(x),
		fc.oneof(fc.constantFrom(...V.badIds), fc.nat()),
		(_, to, root) => {
			if (typeof to === 'string') return to;
			// Another id of the same file: a duplicate, a flow to itself, a reference of the wrong kind.
			const ids = nodes(root).filter(keyIs('id'));
			return ids[to % Math.max(ids.length, 1)]?.value ?? 'nowhere';
		}
	),
	nodeOp('paragraph', itemOf('evidence'), fc.option(fc.constantFrom(-1, 0, 1, 2.5, 10000, 10001)), (x, p) => {
		const evidence = { ...(x.value as Json) };
		if (p === null) delete evidence.paragraph;
		else evidence.paragraph = p;
		return evidence;
	}),
	docOp(fc.constantFrom([], 'story', null, 42, true, {}, [{}]), (doc, v) => {
		doc.root = structuredClone(v);
		return `root = ${short(v)}`;
	})
];

function house(label: string, change: (house: Json) => void): Op {
	return (doc) => {
		if (!isObject(doc.root)) return `${label}: no object`;
		const presentation = isObject(doc.root.presentation)
			? doc.root.presentation
			: (doc.root.presentation = {});
		change(isObject(presentation.house) ? presentation.house : (presentation.house = {}));
		return `house ${label}`;
	};
}

/**
 * A list of `count` items around a limit: in an extension file, within the file's own bound but
 * past the story's with the items the story has; in a whole story, at and past its own bound.
 */
function fill(story: Json, key: FillKey, max: number): fc.Arbitrary<Op> {
	const have = (story[key] as unknown[]).length;
	return fc.constantFrom(max - have - 1, max - have, max - have + 1, max, max + 1).map((count) => (doc) => {
		if (!isObject(doc.root)) return 'fill: no object';
		const item = (story[key] as Json[])[0]!;
		doc.root[key] = Array.from({ length: count }, (_, i) => ({
			...structuredClone(item),
			id: `filled-${i}`
		}));
		return `fill ${key} with ${count} items`;
	});
}

/** Lists small enough to fill past their limit: the others would take seconds a file. */
type FillKey = 'sources' | 'areas' | 'events';

/**
 * One to three mutations of a shipped file, mostly one. `story`: the story on the map that
 * extension files add to; `limits`: the most items each of its lists may have.
 */
export function corpus(
	bases: readonly Base[],
	story: Json,
	limits: Record<FillKey, number>
): fc.Arbitrary<CorpusFile> {
	// Together as often as one other mutation: a filled list is large and slow to check.
	const fills = fc.oneof(...(Object.keys(limits) as FillKey[]).map((key) => fill(story, key, limits[key])));
	const op = fc.oneof(...ops, fills);
	const plan = fc.oneof(
		{ weight: 4, arbitrary: fc.array(op, { minLength: 1, maxLength: 1 }) },
		{ weight: 1, arbitrary: fc.array(op, { minLength: 2, maxLength: 3 }) }
	);
	return fc.tuple(fc.constantFrom(...bases), plan).map(([base, steps]) => {
		const doc = { root: JSON.parse(base.text) as unknown };
		const done: string[] = [];
		for (const step of steps) done.push(step(doc));
		const label = `${base.name}: ${done.join('; ')}`;
		// fast-check reports a counterexample by this: the label, not 40 kB of JSON.
		return { mode: base.mode, text: JSON.stringify(doc.root), label, [fc.toStringMethod]: () => label };
	});
}
