import { untrack } from 'svelte';
import { FLOW_KINDS, type Story } from '$lib/story';
import { parseUrlState, serializeUrlState, type UrlState } from './url';
import type { Camera, ViewState } from './view.svelte';

const ALL_LAYERS = { patrol: true, regions: true, borders: true, labels: true };

function snapshot(view: ViewState): UrlState {
	return {
		lang: view.lang,
		kinds: [...view.kinds],
		certainty: view.certainty,
		month: view.month,
		layers: {
			patrol: view.showPatrolWaters,
			regions: view.showRegions,
			borders: view.showBorders,
			labels: view.showLabels
		},
		selected: view.selectedId,
		...(view.camera ? { camera: { ...view.camera, center: [...view.camera.center] } } : {})
	};
}

/** Sets every field of the view from a parsed URL; a field the URL lacks returns to its default. */
function apply(view: ViewState, state: UrlState, defaultLang: ViewState['lang']): void {
	view.lang = state.lang ?? defaultLang;
	view.kinds = state.kinds ? [...state.kinds] : [...FLOW_KINDS];
	view.certainty = state.certainty ?? 'possible';
	view.month = state.month ?? null;
	const layers = state.layers ?? ALL_LAYERS;
	view.showPatrolWaters = layers.patrol;
	view.showRegions = layers.regions;
	view.showBorders = layers.borders;
	view.showLabels = layers.labels;
	view.selectedId = state.selected ?? null;
	if (state.camera) view.camera = state.camera;
}

/**
 * Keeps the URL and the view state in step. Loading a URL restores the view; every change is
 * written back. Camera moves replace the current history entry (panning must not flood the
 * history); every other change pushes one, so back and forward step through the reader's choices.
 * `onCamera` is told when back/forward asks for another camera. Returns a disconnect function.
 */
export function connectUrl(
	view: ViewState,
	story: () => Story,
	onCamera: (camera: Camera) => void,
	win: Window = window
): () => void {
	// Read on every parse: the reader may have opened another story since.
	const knownIds = () => {
		const s = story();
		// A throwaway lookup built per parse, never observed: no reactivity needed.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		return new Set([...s.flows, ...s.places, ...s.areas, ...s.events].map((item) => item.id));
	};
	const defaultLang = view.lang;
	const defaults: UrlState = {
		lang: defaultLang,
		kinds: [...FLOW_KINDS],
		certainty: 'possible',
		month: null,
		layers: ALL_LAYERS,
		selected: null
	};
	const read = () => parseUrlState(win.location.search, knownIds());
	apply(view, read(), defaultLang);

	const withoutCamera = (s: UrlState) => serializeUrlState({ ...s, camera: undefined }, defaults);
	let written = withoutCamera(snapshot(view));

	const write = (next: UrlState) => {
		const query = serializeUrlState(next, defaults);
		const url = `${win.location.pathname}${query ? `?${query}` : ''}${win.location.hash}`;
		if (query === win.location.search.replace(/^\?/, '')) return;
		const choices = withoutCamera(next);
		if (choices === written) win.history.replaceState(null, '', url);
		else win.history.pushState(null, '', url);
		written = choices;
	};

	const onPop = () => {
		const state = read();
		apply(view, state, defaultLang);
		written = withoutCamera(snapshot(view));
		if (state.camera) onCamera(state.camera);
	};
	win.addEventListener('popstate', onPop);

	const stop = $effect.root(() => {
		$effect(() => {
			const next = snapshot(view);
			untrack(() => write(next));
		});
	});
	return () => {
		stop();
		win.removeEventListener('popstate', onPop);
	};
}
