import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { story } from '$lib/story';
import { formatPath } from '$lib/story/errorText';
import { parseStory } from '$lib/story/parse';

/*
 * parseStory is the gate for users' own story files: it must reject broken input with messages
 * that point at the exact spot, and never throw whatever it is given.
 */

/** A mutable deep copy of the built-in story, typed loosely so tests can break it on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = any;
function copy(): Loose {
	return structuredClone(story);
}

function errorsOf(input: unknown): string[] {
	const result = parseStory(input);
	expect(result.ok).toBe(false);
	return result.ok ? [] : result.errors;
}

describe('parseStory: reports where and what', () => {
	it('names the flow, the field and the bad id for an unknown place', () => {
		const s = copy();
		s.flows[3].to = 'pyongyng';
		expect(errorsOf(s)).toEqual(['flows[3].to: unknown place "pyongyng"']);
	});

	it('checks flow origins and event places too', () => {
		const s = copy();
		s.flows[0].from = 'nowhere';
		s.events[0].place = 'atlantis';
		const errors = errorsOf(s);
		expect(errors).toContain('flows[0].from: unknown place "nowhere"');
		expect(errors).toContain('events[0].place: unknown place "atlantis"');
	});

	it('rejects evidence from an unknown source', () => {
		const s = copy();
		s.areas[1].evidence[0].source = 'rumour-mill';
		expect(errorsOf(s)).toEqual(['areas[1].evidence[0].source: unknown source "rumour-mill"']);
	});

	it('rejects a day that does not exist', () => {
		const s = copy();
		s.flows[0].when = { precision: 'day', start: '2023-02-30' };
		const errors = errorsOf(s);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^flows\[0\]\.when\.start: .*2023-02-30/);
	});

	it('rejects a malformed month', () => {
		const s = copy();
		s.flows[2].when = { precision: 'month', start: '2023-13' };
		expect(errorsOf(s)[0]).toMatch(/^flows\[2\]\.when\.start: .*2023-13/);
	});

	it('rejects a range whose end is before its start', () => {
		const s = copy();
		s.flows[1].when = { precision: 'days', start: '2023-07-27', end: '2023-07-25' };
		const errors = errorsOf(s);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^flows\[1\]\.when\.end: .*before/);
	});

	it('enforces which dates each precision needs', () => {
		const cases: [unknown, RegExp][] = [
			[{ precision: 'day' }, /when\.start: .*needs start/],
			[{ precision: 'days', start: '2023-07-25' }, /when\.end: .*needs end/],
			[{ precision: 'day', start: '2023-07' }, /when\.start: not a valid day/],
			[{ precision: 'undated', start: '2023-07' }, /when\.start: .*takes no start/],
			[{ precision: 'since', start: '2023-01', end: '2023-05' }, /when\.end: .*takes no end/],
			[{ precision: 'sometime' }, /when\.precision: /]
		];
		for (const [when, pattern] of cases) {
			const s = copy();
			s.flows[0].when = when;
			expect(errorsOf(s).join('\n'), JSON.stringify(when)).toMatch(pattern);
		}
	});

	it('accepts each well-formed precision', () => {
		const whens = [
			{ precision: 'day', start: '2024-02-29' },
			{ precision: 'days', start: '2023-07-25', end: '2023-07-25' },
			{ precision: 'month', start: '2023-08' },
			{ precision: 'since', start: '2023-01' },
			{ precision: 'since', start: '2023-01-15' },
			{ precision: 'undated', note: { de: 'x', en: 'y' } }
		];
		for (const when of whens) {
			const s = copy();
			s.flows[0].when = when;
			expect(parseStory(s).ok, JSON.stringify(when)).toBe(true);
		}
	});

	it('rejects duplicate ids, within and across collections', () => {
		const s = copy();
		// The steps would also miss the renamed flow: that error is tested with the steps.
		delete s.steps;
		s.flows[1].id = s.flows[0].id;
		expect(errorsOf(s)).toEqual([`flows[1].id: duplicate id "${s.flows[0].id}"`]);

		const t = copy();
		t.events[0].id = 'pyongyang';
		expect(errorsOf(t)).toEqual(['events[0].id: duplicate id "pyongyang"']);

		const u = copy();
		u.sources.push({ ...u.sources[0] });
		expect(errorsOf(u)).toEqual([`sources[${u.sources.length - 1}].id: duplicate id "zdfheute"`]);
	});

	it('rejects unknown keys and names them', () => {
		const s = copy();
		s.flows[0].colour = 'red';
		expect(errorsOf(s)).toEqual(['flows[0]: unknown key "colour"']);
		const t = copy();
		t.extra = true;
		expect(errorsOf(t)).toEqual(['(root): unknown key "extra"']);
	});

	it('rejects wrong types at the right path', () => {
		const s = copy();
		s.flows[0].evidence[0].paragraph = '2';
		const errors = errorsOf(s);
		expect(errors).toHaveLength(1);
		expect(errors[0]).toMatch(/^flows\[0\]\.evidence\[0\]\.paragraph: .*number/);

		const t = copy();
		t.places[0].coord = [125.7];
		expect(errorsOf(t)[0]).toMatch(/^places\[0\]\.coord/);
	});

	it('rejects values outside the model', () => {
		const cases: [(s: Loose) => void, RegExp][] = [
			[(s) => (s.flows[0].kind = 'smuggling'), /^flows\[0\]\.kind: /],
			[(s) => (s.flows[0].certainty = 'certain'), /^flows\[0\]\.certainty: /],
			[(s) => (s.places[0].id = 'Pyongyang'), /^places\[0\]\.id: .*slug/],
			[(s) => (s.places[0].country = 'KP'), /^places\[0\]\.country: /],
			[(s) => (s.places[0].coord = [200, 39]), /^places\[0\]\.coord\[0\]: /],
			[(s) => (s.flows[0].evidence = []), /^flows\[0\]\.evidence: /],
			[(s) => (s.flows[0].evidence[0].paragraph = 0), /^flows\[0\]\.evidence\[0\]\.paragraph: /],
			[(s) => (s.flows[0].evidence[0].quote = 'x'.repeat(121)), /^flows\[0\]\.evidence\[0\]\.quote: /],
			[(s) => (s.flows[0].label.en = ''), /^flows\[0\]\.label\.en: /],
			[(s) => delete s.flows[0].label.de, /^flows\[0\]\.label\.de: /],
			[(s) => (s.areas[0].id = 'Taiwan'), /^areas\[0\]\.id: .*slug/],
			[(s) => (s.areas[1].kind = 'sea'), /^areas\[1\]\.kind: /],
			[(s) => (s.version = 2), /^version: /],
			[(s) => (s.flows[0].to = s.flows[0].from), /^flows\[0\]\.to: .*two places/]
		];
		for (const [breakIt, pattern] of cases) {
			const s = copy();
			breakIt(s);
			const errors = errorsOf(s);
			expect(
				errors.some((e) => pattern.test(e)),
				`${pattern}: ${errors.join(' | ')}`
			).toBe(true);
		}
	});

	it('bounds sizes: too many flows and too long strings are rejected', () => {
		const s = copy();
		s.flows = Array.from({ length: 20001 }, () => s.flows[0]);
		expect(errorsOf(s).some((e) => e.startsWith('flows: '))).toBe(true);
		const t = copy();
		t.flows[0].summary.en = 'x'.repeat(5000);
		expect(errorsOf(t)[0]).toMatch(/^flows\[0\]\.summary\.en: /);
	});

	it('caps the list of errors for a badly broken large file', () => {
		const s = copy();
		delete s.steps;
		s.flows = Array.from({ length: 500 }, (_, i) => ({ ...s.flows[0], id: `f-${i}`, to: 'nowhere' }));
		const errors = errorsOf(s);
		expect(errors).toHaveLength(101);
		expect(errors[100]).toMatch(/and 400 more errors/);
	});
});

describe('parseStory: never throws', () => {
	it('returns errors for non-story values', () => {
		const cyclic: Record<string, unknown> = { version: 1 };
		cyclic.self = cyclic;
		const hostile = {
			get version(): never {
				throw new Error('boom');
			}
		};
		let deep: unknown = 'bottom';
		for (let i = 0; i < 10000; i++) deep = { flows: [deep] };
		const inputs: unknown[] = [
			null,
			undefined,
			0,
			42,
			NaN,
			'',
			'story',
			true,
			[],
			[story],
			{},
			{ version: 1 },
			{ ...story, flows: 'many' },
			{ ...story, places: [null, 1, 'x'] },
			{ ...story, flows: [{ id: 1, kind: {}, when: [] }] },
			cyclic,
			hostile,
			deep,
			Object.create(null)
		];
		for (const input of inputs) {
			let result: ReturnType<typeof parseStory> | undefined;
			expect(() => (result = parseStory(input))).not.toThrow();
			expect(result?.ok).toBe(false);
			if (result && !result.ok) {
				expect(result.errors.length).toBeGreaterThan(0);
				for (const e of result.errors) expect(e).toMatch(/^\S[^:]*: .+/);
			}
		}
	});

	it('holds for arbitrary generated values', () => {
		fc.assert(
			fc.property(fc.anything(), (input) => {
				const result = parseStory(input);
				return !result.ok && result.errors.length > 0;
			}),
			{ numRuns: 300 }
		);
	});

	it('holds for the story with one field replaced by anything', () => {
		const keys = Object.keys(story);
		fc.assert(
			fc.property(fc.constantFrom(...keys), fc.anything(), (key, value) => {
				const s = copy();
				s[key] = value;
				const result = parseStory(s);
				// Either still valid (the value happened to fit) or errors that start at that key, or
				// at the steps, which point into the other lists.
				return (
					result.ok ||
					result.errors.every((e) => e.startsWith(key) || e.startsWith('(root)') || e.startsWith('steps['))
				);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('formatPath', () => {
	it('writes indexes in brackets and keys with dots', () => {
		expect(formatPath(['flows', 3, 'to'])).toBe('flows[3].to');
		expect(formatPath(['flows', 0, 'evidence', 2, 'quote'])).toBe('flows[0].evidence[2].quote');
		expect(formatPath([])).toBe('(root)');
	});
});
