import { describe, expect, it } from 'vitest';
import { activeChanges, complementOf, flagChanges } from '../../src/lib/map/featureStates';

describe('feature state for the live map', () => {
	it('switches off every lane feature not shown, and nothing else', () => {
		expect([...complementOf(['a', 'b', 'c'], new Set(['b']))]).toEqual(['a', 'c']);
		expect(complementOf(['a'], new Set(['a'])).size).toBe(0);
	});

	it('sends only the features whose flag (hidden, dim) changes', () => {
		expect(flagChanges(new Set(['a', 'b']), new Set(['b', 'c']))).toEqual([
			{ id: 'c', on: true },
			{ id: 'a', on: false }
		]);
		expect(flagChanges(new Set(['a']), new Set(['a']))).toEqual([]);
	});

	it('moves the highlight with two changes at most per hover', () => {
		const a = { source: 'flows' as const, id: 'a' };
		const b = { source: 'places' as const, id: 'b' };
		const sel = { source: 'areas' as const, id: 's' };
		expect(activeChanges([sel, a], [sel, b])).toEqual([
			{ target: a, active: false },
			{ target: b, active: true }
		]);
		expect(activeChanges([sel], [sel])).toEqual([]);
		// Same id in another source is another feature.
		expect(activeChanges([{ source: 'flows', id: 'x' }], [{ source: 'places', id: 'x' }])).toHaveLength(2);
	});
});
