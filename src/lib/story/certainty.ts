import type { Certainty, Lang, LocalText } from './vocabulary';

/**
 * What each certainty level means. The legend, the details panel and exports all show these
 * words, so a reader can always check what a solid, dashed or dotted line promises.
 */
export const CERTAINTY_LABELS: Record<Certainty, LocalText> = {
	reported: { de: 'berichtet', en: 'reported' },
	claimed: { de: 'behauptet', en: 'claimed' },
	possible: { de: 'möglich', en: 'possible' }
};

export const CERTAINTY_DEFINITIONS: Record<Certainty, LocalText> = {
	reported: {
		de: 'Der Artikel stellt es als Tatsache dar – oder es ist öffentlich dokumentiert und als solches gekennzeichnet.',
		en: 'The article states it as fact – or it is public record and marked as such.'
	},
	claimed: {
		de: 'Eine genannte oder ungenannte Seite behauptet es; der Artikel bestätigt es nicht.',
		en: 'A named or unnamed party claims it; the article does not confirm it.'
	},
	possible: {
		de: 'Der Artikel oder ein Analyst hält es für möglich („könnte“, „denkbar“).',
		en: 'The article or an analyst speculates that it could happen ("could", "conceivable").'
	}
};

export function certaintyLabel(c: Certainty, lang: Lang): string {
	return CERTAINTY_LABELS[c][lang];
}

export function certaintyDefinition(c: Certainty, lang: Lang): string {
	return CERTAINTY_DEFINITIONS[c][lang];
}
