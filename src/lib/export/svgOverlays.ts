import { type ExportLayout, type ExportMetadata, type TextLine } from './layout';
import { el, fragment, type Child, type Xml } from './xml';
import type { SwatchShape } from './legendSymbols';
import { fmt, pathData } from './svgStage';

/** The SVG's header, legend and credits (layout.ts's boxes as elements), and its metadata. */

/** A group Inkscape shows as a layer (Illustrator as a group), named for the person editing. */
export function layer(id: string, label: string): Record<string, string> {
	return { id, 'inkscape:groupmode': 'layer', 'inkscape:label': label };
}

// ---------------------------------------------------------------------------------------------
// Header, legend, credits

/** What the file says about itself, in Dublin Core (read by Inkscape's document properties). */
export function metadataEl(m: ExportMetadata): Xml {
	return el(
		'metadata',
		{},
		el(
			'rdf:RDF',
			{
				'xmlns:rdf': 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
				'xmlns:dc': 'http://purl.org/dc/elements/1.1/'
			},
			el(
				'rdf:Description',
				{},
				el('dc:title', {}, m.title),
				el('dc:description', {}, m.description),
				el('dc:source', {}, m.source),
				el('dc:date', {}, m.created)
			)
		)
	);
}

export function textLineEl(line: TextLine): Xml {
	return el(
		'text',
		{
			x: fmt(line.x),
			y: fmt(line.y),
			'font-size': fmt(line.fontPx),
			'font-weight': line.bold ? 700 : null,
			fill: line.color
		},
		line.text
	);
}

/** A legend symbol's shape (legendSymbols.ts), as renderPng.ts's drawShape paints it. */
export function swatchShapeEl(shape: SwatchShape): Xml {
	if (shape.type === 'line')
		return el('line', {
			x1: fmt(shape.x1),
			y1: fmt(shape.y1),
			x2: fmt(shape.x2),
			y2: fmt(shape.y2),
			stroke: shape.color,
			'stroke-width': fmt(shape.width)
		});
	if (shape.type === 'polygon') return el('path', { d: pathData([shape.points], true), fill: shape.fill });
	if (shape.type === 'circle')
		return el('circle', {
			cx: fmt(shape.cx),
			cy: fmt(shape.cy),
			r: fmt(shape.r),
			fill: shape.fill,
			stroke: shape.stroke,
			'stroke-width': fmt(shape.strokeWidth)
		});
	return el('rect', {
		x: fmt(shape.x),
		y: fmt(shape.y),
		width: fmt(shape.width),
		height: fmt(shape.height),
		fill: shape.fill,
		'fill-opacity': shape.fillOpacity,
		stroke: shape.stroke,
		'stroke-opacity': shape.strokeOpacity,
		'stroke-width': fmt(shape.strokeWidth),
		'stroke-dasharray': shape.dash ? shape.dash.map(fmt).join(' ') : null
	});
}

export function overlays(layout: ExportLayout): Xml {
	const parts: Child[] = [];
	if (layout.header) {
		const h = layout.header;
		parts.push(
			el(
				'g',
				layer('header', 'Title'),
				el('rect', {
					x: 0,
					y: 0,
					width: fmt(h.rect.width),
					height: fmt(h.rect.height),
					fill: layout.palette.frame.background
				}),
				...h.lines.map(textLineEl)
			)
		);
	}
	if (layout.footer) {
		const f = layout.footer;
		const footer: Child[] = [
			el('rect', {
				x: fmt(f.x),
				y: fmt(f.y),
				width: fmt(f.width),
				height: fmt(f.height),
				fill: layout.palette.frame.background
			})
		];
		if (layout.legend) {
			const legend: Child[] = layout.legend.lines.map(textLineEl);
			for (const item of layout.legend.items) {
				const s = item.swatch;
				if (item.shapes) {
					legend.push(
						el('g', { 'data-symbol': item.key }, ...item.shapes.map(swatchShapeEl), textLineEl(item.label))
					);
					continue;
				}
				legend.push(
					el(
						'g',
						{ [`data-${item.type}`]: item.key },
						el('line', {
							x1: fmt(s.x1),
							y1: fmt(s.y),
							x2: fmt(s.x2),
							y2: fmt(s.y),
							stroke: item.color,
							'stroke-width': fmt(s.lineWidth),
							'stroke-opacity': item.opacity === 1 ? null : item.opacity,
							'stroke-linecap': item.dash ? 'butt' : 'round',
							'stroke-dasharray': item.dash ? item.dash.map((v) => fmt(v * s.lineWidth)).join(' ') : null
						}),
						textLineEl(item.label),
						textLineEl(item.count)
					)
				);
			}
			parts.push(el('g', layer('legend', 'Legend'), ...legend));
		}
		if (layout.credits)
			parts.push(el('g', layer('credits', 'Notes and sources'), ...layout.credits.lines.map(textLineEl)));
		parts.unshift(el('g', layer('footer-background', 'Footer'), ...footer));
	}
	return fragment(parts);
}
