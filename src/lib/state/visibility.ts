import type { Certainty, Flow, FlowKind } from '$lib/story';
import { CERTAINTIES } from '$lib/story';
import { whenStartIndex } from '$lib/story/when';

/** The part of the view state that decides which flows are drawn. */
export interface FlowVisibility {
	kinds: readonly FlowKind[];
	certainty: Certainty;
	monthIndex: number | null;
}

/** Certainty levels shown when the reader's threshold is `level` (most sure first). */
export function certaintiesUpTo(level: Certainty): Certainty[] {
	return CERTAINTIES.slice(0, CERTAINTIES.indexOf(level) + 1);
}

/**
 * Whether a flow is drawn. The map's filter expression (style.ts flowFilter) encodes the same
 * rule for MapLibre; a unit test checks the two agree on every flow and setting.
 */
export function isFlowVisible(flow: Flow, v: FlowVisibility): boolean {
	if (!v.kinds.includes(flow.kind)) return false;
	if (!certaintiesUpTo(v.certainty).includes(flow.certainty)) return false;
	// Undated flows have start -1 and stay visible at every month.
	return v.monthIndex === null || whenStartIndex(flow.when) <= v.monthIndex;
}
