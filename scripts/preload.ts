/**
 * After `vite build`: lets the browser start the three big downloads of the first view while it
 * parses the HTML, instead of after hydration. SvelteKit preloads only static imports; maplibre-gl
 * is imported dynamically (it touches `window` on import, so the prerender cannot load it), and
 * the geodata is fetched from code. This adds to every prerendered page, after SvelteKit's own:
 *   <link rel="modulepreload" href="./_app/immutable/chunks/<maplibre>.js">
 *   <link rel="preload" href="./data/world.topo.json" as="fetch" crossorigin="anonymous">
 *   <link rel="preload" href="./data/areas.geojson" as="fetch" crossorigin="anonymous">
 * `crossorigin="anonymous"` matches what `fetch()` sends for a same-origin request, so the page's
 * own fetch takes the preloaded response. Links are allowed by the CSP (script-src and
 * connect-src 'self'); nothing inline is added.
 */
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { FIRST_VIEW_DATA } from '../src/lib/map/dataFiles';

const root = resolve(import.meta.dirname, '..');
const build = join(root, 'build');
const manifestPath = join(root, '.svelte-kit/output/client/.vite/manifest.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, { file: string }>;
const maplibre = manifest['node_modules/maplibre-gl/dist/maplibre-gl.mjs']?.file;
if (!maplibre) throw new Error(`preload: maplibre-gl is not in ${manifestPath}; was it renamed?`);

/** The first view's data files, the same list the page's loaders use. */
const DATA = Object.values(FIRST_VIEW_DATA);
const MARK = 'data-first-view-preload';

function htmlFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? htmlFiles(join(dir, e.name)) : e.name.endsWith('.html') ? [join(dir, e.name)] : []
	);
}

let count = 0;
for (const file of htmlFiles(build)) {
	const html = readFileSync(file, 'utf8');
	if (html.includes(MARK) || !html.includes('rel="modulepreload"')) continue;
	// Relative, like SvelteKit's own links (paths.relative): the site may live in a sub-folder.
	const up = relative(join(file, '..'), build).split(sep).filter(Boolean);
	const prefix = up.length ? `${up.join('/')}/` : './';
	const links = [
		`<link href="${prefix}${maplibre}" rel="modulepreload" ${MARK}>`,
		...DATA.map((d) => `<link href="${prefix}${d}" rel="preload" as="fetch" crossorigin="anonymous" ${MARK}>`)
	];
	const at = html.lastIndexOf('rel="modulepreload">') + 'rel="modulepreload">'.length;
	writeFileSync(file, `${html.slice(0, at)}\n\t\t${links.join('\n\t\t')}${html.slice(at)}`);
	count++;
}
if (count === 0) throw new Error('preload: no prerendered page found in build/');
console.log(`preload: maplibre-gl and ${DATA.length} data files preloaded in ${count} page(s)`);
