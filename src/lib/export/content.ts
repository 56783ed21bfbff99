import { presentationOf, type Flow, type Lang, type Story } from '$lib/story';
import { creditLine } from '$lib/story/credits';
import { isFlowVisible } from '$lib/state/visibility';
import {
	legendEntries,
	placeSymbolsOf,
	pointInPicture,
	shownAreaKinds,
	type PictureExtent
} from '$lib/state/legend';
import { strings } from '$lib/i18n/strings';
import { exportStrings } from '$lib/i18n/exportStrings';
import { dateTimeFormat, fillTemplate, LOCALES } from '$lib/i18n/format';
import { CERTAINTY_DASH, CERTAINTY_WEIGHT } from '$lib/map/theme';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import type { LayoutContent } from './layout';
import type { ExportText } from '$lib/state/exportText';
import { exportTextDefaults, filterSentence } from './words';
import { altText } from '$lib/state/altText';

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

/**
 * The footer's lines: the reader's note, the filters in words when asked for, the source line,
 * the credit, and the export date only when asked for: a desk publishes the picture, and a date
 * printed on it is the day it was exported, not the story's. The date is always in the file's
 * metadata. Empty lines are left out.
 */
export function snapshotCredits(
	text: Pick<ExportText, 'note' | 'source' | 'credit'>,
	lang: ViewSnapshot['lang'],
	exportedAt: Date,
	options: { timeZone?: string; printDate?: boolean; filters?: string | null } = {}
): string[] {
	const t = exportStrings(lang).snapshot;
	const date = fillTemplate(t.exportedOn, { date: formatExportDate(exportedAt, lang, options.timeZone) });
	return [text.note, options.filters ?? '', text.source, text.credit, options.printDate ? date : '']
		.map((line) => line.trim())
		.filter((line) => line !== '');
}

/** The live legend's key to the other symbols (Legend.svelte): direction, places, areas shown. */
function legendSymbolsFor(
	story: Story,
	view: ViewSnapshot,
	flowsShown: boolean,
	picture: PictureExtent | undefined
): LayoutContent['legendSymbols'] {
	const t = strings(view.lang);
	const names = presentationOf(story).areaKindNames;
	const places = placeSymbolsOf(story.places.filter((p) => !picture || pointInPicture(p.coord, picture)));
	return [
		...(flowsShown ? [{ symbol: 'arrow' as const, label: t.legendArrow }] : []),
		...(places.capital ? [{ symbol: 'capital' as const, label: t.roles.capital }] : []),
		...(places.other ? [{ symbol: 'place' as const, label: t.legendOtherPlace }] : []),
		...shownAreaKinds(story.areas, view, picture).map((kind) => ({
			symbol: kind,
			label: names[kind][view.lang]
		}))
	];
}

export interface ContentOptions {
	timeZone?: string;
	/** Print the export date on the picture. */
	printDate?: boolean;
	/** The export's words (defaults: the story's, export/words.ts). */
	text?: ExportText;
	/** Add the filters as a sentence to the footer (filterSentence). */
	describeFilters?: boolean;
	/** The alt text as the reader edited it (default: state/altText.ts, the map in words). */
	altText?: string;
	/** What the picture's map shows: the legend keys only the places and areas in it. */
	picture?: PictureExtent;
}

/** Everything the header, legend and footer of an export say. */
export function snapshotContent(
	story: Story,
	view: ViewSnapshot,
	exportedAt: Date,
	options: ContentOptions = {}
): LayoutContent {
	const t = strings(view.lang);
	const flows = visibleFlows(story, view);
	const legend = legendEntries(flows);
	const text = options.text ?? exportTextDefaults(story, view);
	const filters = options.describeFilters ? filterSentence(view) : null;
	const title = text.title.trim();
	const subtitle = text.deck.trim();
	return {
		title,
		subtitle,
		legendKinds: legend.kinds.map(({ kind, count }) => ({
			kind,
			label: t.kinds[kind],
			count
		})),
		legendCertainties: legend.certainties.map(({ certainty, count }) => ({
			certainty,
			label: t.certainties[certainty],
			dash: CERTAINTY_DASH[certainty],
			weight: CERTAINTY_WEIGHT[certainty],
			count
		})),
		legendSymbols: legendSymbolsFor(story, view, legend.kinds.length > 0, options.picture),
		legendEmpty: t.legendEmpty,
		credits: snapshotCredits(text, view.lang, exportedAt, { ...options, filters }),
		metadata: {
			title,
			// The alt text: what the picture shows, in words (PNG Description, SVG <desc>, PDF Subject).
			description: options.altText?.trim() || altText(story, view, flows, options.picture),
			source: text.source.trim() || creditLine(story, view.lang),
			created: exportedAt.toISOString()
		}
	};
}
