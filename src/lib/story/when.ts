import { isIsoDay, isIsoMonth, type Lang, type When } from './vocabulary';
import { dateTimeFormat, LOCALES } from '../i18n/format';

/*
 * Time on the timeline. A story's dates are days ('YYYY-MM-DD') or months ('YYYY-MM'); the
 * timeline compares them by time key: text that sorts in time. A day is its own key; a month's key
 * is its last possible day ('YYYY-MM-31'), so something dated only "August" counts as begun once
 * August is over, never earlier than the article allows.
 *
 * The rule (state/visibility.ts) is cumulative: at a chosen date the map shows everything that
 * had begun by then, so it shows how the relation built up (a flow in July is still drawn in
 * September), and 'since' flows show from their start on. Undated claims are not placed in time
 * by the article: they show only when no date is chosen, never as if they had always been.
 */

/** A day or a month as its time key; null for anything else. */
export function timeKey(date: string): string | null {
	if (isIsoDay(date)) return date;
	return isIsoMonth(date) ? `${date}-31` : null;
}

/** Whether a value is a date the timeline can stop at: a day or a month. */
export function isTimelineDate(date: string): boolean {
	return timeKey(date) !== null;
}

/** When something begins, as a time key; null when undated. */
export function whenStartKey(w: When): string | null {
	return w.precision === 'undated' || w.start === undefined ? null : timeKey(w.start);
}

// ---------------------------------------------------------------------------------------------
// Display

const UNDATED: Record<Lang, string> = { de: 'ohne Datum', en: 'undated' };
const SINCE: Record<Lang, string> = { de: 'seit', en: 'since' };

/**
 * Midnight UTC of a day, or of a month's first day. setUTCFullYear, not Date.UTC, which reads
 * the years 0 to 99 as 1900 to 1999 and would write '0050-03' as "March 1950".
 */
function utc(date: string): Date {
	const [y, m, d] = date.split('-').map(Number);
	const t = new Date(0);
	t.setUTCFullYear(y ?? 0, (m ?? 1) - 1, d ?? 1);
	return t;
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
