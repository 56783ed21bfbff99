import { describe, expect, it } from 'vitest';
import {
	formatWhen,
	isActiveInMonth,
	monthFromIndex,
	monthIndex,
	story,
	whenEndMonth,
	whenStartIndex,
	whenStartMonth,
	type When
} from '$lib/story';

const day: When = { precision: 'day', start: '2023-09-12' };
const days: When = { precision: 'days', start: '2023-07-25', end: '2023-07-27' };
const month: When = { precision: 'month', start: '2023-07' };
const since: When = { precision: 'since', start: '2023-01' };
const undated: When = { precision: 'undated' };

describe('formatWhen', () => {
	it('formats every precision in German', () => {
		expect(formatWhen(day, 'de')).toBe('12. September 2023');
		expect(formatWhen(days, 'de')).toBe('25.–27. Juli 2023');
		expect(formatWhen(month, 'de')).toBe('Juli 2023');
		expect(formatWhen(since, 'de')).toBe('seit Januar 2023');
		expect(formatWhen(undated, 'de')).toBe('ohne Datum');
	});

	it('formats every precision in English', () => {
		expect(formatWhen(day, 'en')).toBe('12 September 2023');
		expect(formatWhen(days, 'en')).toBe('25–27 July 2023');
		expect(formatWhen(month, 'en')).toBe('July 2023');
		expect(formatWhen(since, 'en')).toBe('since January 2023');
		expect(formatWhen(undated, 'en')).toBe('undated');
	});

	it('formats ranges across months and years, and "since" a day', () => {
		const crossMonth: When = { precision: 'days', start: '2023-07-30', end: '2023-08-02' };
		expect(formatWhen(crossMonth, 'de')).toBe('30. Juli – 2. August 2023');
		expect(formatWhen(crossMonth, 'en')).toBe('30 July – 2 August 2023');
		const crossYear: When = { precision: 'days', start: '2022-12-30', end: '2023-01-02' };
		expect(formatWhen(crossYear, 'en')).toBe('30 December 2022 – 2 January 2023');
		expect(formatWhen({ precision: 'since', start: '2022-02-24' }, 'de')).toBe('seit 24. Februar 2022');
	});

	it('does not shift dates at month and year edges (UTC)', () => {
		expect(formatWhen({ precision: 'day', start: '2023-01-01' }, 'en')).toBe('1 January 2023');
		expect(formatWhen({ precision: 'day', start: '2023-12-31' }, 'de')).toBe('31. Dezember 2023');
	});

	it('does not throw on values that skipped the schema', () => {
		expect(formatWhen({ precision: 'day' }, 'en')).toBe('undated');
		expect(formatWhen({ precision: 'month', start: 'soon' }, 'de')).toBe('soon');
	});

	it('formats every date in the built-in story', () => {
		for (const f of story.flows)
			for (const lang of ['de', 'en'] as const)
				expect(formatWhen(f.when, lang), f.id).not.toMatch(/NaN|Invalid/);
	});
});

describe('start and end months', () => {
	it('reads the months a value starts and ends in', () => {
		expect([whenStartMonth(day), whenEndMonth(day)]).toEqual(['2023-09', '2023-09']);
		expect([whenStartMonth(days), whenEndMonth(days)]).toEqual(['2023-07', '2023-07']);
		expect([whenStartMonth(month), whenEndMonth(month)]).toEqual(['2023-07', '2023-07']);
		expect([whenStartMonth(since), whenEndMonth(since)]).toEqual(['2023-01', null]);
		expect([whenStartMonth(undated), whenEndMonth(undated)]).toEqual([null, null]);
		const crossMonth: When = { precision: 'days', start: '2023-07-30', end: '2023-08-02' };
		expect(whenEndMonth(crossMonth)).toBe('2023-08');
	});

	it('maps months to indexes and back', () => {
		expect(monthIndex('2023-01')).toBe(2023 * 12);
		expect(monthIndex('2023-09') - monthIndex('2023-07')).toBe(2);
		expect(monthFromIndex(monthIndex('2022-12'))).toBe('2022-12');
		expect(monthFromIndex(monthIndex('2022-12') + 1)).toBe('2023-01');
		expect(() => monthIndex('2023-13')).toThrow(RangeError);
	});

	it('gives undated values the index -1 so a "start <= month" filter always shows them', () => {
		expect(whenStartIndex(undated)).toBe(-1);
		expect(whenStartIndex(day)).toBe(monthIndex('2023-09'));
	});
});

describe('isActiveInMonth', () => {
	it("cumulative (default): shown from the start month on, 'up to and during' the month", () => {
		expect(isActiveInMonth(days, '2023-06')).toBe(false);
		expect(isActiveInMonth(days, '2023-07')).toBe(true);
		// Still shown after it ended: the map shows what has happened by then.
		expect(isActiveInMonth(days, '2023-09')).toBe(true);
		expect(isActiveInMonth(day, '2023-08')).toBe(false);
		expect(isActiveInMonth(day, '2023-09')).toBe(true);
		expect(isActiveInMonth(since, '2022-12')).toBe(false);
		expect(isActiveInMonth(since, '2023-01')).toBe(true);
	});

	it("during: only while it is going on; 'since' stays on from its start", () => {
		expect(isActiveInMonth(days, '2023-07', 'during')).toBe(true);
		expect(isActiveInMonth(days, '2023-08', 'during')).toBe(false);
		expect(isActiveInMonth(month, '2023-08', 'during')).toBe(false);
		const crossMonth: When = { precision: 'days', start: '2023-07-30', end: '2023-08-02' };
		expect(isActiveInMonth(crossMonth, '2023-08', 'during')).toBe(true);
		expect(isActiveInMonth(since, '2023-09', 'during')).toBe(true);
		expect(isActiveInMonth(since, '2022-12', 'during')).toBe(false);
	});

	it('always shows undated values', () => {
		for (const m of ['1990-01', '2023-07', '2030-12'])
			for (const mode of ['cumulative', 'during'] as const)
				expect(isActiveInMonth(undated, m, mode)).toBe(true);
	});

	it('builds up the built-in story over the summer of 2023', () => {
		const visible = (m: string) => story.flows.filter((f) => isActiveInMonth(f.when, m)).map((f) => f.id);
		expect(visible('2023-06')).not.toContain('shoigu-visit');
		expect(visible('2023-07')).toContain('shoigu-visit');
		expect(visible('2023-08')).toContain('delegation-to-moscow');
		expect(visible('2023-08')).not.toContain('kim-train-to-vladivostok');
		expect(visible('2023-09')).toEqual(expect.arrayContaining(['shoigu-visit', 'kim-train-to-vladivostok']));
		expect(visible('2023-09').length).toBe(story.flows.length);
	});
});
