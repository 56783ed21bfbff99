import { creditLine } from '$lib/story/credits';
import type { Lang, Story } from '$lib/story/vocabulary';
import { isolate } from '$lib/i18n/bidi';

/**
 * The credit line (story/credits.ts, the one home of its wording) as the page and the exports
 * print it: the article's publisher and author are the story file's words inside the app's own
 * ("Article: …, …, September 2023 · Map data: …"), so each is isolated (i18n/bidi.ts).
 */
export function creditText(story: Story, lang: Lang): string {
	const { article } = story;
	return creditLine(
		{
			...story,
			article: { ...article, publisher: isolate(article.publisher), author: isolate(article.author) }
		},
		lang
	);
}
