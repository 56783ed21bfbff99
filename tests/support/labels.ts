import type { Page } from 'playwright-core';
import type { MapWindow } from './map';

/** A label MapLibre placed: its layer, its text, and its collision box in CSS px of the map. */
export interface PlacedLabel {
	layer: string;
	text: string;
	box: { x1: number; y1: number; x2: number; y2: number };
}

/**
 * Every text MapLibre placed in the current frame, read from its own collision index (the boxes
 * its placement kept; hidden symbols are not in it). Internal API of maplibre-gl 6: the index's
 * grid is `style.placement.collisionIndex.grid`, with boxes 100 px off the viewport (its padding),
 * and each box's bucket names its layers. The text is read back with queryRenderedFeatures at the
 * box, which hit-tests the same boxes.
 */
export async function placedLabels(page: Page): Promise<PlacedLabel[]> {
	await page.evaluate('globalThis.__name ??= (f) => f');
	return page.evaluate(() => {
		type Grid = { boxKeys: { bucketInstanceId: number }[]; bboxes: number[] };
		type Query = { featureIndex: { bucketLayerIDs: string[][] }; bucketIndex: number };
		const map = (window as unknown as MapWindow).__map as unknown as {
			style: { placement: { collisionIndex: { grid: Grid }; retainedQueryData: Record<number, Query> } };
			queryRenderedFeatures: (
				g: [[number, number], [number, number]],
				o: { layers: string[] }
			) => { properties: Record<string, unknown>; layer: { id: string } }[];
			getCanvas: () => HTMLCanvasElement;
		};
		const PADDING = 100;
		const { grid } = map.style.placement.collisionIndex;
		const out: { layer: string; text: string; box: { x1: number; y1: number; x2: number; y2: number } }[] =
			[];
		grid.boxKeys.forEach((key, i) => {
			const q = map.style.placement.retainedQueryData[key.bucketInstanceId];
			const layers = q?.featureIndex.bucketLayerIDs[q.bucketIndex] ?? [];
			const [x1, y1, x2, y2] = grid.bboxes.slice(i * 4, i * 4 + 4).map((v) => v - PADDING) as number[];
			const box = { x1: x1!, y1: y1!, x2: x2!, y2: y2! };
			for (const layer of layers) {
				// The box's middle, or (for a name hanging over the edge) the middle of its visible part:
				// queryRenderedFeatures answers only inside the canvas.
				const canvas = map.getCanvas();
				const [w, h] = [canvas.clientWidth, canvas.clientHeight];
				// MapLibre also places names in a margin beyond the canvas, where no one sees them.
				if (box.x2 <= 0 || box.y2 <= 0 || box.x1 >= w || box.y1 >= h) continue;
				const cx = (Math.max(box.x1, 1) + Math.min(box.x2, w - 1)) / 2;
				const cy = (Math.max(box.y1, 1) + Math.min(box.y2, h - 1)) / 2;
				const hit = map.queryRenderedFeatures(
					[
						[cx - 1, cy - 1],
						[cx + 1, cy + 1]
					],
					{ layers: [layer] }
				)[0];
				const p = hit?.properties ?? {};
				const lang = document.documentElement.lang === 'de' ? 'de' : 'en';
				const text = String(p[`label_${lang}`] ?? p[`name_${lang}`] ?? '');
				out.push({ layer, text, box });
			}
		});
		return out;
	});
}

export function overlaps(a: PlacedLabel['box'], b: PlacedLabel['box']): boolean {
	return a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
}
