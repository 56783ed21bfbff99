/*
 * The page's side of reading a story file: it hands the file to a worker (loadWorker.ts), so
 * parsing and checking never block the page, and answers within TIMEOUT_MS whatever happens.
 * Where a worker cannot start (a host that serves it with the wrong type, an old browser), the
 * file is read on the page instead: slower for a large file, but it is read.
 */
import type { LoadResult } from './load';
import type { ReadAnswer, ReadRequest } from './loadWorker';
import type { Story } from './vocabulary';

/** Far above the worst file under the size limit (about 2 s on a slow phone); a stuck worker is stopped. */
export const TIMEOUT_MS = 20_000;

let worker: Worker | null = null;
let nextId = 1;

function startWorker(): Worker {
	worker ??= new Worker(new URL('./loadWorker.ts', import.meta.url), { type: 'module' });
	return worker;
}

function stopWorker(): void {
	worker?.terminate();
	worker = null;
}

/** Starts the worker ahead of the first file (when the loader's dialog opens), so its code is fetched meanwhile. */
export function prepareReader(): void {
	try {
		startWorker();
	} catch {
		// readStoryFile falls back to the page.
	}
}

async function readOnPage(
	file: Blob,
	current: Story,
	shapes: ReadonlySet<string> | null
): Promise<LoadResult> {
	try {
		return await (await import('./load')).loadStoryFile(file, current, undefined, shapes);
	} catch (e) {
		// loadStoryFile never throws: this is the reader's own code failing to load (offline, a new deployment).
		return {
			ok: false,
			errors: [`(app): the file reader could not be loaded (${e instanceof Error ? e.message : String(e)})`]
		};
	}
}

function readInWorker(
	file: Blob,
	current: Story,
	shapes: ReadonlySet<string> | null
): Promise<LoadResult | 'no worker'> {
	return new Promise((resolve) => {
		let running: Worker;
		try {
			running = startWorker();
		} catch {
			resolve('no worker');
			return;
		}
		const id = nextId++;
		const done = (answer: LoadResult | 'no worker') => {
			clearTimeout(timer);
			running.removeEventListener('message', onMessage);
			running.removeEventListener('error', onError);
			resolve(answer);
		};
		const onMessage = (e: MessageEvent<ReadAnswer>) => {
			if (e.data.id === id) done(e.data.result);
		};
		// The worker's script failed to load or run: the page reads the file itself.
		const onError = (e: Event) => {
			e.preventDefault();
			stopWorker();
			done('no worker');
		};
		const timer = setTimeout(() => {
			stopWorker();
			done({
				ok: false,
				errors: [`(file): checking was stopped after ${TIMEOUT_MS / 1000} s; the map is unchanged`]
			});
		}, TIMEOUT_MS);
		running.addEventListener('message', onMessage);
		running.addEventListener('error', onError);
		try {
			// A Set and the story are plain data: structured clone carries both, and the File by reference.
			running.postMessage({ id, file, current, shapes } satisfies ReadRequest);
		} catch {
			// Something that does not clone (a reactive proxy): the page reads the file itself.
			done('no worker');
		}
	});
}

/** Reads, parses and checks a story file the reader chose or dropped. Never throws. */
export async function readStoryFile(
	file: Blob,
	current: Story,
	shapes: ReadonlySet<string> | null
): Promise<LoadResult> {
	const answer = await readInWorker(file, current, shapes);
	return answer === 'no worker' ? readOnPage(file, current, shapes) : answer;
}
