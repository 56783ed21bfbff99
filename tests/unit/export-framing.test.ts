import { describe, expect, it } from 'vitest';
import {
	pictureBounds,
	exportCamera,
	fitBounds,
	FRAME_MARGIN,
	framedExtent,
	screenCamera,
	type LiveView
} from '$lib/export/framing';
import { makeProjector } from '$lib/export/projection';
import { presentationOf, story } from '$lib/story';

const frame = presentationOf(story).frame;

/** Where the frame's corners land in a map rect of this size (output px) under the export camera. */
function corners(bounds: typeof frame, rect: { width: number; height: number }, pr: number) {
	const camera = fitBounds(bounds, rect, pr);
	const project = makeProjector({ ...camera, width: rect.width / pr, height: rect.height / pr });
	const [x0, y1] = project(bounds[0]).map((v) => v * pr) as [number, number];
	const [x1, y0] = project(bounds[1]).map((v) => v * pr) as [number, number];
	return { x0, y0, x1, y1, camera };
}

describe('export framing: the story frame fitted into the map rect', () => {
	it.each([
		['16:9', 1920, 900, 1.6],
		['square', 1080, 860, 1],
		['A4 portrait', 2480, 3000, 2.07],
		['tall strip', 400, 1600, 1]
	])(
		'%s: the whole frame is inside, centred, touching the margin on its tighter side',
		(_, width, height, pr) => {
			const { x0, y0, x1, y1, camera } = corners(frame, { width, height }, pr);
			expect(camera.bearing).toBe(0);
			const mx = width * FRAME_MARGIN;
			const my = height * FRAME_MARGIN;
			expect(x0).toBeGreaterThanOrEqual(mx - 0.01);
			expect(x1).toBeLessThanOrEqual(width - mx + 0.01);
			expect(y0).toBeGreaterThanOrEqual(my - 0.01);
			expect(y1).toBeLessThanOrEqual(height - my + 0.01);
			// Centred on both axes.
			expect((x0 + x1) / 2).toBeCloseTo(width / 2, 6);
			expect((y0 + y1) / 2).toBeCloseTo(height / 2, 6);
			// Not smaller than it needs to be: one axis spans the rect minus its margins.
			const fillsWidth = Math.abs(x1 - x0 - (width - 2 * mx)) < 0.01;
			const fillsHeight = Math.abs(y1 - y0 - (height - 2 * my)) < 0.01;
			expect(fillsWidth || fillsHeight).toBe(true);
			// The preview's dashed box is the same rect.
			const extent = framedExtent({ kind: 'story', bounds: frame }, { width, height }, pr);
			expect(extent.x).toBeCloseTo(x0, 6);
			expect(extent.y).toBeCloseTo(y0, 6);
			expect(extent.width).toBeCloseTo(x1 - x0, 6);
			expect(extent.height).toBeCloseTo(y1 - y0, 6);
		}
	);

	it('is independent of the export size: a frame shows the same part of the world at any pixel ratio', () => {
		const a = fitBounds(frame, { width: 1200, height: 600 }, 1);
		const b = fitBounds(frame, { width: 2400, height: 1200 }, 2);
		expect(b.center).toEqual(a.center);
		expect(b.zoom).toBeCloseTo(a.zoom, 10);
	});

	it('frames a box across the antimeridian the short way round', () => {
		const camera = fitBounds(
			[
				[170, 50],
				[-170, 70]
			],
			{ width: 1000, height: 1000 },
			1
		);
		expect(Math.abs(camera.center[0])).toBeCloseTo(180, 6);
		// 20 degrees wide, not 340.
		expect(camera.zoom).toBeGreaterThan(3);
	});

	it('never zooms past the live map’s limit for a tiny frame', () => {
		const camera = fitBounds(
			[
				[125.7, 39.0],
				[125.7001, 39.0001]
			],
			{ width: 1000, height: 1000 },
			1
		);
		expect(camera.zoom).toBe(8);
	});
});

describe('export framing: as on screen', () => {
	const live: LiveView = { center: [131, 42], zoom: 4.2, bearing: 10, width: 1000, height: 600 };

	it('is the screen pixel for pixel at the same shape, and scales to fit at any other', () => {
		expect(screenCamera(live, { width: 2000, height: 1200 }, 2)).toEqual({
			center: [131, 42],
			zoom: 4.2,
			bearing: 10
		});
		// Twice as wide in CSS px but as tall: the height limits, so the zoom is unchanged.
		expect(screenCamera(live, { width: 2000, height: 600 }, 1).zoom).toBeCloseTo(4.2, 10);
		// Half the size: one zoom level out.
		expect(screenCamera(live, { width: 500, height: 300 }, 1).zoom).toBeCloseTo(3.2, 10);
		expect(exportCamera({ kind: 'screen', live }, { width: 500, height: 300 }, 1)).toEqual(
			screenCamera(live, { width: 500, height: 300 }, 1)
		);
		const extent = framedExtent({ kind: 'screen', live }, { width: 2000, height: 600 }, 1);
		expect(extent).toEqual({ x: 500, y: 0, width: 1000, height: 600 });
	});
});

describe('export framing: what the picture shows', () => {
	it("is the map rect's corners in lon/lat, and holds the story's frame", () => {
		const rect = { width: 1920, height: 753 };
		const frame = presentationOf(story).frame;
		const camera = fitBounds(frame, rect, 1.6);
		const [[w, s], [e, n]] = pictureBounds(camera, rect, 1.6);
		const project = makeProjector({ ...camera, zoom: camera.zoom + Math.log2(1.6), ...rect });
		const [x0, y0] = project([w, n]);
		const [x1, y1] = project([e, s]);
		for (const [got, want] of [
			[x0, 0],
			[y0, 0],
			[x1, rect.width],
			[y1, rect.height]
		] as const)
			expect(Math.abs(got - want)).toBeLessThan(0.01);
		expect(w).toBeLessThanOrEqual(frame[0][0]);
		expect(s).toBeLessThanOrEqual(frame[0][1]);
		expect(e).toBeGreaterThanOrEqual(frame[1][0]);
		expect(n).toBeGreaterThanOrEqual(frame[1][1]);
	});

	it('turned by a bearing, is the box around the turned rect', () => {
		const rect = { width: 800, height: 400 };
		const flat = pictureBounds({ center: [130, 40], zoom: 5, bearing: 0 }, rect, 1);
		const turned = pictureBounds({ center: [130, 40], zoom: 5, bearing: 90 }, rect, 1);
		// A quarter turn swaps width and height (in Mercator: longitudes scale evenly).
		expect(turned[1][0] - turned[0][0]).toBeCloseTo(((flat[1][0] - flat[0][0]) * 400) / 800, 6);
	});
});
