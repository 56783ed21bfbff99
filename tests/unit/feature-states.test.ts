import { describe, expect, it } from 'vitest';
import { story } from '../../src/lib/story';
import { activeChanges, hiddenChanges, hiddenFlowIds } from '../../src/lib/map/featureStates';
import { isFlowVisible } from '../../src/lib/state/visibility';
import { DEFAULT_VIEW } from '../support/views';

describe('feature state for the live map', () => {
	it('hides exactly the flows the visibility rule hides', () => {
		const v = { ...DEFAULT_VIEW, kinds: ['arms', 'visit'] as const, certainty: 'claimed' as const };
		const hidden = hiddenFlowIds(
			story.flows,
			story.flows.filter((f) => isFlowVisible(f, v))
		);
		for (const flow of story.flows) expect(hidden.has(flow.id)).toBe(!isFlowVisible(flow, v));
		expect(
			hiddenFlowIds(
				story.flows,
				story.flows.filter((f) => isFlowVisible(f, DEFAULT_VIEW))
			).size
		).toBe(0);
	});

	it('sends only the flows whose hidden state changes', () => {
		expect(hiddenChanges(new Set(['a', 'b']), new Set(['b', 'c']))).toEqual([
			{ id: 'c', hidden: true },
			{ id: 'a', hidden: false }
		]);
		expect(hiddenChanges(new Set(['a']), new Set(['a']))).toEqual([]);
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
