import { describe, expect, it } from 'vitest';
import { featureFilter } from '@maplibre/maplibre-gl-style-spec';
import {
	CERTAINTIES,
	FLOW_KINDS,
	presentationOf,
	story,
	type Certainty,
	type FlowKind
} from '../../src/lib/story';
import { laneFeatureId, relationId, relationsOf, shownLevels } from '../../src/lib/story/relations';
import { isFlowVisible } from '../../src/lib/state/visibility';
import { hoverTarget, selectFromHits } from '../../src/lib/state/selection';
import { laneFeatures } from '../../src/lib/map/storyFeatures';
import { buildLayers, FLOW_LINE_LAYERS, type LaneStyle } from '../../src/lib/map/layers';
import {
	allLaneFeatures,
	dimmedLaneFeatures,
	highlightTargets,
	shownLaneFeatures
} from '../../src/lib/map/featureStates';
import type { ViewSnapshot } from '../../src/lib/state/view.svelte';
import { DEFAULT_VIEW } from '../support/views';

/*
 * Relations and lanes: 13 claims between Moscow and Pyongyang become one cable of lanes, one per
 * kind and direction, each drawn as sure as its surest shown claim and never surer; the export
 * style draws exactly the lanes the visibility rule shows.
 */

const relations = relationsOf(story.flows);
const features = laneFeatures(story, relations);
const look = presentationOf(story);

const visible = (view: ViewSnapshot) => story.flows.filter((f) => isFlowVisible(f, view));

/** The lane features an export style draws for this view, evaluated as MapLibre does. */
function drawnByExportStyle(view: ViewSnapshot): string[] {
	const levels = shownLevels(relations, visible(view));
	const lanes: LaneStyle = { shown: [...shownLaneFeatures(levels, relations)], active: [], dimmed: [] };
	const layers = buildLayers(view, 'export', look, { lanes }).filter((l) => FLOW_LINE_LAYERS.includes(l.id));
	const filters = layers.map((l) => featureFilter((l as { filter?: unknown }).filter as never, 'filter'));
	return features.features
		.filter((f) =>
			filters.some((ff) => ff.filter({ zoom: 4 }, { type: 2, properties: f.properties } as never))
		)
		.map((f) => String(f.properties?.id));
}

describe('relations', () => {
	it('group the flows of a pair of places into one lane per kind and direction', () => {
		const mp = relations.byId.get(relationId('pyongyang', 'moscow'))!;
		expect(mp.flows).toHaveLength(story.flows.filter((f) => relationId(f.from, f.to) === mp.id).length);
		expect(mp.flows.length).toBe(13);
		const keys = mp.lanes.map((l) => `${l.direction}/${l.kind}`);
		expect(new Set(keys).size).toBe(keys.length);
		expect(mp.lanes.length).toBe(10);
		for (const lane of mp.lanes) for (const f of lane.flows) expect(f.kind).toBe(lane.kind);
	});

	it('keep each direction on its own right and mutual lanes in the middle, one lane width apart', () => {
		const mp = relations.byId.get(relationId('pyongyang', 'moscow'))!;
		const mutual = mp.lanes.filter((l) => l.direction === 'mutual').map((l) => l.offset);
		const ways = mp.lanes.filter((l) => l.direction !== 'mutual').map((l) => l.offset);
		expect(Math.max(...mutual.map(Math.abs))).toBeLessThan(Math.min(...ways));
		// Across the cable (canonical axis), neighbouring lanes are exactly one lane apart.
		const across = mp.lanes
			.map((l) => (l.direction === 'backward' ? -l.offset : l.offset))
			.sort((a, b) => a - b);
		for (let i = 1; i < across.length; i++) expect(across[i]! - across[i - 1]!).toBeCloseTo(1, 9);
	});

	it('give the train its own lane on its own route', () => {
		const train = relations.laneOf.get('kim-train-to-vladivostok')!;
		expect(train.routed).toBe(true);
		expect(train.flows.map((f) => f.id)).toEqual(['kim-train-to-vladivostok']);
	});
});

describe('a lane is drawn as sure as its surest shown claim, never surer', () => {
	it('takes the surest shown claim, and the weaker one once the surer is filtered out', () => {
		const food = relations.laneOf.get('russian-shipments')!;
		expect(food.flows.map((f) => f.certainty).sort()).toEqual(['claimed', 'possible']);
		expect(shownLevels(relations, story.flows).get(food.id)).toBe('claimed');
		const onlyPossible = story.flows.filter((f) => f.id !== 'russian-shipments');
		expect(shownLevels(relations, onlyPossible).get(food.id)).toBe('possible');
		expect(shownLevels(relations, []).has(food.id)).toBe(false);
	});

	it('draws a selected claim at its own certainty, not its lane-mate’s', () => {
		const food = relations.laneOf.get('food-deals')!;
		expect(shownLevels(relations, story.flows, ['food-deals']).get(food.id)).toBe('possible');
	});

	const kindSets: FlowKind[][] = [
		[...FLOW_KINDS],
		[],
		['arms'],
		['visit', 'food'],
		['trade', 'diplomacy', 'letters']
	];
	const months = [null, '2022-12', '2023-01', '2023-07', '2023-08', '2023-09'];
	for (const kinds of kindSets)
		for (const certainty of CERTAINTIES as readonly Certainty[])
			for (const month of months)
				it(`export style = rule: kinds=[${kinds.join(',')}] certainty<=${certainty} month=${month}`, () => {
					const view = { ...DEFAULT_VIEW, kinds, certainty, until: month };
					const shown = visible(view);
					const drawn = new Set(drawnByExportStyle(view));
					// Every shown claim's lane is drawn, at the surest shown level of its lane.
					for (const flow of shown) {
						const lane = relations.laneOf.get(flow.id)!;
						const surest = CERTAINTIES.find((c) =>
							lane.flows.some((f) => f.certainty === c && shown.includes(f))
						)!;
						expect(drawn.has(laneFeatureId(lane.id, surest)), flow.id).toBe(true);
					}
					// And nothing else: one feature per drawn lane, only lanes with a shown claim.
					const lanesWithShown = new Set(shown.map((f) => relations.laneOf.get(f.id)!.id));
					expect(drawn.size).toBe(lanesWithShown.size);
				});
});

describe('selection and hits', () => {
	const shownAll = shownLevels(relations, story.flows);

	it('dims every other lane behind a selected flow, a relation or a place, and none for an area', () => {
		const all = [...shownLaneFeatures(shownAll, relations)].filter((id) => !id.endsWith('#label'));
		const flowDim = dimmedLaneFeatures(['shoigu-visit'], relations, shownAll);
		expect(flowDim.size).toBe(all.length - 1);
		const mp = relationId('moscow', 'pyongyang');
		const relDim = dimmedLaneFeatures([mp], relations, shownAll);
		expect(relDim.size).toBe(all.length - relations.byId.get(mp)!.lanes.length);
		const placeDim = dimmedLaneFeatures(['beijing'], relations, shownAll);
		for (const id of placeDim) expect(id.startsWith('beijing~')).toBe(false);
		expect(dimmedLaneFeatures(['patrol-waters'], relations, shownAll).size).toBe(0);
		expect(dimmedLaneFeatures([], relations, shownAll).size).toBe(0);
	});

	it('lights up a relation’s lanes, a flow’s lane, or a place itself', () => {
		const sourceOf = new Map([['beijing', 'places' as const]]);
		const mp = relationId('moscow', 'pyongyang');
		expect(highlightTargets([mp], sourceOf, relations, shownAll)).toHaveLength(10);
		expect(highlightTargets(['shoigu-visit'], sourceOf, relations, shownAll)).toEqual([
			{ source: 'flows', id: laneFeatureId(relations.laneOf.get('shoigu-visit')!.id, 'reported') }
		]);
		expect(highlightTargets(['beijing'], sourceOf, relations, shownAll)).toEqual([
			{ source: 'places', id: 'beijing' }
		]);
	});

	it('never picks one of several relations a click hit: the reader chooses', () => {
		const mp = relationId('moscow', 'pyongyang');
		const bp = relationId('beijing', 'pyongyang');
		const lane = (flow: string) => relations.laneOf.get(flow)!.id;
		const [food, arms] = [lane('russian-shipments'), lane('kn23-missiles')];
		const trade = lane('trade-china-north-korea');
		expect(selectFromHits([food, trade], story, relations)).toEqual({ select: null, choose: [mp, bp] });
		// Lanes of one relation open the relation, whichever lane is on top.
		expect(selectFromHits([food, arms], story, relations)).toEqual({ select: mp, choose: [] });
		expect(selectFromHits([food], story, relations)).toEqual({ select: mp, choose: [] });
		// A lane holding one claim alone (the train) selects that claim.
		expect(selectFromHits([lane('kim-train-to-vladivostok')], story, relations)).toEqual({
			select: 'kim-train-to-vladivostok',
			choose: []
		});
		expect(selectFromHits([food, 'pyongyang', trade], story, relations)).toEqual({
			select: 'pyongyang',
			choose: []
		});
		expect(selectFromHits([food, 'patrol-waters'], story, relations)).toEqual({ select: mp, choose: [] });
		expect(selectFromHits(['patrol-waters'], story, relations)).toEqual({
			select: 'patrol-waters',
			choose: []
		});
		expect(selectFromHits([], story, relations)).toEqual({ select: null, choose: [] });
		expect(hoverTarget(food, relations)).toBe(mp);
		expect(hoverTarget('beijing', relations)).toBe('beijing');
	});

	it('lists every lane feature once, so the live map can switch each', () => {
		const ids = allLaneFeatures(relations);
		expect(new Set(ids).size).toBe(ids.length);
		for (const f of features.features) expect(ids).toContain(String(f.properties?.id));
	});
});
