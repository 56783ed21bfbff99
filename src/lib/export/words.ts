import { FLOW_KINDS, formatDate, presentationOf, type Story } from '$lib/story';
import { creditLine } from '$lib/story/credits';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import type { ExportText } from '$lib/state/exportText';
import { stepAt } from '$lib/state/steps';
import { strings } from '$lib/i18n/strings';
import { exportStrings } from '$lib/i18n/exportStrings';
import { fillTemplate, listFormat, LOCALES } from '$lib/i18n/format';

/**
 * What an export says in words before the reader edits it, in the view's language: the story's
 * title and deck (a step's title over the story's), its source line, no note and no credit; and
 * the filters said as a sentence a reader understands, for the note the reader may add.
 */

/** The prefilled title, deck, note, source and credit for this view. */
export function exportTextDefaults(story: Story, view: Pick<ViewSnapshot, 'lang' | 'step'>): ExportText {
	const { lang } = view;
	const step = stepAt(story, view.step);
	const shown = presentationOf(story);
	const deck = shown.deck?.[lang] ?? '';
	return {
		title: step ? step.title[lang] : story.title[lang],
		deck: step ? story.title[lang] : deck,
		note: '',
		// The one line that mixes the story's words (publisher, author) with the app's: isolated.
		source: creditLine(story, lang),
		// A newsroom's house style signs its pictures with its publisher line.
		credit: shown.house?.publisher?.[lang] ?? ''
	};
}

/** Whether the view leaves anything out (then the filter sentence is worth printing). */
export function isFiltered(view: Pick<ViewSnapshot, 'kinds' | 'certainty' | 'until'>): boolean {
	return view.certainty !== 'possible' || view.until !== null || view.kinds.length !== FLOW_KINDS.length;
}

/**
 * "Shown: only what the article reports or says is claimed, as of July 2023; only visits, arms and
 * food." Says what the map leaves out, in the words of the legend.
 */
export function filterSentence(view: Pick<ViewSnapshot, 'lang' | 'kinds' | 'certainty' | 'until'>): string {
	const t = exportStrings(view.lang).snapshot.filterNote;
	const parts = [t.certainty[view.certainty]];
	if (view.until !== null) parts.push(fillTemplate(t.upTo, { date: formatDate(view.lang, view.until) }));
	let text = `${t.lead}: ${parts.join(', ')}`;
	if (view.kinds.length === 0) text += `; ${t.noKinds}`;
	else if (view.kinds.length < FLOW_KINDS.length) {
		const names = FLOW_KINDS.filter((k) => view.kinds.includes(k)).map((k) => {
			const name = strings(view.lang).kinds[k];
			return view.lang === 'en' ? name.toLocaleLowerCase('en') : name;
		});
		const list = listFormat(LOCALES[view.lang], { type: 'conjunction' }).format(names);
		text += `; ${fillTemplate(t.kinds, { list })}`;
	}
	return `${text}.`;
}
