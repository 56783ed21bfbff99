import { CERTAINTIES, FLOW_KINDS, formatWhen, monthFromIndex, type Flow, type Story } from '$lib/story';
import { certaintiesUpTo, isFlowVisible } from '$lib/state/visibility';
import { strings } from '$lib/i18n/strings';
import { CERTAINTY_DASH, KIND_COLORS } from '$lib/map/theme';
import type { StyleView } from '$lib/map/style';
import type { LayoutContent } from './layout';

/**
 * What an export says about itself: title, the filters that shaped it, legend entries and credits.
 * Built from the same visibility rule as the map and the legend, so an image never claims more
 * (or less) than it shows.
 */

/** `{name}` placeholders filled from `values`; unknown placeholders are left as they are. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
		key in values ? String(values[key]) : whole
	);
}

/** The story's flows the map draws for this view (the rule of state/visibility). */
export function visibleFlows(story: Story, view: StyleView): Flow[] {
	return story.flows.filter((flow) => isFlowVisible(flow, view));
}

/**
 * The same rule on map feature properties (flowFeatures output), for renderers that only have the
 * GeoJSON: kind switched on, certainty within the threshold, started by the chosen month (undated
 * flows carry start -1 and always show).
 */
export function isFlowFeatureVisible(
	properties: Readonly<Record<string, unknown>> | null | undefined,
	view: Pick<StyleView, 'kinds' | 'certainty' | 'monthIndex'>
): boolean {
	if (!properties) return false;
	const { kind, certainty, start } = properties;
	if (typeof kind !== 'string' || !(view.kinds as readonly string[]).includes(kind)) return false;
	if (typeof certainty !== 'string' || !(certaintiesUpTo(view.certainty) as string[]).includes(certainty))
		return false;
	if (view.monthIndex === null) return true;
	return typeof start === 'number' && start <= view.monthIndex;
}

/** Whether an area of this kind is switched on. */
export function isAreaKindShown(
	kind: unknown,
	view: Pick<StyleView, 'showPatrolWaters' | 'showRegions'>
): boolean {
	if (kind === 'patrol-waters') return view.showPatrolWaters;
	if (kind === 'recognised-region') return view.showRegions;
	return false;
}

const DATE_FORMAT = {
	de: { locale: 'de-DE', options: { day: '2-digit', month: '2-digit', year: 'numeric' } },
	en: { locale: 'en-GB', options: { day: 'numeric', month: 'long', year: 'numeric' } }
} as const satisfies Record<string, { locale: string; options: Intl.DateTimeFormatOptions }>;

/** "26.11.2026" / "26 November 2026", in the reader's own time zone (the day they exported). */
export function formatExportDate(date: Date, lang: StyleView['lang'], timeZone?: string): string {
	const f = DATE_FORMAT[lang];
	return new Intl.DateTimeFormat(f.locale, { ...f.options, ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** "Stand: bis Juli 2023 · nur berichtet und behauptet · 5 von 8 Arten" */
export function snapshotSubtitle(view: StyleView): string {
	const t = strings(view.lang).snapshot;
	const time =
		view.monthIndex === null
			? t.allDates
			: fillTemplate(t.upTo, {
					month: formatWhen({ precision: 'month', start: monthFromIndex(view.monthIndex) }, view.lang)
				});
	const kinds =
		view.kinds.length === FLOW_KINDS.length
			? t.allKinds
			: fillTemplate(t.someKinds, { shown: view.kinds.length, total: FLOW_KINDS.length });
	return `${t.asOf}: ${time} · ${t.certaintyScope[view.certainty]} · ${kinds}`;
}

/** "Artikel: ZDFheute, Elisabeth Schmidt, September 2023 · Kartendaten: Natural Earth" and the export date. */
export function snapshotCredits(
	story: Story,
	lang: StyleView['lang'],
	exportedAt: Date,
	timeZone?: string
): string[] {
	const t = strings(lang).snapshot;
	const { publisher, author, published } = story.article;
	const when = formatWhen(
		published.length === 7
			? { precision: 'month', start: published }
			: { precision: 'day', start: published },
		lang
	);
	return [
		`${t.article}: ${publisher}, ${author}, ${when} · ${t.mapData}`,
		fillTemplate(t.exportedOn, { date: formatExportDate(exportedAt, lang, timeZone) })
	];
}

/** Everything the header, legend and credits of an export say. */
export function snapshotContent(
	story: Story,
	view: StyleView,
	exportedAt: Date,
	options: { timeZone?: string } = {}
): LayoutContent {
	const t = strings(view.lang);
	const flows = visibleFlows(story, view);
	return {
		title: story.title[view.lang],
		subtitle: snapshotSubtitle(view),
		legendKinds: FLOW_KINDS.map((kind) => ({
			kind,
			label: t.kinds[kind],
			color: KIND_COLORS[kind],
			count: flows.filter((f) => f.kind === kind).length
		})).filter((k) => k.count > 0),
		legendCertainties: CERTAINTIES.map((certainty) => ({
			certainty,
			label: t.certainties[certainty],
			dash: CERTAINTY_DASH[certainty],
			count: flows.filter((f) => f.certainty === certainty).length
		})).filter((c) => c.count > 0),
		legendEmpty: t.legendEmpty,
		credits: snapshotCredits(story, view.lang, exportedAt, options.timeZone)
	};
}
