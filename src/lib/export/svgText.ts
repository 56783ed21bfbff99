import { type Child, el, type Xml } from './xml';
import { fmt, svgPaint } from './svgStage';
import { layer } from './svgOverlays';
import type { PlacedLabel } from './svgLabels';
import { isolateLines } from '$lib/i18n/bidi';

/**
 * The SVG's names as text: each layer of names (and the arrows) as a halo copy under the text
 * copy, since Illustrator ignores paint-order; the lines of a name as tspans on their baselines.
 */

type Attrs = Record<string, string | number | null>;

/** Stroke-based text halo (MapLibre's halo width is outside the glyph; an SVG stroke is centred). */
function haloAttrs(color: string, haloWidth: number): Attrs {
	const paint = svgPaint(color);
	return {
		stroke: paint.color,
		'stroke-opacity': paint.opacity,
		'stroke-width': fmt(haloWidth * 2),
		'stroke-linejoin': 'round'
	};
}

/**
 * Labels over their halos, the halo as its own stroked copy underneath: Illustrator ignores SVG's
 * paint-order, and a designer can restyle or drop the halos as one group. `items(halo)` gives
 * the copies; ids and data go on the text copy only.
 */
export function haloed(
	id: string,
	label: string,
	fill: Attrs,
	halo: { color: string; width: number },
	items: (halo: boolean) => Child[]
): Xml {
	return el(
		'g',
		layer(id, label),
		el('g', { id: `${id}-halo`, fill: 'none', ...haloAttrs(halo.color, halo.width) }, ...items(true)),
		el('g', { id: `${id}-text`, ...fill, stroke: 'none' }, ...items(false))
	);
}

/**
 * A name as one `<text>`, a `<tspan>` per line. A `<text>` is a bidi paragraph of its own, so a
 * name alone needs no isolate; the names of several strings (two places and a distance, an area
 * and its caption) come isolated from storyFeatures.ts and flowLabels.ts (i18n/bidi.ts). Every
 * line is balanced by itself (isolateLines): renderers differ in whether the lines of one `<text>`
 * are one paragraph or one each, and a cut isolate must hold in both.
 */
export function textBlock(label: PlacedLabel, attrs: Attrs, data: Record<string, string>): Xml {
	const top = label.y - (label.lines.length * label.lineHeight) / 2;
	return el(
		'text',
		{
			...attrs,
			'font-size': fmt(label.size),
			'text-anchor': label.anchor === 'start' ? null : label.anchor,
			...data
		},
		...isolateLines(label.lines).map((line, i) =>
			el(
				'tspan',
				{
					x: fmt(label.x),
					// Baseline: the middle of the line box plus ~0.35 em (Noto Sans x-height centre).
					y: fmt(top + (i + 0.5) * label.lineHeight + label.size * 0.35)
				},
				line
			)
		)
	);
}

/** A name in a layer: attributes on both copies, a fill and an id on the text copy only. */
export interface NameItem {
	label: PlacedLabel;
	attrs?: Attrs;
	fill?: string;
	id?: string;
}

/** A layer of names (haloed): halos in one group under the text in another. */
export function nameLayer(
	id: string,
	name: string,
	fill: Attrs,
	halo: { color: string; width: number },
	items: readonly NameItem[]
): Xml {
	return haloed(id, name, fill, halo, (isHalo) =>
		items.map((item) =>
			textBlock(
				item.label,
				isHalo || !item.fill ? { ...item.attrs } : { ...item.attrs, fill: item.fill },
				!isHalo && item.id !== undefined ? { 'data-id': item.id } : {}
			)
		)
	);
}
