import { describe, expect, it } from 'vitest';
import { classify, isImmutable, isSkipWaiting, withBase, type Site } from '../../src/lib/offline/routes';

/** The build's file list as $service-worker gives it, for an app at the root and in a folder. */
function site(folder: string): Site {
	const files = [
		'_app/immutable/entry/start.Dwq3iAT-.js',
		'_app/immutable/assets/noto-sans-cyrillic-400-normal.CHP_ranX.woff2',
		'data/story.json',
		'data/world.topo.json',
		'samples/later-events.json',
		'story.schema.json',
		'404.html',
		'404.css',
		''
	].map((f) => `${folder}${f}`);
	return { base: `https://maps.example${folder}`, files: new Set(files) };
}

const root = site('/');
const nk = site('/nk/');
const get = (url: string, mode = 'cors') => ({ url, method: 'GET', mode });
const nav = (url: string) => get(url, 'navigate');

describe('what the service worker answers with', () => {
	it('serves the app only for its own page, with any query', () => {
		for (const url of ['/', '/?embed=1', '/?lang=en&step=3', '/index.html', '/index.html?embed=1&theme=dark'])
			expect(classify(nav(`https://maps.example${url}`), root), url).toBe('app');
		expect(classify(nav('https://maps.example/nk/?embed=1'), nk)).toBe('app');
		expect(classify(nav('https://maps.example/nk/index.html'), nk)).toBe('app');
	});

	it('answers a file as that file, also when it is opened in a tab', () => {
		// The old worker answered every navigation with the page.
		expect(classify(nav('https://maps.example/story.schema.json'), root)).toBe('asset');
		expect(classify(nav('https://maps.example/samples/later-events.json'), root)).toBe('asset');
		expect(classify(get('https://maps.example/data/world.topo.json'), root)).toBe('asset');
		expect(classify(nav('https://maps.example/nk/story.schema.json'), nk)).toBe('asset');
		expect(classify(get('https://maps.example/_app/immutable/entry/start.Dwq3iAT-.js'), root)).toBe(
			'immutable'
		);
		// A hashed file of an older version (an open page's lazy chunk) is still a build file.
		expect(classify(get('https://maps.example/nk/_app/immutable/chunks/OLD.js'), nk)).toBe('immutable');
	});

	it('gives unknown pages the 404 page and leaves unknown files to the network', () => {
		expect(classify(nav('https://maps.example/some/sub/path'), root)).toBe('not-found');
		expect(classify(nav('https://maps.example/some/sub/path?embed=1'), root)).toBe('not-found');
		expect(classify(nav('https://maps.example/index.htm'), root)).toBe('not-found');
		expect(classify(nav('https://maps.example/nk/nk/'), nk)).toBe('not-found');
		expect(classify(nav('https://maps.example/nk/data/'), nk)).toBe('not-found');
		// Never the page in place of a file.
		expect(classify(get('https://maps.example/data/missing.json'), root)).toBe('pass');
		expect(classify(get('https://maps.example/fonts/missing.woff2', 'no-cors'), root)).toBe('pass');
	});

	it('keeps out of what is not the app: other origins, other folders, other methods', () => {
		expect(classify(nav('https://other.example/'), root)).toBe('pass');
		expect(classify(get('https://other.example/story.schema.json'), root)).toBe('pass');
		expect(classify(nav('https://maps.example/other/'), nk)).toBe('pass');
		expect(classify(nav('https://maps.example/nk'), nk)).toBe('pass');
		expect(classify({ url: 'https://maps.example/', method: 'POST', mode: 'navigate' }, root)).toBe('pass');
		expect(
			classify({ url: 'https://maps.example/data/story.json', method: 'HEAD', mode: 'cors' }, root)
		).toBe('pass');
	});

	it('reads percent-encoded paths like the file list', () => {
		const spaced: Site = { base: 'https://maps.example/', files: new Set(['/samples/my story.json']) };
		expect(classify(nav('https://maps.example/samples/my%20story.json'), spaced)).toBe('asset');
		expect(classify(nav('https://maps.example/%E0%A4%A'), spaced)).toBe('not-found');
	});

	it('knows the hashed build files by their folder', () => {
		expect(isImmutable('https://maps.example/nk/_app/immutable/x.js', 'https://maps.example/nk/')).toBe(true);
		expect(isImmutable('/nk/_app/immutable/x.js', 'https://maps.example/nk/')).toBe(true);
		expect(isImmutable('https://maps.example/_app/immutable/x.js', 'https://maps.example/nk/')).toBe(false);
		expect(isImmutable('https://maps.example/nk/data/story.json', 'https://maps.example/nk/')).toBe(false);
	});
});

describe('the 404 page at any path', () => {
	const page =
		'<!doctype html><html lang="de"><head><meta charset="utf-8"><link rel="stylesheet" href="./404.css"></head><body><a href="./">x</a></body></html>';

	it('resolves its relative links in the app folder, not under the missing path', () => {
		const html = withBase(page, 'https://maps.example/nk/');
		expect(html).toContain('<head><base href="https://maps.example/nk/"><meta charset="utf-8">');
		expect(html.match(/<base /g)).toHaveLength(1);
		// One already there is replaced, not doubled.
		const again = withBase(html, 'https://maps.example/');
		expect(again.match(/<base /g)).toHaveLength(1);
		expect(again).toContain('<base href="https://maps.example/">');
	});

	it('escapes the folder for the attribute', () => {
		expect(withBase('<head></head>', 'https://maps.example/a"b&c/')).toBe(
			'<head><base href="https://maps.example/a&quot;b&amp;c/"></head>'
		);
	});
});

describe('the message that lets a waiting worker in', () => {
	it('is exactly {type: SKIP_WAITING}', () => {
		expect(isSkipWaiting({ type: 'SKIP_WAITING' })).toBe(true);
		for (const other of ['SKIP_WAITING', null, undefined, {}, { type: 'skip_waiting' }, 1])
			expect(isSkipWaiting(other)).toBe(false);
	});
});
