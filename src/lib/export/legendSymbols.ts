import type { AreaKind } from '$lib/story';
import { AREA_LOOK, type Palette } from '$lib/map/theme';

/**
 * The legend's key to the map's other symbols, as the live legend shows them (Legend.svelte):
 * the direction arrow, capitals and other places, and each kind of area drawn. Laid out here as
 * plain shapes, so the PNG (canvas) and the SVG (and through it the PDF) paint the same thing.
 */

export type LegendSymbol = 'arrow' | 'capital' | 'place' | AreaKind;

export type SwatchShape =
	| { type: 'line'; x1: number; y1: number; x2: number; y2: number; width: number; color: string }
	| { type: 'polygon'; points: [number, number][]; fill: string }
	| { type: 'circle'; cx: number; cy: number; r: number; fill: string; stroke: string; strokeWidth: number }
	| {
			type: 'rect';
			x: number;
			y: number;
			width: number;
			height: number;
			fill: string;
			fillOpacity: number;
			stroke: string;
			strokeOpacity: number;
			strokeWidth: number;
			dash: number[] | null;
	  };

/**
 * The shapes of one symbol's swatch: `x` is the swatch's left edge, `y` its vertical centre,
 * `length` its width, `scale` the layout's font scale (the live legend's px at scale 1).
 */
export function symbolShapes(
	symbol: LegendSymbol,
	x: number,
	y: number,
	length: number,
	scale: number,
	palette: Palette
): SwatchShape[] {
	const s = scale;
	const mid = x + length / 2;
	if (symbol === 'arrow') {
		const tip = x + length;
		return [
			{ type: 'line', x1: x, y1: y, x2: tip - 6 * s, y2: y, width: 2 * s, color: palette.ink },
			{
				type: 'polygon',
				points: [
					[tip - 8 * s, y - 4 * s],
					[tip, y],
					[tip - 8 * s, y + 4 * s]
				],
				fill: palette.ink
			}
		];
	}
	if (symbol === 'capital')
		return [
			{
				type: 'circle',
				cx: mid,
				cy: y,
				r: 5 * s,
				fill: palette.placeText,
				stroke: palette.casing,
				strokeWidth: 2 * s
			}
		];
	if (symbol === 'place')
		return [
			{
				type: 'circle',
				cx: mid,
				cy: y,
				r: 4 * s,
				fill: palette.casing,
				stroke: palette.placeText,
				strokeWidth: 2 * s
			}
		];
	const look = AREA_LOOK[symbol];
	const width = 1.2 * s;
	return [
		{
			type: 'rect',
			x,
			y: y - 5 * s,
			width: length,
			height: 10 * s,
			fill: palette.areas[symbol],
			fillOpacity: look.fillOpacity[0],
			stroke: palette.areas[symbol],
			strokeOpacity: look.outline.opacity,
			strokeWidth: width,
			dash: look.outline.dash?.map((v) => v * width) ?? null
		}
	];
}

/** The same shape moved down by `dy` (the footer is laid out from 0, then moved to the bottom). */
export function shiftShape(shape: SwatchShape, dy: number): SwatchShape {
	switch (shape.type) {
		case 'line':
			return { ...shape, y1: shape.y1 + dy, y2: shape.y2 + dy };
		case 'polygon':
			return { ...shape, points: shape.points.map(([x, y]) => [x, y + dy]) };
		case 'circle':
			return { ...shape, cy: shape.cy + dy };
		case 'rect':
			return { ...shape, y: shape.y + dy };
	}
}
