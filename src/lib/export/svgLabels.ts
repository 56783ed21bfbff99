import type { Feature, FeatureCollection, Point } from 'geojson';
import { type LabelSide, type Lang } from '$lib/story';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import { LOCALES } from '$lib/i18n/format';
import {
	KEEPOUT_PX,
	KEEPOUT_ROLES,
	LABEL_MAX_EMS,
	LABEL_PADDING,
	labelOrder,
	SIDE_ANCHORS,
	sidesInOrder
} from '$lib/map/labelAnchors';
import { isAreaKindShown } from '$lib/state/visibility';
import { type Measure, type Rect } from './layout';
import { type ScreenPoint } from './projection';
import { interpolate, intersects, nearestCopy, projectPoint, type Box, type Stage } from './svgStage';
import { breakLines } from './lineBreaks';
import type { MapLabels } from './mapLabels';

/**
 * Where the SVG's names go, by the style's rules: city names by the anchor table MapLibre uses,
 * area names as the area-labels layer, country names as the basemap's labels; the first placed
 * keeps its room, as in MapLibre's collision index.
 */

// ---------------------------------------------------------------------------------------------
// Labels

export interface PlacedLabel {
	lines: string[];
	/** Where the lines start (start), end (end) or are centred (middle); y is the block's centre. */
	x: number;
	y: number;
	anchor: 'start' | 'middle' | 'end';
	size: number;
	lineHeight: number;
	box: Box;
}

export class CollisionIndex {
	private boxes: Box[] = [];
	collides(box: Box): boolean {
		return this.boxes.some((b) => intersects(b, box));
	}
	insert(box: Box): void {
		this.boxes.push(box);
	}
}

// ---------------------------------------------------------------------------------------------
// Label placement

export function insideRect([x, y]: ScreenPoint, r: Rect): boolean {
	return x >= r.x && x <= r.x + r.width && y >= r.y && y <= r.y + r.height;
}

/** MapLibre's text-max-width: the name broken into lines of about `maxEms` ems, as MapLibre breaks it. */
export function wrapLabel(
	text: string,
	size: number,
	maxEms: number,
	widthOf: (s: string) => number
): string[] {
	return breakLines(text, maxEms * size, widthOf);
}

/**
 * A name where MapLibre placed it: `box` is its collision box in output px less its text-padding.
 * The lines are flush with the side that faces the name's point (text-justify auto: a name right
 * of its dot starts at its left edge), else centred.
 */
export function labelInBox(lines: string[], box: Box, size: number, point: ScreenPoint | null): PlacedLabel {
	const align: PlacedLabel['anchor'] = !point
		? 'middle'
		: box.minX >= point[0] - 0.5
			? 'start'
			: box.maxX <= point[0] + 0.5
				? 'end'
				: 'middle';
	const x = align === 'start' ? box.minX : align === 'end' ? box.maxX : (box.minX + box.maxX) / 2;
	return { lines, x, y: (box.minY + box.maxY) / 2, anchor: align, size, lineHeight: size * 1.2, box };
}

/**
 * The names MapLibre placed on some layers (mapLabels.ts, in the map's CSS px) as output-px boxes
 * of their text: scaled by the pixel ratio, moved to the map rect, less the layer's text-padding.
 */
export function boxesFromMap(
	labels: MapLabels,
	layers: readonly string[],
	stage: Stage,
	pr: number,
	padding: number
): Map<string, Box> {
	const out = new Map<string, Box>();
	const { x, y } = stage.rect;
	for (const layer of layers)
		for (const [key, b] of labels.get(layer) ?? [])
			out.set(key, {
				minX: x + (b.minX + padding) * pr,
				minY: y + (b.minY + padding) * pr,
				maxX: x + (b.maxX - padding) * pr,
				maxY: y + (b.maxY - padding) * pr
			});
	return out;
}

export function centredLabel(
	lines: string[],
	x: number,
	y: number,
	size: number,
	widthOf: (s: string) => number
): PlacedLabel {
	const lineHeight = size * 1.2;
	const w = Math.max(0, ...lines.map(widthOf));
	const h = lines.length * lineHeight;
	return {
		lines,
		x,
		y,
		anchor: 'middle',
		size,
		lineHeight,
		box: { minX: x - w / 2, maxX: x + w / 2, minY: y - h / 2, maxY: y + h / 2 }
	};
}

/**
 * City names as the style places them (places-label): capitals first, each trying the story's
 * side for it and then the others in labelAnchors.ts's order, the first that keeps clear of the
 * dots (places-keepout) and of the names already placed; a name with no free side is left out,
 * as MapLibre leaves it out.
 */
export function placeCityLabels(
	places: FeatureCollection<Point>,
	sides: Readonly<Record<string, LabelSide>>,
	stage: Stage,
	pr: number,
	measure: Measure,
	nameOf: (f: Feature) => string,
	collisions: CollisionIndex,
	/** Where MapLibre placed the names (boxesFromMap): then only those, there. */
	placed?: ReadonlyMap<string, Box>
): { label: PlacedLabel; bold: boolean; id: string }[] {
	const out: { label: PlacedLabel; bold: boolean; id: string }[] = [];
	const role = (f: Feature) => String(f.properties?.role ?? '');
	const keepout = (KEEPOUT_PX * pr) / 2;
	for (const place of places.features) {
		if (!(KEEPOUT_ROLES as readonly string[]).includes(role(place))) continue;
		for (const [px, py] of projectPoint(stage, place.geometry.coordinates))
			collisions.insert({ minX: px - keepout, maxX: px + keepout, minY: py - keepout, maxY: py + keepout });
	}
	const ordered = [...places.features].sort((a, b) => labelOrder(role(a)) - labelOrder(role(b)));
	for (const place of ordered) {
		const name = nameOf(place);
		if (!name) continue;
		const id = String(place.properties?.id ?? '');
		const bold = role(place) === 'capital';
		const size = (bold ? 15 : 13) * pr;
		// MapLibre wraps a name at text-max-width (10 em by default): "Vostochny / Cosmodrome".
		const lines = wrapLabel(name, size, LABEL_MAX_EMS.place, (s) => measure(s, size, bold));
		const width = Math.max(...lines.map((line) => measure(line, size, bold)));
		const lineHeight = size * 1.2;
		const height = lines.length * lineHeight;
		if (placed) {
			const box = placed.get(id);
			if (box) {
				const point = nearestCopy(stage, place.geometry.coordinates, box);
				out.push({ label: labelInBox(lines, box, size, point), bold, id });
			}
			continue;
		}
		for (const [px, py] of projectPoint(stage, place.geometry.coordinates)) {
			const candidates = sidesInOrder(sides[id]).map((side) => {
				const [anchor, [ox, oy]] = SIDE_ANCHORS[side];
				const x = px + ox * size;
				// MapLibre sets a top-anchored name 0.2 em higher than its offset (and a bottom-anchored
				// one as much lower): its line box is centred on the glyphs (measured in the e2e test).
				const shift = anchor.includes('top') ? -0.2 : anchor.includes('bottom') ? 0.2 : 0;
				const y = py + (oy + shift) * size;
				const minX = anchor.includes('left') ? x : anchor.includes('right') ? x - width : x - width / 2;
				const minY = anchor.includes('top') ? y : anchor.includes('bottom') ? y - height : y - height / 2;
				const align: PlacedLabel['anchor'] = anchor.includes('left')
					? 'start'
					: anchor.includes('right')
						? 'end'
						: 'middle';
				const pad = LABEL_PADDING * pr;
				return {
					align,
					box: { minX, minY, maxX: minX + width, maxY: minY + height },
					padded: { minX: minX - pad, minY: minY - pad, maxX: minX + width + pad, maxY: minY + height + pad }
				};
			});
			const free = candidates.find((c) => !collisions.collides(c.padded));
			if (!free) continue;
			const { box, align } = free;
			collisions.insert(free.padded);
			// text-justify auto: the lines are flush with the side the name hangs from.
			const x = align === 'start' ? box.minX : align === 'end' ? box.maxX : (box.minX + box.maxX) / 2;
			out.push({
				label: { lines, x, y: (box.minY + box.maxY) / 2, anchor: align, size, lineHeight, box },
				bold,
				id
			});
		}
	}
	return out;
}

export function placeAreaLabels(
	points: FeatureCollection<Point>,
	view: ViewSnapshot,
	stage: Stage,
	zoom: number,
	pr: number,
	measure: Measure,
	nameOf: (f: Feature) => string,
	collisions: CollisionIndex,
	placed?: ReadonlyMap<string, Box>
): { label: PlacedLabel; kind: string; id: string }[] {
	const size = interpolate(zoom, 2, 10, 6, 13) * pr;
	const widthOf = (s: string) => measure(s, size, false);
	const out: { label: PlacedLabel; kind: string; id: string }[] = [];
	for (const point of points.features) {
		const kind = String(point.properties?.kind ?? '');
		if (!isAreaKindShown(kind, view)) continue;
		// The same text as the map's label: the name plus its caption, where the area has one.
		const name = String(point.properties?.[`label_${view.lang}`] ?? '') || nameOf(point);
		if (!name) continue;
		// As the style's area-labels layer: 12 em wide, centred on its point, else below or above
		// it (text-radial-offset 1.2 em, less the 0.2 em MapLibre sets top and bottom anchors by).
		const lines = wrapLabel(name, size, LABEL_MAX_EMS.area, widthOf);
		const id = String(point.properties?.id ?? '');
		if (placed) {
			const box = placed.get(id);
			if (box) out.push({ label: labelInBox(lines, box, size, null), kind, id });
			continue;
		}
		const half = (lines.length * size * 1.2) / 2;
		for (const [x, y] of projectPoint(stage, point.geometry.coordinates)) {
			const label = [y, y + size + half, y - size - half]
				.map((cy) => centredLabel(lines, x, cy, size, widthOf))
				.find((l) => !collisions.collides(l.box) && boxInside(l.box, stage.rect));
			if (!label) continue;
			collisions.insert(label.box);
			out.push({ label, kind, id });
		}
	}
	return out;
}

export function placeCountryLabels(
	points: FeatureCollection<Point>,
	stage: Stage,
	zoom: number,
	pr: number,
	measure: Measure,
	nameOf: (f: Feature) => string,
	lang: Lang,
	collisions: CollisionIndex,
	placed?: ReadonlyMap<string, Box>
): { label: PlacedLabel; letterSpacing: number; id: string }[] {
	const size = interpolate(zoom, 2, 10, 6, 14) * pr;
	const letterSpacing = 0.08 * size;
	const widthOf = (s: string) => measure(s, size, false) + letterSpacing * [...s].length;
	const byArea = [...points.features].sort(
		(a, b) => Number(b.properties?.area ?? 0) - Number(a.properties?.area ?? 0)
	);
	const out: { label: PlacedLabel; letterSpacing: number; id: string }[] = [];
	// SVG (and the PDF and outlines, which follow it) spaces after the last letter too, and centres
	// that: the letters would sit half a spacing left of MapLibre's, which spaces only between them.
	const centred = (label: PlacedLabel): PlacedLabel => ({ ...label, x: label.x + letterSpacing / 2 });
	for (const point of byArea) {
		const name = nameOf(point).toLocaleUpperCase(LOCALES[lang]);
		if (!name || !point.geometry) continue;
		const id = String(point.properties?.id ?? point.id ?? '');
		const lines = wrapLabel(name, size, LABEL_MAX_EMS.country, widthOf);
		if (placed) {
			const box = placed.get(id);
			if (box) out.push({ label: centred(labelInBox(lines, box, size, null)), letterSpacing, id });
			continue;
		}
		for (const [x, y] of projectPoint(stage, point.geometry.coordinates)) {
			const label = centredLabel(lines, x, y, size, widthOf);
			if (collisions.collides(label.box)) continue;
			collisions.insert(label.box);
			out.push({ label: centred(label), letterSpacing, id });
		}
	}
	return out;
}

export function boxInside(box: Box, r: Rect): boolean {
	return box.minX >= r.x && box.maxX <= r.x + r.width && box.minY >= r.y && box.maxY <= r.y + r.height;
}

/**
 * The names on the lines (flow-labels-cable, flow-labels-route): only where MapLibre placed them,
 * since their sides follow from the lines' room on the map (flowLabels.ts and the style).
 */
export function placeFlowLabels(
	flows: FeatureCollection,
	placed: ReadonlyMap<string, Box>,
	stage: Stage,
	size: number,
	measure: Measure,
	lang: Lang
): { label: PlacedLabel; id: string }[] {
	const widthOf = (s: string) => measure(s, size, false);
	const out: { label: PlacedLabel; id: string }[] = [];
	for (const f of flows.features) {
		if (f.geometry.type !== 'Point') continue;
		const id = String(f.properties?.id ?? '');
		const box = placed.get(id);
		const text = String(f.properties?.[`label_${lang}`] ?? '');
		if (!box || !text) continue;
		const maxEms = f.properties?.side !== undefined ? LABEL_MAX_EMS.cable : LABEL_MAX_EMS.route;
		const point = nearestCopy(stage, f.geometry.coordinates, box);
		out.push({ label: labelInBox(wrapLabel(text, size, maxEms, widthOf), box, size, point), id });
	}
	return out;
}
