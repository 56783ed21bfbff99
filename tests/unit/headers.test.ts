import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cspFromHtml, headerPolicy, headersFile } from '../../scripts/headers';

const META =
	"default-src 'self'; worker-src 'self' blob:; connect-src 'self'; font-src 'self'; img-src 'self' data: blob:; manifest-src 'self'; object-src 'none'; script-src 'self' 'sha256-aBfshqs3VMWI/FjlpsH4XGY/szX/mv+x+1vq9tj3jRI='; style-src 'self' 'unsafe-hashes' 'sha256-S8qMpvofolR8Mpjy4kQvEm7m1q8clzU4dfDH0AmvZjo='; base-uri 'self'; form-action 'none'";

/** The head of a prerendered page, as SvelteKit writes it (kit.csp mode 'hash'). */
const INDEX = `<!doctype html>
<html lang="de">
	<head>
		<meta charset="utf-8" />
		<script src="./theme-init.js"></script>
		<meta http-equiv="content-security-policy" content="${META}">
		<link href="./_app/immutable/entry/start.Dwq3iAT-.js" rel="modulepreload">
	</head>
	<body></body>
</html>`;

const FILES = [
	'index.html',
	'404.html',
	'404.css',
	'_app/immutable/assets/maplibre-gl-worker.CZtFQQIV.mjs',
	'_app/immutable/entry/start.Dwq3iAT-.js',
	'data/story.json'
];

/** The rules of a _headers file: path → header lines. */
function rules(text: string): Map<string, string[]> {
	const out = new Map<string, string[]>();
	let current: string[] | null = null;
	for (const line of text.split('\n')) {
		if (!line.trim() || line.startsWith('#')) continue;
		if (!/^\s/.test(line)) out.set(line, (current = []));
		else current!.push(line.trim());
	}
	return out;
}

function header(lines: string[] | undefined, name: string): string | undefined {
	const line = lines?.find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
	return line?.slice(name.length + 1).trim();
}

describe('headers for real hosts (build/_headers)', () => {
	it("sends the page's own policy as a header, plus frame-ancestors for any embedding site", () => {
		const all = rules(headersFile(INDEX, { files: FILES })).get('/*');
		expect(header(all, 'Content-Security-Policy')).toBe(`${META}; frame-ancestors *`);
		expect(header(all, 'X-Content-Type-Options')).toBe('nosniff');
		expect(header(all, 'Referrer-Policy')).toBe('strict-origin-when-cross-origin');
		// The embed must stay frameable: nothing that forbids it.
		expect(all!.some((l) => /^x-frame-options/i.test(l))).toBe(false);
	});

	it('lets a publisher narrow who may embed it', () => {
		const all = rules(
			headersFile(INDEX, { files: FILES, frameAncestors: "'self' https://*.example-news.de" })
		);
		expect(header(all.get('/*'), 'Content-Security-Policy')).toBe(
			`${META}; frame-ancestors 'self' https://*.example-news.de`
		);
		expect(headerPolicy(`${META}; frame-ancestors 'none'`, '*')).toBe(`${META}; frame-ancestors *`);
	});

	it('gives module files their type and hashed files a long life, no header twice for one path', () => {
		const all = rules(headersFile(INDEX, { files: FILES }));
		expect(header(all.get('/_app/immutable/assets/maplibre-gl-worker.CZtFQQIV.mjs'), 'Content-Type')).toBe(
			'text/javascript; charset=utf-8'
		);
		expect(header(all.get('/_app/immutable/*'), 'Cache-Control')).toBe('public, max-age=31536000, immutable');
		// Hosts join a header that two matching rules set: each is set by one rule only.
		const names = [...all.values()].flat().map((l) => l.split(':')[0]!.toLowerCase());
		expect(new Set(names).size).toBe(names.length);
		expect([...all.keys()].some((k) => k.includes('.webmanifest'))).toBe(false);
	});

	it('reads the meta whatever its attribute order and quoting, and fails without one', () => {
		expect(cspFromHtml(`<meta content='a &amp; b; c' http-equiv="Content-Security-Policy">`)).toBe(
			'a & b; c'
		);
		expect(() => cspFromHtml('<meta charset="utf-8">')).toThrow(/content-security-policy/);
	});

	it('matches the built page, if there is a build', () => {
		let html: string;
		try {
			html = readFileSync('build/index.html', 'utf8');
		} catch {
			return;
		}
		const policy = header(rules(headersFile(html, { files: FILES })).get('/*'), 'Content-Security-Policy')!;
		expect(policy.startsWith(cspFromHtml(html))).toBe(true);
		expect(policy.endsWith('; frame-ancestors *')).toBe(true);
	});
});

describe('the 404 page (static/404.html), served under the same policy', () => {
	const html = readFileSync('static/404.html', 'utf8');
	const policy = headerPolicy(cspFromHtml(INDEX));

	it('has nothing inline the policy would block: no script, no style element or attribute, no handler', () => {
		expect(html).not.toMatch(/<script\b/i);
		expect(html).not.toMatch(/<style\b/i);
		expect(html).not.toMatch(/\sstyle\s*=/i);
		expect(html).not.toMatch(/\son[a-z]+\s*=/i);
		expect(html).not.toMatch(/javascript:/i);
		expect(policy).toMatch(/style-src 'self'/);
	});

	it('loads only its own files, relative to the app folder, and links back to the app', () => {
		const urls = [...html.matchAll(/\s(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
		expect(urls).toContain('./');
		for (const url of urls) expect(url, url).toMatch(/^\.\/[\w./-]*$/);
		const css = readFileSync('static/404.css', 'utf8');
		expect(css).not.toMatch(/url\(|@import/);
		// Its own policy (a meta) allows no more than the app's.
		expect(cspFromHtml(html)).toBe(
			"default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'self'; form-action 'none'"
		);
	});

	it('speaks German and English', () => {
		expect(html).toContain('Seite nicht gefunden');
		expect(html).toMatch(/lang="en"[\s\S]*Page not found/);
	});
});
