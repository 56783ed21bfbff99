import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import { CERTAINTIES, FLOW_KINDS, story, type Certainty, type FlowKind } from '../../src/lib/story';
import { monthIndex } from '../../src/lib/story/when';
import { flowFilter, isFlowVisible } from '../../src/lib/state/visibility';
import type { ViewSnapshot } from '../../src/lib/state/view.svelte';
import { flowFeatures } from '../../src/lib/map/storyFeatures';
import { DEFAULT_VIEW } from '../support/views';

const base: ViewSnapshot = DEFAULT_VIEW;

/** Which flow ids the map's own filter expressions draw, evaluated as MapLibre does. */
function drawnByMap(view: ViewSnapshot): string[] {
	const filters = CERTAINTIES.map((c) => featureFilter(flowFilter(view, c), 'filter'));
	return flowFeatures(story)
		.features.filter((f) =>
			filters.some((ff) => ff.filter({ zoom: 4 }, { type: 2, properties: f.properties } as never))
		)
		.map((f) => String(f.properties?.id));
}

describe('the legend, lists and map agree on what is visible', () => {
	const kindSets: FlowKind[][] = [
		[...FLOW_KINDS],
		[],
		['arms'],
		['visit', 'food'],
		['trade', 'diplomacy', 'letters']
	];
	const months = [null, '2022-12', '2023-01', '2023-07', '2023-08', '2023-09'];
	for (const kinds of kindSets) {
		for (const certainty of CERTAINTIES as readonly Certainty[]) {
			for (const month of months) {
				it(`kinds=[${kinds.join(',')}] certainty<=${certainty} month=${month}`, () => {
					const view = { ...base, kinds, certainty, monthIndex: month ? monthIndex(month) : null };
					const byRule = story.flows.filter((f) => isFlowVisible(f, view)).map((f) => f.id);
					expect(drawnByMap(view).sort()).toEqual(byRule.sort());
				});
			}
		}
	}

	it('shows every flow with everything on and no time filter', () => {
		expect(drawnByMap(base)).toHaveLength(story.flows.length);
	});
});

describe('flow features', () => {
	it('give every flow a line that starts at its origin and ends at its destination', () => {
		const coord = Object.fromEntries(story.places.map((p) => [p.id, p.coord]));
		for (const feature of flowFeatures(story).features) {
			const flow = story.flows.find((f) => f.id === feature.properties?.id)!;
			const line = feature.geometry.coordinates;
			expect(line.length).toBeGreaterThan(2);
			expect(line[0]![0]).toBeCloseTo(coord[flow.from]![0], 6);
			expect(line[0]![1]).toBeCloseTo(coord[flow.from]![1], 6);
			expect(line.at(-1)![0]).toBeCloseTo(coord[flow.to]![0], 6);
			expect(line.at(-1)![1]).toBeCloseTo(coord[flow.to]![1], 6);
		}
	});
});
