import { isIsoDay, isIsoMonth, type Lang, type When } from './vocabulary';
import { dateTimeFormat, LOCALES } from '../i18n/format';

/*
 * Time helpers for the timeline. Months are 'YYYY-MM' strings (they sort and compare as text)
 * or month indexes (year * 12 + month - 1) where the map filter needs a number.
 *
 * The timeline rule (isActiveInMonth):
 *  - 'cumulative' (default, "up to and during" the chosen month): everything that has started by
 *    the end of that month stays visible, so the map shows how the relation built up. A flow in
 *    July 2023 is still drawn when the reader picks September 2023.
 *  - 'during': only what is going on in that month: dated spans that include it, and 'since'
 *    flows from their start on.
 *  - In both modes 'since' flows show from their start month on, and undated flows always
 *    show: the article does not place them in time, so hiding them would drop them silently.
 */

export const TIMELINE_MODES = ['cumulative', 'during'] as const;
export type TimelineMode = (typeof TIMELINE_MODES)[number];

/** 'YYYY-MM' -> year * 12 + month - 1. Throws RangeError on anything else. */
export function monthIndex(month: string): number {
	if (!isIsoMonth(month)) throw new RangeError(`not a month "${month}" (YYYY-MM)`);
	return Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
}

/** Inverse of monthIndex. */
export function monthFromIndex(index: number): string {
	const year = Math.floor(index / 12);
	const month = index - year * 12 + 1;
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

function monthOf(date: string | undefined): string | null {
	if (date === undefined) return null;
	if (isIsoDay(date)) return date.slice(0, 7);
	return isIsoMonth(date) ? date : null;
}

/** The month something starts in; null when undated. */
export function whenStartMonth(w: When): string | null {
	return w.precision === 'undated' ? null : monthOf(w.start);
}

/** The month something ends in; null when it is open-ended ('since') or undated. */
export function whenEndMonth(w: When): string | null {
	switch (w.precision) {
		case 'day':
		case 'month':
			return monthOf(w.start);
		case 'days':
			return monthOf(w.end);
		case 'since':
		case 'undated':
			return null;
	}
}

/** Start as a month index for the map filter; -1 (before any real month) keeps undated flows visible. */
export function whenStartIndex(w: When): number {
	const start = whenStartMonth(w);
	return start === null ? -1 : monthIndex(start);
}

/** Whether something belongs on the map at `month` ('YYYY-MM'); see the rule at the top. */
export function isActiveInMonth(w: When, month: string, mode: TimelineMode = 'cumulative'): boolean {
	const start = whenStartMonth(w);
	if (start === null) return true;
	if (month < start) return false;
	if (mode === 'cumulative') return true;
	const end = whenEndMonth(w);
	return end === null || month <= end;
}

// ---------------------------------------------------------------------------------------------
// Display

const UNDATED: Record<Lang, string> = { de: 'ohne Datum', en: 'undated' };
const SINCE: Record<Lang, string> = { de: 'seit', en: 'since' };

function utc(date: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y ?? 0, (m ?? 1) - 1, d ?? 1));
}

// UTC everywhere: a date-only value must not shift by a day in a reader's time zone.
const FULL_DAY = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
const DAY_AND_MONTH = { day: 'numeric', month: 'long', timeZone: 'UTC' } as const;
const MONTH_AND_YEAR = { month: 'long', year: 'numeric', timeZone: 'UTC' } as const;

// Formatters are shared: one per call meant a new Intl.DateTimeFormat for every row of a list.
function fmt(lang: Lang, options: Intl.DateTimeFormatOptions, date: string): string {
	return dateTimeFormat(LOCALES[lang], options).format(utc(date));
}

const fullDay = (lang: Lang, d: string) => fmt(lang, FULL_DAY, d);
const dayAndMonth = (lang: Lang, d: string) => fmt(lang, DAY_AND_MONTH, d);
const monthAndYear = (lang: Lang, d: string) => fmt(lang, MONTH_AND_YEAR, d);
const dayOnly = (d: string) => String(Number(d.slice(8, 10)));

/** A day or a month, whichever the value is. */
/** A day ('YYYY-MM-DD') or month ('YYYY-MM') as the reader's language writes it. */
export function formatDate(lang: Lang, date: string): string {
	return isIsoDay(date) ? fullDay(lang, date) : monthAndYear(lang, date);
}

/**
 * Ranges are composed by hand instead of Intl's formatRange, whose spacing around the dash
 * differs between ICU versions (and so between Node versions and browsers).
 */
function formatRange(lang: Lang, start: string, end: string): string {
	if (start === end) return fullDay(lang, start);
	if (start.slice(0, 7) === end.slice(0, 7)) {
		const rest = monthAndYear(lang, end);
		return lang === 'de'
			? `${dayOnly(start)}.–${dayOnly(end)}. ${rest}`
			: `${dayOnly(start)}–${dayOnly(end)} ${rest}`;
	}
	if (start.slice(0, 4) === end.slice(0, 4)) return `${dayAndMonth(lang, start)} – ${fullDay(lang, end)}`;
	return `${fullDay(lang, start)} – ${fullDay(lang, end)}`;
}

/**
 * Human date: "12. September 2023" / "12 September 2023", "25.–27. Juli 2023" /
 * "25–27 July 2023", "Juli 2023" / "July 2023", "seit Januar 2023" / "since January 2023",
 * "ohne Datum" / "undated". Total: a value that did not pass the schema falls back to its raw text.
 */
export function formatWhen(w: When, lang: Lang): string {
	const { start, end } = w;
	switch (w.precision) {
		case 'day':
			return start && isIsoDay(start) ? fullDay(lang, start) : (start ?? UNDATED[lang]);
		case 'days':
			if (start && end && isIsoDay(start) && isIsoDay(end)) return formatRange(lang, start, end);
			return [start, end].filter(Boolean).join(' – ') || UNDATED[lang];
		case 'month':
			return start && isIsoMonth(start) ? monthAndYear(lang, start) : (start ?? UNDATED[lang]);
		case 'since':
			if (start && (isIsoDay(start) || isIsoMonth(start))) return `${SINCE[lang]} ${formatDate(lang, start)}`;
			return start ? `${SINCE[lang]} ${start}` : UNDATED[lang];
		case 'undated':
			return UNDATED[lang];
	}
}
