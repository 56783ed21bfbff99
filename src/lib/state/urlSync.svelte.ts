import { relationId } from '$lib/story/relations';
import { untrack } from 'svelte';
import type { Story } from '$lib/story';
import { parseUrlState, serializeUrlState, type UrlState } from './url';
import { historyStep } from './history';
import { DEFAULT_VIEW, type Camera, type ViewFields, type ViewState } from './view.svelte';

function layersOf(v: Pick<ViewFields, 'showPatrolWaters' | 'showRegions' | 'showBorders' | 'showLabels'>) {
	return { patrol: v.showPatrolWaters, regions: v.showRegions, borders: v.showBorders, labels: v.showLabels };
}

function snapshot(view: ViewState): UrlState {
	return {
		lang: view.lang,
		kinds: [...view.kinds],
		certainty: view.certainty,
		month: view.month,
		layers: layersOf(view),
		selected: view.selectedId,
		...(view.camera ? { camera: { ...view.camera, center: [...view.camera.center] } } : {})
	};
}

/**
 * Fields left out of a URL when they have their default. Not `lang`: a link is read by someone
 * else, whose browser may prefer the other language, and must open as its sender saw it.
 */
const URL_DEFAULTS: UrlState = {
	kinds: [...DEFAULT_VIEW.kinds],
	certainty: DEFAULT_VIEW.certainty,
	month: DEFAULT_VIEW.month,
	layers: layersOf(DEFAULT_VIEW),
	selected: DEFAULT_VIEW.selectedId
};

/** Sets every field of the view from a parsed URL; a field the URL lacks returns to its default. */
function apply(view: ViewState, state: UrlState, defaultLang: ViewState['lang']): void {
	view.lang = state.lang ?? defaultLang;
	view.kinds = [...(state.kinds ?? DEFAULT_VIEW.kinds)];
	view.certainty = state.certainty ?? DEFAULT_VIEW.certainty;
	view.month = state.month ?? DEFAULT_VIEW.month;
	const layers = state.layers ?? layersOf(DEFAULT_VIEW);
	view.showPatrolWaters = layers.patrol;
	view.showRegions = layers.regions;
	view.showBorders = layers.borders;
	view.showLabels = layers.labels;
	view.selectedId = state.selected ?? DEFAULT_VIEW.selectedId;
	if (state.camera) view.camera = state.camera;
}

export interface UrlConnection {
	/**
	 * Makes a view change; with `continuing`, as a later step of the same gesture (a drag,
	 * playback), which rewrites the history entry instead of adding one.
	 */
	update: (change: () => void, continuing: boolean) => void;
	disconnect: () => void;
}

/**
 * Keeps the URL and the view state in step. Loading a URL restores the view; every change is
 * written back by the history policy above. `onCamera` is told when back/forward asks for
 * another camera (the page moves the map; the camera is never an effect).
 */
export function connectUrl(
	view: ViewState,
	story: () => Story,
	onCamera: (camera: Camera) => void,
	win: Window = window
): UrlConnection {
	// Read on every parse: the reader may have opened another story since.
	const knownIds = () => {
		const s = story();
		// A throwaway lookup built per parse, never observed: no reactivity needed.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Set([
			...[...s.flows, ...s.places, ...s.areas, ...s.events].map((item) => item.id),
			...s.flows.map((f) => relationId(f.from, f.to))
		]);
	};
	const defaultLang = view.lang;
	const read = () => parseUrlState(win.location.search, knownIds());
	apply(view, read(), defaultLang);

	const choicesOf = (s: UrlState) => serializeUrlState({ ...s, camera: undefined }, URL_DEFAULTS);
	let written = { choices: choicesOf(snapshot(view)), query: win.location.search.replace(/^\?/, '') };
	let continuing = false;

	const write = (state: UrlState) => {
		const next = { choices: choicesOf(state), query: serializeUrlState(state, URL_DEFAULTS) };
		const step = historyStep(written, next, continuing);
		continuing = false;
		if (step === 'none') return;
		const url = `${win.location.pathname}${next.query ? `?${next.query}` : ''}${win.location.hash}`;
		if (step === 'push') win.history.pushState(null, '', url);
		else win.history.replaceState(null, '', url);
		written = next;
	};

	const onPop = () => {
		const state = read();
		apply(view, state, defaultLang);
		written = { choices: choicesOf(snapshot(view)), query: win.location.search.replace(/^\?/, '') };
		if (state.camera) onCamera(state.camera);
	};
	win.addEventListener('popstate', onPop);

	const stop = $effect.root(() => {
		$effect(() => {
			const next = snapshot(view);
			untrack(() => write(next));
		});
	});
	return {
		update: (change, isContinuing) => {
			change();
			if (!isContinuing) return;
			// Svelte writes the URL in the microtask the change queued; this one runs after it, so
			// the flag never outlives this change (even one that leaves the URL as it was).
			continuing = true;
			queueMicrotask(() => (continuing = false));
		},
		disconnect: () => {
			stop();
			win.removeEventListener('popstate', onPop);
		}
	};
}
