import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { DE_JURE_TRANSFERS, type DeJureTransfer } from '../../geo/config';
import { applyDeJureTransfers } from '../../geo/lib/de-jure';
import type { CountryFeature } from '../../geo/lib/source-countries';

/** A closed, counter-clockwise lon/lat box as one polygon part. */
function box(west: number, south: number, east: number, north: number): Position[][] {
	return [
		[
			[west, south],
			[east, south],
			[east, north],
			[west, north],
			[west, south]
		]
	];
}

function country(id: string, parts: Position[][][]): CountryFeature {
	return {
		type: 'Feature',
		id,
		properties: { id, name_de: id, name_en: id },
		geometry: { type: 'MultiPolygon', coordinates: parts }
	};
}

const [CRIMEA] = DE_JURE_TRANSFERS as [DeJureTransfer];
const RUSSIA_MAINLAND = box(36.7, 44.6, 60, 70); // starts at the Taman peninsula, east of the Kerch Strait
const CRIMEA_PART = box(33.5, 44.6, 35.5, 46.1); // ~26,000 km², like Natural Earth's 27,036
const TAMAN_ISLAND = box(36.62, 45.0, 36.69, 45.1); // a Russian islet east of 36.6 inside `within`
const UKRAINE_MAINLAND = box(22, 46.1, 40, 52);

describe('applyDeJureTransfers', () => {
	it('moves the Crimea part from Russia to Ukraine, vertex for vertex, and nothing else', () => {
		const russia = country('643', [RUSSIA_MAINLAND, CRIMEA_PART, TAMAN_ISLAND]);
		const ukraine = country('804', [UKRAINE_MAINLAND]);
		const other = country('112', [box(24, 52, 32, 56)]);
		const { countries, transfers } = applyDeJureTransfers([russia, ukraine, other], [CRIMEA]);
		expect(countries.map((item) => item.id)).toEqual(['643', '804', '112']);
		expect(countries[0]?.geometry.coordinates).toEqual([RUSSIA_MAINLAND, TAMAN_ISLAND]);
		expect(countries[1]?.geometry.coordinates).toEqual([UKRAINE_MAINLAND, CRIMEA_PART]);
		expect(countries[1]?.geometry.coordinates[1]).toBe(CRIMEA_PART);
		expect(countries[2]).toBe(other);
		expect(transfers).toEqual([
			expect.objectContaining({ from: '643', to: '804', parts: 1, km2: expect.any(Number) })
		]);
		// The inputs are not modified.
		expect(russia.geometry.coordinates).toHaveLength(3);
		expect(ukraine.geometry.coordinates).toHaveLength(1);
	});

	it('keeps parts north of Perekop or east of the Kerch Strait where they are', () => {
		const north = box(33, 46.21, 33.2, 46.28); // inside `within`, but its point is north of 46.2°N
		const russia = country('643', [RUSSIA_MAINLAND, CRIMEA_PART, north]);
		const { countries } = applyDeJureTransfers([russia, country('804', [UKRAINE_MAINLAND])], [CRIMEA]);
		expect(countries[0]?.geometry.coordinates).toEqual([RUSSIA_MAINLAND, north]);
	});

	it('fails loudly when the data no longer matches the rule', () => {
		const ukraine = country('804', [UKRAINE_MAINLAND]);
		expect(() => applyDeJureTransfers([country('643', [RUSSIA_MAINLAND]), ukraine], [CRIMEA])).toThrow(
			/0 part\(s\) of 643 with 0 km²/
		);
		const tooSmall = box(34, 45, 34.5, 45.5);
		expect(() =>
			applyDeJureTransfers([country('643', [RUSSIA_MAINLAND, tooSmall]), ukraine], [CRIMEA])
		).toThrow(/1 part\(s\) of 643 with \d+ km² match, expected 25000–29000 km²/);
		expect(() => applyDeJureTransfers([ukraine], [CRIMEA])).toThrow(/no country 643/);
	});
});
