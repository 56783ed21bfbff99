import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { groupInOrder, LIST_LIMIT, placeNamer, revealMore, windowList } from '../../src/lib/components/lists';
import { FLOW_KINDS, story } from '../../src/lib/story';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('windowList', () => {
	it('renders a short list whole', () => {
		expect(windowList([1, 2, 3], 5)).toEqual({ shown: [1, 2, 3], hidden: 0 });
		expect(windowList([1, 2, 3], 3)).toEqual({ shown: [1, 2, 3], hidden: 0 });
	});

	it('renders the first entries of a long one and counts the rest', () => {
		expect(windowList(numbers(10), 4)).toEqual({ shown: [0, 1, 2, 3], hidden: 6 });
	});

	it('keeps an entry beyond the limit, in its place after the first ones', () => {
		expect(windowList(numbers(10), 3, (n) => n === 7)).toEqual({ shown: [0, 1, 2, 7], hidden: 6 });
		// A kept entry within the limit is not rendered twice.
		expect(windowList(numbers(10), 3, (n) => n === 1)).toEqual({ shown: [0, 1, 2], hidden: 7 });
	});

	it('never loses or duplicates an entry, and keeps order', () => {
		fc.assert(
			fc.property(fc.nat(60), fc.nat(70), fc.option(fc.nat(60)), (length, limit, kept) => {
				const items = numbers(length);
				const { shown, hidden } = windowList(items, limit, (n) => n === kept);
				expect(shown.length + hidden).toBe(length);
				expect([...shown].sort((a, b) => a - b)).toEqual(shown);
				expect(new Set(shown).size).toBe(shown.length);
				if (kept !== null && kept < length) expect(shown).toContain(kept);
				expect(shown.length).toBeLessThanOrEqual(Math.min(length, limit) + 1);
			})
		);
	});
});

describe('revealMore', () => {
	it('adds a step and points at the first new entry', () => {
		expect(revealMore(numbers(10), 3, 4)).toEqual({ limit: 7, added: 4, first: 3 });
	});

	it('adds the rest when less than a step is left', () => {
		expect(revealMore(numbers(10), 8, 4)).toEqual({ limit: 10, added: 2, first: 8 });
	});

	it('skips a kept entry: it was on screen already', () => {
		const keep = (n: number) => n === 3;
		expect(revealMore(numbers(10), 3, 2, keep)).toEqual({ limit: 6, added: 2, first: 4 });
	});

	it('shows exactly what it promised', () => {
		fc.assert(
			fc.property(
				fc.nat(80),
				fc.nat(40),
				fc.integer({ min: 1, max: 30 }),
				fc.option(fc.nat(80)),
				(length, limit, step, kept) => {
					const items = numbers(length);
					const keep = (n: number) => n === kept;
					const before = windowList(items, limit, keep);
					const more = revealMore(items, limit, step, keep);
					const after = windowList(items, more.limit, keep);
					expect(more.added).toBe(Math.min(step, before.hidden));
					expect(after.hidden).toBe(before.hidden - more.added);
					if (more.added) {
						expect(before.shown).not.toContain(more.first);
						expect(after.shown).toContain(more.first);
					} else expect(more.first).toBeUndefined();
				}
			)
		);
	});
});

describe('groupInOrder', () => {
	it('groups in the given order and leaves empty groups out', () => {
		const items = ['b1', 'a1', 'b2', 'c1'];
		expect(groupInOrder(items, (s) => s[0] as 'a' | 'b' | 'c' | 'd', ['d', 'c', 'b', 'a'])).toEqual([
			{ key: 'c', items: ['c1'] },
			{ key: 'b', items: ['b1', 'b2'] },
			{ key: 'a', items: ['a1'] }
		]);
	});

	it('groups the story by kind as a filter per kind would', () => {
		const groups = groupInOrder(story.flows, (f) => f.kind, FLOW_KINDS);
		const byFilter = FLOW_KINDS.map((key) => ({
			key,
			items: story.flows.filter((f) => f.kind === key)
		})).filter((g) => g.items.length);
		expect(groups).toEqual(byFilter);
	});
});

describe('placeNamer', () => {
	it('names a place in the language asked, and an unknown id by itself', () => {
		const name = placeNamer(story.places, 'en');
		expect(name('pyongyang')).toBe(story.places.find((p) => p.id === 'pyongyang')!.name.en);
		expect(name('nowhere')).toBe('nowhere');
	});
});

describe('the built-in story', () => {
	it('fits every list within the limit, so nothing of it folds', () => {
		const longest = Math.max(
			...FLOW_KINDS.map((k) => story.flows.filter((f) => f.kind === k).length),
			...story.places.map((p) => story.flows.filter((f) => f.from === p.id || f.to === p.id).length),
			...story.places.map((p) => story.events.filter((e) => e.place === p.id).length),
			story.places.length,
			story.areas.length,
			story.events.length
		);
		expect(longest).toBeLessThanOrEqual(LIST_LIMIT);
	});
});
