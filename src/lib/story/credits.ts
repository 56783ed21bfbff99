import type { Lang, Story } from './vocabulary';
import { formatWhen } from './when';

/*
 * Who the map owes: the article it tells and the map data under it. One home for the page's
 * credit line and the exports', so both always say the same, taken from the story itself.
 */

const WORDS = {
	de: { article: 'Artikel', mapData: 'Kartendaten: Natural Earth (gemeinfrei)' },
	en: { article: 'Article', mapData: 'Map data: Natural Earth (public domain)' }
} as const;

/** "Article: ZDFheute, Elisabeth Schmidt, September 2023" in `lang`. */
export function articleCredit(story: Story, lang: Lang): string {
	const { publisher, author, published } = story.article;
	const when = formatWhen(
		published.length === 7
			? { precision: 'month', start: published }
			: { precision: 'day', start: published },
		lang
	);
	return `${WORDS[lang].article}: ${publisher}, ${author}, ${when}`;
}

export function mapDataCredit(lang: Lang): string {
	return WORDS[lang].mapData;
}

/** Both credits on one line, as the page footer and the exports print them. */
export function creditLine(story: Story, lang: Lang): string {
	return `${articleCredit(story, lang)} · ${mapDataCredit(lang)}`;
}
