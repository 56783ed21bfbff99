import { bboxClip, polygon as turfPolygon } from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { unwrapGeometry } from '../../src/lib/geo/antimeridian';
import type { BBox } from '../config';
import type { AtlasTopology } from './world-atlas';

/**
 * High-resolution land (Natural Earth 10m) cut to a small box, for the build-time polygon
 * operations of the hand-drawn areas. Clipping first keeps those operations fast, and rings
 * that clipping degenerates (fewer than 4 points) are dropped because turf's boolean
 * operations throw on them.
 */

export type LandPolygons = Position[][][];

/**
 * All land polygons, unwrapped: a ring jumping from +180 to -180 would otherwise run a straight
 * edge across every clip box at its latitude.
 */
export function decodeLand(atlas: AtlasTopology): LandPolygons {
	const land = feature(atlas, atlas.objects.land);
	const polygons: LandPolygons = [];
	for (const part of land.features) {
		const geometry = part.geometry as Polygon | MultiPolygon | null;
		if (!geometry) continue;
		const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
		for (const coordinates of parts) polygons.push(unwrapGeometry({ type: 'Polygon', coordinates }).coordinates);
	}
	return polygons;
}

/** Land inside the box as one MultiPolygon feature, or null where the box is all sea. */
export function clipLand(land: LandPolygons, box: BBox): Feature<MultiPolygon> | null {
	return clipPolygons(land, box);
}

/** Polygons cut to a box, as one MultiPolygon feature that turf's boolean operations accept. */
export function clipPolygons(polygons: readonly Position[][][], box: BBox): Feature<MultiPolygon> | null {
	const clipped: Position[][][] = [];
	for (const rings of polygons) {
		const outer = rings[0];
		if (!outer || !overlaps(ringBox(outer), box)) continue;
		const cut = bboxClip(turfPolygon(rings), box).geometry;
		const parts = cut.type === 'Polygon' ? [cut.coordinates] : cut.coordinates;
		for (const part of parts) {
			const valid = part.filter((ring) => ring.length >= 4);
			// A polygon whose outer ring vanished has nothing left inside the box.
			if (valid.length > 0 && valid[0] === part[0]) clipped.push(valid);
		}
	}
	return clipped.length > 0
		? { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: clipped } }
		: null;
}

function ringBox(ring: Position[]): BBox {
	let west = Infinity;
	let south = Infinity;
	let east = -Infinity;
	let north = -Infinity;
	for (const [lon = 0, lat = 0] of ring) {
		west = Math.min(west, lon);
		south = Math.min(south, lat);
		east = Math.max(east, lon);
		north = Math.max(north, lat);
	}
	return [west, south, east, north];
}

function overlaps(a: BBox, b: BBox): boolean {
	return a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1];
}
