import { describe, expect, it } from 'vitest';
import {
	nextUpdate,
	watchUpdates,
	type UpdateEvent,
	type UpdatePhase,
	type WaitingWorker,
	type WorkerContainer,
	type WorkerRegistration
} from '../../src/lib/state/swUpdate';

describe('the update prompt’s decisions', () => {
	const run = (events: UpdateEvent[], from: UpdatePhase = 'none') => {
		let phase = from;
		const effects: string[] = [];
		for (const e of events) {
			const next = nextUpdate(phase, e);
			phase = next.phase;
			effects.push(...next.effects);
		}
		return { phase, effects };
	};

	it('offers a waiting version, lets it in on the button and reloads once it is in charge', () => {
		expect(run([{ type: 'waiting' }])).toEqual({ phase: 'available', effects: [] });
		expect(run([{ type: 'waiting' }, { type: 'accept', waiting: true }])).toEqual({
			phase: 'reloading',
			effects: ['skip-waiting']
		});
		expect(
			run([
				{ type: 'waiting' },
				{ type: 'accept', waiting: true },
				{ type: 'controllerchange', hadController: true }
			]).effects
		).toEqual(['skip-waiting', 'reload']);
	});

	it('takes the page on the first install without a prompt', () => {
		expect(run([{ type: 'controllerchange', hadController: false }])).toEqual({ phase: 'none', effects: [] });
	});

	it('offers a reload to an old page another tab updated, and reloads it at once', () => {
		const other = run([{ type: 'controllerchange', hadController: true }]);
		expect(other.phase).toBe('available');
		expect(nextUpdate(other.phase, { type: 'accept', waiting: false })).toEqual({
			phase: 'reloading',
			effects: ['reload']
		});
	});

	it('does nothing on the button before there is something to offer, or twice', () => {
		expect(run([{ type: 'accept', waiting: true }])).toEqual({ phase: 'none', effects: [] });
		expect(run([{ type: 'accept', waiting: true }], 'reloading').effects).toEqual([]);
	});

	it('stays quiet for this page after "later"', () => {
		const later = run([{ type: 'waiting' }, { type: 'dismiss' }]);
		expect(later.phase).toBe('dismissed');
		expect(
			run([{ type: 'waiting' }, { type: 'controllerchange', hadController: true }], later.phase).phase
		).toBe('dismissed');
	});

	it('lets a still newer worker in when it turns up while reloading', () => {
		expect(nextUpdate('reloading', { type: 'waiting' }).effects).toEqual(['skip-waiting']);
		expect(nextUpdate('reloading', { type: 'activated' }).effects).toEqual(['reload']);
		expect(nextUpdate('available', { type: 'activated' }).effects).toEqual([]);
	});
});

/** A service worker, its registration and navigator.serviceWorker, as far as the page sees them. */
class FakeWorker extends EventTarget implements WaitingWorker {
	state = 'installing';
	messages: unknown[] = [];
	constructor(private readonly onMessage?: (worker: FakeWorker, message: unknown) => void) {
		super();
	}
	postMessage(message: unknown) {
		this.messages.push(message);
		this.onMessage?.(this, message);
	}
	become(state: string) {
		this.state = state;
		this.dispatchEvent(new Event('statechange'));
	}
}

class FakeRegistration extends EventTarget implements WorkerRegistration {
	installing: FakeWorker | null = null;
	waiting: FakeWorker | null = null;
	active: FakeWorker | null = null;
}

class FakeContainer extends EventTarget implements WorkerContainer {
	controller: FakeWorker | null = null;
	readonly registration = new FakeRegistration();
	readonly ready: Promise<WorkerRegistration>;
	private resolve!: (r: WorkerRegistration) => void;
	constructor() {
		super();
		this.ready = new Promise((r) => (this.resolve = r));
	}
	activeNow() {
		this.resolve(this.registration);
	}
	/** What the browser does when a worker installs (in the order the spec updates the page's view). */
	install(worker: FakeWorker) {
		const reg = this.registration;
		reg.installing = worker;
		reg.dispatchEvent(new Event('updatefound'));
		worker.become('installing');
		reg.installing = null;
		reg.waiting = worker;
		worker.become('installed');
		if (!reg.active) this.activate(worker);
	}
	activate(worker: FakeWorker) {
		const reg = this.registration;
		reg.waiting = null;
		reg.active = worker;
		worker.become('activating');
		// clients.claim() in the worker's activate handler.
		this.controller = worker;
		this.dispatchEvent(new Event('controllerchange'));
		worker.become('activated');
	}
}

const flush = () => new Promise((r) => setTimeout(r, 0));

/** A page that a worker already controls, as after any visit but the first. */
function controlled(): { container: FakeContainer; old: FakeWorker } {
	const container = new FakeContainer();
	const old = new FakeWorker();
	container.registration.active = old;
	container.controller = old;
	container.activeNow();
	return { container, old };
}

function watch(container: FakeContainer) {
	const phases: UpdatePhase[] = [];
	let reloads = 0;
	const control = watchUpdates(container, {
		onChange: (p) => phases.push(p),
		reload: () => reloads++,
		fallbackMs: 60_000
	});
	return { control, phases, reloads: () => reloads };
}

describe('watching navigator.serviceWorker', () => {
	it('shows nothing on the first visit, while the first worker installs and takes the page', async () => {
		const container = new FakeContainer();
		const page = watch(container);
		const first = new FakeWorker();
		container.install(first);
		container.activeNow();
		await flush();
		expect(page.phases).toEqual([]);
		expect(page.reloads()).toBe(0);
		expect(container.controller).toBe(first);
		page.control.stop();
	});

	it('offers a deploy found while the page is open, lets it in and reloads once', async () => {
		const { container, old } = controlled();
		const page = watch(container);
		await flush();
		const next = new FakeWorker((worker, message) => {
			if ((message as { type?: string }).type === 'SKIP_WAITING') container.activate(worker);
		});
		container.install(next);
		expect(page.phases).toEqual(['available']);
		expect(container.controller).toBe(old);
		page.control.accept();
		expect(next.messages).toEqual([{ type: 'SKIP_WAITING' }]);
		expect(page.phases).toEqual(['available', 'reloading']);
		// controllerchange and the worker's 'activated' both came: one reload.
		expect(page.reloads()).toBe(1);
		page.control.stop();
	});

	it('offers a version that was already waiting when the page opened', async () => {
		const container = new FakeContainer();
		container.registration.active = new FakeWorker();
		container.controller = container.registration.active;
		container.registration.waiting = new FakeWorker();
		container.activeNow();
		const page = watch(container);
		await flush();
		expect(page.phases).toEqual(['available']);
		page.control.stop();
	});

	it('tells an old page whose worker another tab replaced, and reloads it without a worker to wait for', async () => {
		const { container } = controlled();
		const page = watch(container);
		await flush();
		const next = new FakeWorker();
		container.install(next);
		// The other tab's button.
		container.activate(next);
		expect(page.phases).toEqual(['available']);
		page.control.accept();
		expect(next.messages).toEqual([]);
		expect(page.reloads()).toBe(1);
		page.control.stop();
	});

	it('stops listening when the component goes', async () => {
		const container = new FakeContainer();
		container.registration.active = new FakeWorker();
		container.controller = container.registration.active;
		container.activeNow();
		const page = watch(container);
		await flush();
		page.control.stop();
		container.install(new FakeWorker());
		expect(page.phases).toEqual([]);
	});
});
