import { bboxClip, polygon as turfPolygon } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { unwrapGeometry } from '../../src/lib/geo/antimeridian';
import type { BBox } from '../config';
import type { AtlasTopology } from './world-atlas';

/**
 * High-resolution land (Natural Earth 10m), or any polygons, cut to a small box for the
 * build-time polygon operations of the hand-drawn areas. Clipping first keeps those operations
 * fast; rings that clipping degenerates (fewer than 4 points) are dropped because turf's
 * boolean operations throw on them.
 */

/** Polygons with their bounding boxes, computed once so each clip skips most polygons cheaply. */
export interface IndexedPolygons {
	polygons: Position[][][];
	boxes: BBox[];
}

/**
 * All land polygons, unwrapped: a ring jumping from +180 to -180 would otherwise run a straight
 * edge across every clip box at its latitude.
 */
export function decodeLand(atlas: AtlasTopology): IndexedPolygons {
	const land = feature(atlas, atlas.objects.land);
	const polygons: Position[][][] = [];
	for (const part of land.features) {
		const geometry = part.geometry as Polygon | MultiPolygon | null;
		if (!geometry) continue;
		const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		for (const coordinates of parts)
			polygons.push(unwrapGeometry({ type: 'Polygon', coordinates }).coordinates);
	}
	return indexPolygons(polygons);
}

export function indexPolygons(polygons: Position[][][]): IndexedPolygons {
	return { polygons, boxes: polygons.map((rings) => ringBox(rings[0] ?? [])) };
}

/** Polygons cut to the box as one MultiPolygon feature (turf-ready), or null if none reach in. */
export function clipToBox(indexed: IndexedPolygons, box: BBox): Feature<MultiPolygon> | null {
	const clipped: Position[][][] = [];
	indexed.polygons.forEach((rings, index) => {
		const polygonBox = indexed.boxes[index];
		if (!rings[0] || !polygonBox || !overlaps(polygonBox, box)) return;
		const cut = bboxClip(turfPolygon(rings), box).geometry as Polygon | MultiPolygon;
		const parts = cut.type === 'Polygon' ? [cut.coordinates] : cut.coordinates;
		for (const part of parts) {
			const valid = part.filter((ring) => ring.length >= 4);
			// A polygon whose outer ring vanished has nothing left inside the box.
			if (valid.length > 0 && valid[0] === part[0]) clipped.push(valid);
		}
	});
	return clipped.length > 0
		? { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: clipped } }
		: null;
}

function ringBox(ring: Position[]): BBox {
	let west = Infinity;
	let south = Infinity;
	let east = -Infinity;
	let north = -Infinity;
	for (const point of ring) {
		const lon = point[0] ?? 0;
		const lat = point[1] ?? 0;
		if (lon < west) west = lon;
		if (lon > east) east = lon;
		if (lat < south) south = lat;
		if (lat > north) north = lat;
	}
	return [west, south, east, north];
}

function overlaps(a: BBox, b: BBox): boolean {
	return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
