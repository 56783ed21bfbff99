import { describe, expect, it } from 'vitest';
import type { MultiPolygon, Polygon } from 'geojson';
import {
	maxLonStep,
	unwrapGeometry,
	unwrapPolygonRing,
	unwrapRing,
	type LonLat
} from '../../src/lib/geo/antimeridian';

/** A small square straddling the antimeridian, written the way Natural Earth writes it. */
const eastToWest: LonLat[] = [
	[179, 10],
	[-179, 10],
	[-179, 12],
	[179, 12],
	[179, 10]
];

describe('unwrapRing', () => {
	it('continues eastwards past +180 instead of jumping to -180', () => {
		const ring = unwrapRing(eastToWest);
		expect(ring).toEqual([
			[179, 10],
			[181, 10],
			[181, 12],
			[179, 12],
			[179, 10]
		]);
		expect(maxLonStep(ring)).toBeLessThanOrEqual(180);
	});

	it('continues westwards past -180 instead of jumping to +180', () => {
		const ring = unwrapRing([
			[-179, 10],
			[179, 10],
			[179, 12],
			[-179, 12],
			[-179, 10]
		]);
		expect(ring).toEqual([
			[-179, 10],
			[-181, 10],
			[-181, 12],
			[-179, 12],
			[-179, 10]
		]);
	});

	it('leaves a ring that does not cross unchanged, bit for bit', () => {
		const korea: LonLat[] = [
			[126.10000000000001, 37.7],
			[129.30000000000001, 35.1],
			[127.4, 34.7],
			[126.10000000000001, 37.7]
		];
		const ring = unwrapRing(korea);
		expect(ring).toEqual(korea);
		ring.forEach(([lon], i) => expect(Object.is(lon, korea[i]?.[0])).toBe(true));
	});

	it('handles several crossings in one ring', () => {
		const zigzag: LonLat[] = [
			[170, 0],
			[-170, 1],
			[170, 2],
			[-170, 3],
			[170, 0]
		];
		expect(maxLonStep(unwrapRing(zigzag))).toBe(20);
	});
});

describe('unwrapPolygonRing', () => {
	// Antarctica as Natural Earth stores it: the coast all the way round, from -180 to +180.
	const aroundSouthPole: LonLat[] = [
		[-180, -84],
		[-90, -72],
		[0, -70],
		[90, -66],
		[179.5, -84],
		[-180, -84]
	];

	it('closes a ring around the south pole through the pole, without a band', () => {
		const ring = unwrapPolygonRing(aroundSouthPole);
		expect(ring[0]).toEqual(ring[ring.length - 1]);
		expect(maxLonStep(ring)).toBeLessThanOrEqual(180);
		const alongPole = ring.filter(([, lat]) => lat === -90);
		expect(alongPole.length).toBeGreaterThanOrEqual(2);
		// The pole edge runs in short steps, so no edge anywhere spans more than 10°.
		expect(maxLonStep(alongPole)).toBeLessThanOrEqual(10);
		expect(Math.min(...ring.map(([lon]) => lon))).toBe(-180);
		expect(Math.max(...ring.map(([lon]) => lon))).toBe(180);
	});

	it('does not touch a ring that stays away from the poles', () => {
		expect(unwrapPolygonRing(eastToWest)).toEqual(unwrapRing(eastToWest));
	});
});

describe('unwrapGeometry', () => {
	it('keeps a country split at the antimeridian together, east of 180°', () => {
		// A "Russia": mainland reaching the antimeridian, plus a Chukotka part stored at -180..-170.
		const russia: MultiPolygon = {
			type: 'MultiPolygon',
			coordinates: [
				[
					[
						[30, 50],
						[180, 60],
						[180, 70],
						[30, 70],
						[30, 50]
					]
				],
				[
					[
						[-180, 60],
						[-170, 65],
						[-180, 70],
						[-180, 60]
					]
				]
			]
		};
		const unwrapped = unwrapGeometry(russia);
		const chukotka = unwrapped.coordinates[1]?.[0] ?? [];
		expect(Math.min(...chukotka.map(([lon]) => lon ?? 0))).toBe(180);
		expect(Math.max(...chukotka.map(([lon]) => lon ?? 0))).toBe(190);
		expect(unwrapped.coordinates[0]).toEqual(russia.coordinates[0]);
	});

	it('moves a ring that starts on the far side of the antimeridian into the main world', () => {
		// Natural Earth's Russian mainland starts at -180 (Chukotka), so naive unwrapping
		// would shift the whole country to -330..-170.
		const polygon: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[-180, 65],
					[179, 65],
					[30, 60],
					[179, 69],
					[-180, 69],
					[-180, 65]
				]
			]
		};
		const ring = unwrapGeometry(polygon).coordinates[0] ?? [];
		expect(ring).toEqual([
			[180, 65],
			[179, 65],
			[30, 60],
			[179, 69],
			[180, 69],
			[180, 65]
		]);
	});

	it('unwraps lines too', () => {
		const line = unwrapGeometry({
			type: 'LineString',
			coordinates: [
				[170, 50],
				[-170, 52]
			]
		});
		expect(line.coordinates).toEqual([
			[170, 50],
			[190, 52]
		]);
	});

	it('returns rings that need nothing as they are, so shared borders stay identical', () => {
		const ukraine: Polygon = {
			type: 'Polygon',
			coordinates: [
				[
					[22.1, 48.4],
					[40.2, 49.6],
					[33.5, 45.9],
					[22.1, 48.4]
				]
			]
		};
		expect(unwrapGeometry(ukraine).coordinates[0]).toBe(ukraine.coordinates[0]);
	});
});
