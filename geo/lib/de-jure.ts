import { area, pointOnFeature } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import type { BBox, DeJureTransfer } from '../config';
import type { CountryFeature } from './source-countries';

/**
 * Moves territory that Natural Earth draws de facto to the country it belongs to de jure (Crimea
 * from Russia to Ukraine; the rules are in geo/config.ts). Whole polygon parts move, unchanged
 * vertex for vertex, so their edges stay bit-identical to the neighbours' and TopoJSON still sees
 * them as shared: the part and the receiving country's mainland then share the old border as an
 * arc inside one country, which the world build dissolves (`dissolveWithinCountries`), leaving
 * neither a seam in the fill nor a line in the `borders` mesh.
 */

export interface TransferReport {
	name: string;
	from: string;
	to: string;
	parts: number;
	km2: number;
}

export function applyDeJureTransfers(
	countries: CountryFeature[],
	transfers: readonly DeJureTransfer[]
): { countries: CountryFeature[]; transfers: TransferReport[] } {
	const byId = new Map(countries.map((country) => [country.id, country]));
	const reports: TransferReport[] = [];
	for (const transfer of transfers) {
		const from = byId.get(transfer.from);
		const to = byId.get(transfer.to);
		if (!from || !to) throw new Error(`${transfer.name}: no country ${from ? transfer.to : transfer.from}`);
		const moving: Position[][][] = [];
		const staying: Position[][][] = [];
		for (const polygon of from.geometry.coordinates) {
			(isInside(polygon, transfer) ? moving : staying).push(polygon);
		}
		const km2 = Math.round(moving.reduce((sum, polygon) => sum + polygonKm2(polygon), 0));
		const [min, max] = transfer.expectedKm2;
		if (km2 < min || km2 > max) {
			throw new Error(
				`${transfer.name}: ${moving.length} part(s) of ${transfer.from} with ${km2} km² match, expected ${min}–${max} km²`
			);
		}
		if (staying.length === 0) throw new Error(`${transfer.name}: would leave ${transfer.from} empty`);
		byId.set(from.id, { ...from, geometry: { type: 'MultiPolygon', coordinates: staying } });
		byId.set(to.id, {
			...to,
			geometry: { type: 'MultiPolygon', coordinates: [...to.geometry.coordinates, ...moving] }
		});
		reports.push({ name: transfer.name, from: transfer.from, to: transfer.to, parts: moving.length, km2 });
	}
	return { countries: countries.map((country) => byId.get(country.id) ?? country), transfers: reports };
}

function isInside(polygon: Position[][], transfer: DeJureTransfer): boolean {
	const outer = polygon[0] ?? [];
	if (outer.length === 0 || !outer.every((point) => inBox(point, transfer.within))) return false;
	const geometry: Polygon = { type: 'Polygon', coordinates: polygon };
	return inBox(pointOnFeature(geometry).geometry.coordinates, transfer.core);
}

function inBox([lon = NaN, lat = NaN]: Position, [west, south, east, north]: BBox): boolean {
	return lon >= west && lon <= east && lat >= south && lat <= north;
}

function polygonKm2(polygon: Position[][]): number {
	return area({ type: 'Polygon', coordinates: polygon }) / 1e6;
}
