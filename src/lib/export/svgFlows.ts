import type { LineString } from 'geojson';
import { CERTAINTIES, FLOW_KINDS, type Certainty, type FlowKind, type Lang } from '$lib/story';
import {
	CERTAINTY_DASH,
	CERTAINTY_WEIGHT,
	DIMMED_OPACITY,
	type Palette,
	LANE_SPACING,
	LANE_WIDTH
} from '$lib/map/theme';
import { ARROW_ICON_SIZE } from '$lib/map/layers';
import { offsetPolyline } from '$lib/geo/offset';
import { strings } from '$lib/i18n/strings';
import { el, type Child, type Xml } from './xml';
import { fmt, interpolate, pathData, projectLines, type Stage } from './svgStage';
import { insideRect } from './svgLabels';
import { layer } from './svgOverlays';
import { haloed } from './svgText';
import { arrowAnchors, arrowPath } from './svgArrows';
import type { SvgInput } from './svg';

/**
 * The lanes as the style draws them: a white casing under every shown lane, the lanes in one
 * pass per certainty (one sublayer per kind), then the arrowheads of one-way lanes on top.
 */
export function flowLayers(
	input: Pick<SvgInput, 'flows' | 'lanes'>,
	stage: Stage,
	zoom: number,
	pr: number,
	lang: Lang,
	palette: Palette
): Child[] {
	const out: Child[] = [];
	const shownLanes = new Set(input.lanes.shown);
	const activeLanes = new Set(input.lanes.active);
	const dimmedLanes = new Set(input.lanes.dimmed);
	const laneGap = interpolate(zoom, 2, LANE_SPACING[0], 6, LANE_SPACING[1]) * pr;
	const flows = input.flows.features
		// Lanes only: the names on the lines are labels (svgLabels.ts placeFlowLabels).
		.filter((f) => f.geometry.type === 'LineString' && typeof f.properties?.certainty === 'string')
		.filter((f) => shownLanes.has(String(f.properties?.id)))
		.map((f) => {
			const offset = (Number(f.properties?.halfLanes ?? 0) * laneGap) / 2;
			const coordinates = (f.geometry as LineString).coordinates;
			const lines = projectLines(stage, [coordinates], false).map((l) => offsetPolyline(l, offset));
			return { feature: f, lines };
		})
		.filter((f) => f.lines.length > 0);
	const laneActive = (p: Record<string, unknown>) => activeLanes.has(String(p.id));
	const dim = (p: Record<string, unknown>, opacity: number) =>
		dimmedLanes.has(String(p.id)) ? opacity * DIMMED_OPACITY : opacity;
	/** Opacities to the hundredth; full opacity is the default and left out. */
	const fmt2 = (o: number) => String(Math.round(o * 100) / 100);
	const opacityAttr = (o: number) => (o === 1 ? null : fmt2(o));
	// As the style's layers: widths scaled by the certainty's weight (theme.ts CERTAINTY_WEIGHT).
	const weightOf = (p: Record<string, unknown>) =>
		CERTAINTY_WEIGHT[p.certainty as Certainty] ?? CERTAINTY_WEIGHT.reported;
	const zoomed = ([a, b]: readonly [number, number]) => interpolate(zoom, 2, a, 6, b);
	const casingWidth = (p: Record<string, unknown>) =>
		zoomed(LANE_WIDTH.casing[laneActive(p) ? 'lit' : 'plain']) * weightOf(p).width * pr;
	const flowWidth = (active: boolean) => zoomed(LANE_WIDTH.line[active ? 'lit' : 'plain']) * pr;
	const kindName = strings(lang).kinds;
	out.push(
		el(
			'g',
			{
				id: 'flow-casing',
				fill: 'none',
				stroke: palette.casing,
				'stroke-linecap': 'round',
				'stroke-linejoin': 'round'
			},
			...flows.map((f) =>
				el('path', {
					d: pathData(f.lines, false),
					'stroke-opacity': fmt2(dim(f.feature.properties ?? {}, 0.85)),
					'stroke-width': fmt(casingWidth(f.feature.properties ?? {}))
				})
			)
		)
	);
	const flowPaths: { kind: string; path: Xml }[] = [];
	for (const certainty of CERTAINTIES as readonly Certainty[]) {
		for (const { feature, lines } of flows) {
			const p = feature.properties ?? {};
			if (p.certainty !== certainty) continue;
			const kind = String(p.kind);
			// Rounded first, so the dash pattern is exactly in line widths of the written width.
			const w = Math.round(flowWidth(laneActive(p)) * CERTAINTY_WEIGHT[certainty].width * 10) / 10;
			const dash = CERTAINTY_DASH[certainty];
			flowPaths.push({
				kind,
				path: el(
					'path',
					{
						d: pathData(lines, false),
						fill: 'none',
						stroke: palette.kinds[kind as FlowKind] ?? '#555555',
						'stroke-width': fmt(w),
						'stroke-opacity': opacityAttr(dim(p, CERTAINTY_WEIGHT[certainty].opacity)),
						'stroke-linecap': dash ? 'butt' : 'round',
						'stroke-linejoin': 'round',
						'stroke-dasharray': dash ? dash.map((v) => fmt(v * w)).join(' ') : null,
						'data-id': String(p.id ?? ''),
						'data-kind': kind,
						'data-certainty': certainty
					},
					el('title', {}, kindName[kind as keyof typeof kindName] ?? kind)
				)
			});
		}
	}
	// One sublayer per kind, in the legend's order, each holding its lanes in certainty order.
	const kindsDrawn = FLOW_KINDS.filter((kind) => flowPaths.some((f) => f.kind === kind));
	out.push(
		el(
			'g',
			layer('flows', 'Flows'),
			...kindsDrawn.map((kind) =>
				el(
					'g',
					layer(`flows-${kind}`, kindName[kind]),
					...flowPaths.filter((f) => f.kind === kind).map((f) => f.path)
				)
			)
		)
	);
	const arrows: { d: string; fill: string; opacity: string | null; kind: string }[] = [];
	const spacing = interpolate(zoom, 2, 90, 6, 160) * pr;
	const iconScale = interpolate(zoom, 2, ARROW_ICON_SIZE[0], 6, ARROW_ICON_SIZE[1]) * pr;
	for (const { feature, lines } of flows) {
		const p = feature.properties ?? {};
		if (p.mutual === true || !weightOf(p).arrows) continue;
		const kind = String(p.kind);
		const color = palette.kinds[kind as FlowKind] ?? '#555555';
		for (const line of lines)
			for (const anchor of arrowAnchors(line, spacing)) {
				if (!insideRect(anchor.point, stage.rect)) continue;
				arrows.push({
					d: arrowPath(anchor.point, anchor.angle, iconScale),
					fill: color,
					opacity: opacityAttr(dim(p, weightOf(p).opacity)),
					kind
				});
			}
	}
	out.push(
		haloed('flow-arrows', 'Arrows', {}, { color: palette.casing, width: 1.2 * pr }, (halo) =>
			arrows.map((a) =>
				el(
					'path',
					halo ? { d: a.d } : { d: a.d, fill: a.fill, 'fill-opacity': a.opacity, 'data-kind': a.kind }
				)
			)
		)
	);

	return out;
}
