import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { embedCode, embedUrl, fullMapUrl, heightMessages, isEmbedSearch } from '../../src/lib/state/embed';

describe('embed URLs and code', () => {
	it('is on only for embed=1, and keeps the rest of the URL both ways', () => {
		expect(isEmbedSearch('?embed=1&lang=en')).toBe(true);
		expect(isEmbedSearch('?embed=0')).toBe(false);
		expect(isEmbedSearch('?lang=en')).toBe(false);
		const view = 'https://maps.example/nk/?lang=en&step=2&kinds=visits';
		const embedded = embedUrl(`${view}#x`, 'system');
		expect(embedded).toBe(`${view}&embed=1`);
		expect(fullMapUrl(embedded)).toBe(view);
	});

	it('pins the embed light unless told otherwise, and leaves it to the system when asked', () => {
		const view = 'https://maps.example/nk/?lang=en&theme=dark';
		expect(new URL(embedUrl(view)).searchParams.get('theme')).toBe('light');
		expect(new URL(embedUrl(view, 'dark')).searchParams.get('theme')).toBe('dark');
		expect(new URL(embedUrl(view, 'system')).searchParams.has('theme')).toBe(false);
		// The full map follows its reader's setting, whatever the article pinned.
		expect(fullMapUrl(embedUrl(view, 'dark'))).toBe('https://maps.example/nk/?lang=en');
	});

	it("leaves the article's tracking tags off the full map's link, and keeps a host's own parameters", () => {
		const src = 'https://maps.example/nk/?lang=en&utm_source=news&fbclid=abc&ref=front&embed=1';
		expect(fullMapUrl(src)).toBe('https://maps.example/nk/?lang=en&ref=front');
	});

	it("tells the parent its height in Datawrapper's and AMP's words, in whole pixels", () => {
		expect(heightMessages(612.2, 'map')).toEqual([
			{ 'datawrapper-height': { map: 613 } },
			{ sentinel: 'amp', type: 'embed-size', height: 613 }
		]);
	});

	it('writes an iframe, a fallback picture and the parent script, every value escaped', () => {
		const code = embedCode({
			src: 'https://maps.example/nk/?lang=en&embed=1',
			title: 'Kim "&" Putin <b>',
			alt: 'A map: "lines"',
			base: 'https://maps.example/nk/'
		});
		expect(code).toContain('<iframe src="https://maps.example/nk/?lang=en&amp;embed=1"');
		expect(code).toContain('title="Kim &quot;&amp;&quot; Putin &lt;b&gt;"');
		expect(code).toContain('data-nk-embed');
		expect(code).toContain('<script src="https://maps.example/nk/embed.js" async></script>');
		expect(code).toContain(
			'<img src="https://maps.example/nk/social-preview.png" alt="A map: &quot;lines&quot;"'
		);
		// The picture links to the full map, not to the embed.
		expect(code).toContain('<a href="https://maps.example/nk/?lang=en">');
	});
});

/** The built site's parent script (static/embed.js), run against a fake page. */
function parentPage(frames: { contentWindow: object; style: { height: string } }[]) {
	const listeners: ((e: { data: unknown; source: unknown }) => void)[] = [];
	const win: Record<string, unknown> = {
		addEventListener: (type: string, fn: (e: { data: unknown; source: unknown }) => void) => {
			if (type === 'message') listeners.push(fn);
		}
	};
	const doc = { querySelectorAll: () => frames };
	const code = readFileSync('static/embed.js', 'utf8');
	const run = () => new Function('window', 'document', code)(win, doc);
	run();
	run(); // included twice: still one listener
	return {
		post: (data: unknown, source: unknown) => listeners.forEach((fn) => fn({ data, source })),
		listeners
	};
}

describe('the parent script', () => {
	it('resizes the iframe whose window sent the height, and no other', () => {
		const a = { contentWindow: {}, style: { height: '' } };
		const b = { contentWindow: {}, style: { height: '' } };
		const page = parentPage([a, b]);
		expect(page.listeners).toHaveLength(1);
		page.post({ 'datawrapper-height': { 'nk-russia-map': 812.4 } }, a.contentWindow);
		expect(a.style.height).toBe('813px');
		expect(b.style.height).toBe('');
		page.post({ sentinel: 'amp', type: 'embed-size', height: 700 }, b.contentWindow);
		expect(b.style.height).toBe('700px');
	});

	it('ignores messages from other windows and heights that make no sense', () => {
		const a = { contentWindow: {}, style: { height: '' } };
		const page = parentPage([a]);
		page.post({ 'datawrapper-height': { x: 500 } }, {});
		for (const height of [Number.NaN, -5, 10, 1e9, '600'])
			page.post({ sentinel: 'amp', type: 'embed-size', height }, a.contentWindow);
		page.post('600', a.contentWindow);
		page.post(null, a.contentWindow);
		expect(a.style.height).toBe('');
	});
});
