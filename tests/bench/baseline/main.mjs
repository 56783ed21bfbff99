// A browser module served by the benchmark server (tests/bench/server.ts); its imports exist only
// there, so it is .mjs: outside the type-checked sources.
/*
 * The bare MapLibre page the app is measured against (see index.html). Same initial bounds as
 * the app (src/routes/+page.svelte), same ready signal (aria-busy="false" on the first idle), and
 * the same hooks the benchmark uses on the app: window.__map, plus window.__bench for the
 * baseline's side of the toggle and export measurements.
 */
const BOUNDS = [
	[34, 33],
	[142, 58]
];
const PADDING = { top: 30, right: 70, bottom: 30, left: 30 };

// MapLibre and the data load in parallel, as in the app.
const [maplibregl, topology] = await Promise.all([
	import('./vendor/maplibre-gl.mjs'),
	fetch('data/countries-50m.json').then((r) => r.json())
]);
maplibregl.setWorkerUrl(new URL('vendor/maplibre-gl-worker.mjs', import.meta.url).href);
const countries = topojson.feature(topology, topology.objects.countries);

function style() {
	return {
		version: 8,
		sources: { countries: { type: 'geojson', data: countries } },
		layers: [
			{ id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#e8e4d8' } },
			{
				id: 'countries-line',
				type: 'line',
				source: 'countries',
				paint: { 'line-color': '#8a8578', 'line-width': 1 }
			}
		]
	};
}

const container = document.getElementById('map');
const map = new maplibregl.Map({
	container,
	style: style(),
	bounds: BOUNDS,
	fitBoundsOptions: { padding: PADDING },
	attributionControl: false
});
window.__map = map;
map.once('idle', () => container.setAttribute('aria-busy', 'false'));

window.__bench = {
	/** The layer the toggle measurement switches on and off. */
	toggleLayer: 'countries-line',
	/**
	 * A PNG of width x height: a second map in an off-screen container at `pixelRatio`, with
	 * preserveDrawingBuffer, rendered to idle and encoded with canvas.toBlob. Milliseconds from
	 * the call to the blob.
	 */
	async exportPng(width, height, pixelRatio) {
		const t0 = performance.now();
		const cssWidth = Math.round(width / pixelRatio);
		const ratio = width / cssWidth;
		const cssHeight = Math.round(height / ratio);
		const box = document.createElement('div');
		Object.assign(box.style, {
			position: 'fixed',
			left: '-100000px',
			top: '0',
			width: `${cssWidth}px`,
			height: `${cssHeight}px`
		});
		document.body.append(box);
		const offscreen = new maplibregl.Map({
			container: box,
			style: style(),
			bounds: BOUNDS,
			fitBoundsOptions: { padding: PADDING },
			pixelRatio: ratio,
			maxCanvasSize: [16384, 16384],
			interactive: false,
			fadeDuration: 0,
			attributionControl: false,
			canvasContextAttributes: { preserveDrawingBuffer: true }
		});
		try {
			await offscreen.once('idle');
			const canvas = offscreen.getCanvas();
			const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/png'));
			return {
				ms: performance.now() - t0,
				width: canvas.width,
				height: canvas.height,
				bytes: blob ? blob.size : 0
			};
		} finally {
			offscreen.remove();
			box.remove();
		}
	}
};
