import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatWhen, isTimelineDate, story, timeKey, whenStartKey, type When } from '$lib/story';
import { timelineStep, timelineStops } from '$lib/state/timeline';
import { passesTime } from '$lib/state/visibility';

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

	it('writes the years 1 to 99 as themselves, not as 1901 to 1999 (Date.UTC)', () => {
		expect(formatWhen({ precision: 'day', start: '0050-01-01' }, 'en')).toBe('1 January 50');
		expect(formatWhen({ precision: 'month', start: '0050-03' }, 'de')).toBe('März 50');
		expect(formatWhen({ precision: 'since', start: '0001-12' }, 'en')).toBe('since December 1');
		expect(formatWhen({ precision: 'days', start: '0099-12-30', end: '0100-01-02' }, 'en')).toBe(
			'30 December 99 – 2 January 100'
		);
		expect(formatWhen({ precision: 'days', start: '0004-02-28', end: '0004-02-29' }, 'de')).toBe(
			'28.–29. Februar 4'
		);
		expect(formatWhen({ precision: 'day', start: '9999-12-31' }, 'en')).toBe('31 December 9999');
	});

	it('writes every year of the date rule as itself, in both languages (fast-check)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 9999 }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 28 }),
				fc.constantFrom('de' as const, 'en' as const),
				(y, m, d, lang) => {
					const month = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
					const day = `${month}-${String(d).padStart(2, '0')}`;
					expect(formatWhen({ precision: 'day', start: day }, lang)).toMatch(
						new RegExp(`^${d}\\.? \\D+ ${y}$`)
					);
					expect(formatWhen({ precision: 'month', start: month }, lang)).toMatch(new RegExp(`^\\D+ ${y}$`));
				}
			),
			{ numRuns: 500 }
		);
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

describe('time keys', () => {
	it('keys a day as itself and a month as its last possible day, so they sort in time', () => {
		expect(timeKey('2023-09-12')).toBe('2023-09-12');
		expect(timeKey('2023-08')).toBe('2023-08-31');
		expect(timeKey('2023-08')! < timeKey('2023-09-06')!).toBe(true);
		expect(timeKey('2023-09-06')! < timeKey('2023-09')!).toBe(true);
		expect(timeKey('2023-13')).toBeNull();
		expect(timeKey('2023-02-30')).toBeNull();
		expect(isTimelineDate('2023-09')).toBe(true);
		expect(isTimelineDate('September')).toBe(false);
	});

	it('keys what begins by its start, and nothing for the undated', () => {
		expect(whenStartKey(day)).toBe('2023-09-12');
		expect(whenStartKey(days)).toBe('2023-07-25');
		expect(whenStartKey(month)).toBe('2023-07-31');
		expect(whenStartKey(since)).toBe('2023-01-31');
		expect(whenStartKey(undated)).toBeNull();
	});

	it('shows what had begun by the chosen date, the undated only at "all dates"', () => {
		expect(passesTime(whenStartKey(days), '2023-07-24')).toBe(false);
		expect(passesTime(whenStartKey(days), '2023-07-25')).toBe(true);
		// Still shown after it ended: the map shows what has happened by then.
		expect(passesTime(whenStartKey(days), '2023-09')).toBe(true);
		expect(passesTime(whenStartKey(month), '2023-07-15')).toBe(false);
		expect(passesTime(whenStartKey(month), '2023-07')).toBe(true);
		expect(passesTime(whenStartKey(undated), '2100-12')).toBe(false);
		expect(passesTime(whenStartKey(undated), null)).toBe(true);
	});
});

describe('the timeline', () => {
	const stops = timelineStops([...story.flows, ...story.areas]);

	it('stops at the dates on which something on the map begins, and at no empty month', () => {
		expect(stops).toEqual(['2022-02', '2023-01', '2023-07-25', '2023-08', '2023-09-06', '2023-09-12']);
	});

	it('builds up the built-in story stop by stop, and shows the undated only at the end', () => {
		const visible = (until: string | null) =>
			[...story.flows, ...story.areas]
				.filter((f) => passesTime(whenStartKey(f.when), until))
				.map((f) => f.id);
		expect(visible('2023-01')).not.toContain('shoigu-visit');
		expect(visible('2023-07-25')).toContain('shoigu-visit');
		expect(visible('2023-07-25')).not.toContain('delegation-to-moscow');
		expect(visible('2023-08')).toContain('delegation-to-moscow');
		expect(visible('2023-08')).not.toContain('patrol-waters');
		expect(visible('2023-09-06')).toContain('patrol-waters');
		expect(visible('2023-09-06')).not.toContain('kim-train-to-vladivostok');
		expect(visible('2023-09-12')).toContain('kim-train-to-vladivostok');
		// The last date is not "everything": the undated claims and regions come only with "all".
		expect(visible('2023-09-12')).not.toContain('kn23-missiles');
		expect(visible('2023-09-12')).not.toContain('crimea');
		expect(visible(null).length).toBe(story.flows.length + story.areas.length);
	});

	it('places a date on the slider: a stop at its own position, all dates after the last', () => {
		expect(timelineStep(stops, null)).toBe(stops.length);
		expect(timelineStep(stops, '2023-08')).toBe(3);
		// A date between stops (from a link) sits at the last stop before it.
		expect(timelineStep(stops, '2023-09-10')).toBe(4);
		expect(timelineStep(stops, '2023-07')).toBe(2);
	});

	it('has no stops for a story without dates', () => {
		expect(timelineStops([{ when: undated }])).toEqual([]);
	});
});
