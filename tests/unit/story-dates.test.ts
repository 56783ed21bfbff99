import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDay, isIsoMonth, isTimelineDate, story } from '$lib/story';
import { parseStory } from '$lib/story/parse';

/*
 * One date rule for every precision (vocabulary.ts): a year 0001 to 9999 in four digits, a month
 * 01 to 12, and a real day of the proleptic Gregorian calendar. The schema, the timeline and the
 * URL all ask isIsoDay and isIsoMonth, so a date one of them accepts is accepted by all.
 */

const pad = (n: number, width: number) => String(n).padStart(width, '0');
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
/** Days in a month, by the rule written out again here rather than asked of Date. */
const daysIn = (y: number, m: number) =>
	[31, leap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;

describe('the date rule', () => {
	it('accepts years 0001 to 9999, the first centuries too (Date.UTC reads 0-99 as 1900-1999)', () => {
		for (const y of ['0001', '0050', '0099', '0100', '0999', '1899', '1989', '2101', '9999']) {
			expect(isIsoMonth(`${y}-01`), y).toBe(true);
			expect(isIsoDay(`${y}-01-01`), y).toBe(true);
			expect(isIsoDay(`${y}-12-31`), y).toBe(true);
		}
	});

	it('rejects year 0000 as a month and as a day alike', () => {
		expect(isIsoMonth('0000-01')).toBe(false);
		expect(isIsoDay('0000-01-01')).toBe(false);
		expect(isTimelineDate('0000-12')).toBe(false);
	});

	it('knows the leap years of the first centuries by the Gregorian rule', () => {
		expect(isIsoDay('0004-02-29')).toBe(true);
		expect(isIsoDay('0096-02-29')).toBe(true);
		expect(isIsoDay('0100-02-29')).toBe(false);
		expect(isIsoDay('0400-02-29')).toBe(true);
		expect(isIsoDay('0050-02-29')).toBe(false);
		expect(isIsoDay('2000-02-29')).toBe(true);
		expect(isIsoDay('1900-02-29')).toBe(false);
	});

	it('rejects garbage', () => {
		for (const s of [
			'',
			'2023',
			'2023-1',
			'2023-01-1',
			'02023-01',
			'2023-00',
			'2023-13',
			'2023-01-00',
			'2023-01-32',
			'2023-04-31',
			'2023-02-30',
			'+2023-01',
			'-0050-01',
			'2023-01 ',
			' 2023-01',
			'2023-01\n',
			'2023-01-01T00:00',
			'2023/01/01',
			'２０２３-01',
			'٢٠٢٣-01'
		]) {
			expect(isIsoMonth(s), JSON.stringify(s)).toBe(false);
			expect(isIsoDay(s), JSON.stringify(s)).toBe(false);
		}
	});

	it('is one rule: a month is valid exactly when its first day is, a day by its month length (fast-check)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 9999 }),
				fc.integer({ min: 0, max: 99 }),
				fc.integer({ min: 0, max: 99 }),
				(y, m, d) => {
					const month = `${pad(y, 4)}-${pad(m, 2)}`;
					const real = y >= 1 && m >= 1 && m <= 12;
					expect(isIsoMonth(month)).toBe(real);
					expect(isIsoDay(`${month}-01`)).toBe(real);
					expect(isIsoDay(`${month}-${pad(d, 2)}`)).toBe(real && d >= 1 && d <= daysIn(y, m));
				}
			),
			{ numRuns: 2000 }
		);
	});
});

describe('the story file takes the same dates in every place', () => {
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	type Loose = any;
	/** The built-in story with every date it has set from `day` (a day) or `month` (a month). */
	function dated(day: string, month: string): Loose {
		const s: Loose = structuredClone(story);
		s.article.published = day;
		s.flows[0].when = { precision: 'day', start: day };
		s.flows[1].when = { precision: 'days', start: day, end: day };
		s.flows[2].when = { precision: 'month', start: month };
		s.flows[3].when = { precision: 'since', start: month };
		s.flows[4].when = { precision: 'since', start: day };
		s.events[0].when = { precision: 'day', start: day };
		s.steps[0].until = day;
		s.steps[1].until = month;
		return s;
	}

	it('accepts days and months of the first century in every date field', () => {
		const result = parseStory(dated('0050-01-01', '0050-01'));
		expect(result.ok ? [] : result.errors).toEqual([]);
		expect(
			parseStory({ ...dated('0050-01-01', '0050-01'), article: { ...story.article, published: '0050-01' } })
				.ok
		).toBe(true);
	});

	it('rejects year 0000 in every date field', () => {
		const result = parseStory(dated('0000-01-01', '0000-01'));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		for (const at of [
			'article.published',
			'flows[0].when.start',
			'flows[1].when.start',
			'flows[1].when.end',
			'flows[2].when.start',
			'flows[3].when.start',
			'flows[4].when.start',
			'events[0].when.start',
			'steps[0].until',
			'steps[1].until'
		])
			expect(
				result.errors.some((e) => e.startsWith(`${at}:`)),
				at
			).toBe(true);
	});
});
