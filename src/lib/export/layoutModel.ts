import type { LegendSymbol, SwatchShape } from './legendSymbols';
import type { Certainty, FlowKind } from '$lib/story';
import { LIGHT, type Palette } from '$lib/map/theme';
import { withoutBidiControls } from '$lib/i18n/bidi';

/** What an export's layout (layout.ts) works with: its input, content and boxes, its colours and a measure. */

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Width in pixels of `text` set in Noto Sans at `fontPx` (canvas measureText in the browser). */
export type Measure = (text: string, fontPx: number, bold: boolean) => number;

/**
 * A rough Noto Sans measure for node (tests, no canvas): average advance ≈ 0.55 em (0.6 bold).
 * Bidi controls (the isolates around user strings, i18n/bidi.ts) take no room, as in a browser.
 */
export const approximateMeasure: Measure = (text, fontPx, bold) =>
	[...withoutBidiControls(text)].length * fontPx * (bold ? 0.6 : 0.55);

export interface LayoutOptions {
	header: boolean;
	legend: boolean;
	credits: boolean;
	/** The colours of map and frame: light unless the desk asks for dark. */
	palette?: Palette;
}

/** An export's colours: the options' palette, else light. */
export const paletteOf = (options: Pick<LayoutOptions, 'palette'>): Palette => options.palette ?? LIGHT;

export interface LegendKindEntry {
	kind: FlowKind;
	label: string;
	/** Visible flows of this kind. */
	count: number;
}

export interface LegendCertaintyEntry {
	certainty: Certainty;
	label: string;
	/** Dash pattern in line widths (CERTAINTY_DASH); null = solid. */
	dash: readonly number[] | null;
	/** Line width factor and opacity (CERTAINTY_WEIGHT), as the map draws this certainty. */
	weight: { width: number; opacity: number };
	count: number;
}

export interface LayoutContent {
	title: string;
	/** What the image shows: time window and filters. */
	subtitle: string;
	legendKinds: readonly LegendKindEntry[];
	legendCertainties: readonly LegendCertaintyEntry[];
	/** The key to the other symbols on the map: direction, places, areas (legendSymbols.ts). */
	legendSymbols: readonly { symbol: LegendSymbol; label: string }[];
	/** Shown when the legend has no entries (nothing visible). */
	legendEmpty: string;
	/** One entry per line (each may wrap): sources and attribution, the export date if asked for. */
	credits: readonly string[];
	/** What the file says about itself, not on the picture: PNG text chunks, SVG metadata. */
	metadata: ExportMetadata;
}

export interface ExportMetadata {
	title: string;
	/** The alt text: the picture in words (state/altText.ts, or the reader's edit). */
	description: string;
	/** The credit line: whose article, whose map data. */
	source: string;
	/** When the file was made, ISO 8601 in UTC. */
	created: string;
}

export interface TextLine {
	text: string;
	/** Left edge of the text. */
	x: number;
	/** Baseline. */
	y: number;
	fontPx: number;
	bold: boolean;
	color: string;
	/** The line's box: measured width, one line height tall. */
	box: Rect;
}

export interface LegendItem {
	type: 'kind' | 'certainty' | 'symbol';
	/** The kind, certainty or symbol. */
	key: string;
	/** Swatch colour (kind colour, or a neutral grey for certainty styles). */
	color: string;
	/** Dash pattern in line widths; null = solid. */
	dash: readonly number[] | null;
	/** Swatch opacity (a certainty's weight; 1 for kinds). */
	opacity: number;
	/** Swatch line from (x1, y) to (x2, y), `lineWidth` thick. */
	swatch: { x1: number; x2: number; y: number; lineWidth: number };
	label: TextLine;
	count: TextLine;
	/** Everything of the item: swatch, label and count. */
	box: Rect;
	/** A symbol's swatch (then `swatch` is only its place, and the count is empty). */
	shapes?: SwatchShape[];
}

export interface ExportLayout {
	width: number;
	height: number;
	/** The colours it is drawn in (paletteOf its options). */
	palette: Palette;
	/** Font scale actually used (may be below the requested one when text would crowd out the map). */
	scale: number;
	/** Where the map is drawn: the image minus header and footer bands. */
	map: Rect;
	header?: { rect: Rect; lines: TextLine[] };
	/** The footer band (legend and credits), when either is on. */
	footer?: Rect;
	legend?: { rect: Rect; items: LegendItem[]; lines: TextLine[] };
	credits?: { rect: Rect; lines: TextLine[] };
}

export interface LayoutInput {
	width: number;
	height: number;
	options: LayoutOptions;
	content: LayoutContent;
	measure: Measure;
	/** Font scale; defaults to {@link defaultLayoutScale}(width). */
	scale?: number;
}
