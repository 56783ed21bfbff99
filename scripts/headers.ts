/**
 * After `vite build`: writes build/_headers, the response headers for hosts that read that file
 * from the published folder (Netlify, Cloudflare Pages). Both also answer a missing path with the
 * build's 404.html (static/404.html), with status 404; Cloudflare Pages treats a site without a
 * top-level 404.html as a single-page app and answers every path with the page, so it must stay.
 *
 * - The Content-Security-Policy is the prerendered page's own <meta> (SvelteKit writes it, with
 *   the hash of its start-up script), so header and meta never disagree, plus what a <meta> cannot
 *   say: `frame-ancestors`. The embed is the same page with `?embed=1`, and headers cannot tell
 *   the two apart by query, so the page is frameable by any site (`frame-ancestors *`): being put
 *   in any news site's article is its job, and it has nothing to click-jack (no account, no form,
 *   no action on the reader's behalf). A publisher who wants only its own sites sets
 *   FRAME_ANCESTORS (e.g. `'self' https://*.example-news.de`) when building.
 * - X-Content-Type-Options: nosniff and Referrer-Policy: strict-origin-when-cross-origin (the view
 *   is in the query: a source link opened from the map tells the other site our origin, not the view).
 * - Hashed build files are cached for a year (their names change with their content).
 * - Module files (.mjs: MapLibre's worker) and a web manifest, if the build has them, get their
 *   content type by exact path (wildcards inside a name are not read alike by all hosts).
 * Other hosts: send the same headers (`_headers` shows them).
 *
 * `tsx scripts/headers.ts [dir]`: dir is build/ unless given.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

export const DEFAULT_FRAME_ANCESTORS = '*';

const ENTITIES: Record<string, string> = { amp: '&', quot: '"', apos: "'", lt: '<', gt: '>', '#39': "'" };

function unescapeAttribute(value: string): string {
	return value.replace(/&(amp|quot|apos|lt|gt|#39);/g, (_, name: string) => ENTITIES[name]!);
}

/** The content of the page's `<meta http-equiv="content-security-policy">`, whatever the attribute order. */
export function cspFromHtml(html: string): string {
	for (const [tag] of html.matchAll(/<meta\b[^>]*>/gi)) {
		if (!/http-equiv\s*=\s*["']?content-security-policy["']?/i.test(tag)) continue;
		const content = /\bcontent\s*=\s*(?:"([^"]*)"|'([^']*)')/i.exec(tag);
		const value = content ? unescapeAttribute(content[1] ?? content[2] ?? '').trim() : '';
		if (value) return value;
	}
	throw new Error(
		'headers: the page has no <meta http-equiv="content-security-policy"> (kit.csp in svelte.config.js)'
	);
}

/** The meta's policy with `frame-ancestors` added (replacing one already there). */
export function headerPolicy(metaPolicy: string, frameAncestors = DEFAULT_FRAME_ANCESTORS): string {
	const directives = metaPolicy
		.split(';')
		.map((d) => d.trim())
		.filter((d) => d && !/^frame-ancestors\b/i.test(d));
	return [...directives, `frame-ancestors ${frameAncestors.trim()}`].join('; ');
}

const CONTENT_TYPES: Record<string, string> = {
	'.mjs': 'text/javascript; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

export interface HeadersOptions {
	/** The build's files, as paths from its root with `/` (`_app/immutable/assets/x.mjs`). */
	files: readonly string[];
	frameAncestors?: string;
}

/** The `_headers` file for the prerendered page `indexHtml` and the build's files. */
export function headersFile(indexHtml: string, { files, frameAncestors }: HeadersOptions): string {
	const policy = headerPolicy(cspFromHtml(indexHtml), frameAncestors);
	const lines = [
		'# Written by scripts/headers.ts after `vite build`: read by Netlify and Cloudflare Pages.',
		"# The policy is the page's own <meta> plus frame-ancestors (any site may embed the map).",
		'/*',
		`  Content-Security-Policy: ${policy}`,
		'  X-Content-Type-Options: nosniff',
		'  Referrer-Policy: strict-origin-when-cross-origin',
		'/_app/immutable/*',
		'  Cache-Control: public, max-age=31536000, immutable'
	];
	for (const file of [...files].sort()) {
		const type = Object.entries(CONTENT_TYPES).find(([ext]) => file.endsWith(ext))?.[1];
		if (type) lines.push(`/${file}`, `  Content-Type: ${type}`);
	}
	return `${lines.join('\n')}\n`;
}

function filesOf(dir: string, root = dir): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory()
			? filesOf(join(dir, e.name), root)
			: [relative(root, join(dir, e.name)).split(sep).join('/')]
	);
}

function main(): void {
	const build = resolve(process.argv[2] ?? join(import.meta.dirname, '..', 'build'));
	const index = join(build, 'index.html');
	if (!existsSync(index)) throw new Error(`headers: no ${index}; run vite build first`);
	if (!existsSync(join(build, '404.html')))
		throw new Error('headers: build/404.html is missing (static/404.html)');
	const text = headersFile(readFileSync(index, 'utf8'), {
		files: filesOf(build),
		frameAncestors: process.env.FRAME_ANCESTORS || DEFAULT_FRAME_ANCESTORS
	});
	writeFileSync(join(build, '_headers'), text);
	console.log(
		`headers: ${relative(process.cwd(), join(build, '_headers'))} written (${text.split('\n').filter((l) => l.startsWith('/')).length} rules)`
	);
}

if (process.argv[1] && resolve(process.argv[1]) === import.meta.filename) main();
