import { relationId } from '$lib/story/relations';
import { untrack } from 'svelte';
import type { Story } from '$lib/story';
import { ownParams, parseUrlState, serializeUrlState, withViewParams, type UrlState } from './url';
import { historyStep } from './history';
import { type Camera, type ViewFields, type ViewState } from './view.svelte';
import { stepAt, stepFields, type StepFields } from './steps';

function layersOf(v: Pick<ViewFields, 'showPatrolWaters' | 'showRegions' | 'showBorders' | 'showLabels'>) {
	return { patrol: v.showPatrolWaters, regions: v.showRegions, borders: v.showBorders, labels: v.showLabels };
}

function snapshot(view: ViewState): UrlState {
	return {
		lang: view.lang,
		step: view.step,
		kinds: [...view.kinds],
		certainty: view.certainty,
		until: view.until,
		layers: layersOf(view),
		selected: view.selectedId,
		exportText: { ...view.exportText },
		...(view.camera ? { camera: { ...view.camera, center: [...view.camera.center] } } : {})
	};
}

/**
 * Fields left out of a URL when they have their default: the step's own view, or the map's when
 * no step is read, so `?step=3` alone is step 3 exactly and only the reader's changes to it are
 * written. Not `lang`: a link is read by someone else, whose browser may prefer the other
 * language, and must open as its sender saw it.
 */
function urlDefaults(fields: StepFields): UrlState {
	return {
		kinds: [...fields.kinds],
		certainty: fields.certainty,
		until: fields.until,
		layers: layersOf(fields),
		selected: fields.selectedId
	};
}

/** Sets every field of the view from a parsed URL; a field the URL lacks returns to its default. */
function apply(view: ViewState, state: UrlState, defaultLang: ViewState['lang'], story: Story): void {
	const step = stepAt(story, state.step ?? null);
	const base = stepFields(step);
	view.lang = state.lang ?? defaultLang;
	view.step = step ? state.step! : null;
	view.kinds = [...(state.kinds ?? base.kinds)];
	view.certainty = state.certainty ?? base.certainty;
	view.until = state.until === undefined ? base.until : state.until;
	const layers = state.layers ?? layersOf(base);
	view.showPatrolWaters = layers.patrol;
	view.showRegions = layers.regions;
	view.showBorders = layers.borders;
	view.showLabels = layers.labels;
	view.selectedId = state.selected === undefined ? base.selectedId : state.selected;
	view.exportText = { ...state.exportText };
	if (state.camera) view.camera = state.camera;
}

/**
 * The page's address once the view's own query `own` is written into it. Parameters that are not
 * the view's (utm_*, fbclid, a host's flags, anything unknown) stay as they were, in their place
 * (state/url.ts, withViewParams): the address is the page's, and analytics read it.
 */
export function pageUrl(location: Pick<Location, 'pathname' | 'search' | 'hash'>, own: string): string {
	const query = withViewParams(location.search, own);
	return `${location.pathname}${query ? `?${query}` : ''}${location.hash}`;
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
 * another camera, or null for an entry without one (the page then frames its step or the
 * opening frame); the page moves the map, the camera is never an effect.
 */
export function connectUrl(
	view: ViewState,
	story: () => Story,
	onCamera: (camera: Camera | null) => void,
	win: Window = window,
	/**
	 * Inside another page (an embed) the view only rewrites its entry: pushed entries would join
	 * the article's history, and Back would step the map instead of leaving the article.
	 */
	{ push = true }: { push?: boolean } = {}
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
	const read = () => parseUrlState(win.location.search, knownIds(), story().steps?.length ?? 0);
	apply(view, read(), defaultLang, story());

	const defaultsOf = (s: UrlState) => urlDefaults(stepFields(stepAt(story(), s.step ?? null)));
	const serialize = (s: UrlState) => serializeUrlState(s, defaultsOf(s));
	// The camera and the export's text rewrite the current entry: back undoes a choice, not a keystroke.
	const choicesOf = (s: UrlState) => serialize({ ...s, camera: undefined, exportText: undefined });
	// What the address already says for the view, so a load whose view is written as it stands
	// rewrites nothing (other parameters never count: they are kept whatever the view does).
	let written = { choices: choicesOf(snapshot(view)), query: ownParams(win.location.search) };
	let continuing = false;

	const write = (state: UrlState) => {
		const next = { choices: choicesOf(state), query: serialize(state) };
		const step = historyStep(written, next, continuing);
		continuing = false;
		if (step === 'none') return;
		const url = pageUrl(win.location, next.query);
		if (step === 'push' && push) win.history.pushState(null, '', url);
		else win.history.replaceState(null, '', url);
		written = next;
	};

	const onPop = () => {
		const state = read();
		apply(view, state, defaultLang, story());
		written = { choices: choicesOf(snapshot(view)), query: ownParams(win.location.search) };
		onCamera(state.camera ?? null);
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
