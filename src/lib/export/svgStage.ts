import type { Geometry, Position } from 'geojson';
import { clipPolyline, clipRing, simplify } from '$lib/geo/clip';
import { type Rect } from './layout';
import { makeProjector, type ExportCamera, type Projector, type ScreenPoint } from './projection';

/**
 * The SVG export's geometry: numbers as written, colours, zoom functions, and the stage that
 * projects GeoJSON into image pixels with MapLibre's camera maths, clipped to the artboard.
 */

/** Basemap points closer than this (output px) to the line through their neighbours are dropped. */
export const SIMPLIFY_PX = 0.3;

// ---------------------------------------------------------------------------------------------
// Numbers, colours, zoom functions

/** Coordinates at 0.1 px: invisible at any print size, and a third of the digits of full floats. */
export function fmt(n: number): string {
	const r = Math.round(n * 10) / 10;
	return Object.is(r, -0) ? '0' : String(r);
}

/** MapLibre's ['interpolate', ['linear'], ['zoom'], z0, v0, z1, v1], clamped outside the stops. */
export function interpolate(zoom: number, z0: number, v0: number, z1: number, v1: number): number {
	if (zoom <= z0) return v0;
	if (zoom >= z1) return v1;
	return v0 + ((zoom - z0) / (z1 - z0)) * (v1 - v0);
}

/** SVG 1.1 has no rgba(): split it into a colour and an opacity. */
export function svgPaint(color: string): { color: string; opacity: number | null } {
	const m = /^rgba?\(\s*([\d.]+)\s*,\s*([\d.]+)\s*,\s*([\d.]+)\s*(?:,\s*([\d.]+)\s*)?\)$/.exec(color);
	if (!m) return { color, opacity: null };
	const hex = [m[1], m[2], m[3]]
		.map((v) =>
			Math.max(0, Math.min(255, Math.round(Number(v))))
				.toString(16)
				.padStart(2, '0')
		)
		.join('');
	const alpha = m[4] === undefined ? null : Number(m[4]);
	return { color: `#${hex}`, opacity: alpha === null || alpha >= 1 ? null : alpha };
}

// ---------------------------------------------------------------------------------------------
// Geometry

export interface Box {
	minX: number;
	minY: number;
	maxX: number;
	maxY: number;
}

export function bboxOf(points: readonly ScreenPoint[]): Box {
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const [x, y] of points) {
		if (x < minX) minX = x;
		if (x > maxX) maxX = x;
		if (y < minY) minY = y;
		if (y > maxY) maxY = y;
	}
	return { minX, minY, maxX, maxY };
}

export function intersects(a: Box, b: Box): boolean {
	return a.minX <= b.maxX && a.maxX >= b.minX && a.minY <= b.maxY && a.maxY >= b.minY;
}

export function lonRange(rings: readonly (readonly Position[])[]): [number, number] {
	let min = Infinity;
	let max = -Infinity;
	for (const ring of rings)
		for (const p of ring) {
			const lon = p[0] ?? 0;
			if (lon < min) min = lon;
			if (lon > max) max = lon;
		}
	return [min, max];
}

/** Path data for projected rings or lines; consecutive points equal at 0.1 px are written once. */
export function pathData(parts: readonly (readonly ScreenPoint[])[], close: boolean): string {
	let d = '';
	for (const part of parts) {
		let previous = '';
		let count = 0;
		for (const [x, y] of part) {
			const xy = `${fmt(x)} ${fmt(y)}`;
			if (xy === previous) continue;
			d += count === 0 ? `M${xy}` : count === 1 ? `L${xy}` : ` ${xy}`;
			previous = xy;
			count += 1;
		}
		if (close && count > 0) d += 'Z';
	}
	return d;
}

export function polygonsOf(geometry: Geometry | null | undefined): Position[][][] {
	if (!geometry) return [];
	if (geometry.type === 'Polygon') return [geometry.coordinates];
	if (geometry.type === 'MultiPolygon') return geometry.coordinates;
	return [];
}

export function linesOf(geometry: Geometry | null | undefined): Position[][] {
	if (!geometry) return [];
	switch (geometry.type) {
		case 'LineString':
			return [geometry.coordinates];
		case 'MultiLineString':
			return geometry.coordinates;
		case 'Polygon':
			return geometry.coordinates;
		case 'MultiPolygon':
			return geometry.coordinates.flat();
		default:
			return [];
	}
}

/** Projects into image pixels: the map rect's offset added to the viewport projection. */
export interface Stage {
	project: Projector;
	rect: Rect;
	/** Where anything drawn can still be seen: the map rect plus a margin for strokes. */
	cull: Box;
	toImage(lonlat: Position, shift: number): ScreenPoint;
}

export function makeStage(rect: Rect, camera: ExportCamera, pixelRatio: number): Stage {
	const project = makeProjector({
		center: camera.center,
		// pixelRatio as MapLibre applies it: the same area, drawn at more pixels.
		zoom: camera.zoom + Math.log2(pixelRatio),
		bearing: camera.bearing,
		width: rect.width,
		height: rect.height
	});
	const margin = 16 * pixelRatio;
	return {
		project,
		rect,
		cull: {
			minX: rect.x - margin,
			minY: rect.y - margin,
			maxX: rect.x + rect.width + margin,
			maxY: rect.y + rect.height + margin
		},
		toImage(lonlat, shift) {
			const [x, y] = project([(lonlat[0] ?? 0) + shift, lonlat[1] ?? 0]);
			return [x + rect.x, y + rect.y];
		}
	};
}

/** Polygon parts (with their holes) on screen, in every world copy where they are visible. */
export function projectPolygons(stage: Stage, polygons: readonly Position[][][]): ScreenPoint[][] {
	const rings: ScreenPoint[][] = [];
	for (const polygon of polygons) {
		const outer = polygon[0];
		if (!outer || outer.length === 0) continue;
		const [minLon, maxLon] = lonRange([outer]);
		for (const shift of stage.project.copyShifts(minLon, maxLon)) {
			const projected = outer.map((p) => stage.toImage(p, shift));
			if (!intersects(bboxOf(projected), stage.cull)) continue;
			// Only what the artboard shows (plus the stroke margin): files stay small and tidy.
			for (const ring of [
				projected,
				...polygon.slice(1).map((hole) => hole.map((p) => stage.toImage(p, shift)))
			]) {
				const clipped = simplify(clipRing(ring, stage.cull), SIMPLIFY_PX);
				if (clipped.length >= 3) rings.push(clipped);
			}
		}
	}
	return rings;
}

/**
 * Lines on screen, in every world copy where they are visible; `clip` cuts them to the artboard
 * (flows are kept whole, so their offsets and arrow spacing start where the map's do).
 */
export function projectLines(stage: Stage, lines: readonly Position[][], clip = true): ScreenPoint[][] {
	const out: ScreenPoint[][] = [];
	for (const line of lines) {
		if (line.length < 2) continue;
		const [minLon, maxLon] = lonRange([line]);
		for (const shift of stage.project.copyShifts(minLon, maxLon)) {
			const projected = line.map((p) => stage.toImage(p, shift));
			if (!intersects(bboxOf(projected), stage.cull)) continue;
			if (clip) out.push(...clipPolyline(projected, stage.cull).map((piece) => simplify(piece, SIMPLIFY_PX)));
			else out.push(projected);
		}
	}
	return out;
}

/** A point on screen in whichever world copies put it inside the map rect. */
/**
 * The world copy of a point nearest a box, inside the map rect or not: the point a name there
 * belongs to (a city just off the picture may still have its name in it).
 */
export function nearestCopy(stage: Stage, coord: Position, box: Box): ScreenPoint {
	const lon = coord[0] ?? 0;
	const [cx, cy] = [(box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2];
	let best = stage.toImage(coord, 0);
	for (const shift of [...stage.project.copyShifts(lon, lon), -360, 360]) {
		const p = stage.toImage(coord, shift);
		if (Math.hypot(p[0] - cx, p[1] - cy) < Math.hypot(best[0] - cx, best[1] - cy)) best = p;
	}
	return best;
}

export function projectPoint(stage: Stage, coord: Position): ScreenPoint[] {
	const lon = coord[0] ?? 0;
	const inside: ScreenPoint[] = [];
	for (const shift of stage.project.copyShifts(lon, lon)) {
		const p = stage.toImage(coord, shift);
		const r = stage.rect;
		if (p[0] >= r.x && p[0] <= r.x + r.width && p[1] >= r.y && p[1] <= r.y + r.height) inside.push(p);
	}
	return inside;
}
