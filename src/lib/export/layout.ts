import { shiftShape, symbolShapes, type LegendSymbol } from './legendSymbols';
import { wrapText } from './wrapText';
import type { Palette } from '$lib/map/theme';
import {
	paletteOf,
	type ExportLayout,
	type LayoutContent,
	type LayoutInput,
	type LegendItem,
	type Measure,
	type Rect,
	type TextLine
} from './layoutModel';
export * from './layoutModel';
export { wrapText } from './wrapText';

/**
 * Where everything goes in an exported image, as plain numbers: the PNG path draws these boxes
 * on a 2D canvas, the SVG path writes them as elements, so both exports look the same.
 *
 * The image is split into bands: header (title, subtitle) on top, the map in the middle, and a
 * footer (legend, credits) at the bottom. Text never sits on the map, so it never hides a line,
 * and the map rect is exactly what the offscreen map must render.
 */

/** Width the type sizes below are designed for. */
export const REFERENCE_WIDTH = 1200;

/** Text grows with the image so it keeps its proportion at every export size. */
export function defaultLayoutScale(width: number): number {
	return Math.max(0.5, width / REFERENCE_WIDTH);
}

/** Type and spacing at scale 1 (a 1200 px wide image). */
const BASE = {
	margin: 24,
	headerTop: 18,
	headerBottom: 14,
	titlePx: 28,
	subtitlePx: 16,
	titleGap: 4,
	footerTop: 12,
	footerBottom: 12,
	legendPx: 14,
	legendRowGap: 6,
	legendItemGap: 18,
	legendGroupGap: 4,
	swatchLength: 24,
	swatchGap: 6,
	kindLineWidth: 4,
	certaintyLineWidth: 2.5,
	creditsPx: 12,
	creditsGap: 8,
	lineHeight: 1.3,
	maxTitleLines: 2,
	maxSubtitleLines: 3,
	maxCreditLines: 2
} as const;

/** The map keeps at least this share of the image height; text shrinks before it takes more. */
const MIN_MAP_SHARE = 0.45;
const MIN_SCALE = 0.35;

interface Sizes {
	margin: number;
	headerTop: number;
	headerBottom: number;
	titlePx: number;
	subtitlePx: number;
	titleGap: number;
	footerTop: number;
	footerBottom: number;
	legendPx: number;
	legendRowGap: number;
	legendItemGap: number;
	legendGroupGap: number;
	swatchLength: number;
	swatchGap: number;
	kindLineWidth: number;
	certaintyLineWidth: number;
	creditsPx: number;
	creditsGap: number;
	scale: number;
}

function sizesAt(scale: number): Sizes {
	const s = (v: number) => v * scale;
	return {
		margin: s(BASE.margin),
		headerTop: s(BASE.headerTop),
		headerBottom: s(BASE.headerBottom),
		titlePx: s(BASE.titlePx),
		subtitlePx: s(BASE.subtitlePx),
		titleGap: s(BASE.titleGap),
		footerTop: s(BASE.footerTop),
		footerBottom: s(BASE.footerBottom),
		legendPx: s(BASE.legendPx),
		legendRowGap: s(BASE.legendRowGap),
		legendItemGap: s(BASE.legendItemGap),
		legendGroupGap: s(BASE.legendGroupGap),
		swatchLength: s(BASE.swatchLength),
		swatchGap: s(BASE.swatchGap),
		kindLineWidth: s(BASE.kindLineWidth),
		certaintyLineWidth: s(BASE.certaintyLineWidth),
		creditsPx: s(BASE.creditsPx),
		creditsGap: s(BASE.creditsGap),
		scale
	};
}

/** Ascent share of the line box above the baseline, for a line height of 1.3 em (Noto Sans). */
function baselineIn(top: number, fontPx: number): number {
	const lineHeight = fontPx * BASE.lineHeight;
	return top + (lineHeight - fontPx) / 2 + fontPx * 0.8;
}

function textLine(
	text: string,
	x: number,
	top: number,
	fontPx: number,
	bold: boolean,
	color: string,
	measure: Measure
): TextLine {
	return {
		text,
		x,
		y: baselineIn(top, fontPx),
		fontPx,
		bold,
		color,
		box: { x, y: top, width: measure(text, fontPx, bold), height: fontPx * BASE.lineHeight }
	};
}

/** Lays out a block of wrapped lines from `top`; returns the lines and the y below them. */
function block(
	text: string,
	x: number,
	top: number,
	maxWidth: number,
	fontPx: number,
	bold: boolean,
	color: string,
	measure: Measure,
	maxLines: number
): { lines: TextLine[]; bottom: number } {
	const lines = wrapText(text, maxWidth, fontPx, bold, measure, maxLines).map((t, i) =>
		textLine(t, x, top + i * fontPx * BASE.lineHeight, fontPx, bold, color, measure)
	);
	return { lines, bottom: top + lines.length * fontPx * BASE.lineHeight };
}

interface Bands {
	header?: { rect: Rect; lines: TextLine[] };
	legend?: { rect: Rect; items: LegendItem[]; lines: TextLine[] };
	credits?: { rect: Rect; lines: TextLine[] };
	headerHeight: number;
	footerHeight: number;
}

/** Legend items flowed into rows; kinds first, then certainty styles on their own row(s). */
function layoutLegend(
	content: LayoutContent,
	left: number,
	top: number,
	maxWidth: number,
	z: Sizes,
	measure: Measure,
	palette: Palette
): { items: LegendItem[]; lines: TextLine[]; bottom: number } {
	const rowHeight = z.legendPx * BASE.lineHeight;
	const items: LegendItem[] = [];
	// Nothing drawn: say so, and still key the places and areas that are on the map.
	let lines: TextLine[] = [];
	let y = top;
	if (content.legendKinds.length === 0) {
		const empty = block(
			content.legendEmpty,
			left,
			top,
			maxWidth,
			z.legendPx,
			false,
			palette.frame.text,
			measure,
			2
		);
		lines = empty.lines;
		y = empty.bottom + (content.legendSymbols.length > 0 ? z.legendGroupGap : 0);
	}
	type Entry = Omit<LegendItem, 'swatch' | 'label' | 'count' | 'box' | 'shapes'> & {
		label: string;
		count: string;
		lineWidth: number;
	};
	const flowGroups = content.legendKinds.length > 0;
	const groups: Entry[][] = [
		(flowGroups ? content.legendKinds : []).map((k) => ({
			type: 'kind',
			key: k.kind,
			color: palette.kinds[k.kind],
			dash: null,
			opacity: 1,
			label: k.label,
			count: String(k.count),
			lineWidth: z.kindLineWidth
		})),
		(flowGroups ? content.legendCertainties : []).map((c) => ({
			type: 'certainty',
			key: c.certainty,
			color: palette.ink,
			dash: c.dash,
			opacity: c.weight.opacity,
			label: c.label,
			count: String(c.count),
			lineWidth: z.certaintyLineWidth * c.weight.width
		})),
		content.legendSymbols.map((s) => ({
			type: 'symbol',
			key: s.symbol,
			color: palette.ink,
			dash: null,
			opacity: 1,
			label: s.label,
			count: '',
			lineWidth: 0
		}))
	];
	let groupIndex = 0;
	for (const group of groups) {
		if (group.length === 0) continue;
		if (groupIndex > 0) y += z.legendGroupGap;
		groupIndex += 1;
		let x = left;
		let rowUsed = false;
		for (const entry of group) {
			const spaceWidth = entry.count ? measure(' ', z.legendPx, false) : 0;
			const countWidth = entry.count ? measure(entry.count, z.legendPx, false) : 0;
			// A label wider than a whole row is shortened: the legend must stay inside the image.
			const labelRoom = maxWidth - z.swatchLength - z.swatchGap - spaceWidth - countWidth;
			const label = wrapText(entry.label, Math.max(labelRoom, 1), z.legendPx, false, measure, 1)[0] ?? '';
			const labelWidth = measure(label, z.legendPx, false);
			const itemWidth = z.swatchLength + z.swatchGap + labelWidth + spaceWidth + countWidth;
			if (rowUsed && x + itemWidth > left + maxWidth) {
				x = left;
				y += rowHeight + z.legendRowGap;
			}
			const labelX = x + z.swatchLength + z.swatchGap;
			const labelLine = textLine(label, labelX, y, z.legendPx, false, palette.frame.text, measure);
			const countLine = textLine(
				entry.count,
				labelX + labelWidth + spaceWidth,
				y,
				z.legendPx,
				false,
				palette.frame.count,
				measure
			);
			items.push({
				type: entry.type,
				key: entry.key,
				color: entry.color,
				dash: entry.dash,
				opacity: entry.opacity,
				swatch: { x1: x, x2: x + z.swatchLength, y: y + rowHeight / 2, lineWidth: entry.lineWidth },
				label: labelLine,
				count: countLine,
				box: { x, y, width: itemWidth, height: rowHeight },
				...(entry.type === 'symbol'
					? {
							shapes: symbolShapes(
								entry.key as LegendSymbol,
								x,
								y + rowHeight / 2,
								z.swatchLength,
								z.scale,
								palette
							)
						}
					: {})
			});
			x += itemWidth + z.legendItemGap;
			rowUsed = true;
		}
		y += rowHeight;
	}
	return { items, lines, bottom: y };
}

function bandsAt(input: LayoutInput, scale: number): Bands {
	const { width, height, options, content, measure } = input;
	const palette = paletteOf(options);
	const z = sizesAt(scale);
	const textWidth = Math.max(1, width - 2 * z.margin);
	const bands: Bands = { headerHeight: 0, footerHeight: 0 };

	// A header the reader emptied (no title, no deck) takes no room at all.
	if (options.header && (content.title.trim() || content.subtitle.trim())) {
		const title = content.title.trim()
			? block(
					content.title,
					z.margin,
					z.headerTop,
					textWidth,
					z.titlePx,
					true,
					palette.frame.title,
					measure,
					BASE.maxTitleLines
				)
			: { lines: [], bottom: z.headerTop - z.titleGap };
		const subtitle = content.subtitle.trim()
			? block(
					content.subtitle,
					z.margin,
					title.bottom + z.titleGap,
					textWidth,
					z.subtitlePx,
					false,
					palette.frame.subtitle,
					measure,
					BASE.maxSubtitleLines
				)
			: { lines: [], bottom: title.bottom };
		// Whole pixels, so the map rect (the offscreen map's size) is whole too.
		bands.headerHeight = Math.ceil(subtitle.bottom + z.headerBottom);
		bands.header = {
			rect: { x: 0, y: 0, width, height: bands.headerHeight },
			lines: [...title.lines, ...subtitle.lines]
		};
	}

	if (options.legend || options.credits) {
		// Laid out from 0 and moved down once the footer's height is known.
		let y = z.footerTop;
		let legend: Bands['legend'];
		let credits: Bands['credits'];
		if (options.legend) {
			const l = layoutLegend(content, z.margin, y, textWidth, z, measure, palette);
			legend = { rect: { x: 0, y, width, height: l.bottom - y }, items: l.items, lines: l.lines };
			y = l.bottom;
		}
		if (options.credits && content.credits.length > 0) {
			if (options.legend) y += z.creditsGap;
			const top = y;
			const lines: TextLine[] = [];
			for (const credit of content.credits) {
				const b = block(
					credit,
					z.margin,
					y,
					textWidth,
					z.creditsPx,
					false,
					palette.frame.credits,
					measure,
					BASE.maxCreditLines
				);
				lines.push(...b.lines);
				y = b.bottom;
			}
			credits = { rect: { x: 0, y: top, width, height: y - top }, lines };
		}
		bands.footerHeight = Math.ceil(y + z.footerBottom);
		const offset = height - bands.footerHeight;
		if (legend) bands.legend = shiftBand(legend, offset);
		if (credits) bands.credits = shiftBand(credits, offset);
	}
	return bands;
}

function shiftRect(r: Rect, dy: number): Rect {
	return { ...r, y: r.y + dy };
}

function shiftLine(l: TextLine, dy: number): TextLine {
	return { ...l, y: l.y + dy, box: shiftRect(l.box, dy) };
}

function shiftBand<T extends { rect: Rect; lines: TextLine[]; items?: LegendItem[] }>(
	band: T,
	dy: number
): T {
	return {
		...band,
		rect: shiftRect(band.rect, dy),
		lines: band.lines.map((l) => shiftLine(l, dy)),
		...(band.items
			? {
					items: band.items.map((item) => ({
						...item,
						swatch: { ...item.swatch, y: item.swatch.y + dy },
						label: shiftLine(item.label, dy),
						count: shiftLine(item.count, dy),
						box: shiftRect(item.box, dy),
						...(item.shapes ? { shapes: item.shapes.map((shape) => shiftShape(shape, dy)) } : {})
					}))
				}
			: {})
	};
}

/**
 * The layout of one export. Text that would leave the map less than about half the image is set
 * smaller (down to a floor) rather than cut, so small square exports keep a usable map.
 */
export function layoutExport(input: LayoutInput): ExportLayout {
	const { width, height } = input;
	let scale = input.scale ?? defaultLayoutScale(width);
	let bands = bandsAt(input, scale);
	while (bands.headerHeight + bands.footerHeight > height * (1 - MIN_MAP_SHARE) && scale > MIN_SCALE) {
		scale = Math.max(MIN_SCALE, scale * 0.9);
		bands = bandsAt(input, scale);
	}
	const mapTop = bands.headerHeight;
	const mapHeight = Math.max(0, height - bands.headerHeight - bands.footerHeight);
	const layout: ExportLayout = {
		width,
		height,
		palette: paletteOf(input.options),
		scale,
		map: { x: 0, y: mapTop, width, height: mapHeight }
	};
	if (bands.header) layout.header = bands.header;
	if (bands.footerHeight > 0)
		layout.footer = { x: 0, y: height - bands.footerHeight, width, height: bands.footerHeight };
	if (bands.legend) layout.legend = bands.legend;
	if (bands.credits) layout.credits = bands.credits;
	return layout;
}

/** Every text box of a layout (header lines, legend labels and counts, credits), for checks. */
export function layoutTextBoxes(layout: ExportLayout): TextLine[] {
	return [
		...(layout.header?.lines ?? []),
		...(layout.legend?.lines ?? []),
		...(layout.legend?.items.flatMap((i) => (i.count.text ? [i.label, i.count] : [i.label])) ?? []),
		...(layout.credits?.lines ?? [])
	];
}
