import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { presentationOf, type Story } from '$lib/story';
import type { ViewSnapshot } from '$lib/state/view.svelte';
import type { LaneStyle } from '$lib/map/layers';
import type { WorldData } from '$lib/map/worldData';
import { areaLabelFeatures, placeFeatures } from '$lib/map/storyFeatures';
import { snapshotContent, type ContentOptions } from './content';
import { layoutExport, type LayoutContent, type LayoutOptions } from './layout';
import { exportCamera, type ExportFraming } from './framing';
import type { ExportCamera } from './projection';
import { canvasMeasure, loadExportFonts, maxWebglSide, type BrowserLimits } from './renderPng';
import { isAbortError } from './offscreenMap';
import type { MapLabels } from './mapLabels';
import { paperDrawing } from './paper';
import { MIME_TYPES, textBlob } from './download';

/**
 * The vector exports: the SVG (with its font embedded or its text as outlines) and the PDF drawn
 * from that very SVG. Everything is read from a snapshot taken at the click, so nothing that
 * changes later reaches the file; the heavy parts load only when a file is made.
 */

/** What an export reads at the click. */
export interface ExportSnapshot {
	request: { width: number; height: number; pixelRatio: number; options: LayoutOptions };
	view: ViewSnapshot;
	story: Story;
	flows: FeatureCollection<LineString | Point>;
	lineOf: ReadonlyMap<string, LineString['coordinates']>;
	lanes: LaneStyle;
	hiddenAreas: readonly string[];
	sources: {
		world: Promise<WorldData> | null;
		areas: Promise<FeatureCollection<Polygon | MultiPolygon>> | null;
	};
	at: Date;
	contentOptions: ContentOptions;
	paper: { widthMm: number; heightMm: number };
	style: StyleSpecification | null;
	signal: AbortSignal;
	/** Where area names go (AppState.labelFrame), as on the map. */
	labelFrame: readonly [readonly [number, number], readonly [number, number]] | undefined;
	limits: BrowserLimits | null;
	/** The reader's message for "the map data is not loaded yet". */
	needsMap: string;
}

export async function buildSvg(
	now: ExportSnapshot,
	framing: ExportFraming
): Promise<{ svg: string; content: LayoutContent }> {
	const { request, view, story } = now;
	const { world, areas } = now.sources;
	if (!world || !areas) throw new Error(now.needsMap);
	const [{ renderSvg }, worldData, areaShapes] = await Promise.all([import('./svg'), world, areas]);
	const content = snapshotContent(story, view, now.at, now.contentOptions);
	await loadExportFonts(
		[content.title, content.subtitle, ...content.credits]
			.concat(story.places.flatMap((p) => [p.name.de, p.name.en]))
			.join(' ')
	);
	const measure = canvasMeasure({ kerning: false });
	// The same layout renderSvg makes, to know the map rect and so the framed camera.
	const layout = layoutExport({ ...request, content, measure });
	const camera = exportCamera(framing, layout.map, request.pixelRatio);
	const svg = renderSvg({
		width: request.width,
		height: request.height,
		pixelRatio: request.pixelRatio,
		camera,
		mapLabels: await placedNames(now, camera, layout.map),
		view,
		look: presentationOf(story),
		world: worldData,
		flows: now.flows,
		lanes: now.lanes,
		hiddenAreas: now.hiddenAreas,
		places: placeFeatures(story),
		areas: areaShapes,
		areaLabels: areaLabelFeatures(areaShapes, now.labelFrame),
		options: request.options,
		content,
		measure
	});
	return { svg, content };
}

/**
 * Where MapLibre puts the names at this camera and size, so the SVG names what the map names.
 * Without WebGL (or if that map fails) the SVG places them by the style's rules instead.
 */
async function placedNames(
	now: ExportSnapshot,
	camera: ExportCamera,
	mapRect: { width: number; height: number }
): Promise<MapLabels | undefined> {
	if (!now.style || !now.limits) return undefined;
	try {
		const { mapLabelsAt } = await import('./mapLabels');
		return await mapLabelsAt({
			style: now.style,
			camera,
			mapRect,
			pixelRatio: now.request.pixelRatio,
			maxCanvasSide: maxWebglSide(now.limits),
			signal: now.signal
		});
	} catch (error) {
		if (isAbortError(error)) throw error;
		console.warn('export: names placed without the map', error);
		return undefined;
	}
}

/** A vector file, and the characters its font lacks (left out of it: the dialog names them). */
export interface VectorFile {
	blob: Blob;
	missing: string[];
}

/** The SVG file: the same look on any machine, the font travelling with it or the text as shapes. */
export async function buildSvgFile(
	now: ExportSnapshot,
	framing: ExportFraming,
	text: 'embedded' | 'outlines'
): Promise<VectorFile> {
	const [{ svg }, fonts, { embedSvgFonts, missingCharacters, outlineSvgText }] = await Promise.all([
		buildSvg(now, framing),
		import('./pdfFonts').then((m) => m.loadPdfFonts()),
		import('./svgFonts')
	]);
	const file = text === 'outlines' ? outlineSvgText(svg, fonts) : await embedSvgFonts(svg, fonts);
	return { blob: textBlob(file, MIME_TYPES.svg), missing: missingCharacters(svg, fonts) };
}

/** The PDF is the SVG drawn onto the page (pdf.ts): one scene, two files. */
export async function buildPdf(now: ExportSnapshot, framing: ExportFraming): Promise<VectorFile> {
	const [{ svgToPdf }, { loadPdfFonts }, { missingCharacters }, { svg, content }] = await Promise.all([
		import('./pdf'),
		import('./pdfFonts'),
		import('./svgFonts'),
		buildSvg(now, framing)
	]);
	const { widthPt, heightPt } = paperDrawing(now.paper.widthMm, now.paper.heightMm);
	const fonts = await loadPdfFonts();
	const bytes = await svgToPdf({
		svg,
		widthPt,
		heightPt,
		fonts,
		metadata: { ...content.metadata, lang: now.view.lang }
	});
	return {
		blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: MIME_TYPES.pdf }),
		missing: missingCharacters(svg, fonts)
	};
}
