import type { Flow } from '$lib/story';
import { monthFromIndex, monthIndex, whenStartIndex } from '$lib/story/when';

/** The slider never spans more than this many months, so every step means something. */
export const MAX_TIMELINE_MONTHS = 9;

/**
 * The months the timeline steps through: up to the newest dated flow, at most nine months back
 * (January to September 2023 for the built-in story). Flows that began earlier are shown from
 * the first step on, which matches the rule "everything that has started by then".
 */
export function timelineMonths(flows: readonly Flow[]): string[] {
	const starts = flows.map((f) => whenStartIndex(f.when)).filter((i) => i >= 0);
	if (!starts.length) return [];
	const last = Math.max(...starts);
	const first = Math.max(Math.min(...starts), last - MAX_TIMELINE_MONTHS + 1);
	return Array.from({ length: last - first + 1 }, (_, i) => monthFromIndex(first + i));
}

/** Position of a chosen month on the slider; no month (null) means the last step: everything. */
export function timelineStep(months: readonly string[], month: string | null): number {
	if (month === null) return months.length - 1;
	const i = months.indexOf(month);
	if (i >= 0) return i;
	// A month outside the range (from a URL, say) snaps to the nearest end.
	return months.length && monthIndex(month) < monthIndex(months[0]!) ? 0 : months.length - 1;
}
