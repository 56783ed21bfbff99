import { FLOW_KINDS, creditLine, formatDate, type Flow, type Lang, type Story } from '$lib/story';
import { isFlowVisible } from '$lib/state/visibility';
import { legendEntries } from '$lib/state/legend';
import { strings } from '$lib/i18n/strings';
import { exportStrings } from '$lib/i18n/exportStrings';
import { dateTimeFormat, fillTemplate, LOCALES } from '$lib/i18n/format';
import { CERTAINTY_DASH, CERTAINTY_WEIGHT, KIND_COLORS } from '$lib/map/theme';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import type { LayoutContent } from './layout';
import { stepAt } from '$lib/state/steps';

/**
 * What an export says about itself: title, the filters that shaped it, legend entries and credits.
 * Built from the same visibility rule as the map and the legend, so an image never claims more
 * (or less) than it shows.
 */

/** The story's flows the map draws for this view (the rule of state/visibility). */
export function visibleFlows(story: Story, view: ViewSnapshot): Flow[] {
	return story.flows.filter((flow) => isFlowVisible(flow, view));
}

const DATE_FORMAT = {
	de: { day: '2-digit', month: '2-digit', year: 'numeric' },
	en: { day: 'numeric', month: 'long', year: 'numeric' }
} as const satisfies Record<Lang, Intl.DateTimeFormatOptions>;

/** "26.11.2026" / "26 November 2026", in the reader's own time zone (the day they exported). */
export function formatExportDate(date: Date, lang: ViewSnapshot['lang'], timeZone?: string): string {
	return dateTimeFormat(LOCALES[lang], { ...DATE_FORMAT[lang], timeZone }).format(date);
}

/** "Stand: bis Juli 2023 · nur berichtet und behauptet · 5 von 8 Arten" */
export function snapshotSubtitle(view: ViewSnapshot): string {
	const t = exportStrings(view.lang).snapshot;
	const time =
		view.until === null ? t.allDates : fillTemplate(t.upTo, { date: formatDate(view.lang, view.until) });
	const kinds =
		view.kinds.length === FLOW_KINDS.length
			? t.allKinds
			: fillTemplate(t.someKinds, { shown: view.kinds.length, total: FLOW_KINDS.length });
	return `${t.asOf}: ${time} · ${t.certaintyScope[view.certainty]} · ${kinds}`;
}

/**
 * "Artikel: ZDFheute, Elisabeth Schmidt, September 2023 · Kartendaten: Natural Earth", and the
 * export date only when asked for: a desk publishes the picture, and a date printed on it is
 * the day it was exported, not the story's. The date is always in the file's metadata.
 */
export function snapshotCredits(
	story: Story,
	lang: ViewSnapshot['lang'],
	exportedAt: Date,
	options: { timeZone?: string; printDate?: boolean } = {}
): string[] {
	const t = exportStrings(lang).snapshot;
	const date = fillTemplate(t.exportedOn, { date: formatExportDate(exportedAt, lang, options.timeZone) });
	return [creditLine(story, lang), ...(options.printDate ? [date] : [])];
}

/** Everything the header, legend and credits of an export say. */
export function snapshotContent(
	story: Story,
	view: ViewSnapshot,
	exportedAt: Date,
	options: { timeZone?: string; printDate?: boolean } = {}
): LayoutContent {
	const t = strings(view.lang);
	const legend = legendEntries(visibleFlows(story, view));
	// A story step is exported under its own title, the story's beneath it, then what is shown.
	const step = stepAt(story, view.step);
	const title = step ? step.title[view.lang] : story.title[view.lang];
	const subtitle = step ? `${story.title[view.lang]} · ${snapshotSubtitle(view)}` : snapshotSubtitle(view);
	return {
		title,
		subtitle,
		legendKinds: legend.kinds.map(({ kind, count }) => ({
			kind,
			label: t.kinds[kind],
			color: KIND_COLORS[kind],
			count
		})),
		legendCertainties: legend.certainties.map(({ certainty, count }) => ({
			certainty,
			label: t.certainties[certainty],
			dash: CERTAINTY_DASH[certainty],
			weight: CERTAINTY_WEIGHT[certainty],
			count
		})),
		legendEmpty: t.legendEmpty,
		credits: snapshotCredits(story, view.lang, exportedAt, options),
		metadata: {
			title,
			description: subtitle,
			source: creditLine(story, view.lang),
			created: exportedAt.toISOString()
		}
	};
}
