import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PNG } from 'pngjs';
import { feature } from 'topojson-client';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { AREAS_FILE, DEFAULT_OUT_DIR, WORLD_FILE } from './build';
import type { BBox } from './config';
import { clipToBox, decodeLand } from './lib/land';
import { mercatorY } from './lib/mercator';
import { readAtlas } from './lib/world-atlas';

/**
 * Review tool for the hand-drawn outlines: renders a box in Web Mercator to a PNG with
 * Natural Earth 10m land (grey), the built areas (blue), the shipped country borders and
 * coasts (dark) and the hand-drawn outlines (red), so an edit can be checked by eye.
 *
 *   npx tsx geo/preview.ts 126,32.5,144,48 /tmp/patrol-waters.png
 */

type RGB = [number, number, number];

const WIDTH = 1000;

export function renderPreview(box: BBox, dataDir: string = DEFAULT_OUT_DIR): Buffer {
	const [west, south, east, north] = box;
	const top = mercatorY(north);
	const height = Math.round((WIDTH * (top - mercatorY(south))) / (east - west));
	const png = new PNG({ width: WIDTH, height });
	png.data.fill(255);
	const toPixel = ([lon = 0, lat = 0]: Position): [number, number] => [
		((lon - west) / (east - west)) * WIDTH,
		((top - mercatorY(lat)) / (top - mercatorY(south))) * height
	];

	const paint = (x: number, y: number, color: RGB, alpha: number) => {
		const offset = (y * WIDTH + x) * 4;
		for (let channel = 0; channel < 3; channel++) {
			const before = png.data[offset + channel] ?? 255;
			png.data[offset + channel] = Math.round(before * (1 - alpha) + (color[channel] ?? 0) * alpha);
		}
	};

	// Even-odd scanline fill: enough for a review picture, no dependency needed.
	const fill = (rings: Position[][], color: RGB, alpha: number) => {
		const edges = rings.flatMap((ring) =>
			ring.slice(1).map((point, i) => [toPixel(ring[i] ?? point), toPixel(point)])
		);
		for (let y = 0; y < height; y++) {
			const crossings: number[] = [];
			for (const [[x1, y1], [x2, y2]] of edges as [[number, number], [number, number]][]) {
				if (y1 > y + 0.5 !== y2 > y + 0.5) crossings.push(x1 + ((y + 0.5 - y1) / (y2 - y1)) * (x2 - x1));
			}
			crossings.sort((a, b) => a - b);
			for (let k = 0; k + 1 < crossings.length; k += 2) {
				const from = Math.max(0, Math.ceil(crossings[k] ?? 0));
				const to = Math.min(WIDTH, crossings[k + 1] ?? 0);
				for (let x = from; x < to; x++) paint(x, y, color, alpha);
			}
		}
	};

	const stroke = (lines: Position[][], color: RGB) => {
		for (const line of lines) {
			for (let i = 1; i < line.length; i++) {
				const [x1, y1] = toPixel(line[i - 1] ?? []);
				const [x2, y2] = toPixel(line[i] ?? []);
				const steps = Math.ceil(Math.max(Math.abs(x2 - x1), Math.abs(y2 - y1))) + 1;
				for (let s = 0; s <= steps; s++) {
					const x = Math.round(x1 + ((x2 - x1) * s) / steps);
					const y = Math.round(y1 + ((y2 - y1) * s) / steps);
					if (x >= 0 && x < WIDTH && y >= 0 && y < height) paint(x, y, color, 1);
				}
			}
		}
	};

	const land = clipToBox(decodeLand(readAtlas('land-10m')), box);
	for (const rings of land?.geometry.coordinates ?? []) fill(rings, [200, 200, 190], 1);

	const areas = readJson<FeatureCollection>(join(dataDir, AREAS_FILE));
	for (const area of areas.features)
		for (const rings of polygonsOf(area.geometry)) fill(rings, [40, 90, 220], 0.45);

	const world = readJson<Topology<{ land: GeometryCollection; borders: GeometryCollection }>>(
		join(dataDir, WORLD_FILE)
	);
	for (const name of ['land', 'borders'] as const) {
		for (const item of feature(world, world.objects[name]).features)
			stroke(linesOf(item.geometry), [60, 60, 60]);
	}

	for (const input of ['patrol-waters-outline.geojson', 'recognised-regions.geojson']) {
		const outlines = readJson<FeatureCollection>(fileUrlPath(`../src/stories/nk-russia-2023/areas/${input}`));
		for (const outline of outlines.features) stroke(linesOf(outline.geometry), [220, 30, 30]);
	}
	return PNG.sync.write(png);
}

function polygonsOf(geometry: Geometry | null): Position[][][] {
	if (geometry?.type === 'Polygon') return [geometry.coordinates];
	if (geometry?.type === 'MultiPolygon') return geometry.coordinates;
	return [];
}

function linesOf(geometry: Geometry | null): Position[][] {
	if (geometry?.type === 'MultiLineString') return geometry.coordinates;
	if (geometry?.type === 'LineString') return [geometry.coordinates];
	return polygonsOf(geometry).flat();
}

function readJson<T>(path: string): T {
	return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function fileUrlPath(relative: string): string {
	return fileURLToPath(new URL(relative, import.meta.url));
}

const invokedDirectly =
	process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
const [boxArgument, outArgument] = process.argv.slice(2);
if (invokedDirectly) {
	if (!boxArgument || !outArgument)
		throw new Error('Usage: npx tsx geo/preview.ts west,south,east,north out.png');
	const box = boxArgument.split(',').map(Number) as BBox;
	if (box.length !== 4 || box.some((value) => !Number.isFinite(value)))
		throw new Error(`Bad box: ${boxArgument}`);
	writeFileSync(resolve(outArgument), renderPreview(box));
	console.log(`wrote ${resolve(outArgument)}`);
}
