/**
 * "A new version is available": the page's half of the service worker's update flow
 * (src/service-worker.ts has the other). A deploy brings a new worker, which installs and waits
 * while the old one keeps serving this page. The page offers a reload; the button tells the
 * waiting worker to take over (SKIP_WAITING) and reloads once it has (`controllerchange`), so the
 * reload brings the new version. The first install of all takes the page without a prompt: there
 * is nothing older to replace.
 *
 * The decisions are one pure function (`nextUpdate`), unit-tested; `watchUpdates` connects it to a
 * ServiceWorkerContainer (navigator.serviceWorker) and works with SvelteKit's own registration.
 */
import { SKIP_WAITING } from '$lib/offline/routes';

/**
 * none: nothing to offer; available: a newer version is there (the prompt shows); reloading: the
 * reader took it, the page waits for the new worker and reloads; dismissed: "later", for this page.
 */
export type UpdatePhase = 'none' | 'available' | 'reloading' | 'dismissed';

export type UpdateEvent =
	/** A new worker is installed and waits behind an active one. */
	| { type: 'waiting' }
	/** Another worker now controls the page; `hadController`: one did before (else: the first install). */
	| { type: 'controllerchange'; hadController: boolean }
	/** The worker this page asked to take over is active. */
	| { type: 'activated' }
	/** The reload button; `waiting`: a worker still waits (another tab may have let it in already). */
	| { type: 'accept'; waiting: boolean }
	| { type: 'dismiss' };

export type UpdateEffect = 'skip-waiting' | 'reload';

export function nextUpdate(
	phase: UpdatePhase,
	event: UpdateEvent
): { phase: UpdatePhase; effects: UpdateEffect[] } {
	switch (event.type) {
		case 'waiting':
			if (phase === 'none') return { phase: 'available', effects: [] };
			// A newer worker than the one asked: it is the one to take over now.
			if (phase === 'reloading') return { phase, effects: ['skip-waiting'] };
			return { phase, effects: [] };
		case 'controllerchange':
			if (phase === 'reloading') return { phase, effects: ['reload'] };
			// Another tab took the new version: this page is the old one, still working, and a reload
			// brings the new. Without a controller before, it is the first install taking the page.
			if (phase === 'none' && event.hadController) return { phase: 'available', effects: [] };
			return { phase, effects: [] };
		case 'activated':
			return phase === 'reloading' ? { phase, effects: ['reload'] } : { phase, effects: [] };
		case 'accept':
			if (phase !== 'available') return { phase, effects: [] };
			return { phase: 'reloading', effects: [event.waiting ? 'skip-waiting' : 'reload'] };
		case 'dismiss':
			return phase === 'available' ? { phase: 'dismissed', effects: [] } : { phase, effects: [] };
	}
}

/** The parts of a ServiceWorkerContainer used here (a fake in the unit tests). */
export interface WorkerContainer extends EventTarget {
	readonly controller: unknown;
	readonly ready: Promise<WorkerRegistration>;
}

export interface WorkerRegistration extends EventTarget {
	readonly installing: WaitingWorker | null;
	readonly waiting: WaitingWorker | null;
	readonly active: unknown;
}

export interface WaitingWorker extends EventTarget {
	readonly state: string;
	postMessage(message: unknown): void;
}

export interface UpdateControl {
	/** The reload button. */
	accept(): void;
	/** "Later". */
	dismiss(): void;
	stop(): void;
}

export interface WatchOptions {
	onChange: (phase: UpdatePhase) => void;
	reload: () => void;
	/** If the new worker never reports back (it failed, or a newer one replaced it), reload anyway. */
	fallbackMs?: number;
}

export function watchUpdates(container: WorkerContainer, options: WatchOptions): UpdateControl {
	let phase: UpdatePhase = 'none';
	let registration: WorkerRegistration | null = null;
	let hadController = !!container.controller;
	let reloaded = false;
	let stopped = false;
	let fallback: ReturnType<typeof setTimeout> | undefined;
	const cleanups: (() => void)[] = [];

	function listen(target: EventTarget, type: string, listener: () => void) {
		target.addEventListener(type, listener);
		cleanups.push(() => target.removeEventListener(type, listener));
	}

	function reload() {
		if (reloaded || stopped) return;
		reloaded = true;
		clearTimeout(fallback);
		options.reload();
	}

	function skipWaiting() {
		const worker = registration?.waiting;
		if (!worker) return reload();
		listen(worker, 'statechange', () => {
			if (worker.state === 'activated') dispatch({ type: 'activated' });
		});
		clearTimeout(fallback);
		fallback = setTimeout(reload, options.fallbackMs ?? 10_000);
		worker.postMessage({ type: SKIP_WAITING });
	}

	function dispatch(event: UpdateEvent) {
		if (stopped) return;
		const next = nextUpdate(phase, event);
		const changed = next.phase !== phase;
		phase = next.phase;
		if (changed) options.onChange(phase);
		for (const effect of next.effects) {
			if (effect === 'skip-waiting') skipWaiting();
			else reload();
		}
	}

	/** A worker waits behind an active one: a new version, not the first install. */
	function checkWaiting() {
		if (registration?.waiting && registration.active) dispatch({ type: 'waiting' });
	}

	function track(worker: WaitingWorker | null) {
		if (!worker) return;
		listen(worker, 'statechange', () => {
			if (worker.state === 'installed') checkWaiting();
		});
	}

	listen(container, 'controllerchange', () => {
		dispatch({ type: 'controllerchange', hadController });
		hadController = true;
	});

	// SvelteKit registers the worker on the window's load event; `ready` waits for it (and for the
	// first install's activation, which needs no prompt anyway).
	container.ready.then((found) => {
		if (stopped) return;
		registration = found;
		listen(found, 'updatefound', () => track(found.installing));
		track(found.installing);
		checkWaiting();
	});

	return {
		accept: () => dispatch({ type: 'accept', waiting: !!registration?.waiting }),
		dismiss: () => dispatch({ type: 'dismiss' }),
		stop() {
			stopped = true;
			clearTimeout(fallback);
			for (const cleanup of cleanups.splice(0)) cleanup();
		}
	};
}
