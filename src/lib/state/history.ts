/** A written URL: the whole query, and its part without the camera (the reader's choices). */
export interface WrittenUrl {
	choices: string;
	query: string;
}

/** How a change reaches the history: a new entry, the current one rewritten, or nothing. */
export type HistoryStep = 'push' | 'replace' | 'none';

/**
 * The history policy, in one place. A discrete reader action (a checkbox, a selection, a
 * language) pushes one entry, so back undoes it. The camera and the later steps of a
 * continuous change (a slider drag, playback) rewrite the current entry, so back never has to
 * step through every pixel or date of it.
 */
export function historyStep(written: WrittenUrl, next: WrittenUrl, continuing: boolean): HistoryStep {
	if (next.query === written.query) return 'none';
	return next.choices === written.choices || continuing ? 'replace' : 'push';
}
