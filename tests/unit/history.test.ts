import { describe, expect, it } from 'vitest';
import { historyStep } from '../../src/lib/state/history';

const url = (choices: string, camera = '') => ({
	choices,
	query: camera ? `${choices}&map=${camera}` : choices
});

describe('history policy', () => {
	it('pushes one entry for a new choice', () => {
		expect(historyStep(url('lang=en'), url('lang=en&kinds=arms'), false)).toBe('push');
	});
	it('rewrites the entry when only the camera moved', () => {
		expect(historyStep(url('lang=en', '3/40/120'), url('lang=en', '4/41/121'), false)).toBe('replace');
	});
	it('rewrites the entry for the later steps of a drag or playback', () => {
		expect(historyStep(url('month=2023-01'), url('month=2023-02'), true)).toBe('replace');
	});
	it('does nothing when the URL would not change', () => {
		expect(historyStep(url('lang=de', '3/40/120'), url('lang=de', '3/40/120'), true)).toBe('none');
	});
});
