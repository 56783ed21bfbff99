import type { Page } from 'playwright-core';
import { FLOW_LINE_LAYERS } from '../../src/lib/map/layers';
import { exportLaneStyle } from '../../src/lib/map/featureStates';
import { relationsOf } from '../../src/lib/story/relations';
import { story, type Flow } from '../../src/lib/story';

/** The page's read-only automation handle (set by +page.svelte once the map is ready). */
export type MapWindow = { __map: import('maplibre-gl').Map };

/** Waits until the live map has applied every change and rendered it. */
export async function settled(page: Page): Promise<void> {
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const map = (window as unknown as MapWindow).__map;
				const check = () => (map.loaded() && !map.isMoving() ? resolve() : map.once('idle', check));
				requestAnimationFrame(() => requestAnimationFrame(check));
			})
	);
}

/**
 * Lanes MapLibre draws now (lane feature ids, `<lane>#<level>`): rendered in a flow layer and not
 * switched off. A switched-off lane keeps its geometry on the live map but is transparent (feature
 * state `hidden`), so the state decides; the pixel checks in layers.test.ts hold the map to it.
 */
export async function drawnLanes(page: Page): Promise<{ id: string; kind: string }[]> {
	return page.evaluate((layers) => {
		const map = (window as unknown as MapWindow).__map;
		const seen = new Map<string, { id: string; kind: string }>();
		for (const f of map.queryRenderedFeatures({ layers })) {
			if (f.state?.hidden) continue;
			const id = String(f.properties.id);
			seen.set(id, { id, kind: String(f.properties.kind) });
		}
		return [...seen.values()];
	}, FLOW_LINE_LAYERS);
}

export async function drawnLaneIds(page: Page): Promise<string[]> {
	return (await drawnLanes(page)).map((f) => f.id).sort();
}

/** The lane features that draw these flows of the built-in story (what drawnLaneIds should be). */
export function lanesOf(flows: readonly Flow[], focus: readonly string[] = []): string[] {
	const relations = relationsOf(story.flows);
	return exportLaneStyle(relations, flows, focus)
		.shown.filter((id) => !id.endsWith('#label'))
		.sort();
}

/**
 * Counts what the page posts to MapLibre's workers, by message type (`LD` loadData, `RT`
 * reloadTile, ...). Installed before the page's scripts run; read with `workerMessages`.
 */
export async function countWorkerMessages(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const counts: Record<string, number> = {};
		(window as unknown as { __workerMessages: Record<string, number> }).__workerMessages = counts;
		const post = Worker.prototype.postMessage;
		Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
			const type = (message as { type?: unknown } | null)?.type;
			const key = typeof type === 'string' ? type : '(other)';
			counts[key] = (counts[key] ?? 0) + 1;
			return (post as (...a: unknown[]) => void).call(this, message, ...rest);
		} as typeof Worker.prototype.postMessage;
	});
}

/** The worker message counts so far. */
export function workerMessages(page: Page): Promise<Record<string, number>> {
	return page.evaluate(() => ({
		...(window as unknown as { __workerMessages: Record<string, number> }).__workerMessages
	}));
}
