/*
 * Long lists, kept short in the page. A story may hold 10,000 flows; a list renders the first
 * LIST_LIMIT of each group and a "show more" button that adds LIST_STEP at a time. Whatever must
 * stay reachable (the selected entry, so `aria-current` marks it) is rendered even beyond the limit.
 *
 * LIST_LIMIT: the built-in story's longest list has 17 entries (Pyongyang's flows), so it never
 * folds; 8 kinds x 30 flows x 7 elements a row (the label in its <bdi>) keep a 10,000-flow
 * story's page well under 3,000 DOM elements, with room for the places, the details panel and
 * the map's own controls.
 */

/** Entries of one list rendered before the reader asks for more. */
export const LIST_LIMIT = 30;
/** Entries each "show more" adds. */
export const LIST_STEP = 100;

export interface ListWindow<T> {
	/** What to render, in the list's order: the first `limit` and any kept ones after them. */
	shown: T[];
	/** How many entries are not rendered. */
	hidden: number;
}

/** The first `limit` items, plus every later item `keep` asks for, in their original order. */
export function windowList<T>(
	items: readonly T[],
	limit: number,
	keep?: (item: T) => boolean
): ListWindow<T> {
	const end = Math.max(0, Math.floor(limit));
	if (items.length <= end) return { shown: [...items], hidden: 0 };
	const shown = items.slice(0, end);
	if (keep) for (let i = end; i < items.length; i++) if (keep(items[i]!)) shown.push(items[i]!);
	return { shown, hidden: items.length - shown.length };
}

/**
 * One "show more": the limit that brings `step` more hidden entries on screen (or all the rest),
 * how many that is, and the first of them (where focus goes, so a keyboard reader continues
 * where the list grew). Kept entries are on screen already and do not count.
 */
export function revealMore<T>(
	items: readonly T[],
	limit: number,
	step: number,
	keep?: (item: T) => boolean
): { limit: number; added: number; first: T | undefined } {
	let next = Math.max(0, Math.floor(limit));
	let added = 0;
	let first: T | undefined;
	while (next < items.length && added < step) {
		const item = items[next++]!;
		if (keep?.(item)) continue;
		first ??= item;
		added++;
	}
	return { limit: next, added, first };
}

/** Items grouped by a key, groups in `order`, empty groups left out; one pass over the items. */
export function groupInOrder<T, K extends string>(
	items: readonly T[],
	keyOf: (item: T) => K,
	order: readonly K[]
): { key: K; items: T[] }[] {
	const groups = new Map<K, T[]>(order.map((key) => [key, []]));
	for (const item of items) groups.get(keyOf(item))?.push(item);
	return order.flatMap((key) => {
		const list = groups.get(key)!;
		return list.length ? [{ key, items: list }] : [];
	});
}

/** A place's display name by id in O(1), falling back to the id for an unknown place. */
export function placeNamer<L extends string>(
	places: readonly { id: string; name: Record<L, string> }[],
	lang: L
): (id: string) => string {
	const names = new Map(places.map((p) => [p.id, p.name[lang]]));
	return (id) => names.get(id) ?? id;
}
