import { describe, expect, it } from 'vitest';
import { isAbortError, untilAborted } from '../../src/lib/export/offscreenMap';

/*
 * Cancel during a step that cannot be stopped (the PNG encoder of a print-size picture runs for
 * seconds): the export answers at once and drops the step's result.
 */
describe('untilAborted', () => {
	it('rejects as soon as the signal fires, while the step still runs', async () => {
		const controller = new AbortController();
		let finish: (value: string) => void = () => {};
		const step = new Promise<string>((resolve) => (finish = resolve));
		const waiting = untilAborted(step, controller.signal);
		controller.abort();
		const error = await waiting.catch((e: unknown) => e);
		expect(isAbortError(error)).toBe(true);
		finish('too late');
	});

	it("passes the step's value and error through when nobody cancels", async () => {
		const controller = new AbortController();
		await expect(untilAborted(Promise.resolve(7), controller.signal)).resolves.toBe(7);
		await expect(untilAborted(Promise.reject(new Error('encoder')), controller.signal)).rejects.toThrow(
			'encoder'
		);
		await expect(untilAborted(Promise.resolve(1), undefined)).resolves.toBe(1);
	});

	it('rejects at once when already cancelled', async () => {
		const controller = new AbortController();
		controller.abort();
		await expect(untilAborted(new Promise(() => {}), controller.signal)).rejects.toMatchObject({
			name: 'AbortError'
		});
	});
});
