import type { Lang, Story } from './vocabulary';
import { formatDate } from './when';
import { isolate } from '$lib/i18n/bidi';

/*
 * Who the map owes: the article it tells and the map data under it. One home for the page's
 * credit line and the exports', so both always say the same, taken from the story itself.
 */

const WORDS = {
	de: { article: 'Artikel', mapData: 'Kartendaten: Natural Earth (gemeinfrei)' },
	en: { article: 'Article', mapData: 'Map data: Natural Earth (public domain)' }
} as const;

/**
 * "Artikel: ZDFheute, Elisabeth Schmidt, September 2023 · Kartendaten: Natural Earth (gemeinfrei)":
 * both credits on one line, as the page and the exports print them. Publisher and author are the
 * story file's words inside the app's own, so each is isolated (i18n/bidi.ts).
 */
export function creditLine(story: Story, lang: Lang): string {
	const { publisher, author, published } = story.article;
	return `${WORDS[lang].article}: ${isolate(publisher)}, ${isolate(author)}, ${formatDate(lang, published)} · ${WORDS[lang].mapData}`;
}
