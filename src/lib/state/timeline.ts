import type { Area, Flow } from '$lib/story';
import { timeKey, whenStartKey } from '$lib/story/when';

/*
 * The timeline's stops: the dates on which something the map draws begins (a flow, an area),
 * each once, in time order; then "all dates", which adds what the article does not date. No
 * empty months: the built-in story stops at February 2022, January 2023, 25 July, August,
 * 6 September and 12 September 2023.
 */

/** The dates the timeline stops at, earliest first, as the story writes them (day or month). */
export function timelineStops(items: readonly Pick<Flow | Area, 'when'>[]): string[] {
	const byKey = new Map<string, string>();
	for (const { when } of items) {
		const key = whenStartKey(when);
		// A day and its month are two stops (the day, then the month's end); one text per key.
		if (key !== null && when.start !== undefined && !byKey.has(key)) byKey.set(key, when.start);
	}
	return [...byKey.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, date]) => date);
}

/**
 * Position of a chosen date on the slider: stops are 0..n-1 and "all dates" (null) is n. A date
 * between stops (from a URL, say) goes to the last stop not after it, one before every stop to
 * the first.
 */
export function timelineStep(stops: readonly string[], until: string | null): number {
	if (until === null) return stops.length;
	const exact = stops.indexOf(until);
	if (exact >= 0) return exact;
	const end = timeKey(until);
	if (end === null) return stops.length;
	let at = 0;
	stops.forEach((stop, i) => {
		if ((timeKey(stop) ?? '') <= end) at = i;
	});
	return at;
}
