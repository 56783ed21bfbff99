/**
 * The map inside a news site's article: `?embed=1` shows the map, its legend, the layer toggles
 * and the story's steps with minimal chrome, lays the page out at the height of its content and
 * tells the parent page that height, so an auto-height iframe never scrolls inside.
 *
 * The height goes out in the two conventions parent pages already listen for: Datawrapper's
 * `datawrapper-height` and AMP's `embed-size` (amp-iframe). The built site's `embed.js` is a small
 * parent script that understands both, matching each message to its iframe by its window.
 */

import { THEME_PARAM, type ThemeName } from './theme';
import { withoutTracking } from './url';

export const EMBED_PARAM = 'embed';

/** The name parent pages know this embed by (Datawrapper's chart id). */
export const EMBED_ID = 'nk-russia-map';

export function isEmbedSearch(search: string): boolean {
	return new URLSearchParams(search).get(EMBED_PARAM) === '1';
}

/** The messages that tell a parent page the embed's height, in CSS px. */
export function heightMessages(height: number, id: string = EMBED_ID): unknown[] {
	const px = Math.ceil(height);
	return [{ 'datawrapper-height': { [id]: px } }, { sentinel: 'amp', type: 'embed-size', height: px }];
}

/**
 * The same view as a page of its own (the embed's "full map" link): the URL without the flag, and
 * without the colours the embed pinned to fit its article: the page follows its reader's setting.
 */
export function fullMapUrl(href: string): string {
	const url = new URL(href);
	// The article's tracking tags (on the iframe's src) describe that article's readers, not this link's.
	url.search = withoutTracking(url.search);
	url.searchParams.delete(EMBED_PARAM);
	url.searchParams.delete(THEME_PARAM);
	return url.href;
}

/**
 * The same view as an embed: the URL with the flag, and with the colours pinned, or left to the
 * reader's system (`'system'`): a site that is always light wants `light`, or a reader whose
 * system is dark would see a dark map in a light article.
 */
export function embedUrl(href: string, theme: ThemeName | 'system' = 'light'): string {
	const url = new URL(href);
	url.searchParams.set(EMBED_PARAM, '1');
	if (theme === 'system') url.searchParams.delete(THEME_PARAM);
	else url.searchParams.set(THEME_PARAM, theme);
	url.hash = '';
	return url.href;
}

const escapeAttr = (s: string) =>
	s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The code a newsroom pastes into its article: a full-width iframe that starts at a sensible
 * height and follows its content (the parent script), plus a picture of the map for readers
 * whose page cannot run the script or show the iframe (feeds, AMP without amp-iframe).
 */
export function embedCode(options: {
	/** The embed's URL (embedUrl). */
	src: string;
	/** The iframe's accessible name: the map's title. */
	title: string;
	/** The alt text of the fallback picture. */
	alt: string;
	/** The built site's base URL, where embed.js and the preview picture are. */
	base: string;
	/** Where the iframe starts before the first height message: about the map and one step. */
	height?: number;
}): string {
	const { src, title, alt, base, height = 640 } = options;
	const asset = (name: string) => new URL(name, base).href;
	return [
		`<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" data-nk-embed`,
		`  style="width:100%;min-width:100%;border:0" height="${height}" loading="lazy"></iframe>`,
		`<noscript><a href="${escapeAttr(fullMapUrl(src))}"><img src="${escapeAttr(asset('social-preview.png'))}" alt="${escapeAttr(alt)}" style="width:100%;height:auto"></a></noscript>`,
		`<script src="${escapeAttr(asset('embed.js'))}" async></script>`
	].join('\n');
}

/**
 * Posts the content's height to the parent whenever it changes (the page's layout, a step, the
 * window's width), once per distinct height. Returns a function that stops it.
 */
export function reportHeight(
	content: HTMLElement,
	post: (message: unknown) => void,
	id: string = EMBED_ID
): () => void {
	let last = -1;
	const send = () => {
		const height = Math.ceil(content.getBoundingClientRect().height);
		if (height === last || height <= 0) return;
		last = height;
		for (const message of heightMessages(height, id)) post(message);
	};
	const observer = new ResizeObserver(send);
	observer.observe(content);
	send();
	return () => observer.disconnect();
}
