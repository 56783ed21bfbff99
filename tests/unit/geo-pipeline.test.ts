import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
	area,
	bbox,
	booleanPointInPolygon,
	booleanValid,
	centroid,
	difference,
	featureCollection,
	intersect
} from '@turf/turf';
import { feature } from 'topojson-client';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Point, Polygon, Position } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import {
	AREAS_FILE,
	AREAS_PROVENANCE_FILE,
	buildGeo,
	DEFAULT_OUT_DIR,
	gzipSize,
	WORLD_FILE,
	type AreaProperties,
	type AreaProvenance
} from '../../geo/build';
import { FIRST_VIEW_GZIP_BUDGET_BYTES, type BBox } from '../../geo/config';
import { geoOutputsAreFresh } from '../../geo/freshness';
import { clipToBox, decodeLand, indexPolygons, type IndexedPolygons } from '../../geo/lib/land';
import { sourceCountries } from '../../geo/lib/source-countries';
import { readAtlas } from '../../geo/lib/world-atlas';

/**
 * Checks the files the map actually loads (static/data), rebuilding them first if they are
 * missing or older than the pipeline, so a stale build can never pass.
 */

type WorldTopology = Topology<{
	countries: GeometryCollection;
	land: GeometryCollection;
	borders: GeometryCollection;
	countryLabels: GeometryCollection;
}>;
type Area = Feature<Polygon | MultiPolygon, AreaProperties>;

let worldJson: string;
let areasJson: string;
let world: WorldTopology;
let countries: Feature<Polygon | MultiPolygon>[];
let areas: Area[];
let provenance: AreaProvenance[];
let land10m: IndexedPolygons;

beforeAll(() => {
	if (!geoOutputsAreFresh(DEFAULT_OUT_DIR)) buildGeo(DEFAULT_OUT_DIR);
	worldJson = readFileSync(join(DEFAULT_OUT_DIR, WORLD_FILE), 'utf8');
	world = JSON.parse(worldJson) as WorldTopology;
	countries = feature(world, world.objects.countries).features as Feature<Polygon | MultiPolygon>[];
	areasJson = readFileSync(join(DEFAULT_OUT_DIR, AREAS_FILE), 'utf8');
	areas = (JSON.parse(areasJson) as FeatureCollection<Polygon | MultiPolygon, AreaProperties>).features;
	provenance = JSON.parse(
		readFileSync(join(DEFAULT_OUT_DIR, AREAS_PROVENANCE_FILE), 'utf8')
	) as AreaProvenance[];
	land10m = decodeLand(readAtlas('land-10m'));
}, 60_000);

const country = (id: string) => countries.find((candidate) => candidate.id === id);

function linesOf(geometry: Geometry | null): Position[][] {
	if (!geometry) return [];
	switch (geometry.type) {
		case 'Polygon':
		case 'MultiLineString':
			return geometry.coordinates;
		case 'MultiPolygon':
			return geometry.coordinates.flat();
		case 'LineString':
			return [geometry.coordinates];
		default:
			return [];
	}
}

function vertexCount(geometry: Geometry | null, box?: BBox): number {
	return linesOf(geometry)
		.flat()
		.filter(
			([lon = 0, lat = 0]) => !box || (lon >= box[0] && lon <= box[2] && lat >= box[1] && lat <= box[3])
		).length;
}

/** Every decoded ring and line of the shipped world, labelled for failure messages. */
function allWorldLines(): { owner: string; line: Position[] }[] {
	const collections = {
		countries: feature(world, world.objects.countries),
		land: feature(world, world.objects.land),
		borders: feature(world, world.objects.borders)
	};
	return Object.entries(collections).flatMap(([name, collection]) =>
		collection.features.flatMap((item) =>
			linesOf(item.geometry).map((line) => ({ owner: `${name} ${item.id ?? ''}`, line }))
		)
	);
}

function longestLonStep(lines: { owner: string; line: Position[] }[]): {
	step: number;
	owner: string;
	at?: Position;
} {
	let worst: { step: number; owner: string; at?: Position } = { step: 0, owner: '' };
	for (const { owner, line } of lines) {
		for (let i = 1; i < line.length; i++) {
			const step = Math.abs((line[i]?.[0] ?? 0) - (line[i - 1]?.[0] ?? 0));
			if (step > worst.step) worst = { step, owner, at: line[i - 1] };
		}
	}
	return worst;
}

describe('world.topo.json countries', () => {
	it('has unique ids on every country', () => {
		const ids = countries.map((item) => item.id);
		expect(ids.every((id) => typeof id === 'string' && id.length > 0)).toBe(true);
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThan(240);
	});

	const labels = () =>
		feature(world, world.objects.countryLabels).features as Feature<
			Point,
			{ id: string; name_de: string; name_en: string; area: number }
		>[];
	const label = (id: string) => labels().find((candidate) => candidate.id === id);

	it.each([
		['408', 'Nordkorea', 'North Korea'],
		['410', 'Südkorea', 'South Korea'],
		['392', 'Japan', 'Japan'],
		['643', 'Russland', 'Russia'],
		['156', 'China', 'China'],
		['804', 'Ukraine', 'Ukraine']
	])('names %s in German and English on its label point', (id, nameDe, nameEn) => {
		expect(label(id)?.properties).toEqual({ id, name_de: nameDe, name_en: nameEn, area: expect.any(Number) });
	});

	it('gives every country shape only its id (the names are on the label points, which no fill reads)', () => {
		for (const item of countries) expect(item.properties).toEqual({ id: item.id });
	});

	it('gives every label a German and an English name', () => {
		for (const item of labels()) {
			expect(item.properties.name_de, `${item.id}`).toMatch(/\S/);
			expect(item.properties.name_en, `${item.id}`).toMatch(/\S/);
		}
	});

	it('names units without an ISO code with stable fallback ids', () => {
		expect(label('x-kosovo')?.properties).toMatchObject({ name_de: 'Kosovo', name_en: 'Kosovo' });
		expect(label('x-northern-cyprus')?.properties).toMatchObject({ name_en: 'Northern Cyprus' });
		expect(country('x-somaliland')).toBeDefined();
	});

	it('has one label point per country, with names and area', () => {
		const labels = feature(world, world.objects.countryLabels).features;
		expect(labels.map((label) => label.id).sort()).toEqual(countries.map((item) => item.id).sort());
		const russia = labels.find((label) => label.id === '643');
		expect(russia?.properties).toMatchObject({ name_de: 'Russland', name_en: 'Russia' });
		expect(russia?.geometry.type).toBe('Point');
		if (russia?.geometry.type !== 'Point') return;
		expect(booleanPointInPolygon(russia.geometry.coordinates, country('643') as Feature<MultiPolygon>)).toBe(
			true
		);
		// Moving Crimea leaves Russia's label in Siberia, where its largest part puts it.
		const [lon = 0, lat = 0] = russia.geometry.coordinates;
		expect(lon).toBeGreaterThan(90);
		expect(lon).toBeLessThan(120);
		expect(lat).toBeGreaterThan(55);
		expect(lat).toBeLessThan(70);
	});

	it("puts Ukraine's label in mainland Ukraine, not in Crimea", () => {
		const labels = feature(world, world.objects.countryLabels).features;
		const ukraine = labels.find((label) => label.id === '804');
		expect(ukraine?.geometry.type).toBe('Point');
		if (ukraine?.geometry.type !== 'Point') return;
		const [lon = 0, lat = 0] = ukraine.geometry.coordinates;
		expect(booleanPointInPolygon([lon, lat], country('804') as Feature<MultiPolygon>)).toBe(true);
		expect(lon).toBeGreaterThan(28);
		expect(lon).toBeLessThan(36);
		expect(lat).toBeGreaterThan(47.5);
		expect(lat).toBeLessThan(51);
	});
});

/** Distance in km from p to the segment a-b, in a local equirectangular plane (fine at ~10 km). */
function distanceToSegmentKm(p: Position, a: Position, b: Position): number {
	const kmPerLat = 111.32;
	const kmPerLon = kmPerLat * Math.cos(((p[1] ?? 0) * Math.PI) / 180);
	const [ax, ay] = [((a[0] ?? 0) - (p[0] ?? 0)) * kmPerLon, ((a[1] ?? 0) - (p[1] ?? 0)) * kmPerLat];
	const [bx, by] = [((b[0] ?? 0) - (p[0] ?? 0)) * kmPerLon, ((b[1] ?? 0) - (p[1] ?? 0)) * kmPerLat];
	const [dx, dy] = [bx - ax, by - ay];
	const length2 = dx * dx + dy * dy;
	const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / length2));
	return Math.hypot(ax + t * dx, ay + t * dy);
}

let borderLines: Position[][] | undefined;

function nearestBorderKm(p: Position): number {
	borderLines ??= linesOf(feature(world, world.objects.borders).features[0]?.geometry ?? null);
	let nearest = Infinity;
	for (const line of borderLines) {
		for (let i = 1; i < line.length; i++) {
			nearest = Math.min(nearest, distanceToSegmentKm(p, line[i - 1] ?? p, line[i] ?? p));
		}
	}
	return nearest;
}

/** Countries of the shipped map whose decoded geometry contains the point. */
const ownersOf = (point: Position) =>
	countries.filter((item) => booleanPointInPolygon(point, item)).map((item) => item.id);

describe('world.topo.json borders are de jure: Crimea is part of Ukraine', () => {
	it.each([
		['central Crimea', [34.1, 45.3]],
		['Simferopol', [34.1, 44.95]],
		['Sevastopol', [33.52, 44.6]],
		['Kerch', [36.47, 45.36]],
		['Armiansk, just south of the Perekop isthmus', [33.69, 46.1]],
		['Dzhankoi', [34.39, 45.71]]
	])('fills %s as Ukraine (804), not Russia (643)', (_name, point) => {
		expect(ownersOf(point)).toEqual(['804']);
	});

	it.each([
		// Taman village itself (36.72, 45.21) is on the shore, and Natural Earth 10m's coast leaves
		// it in the Taman Bay: it must at least not be Ukraine. Inland of it is Russia.
		['the Taman peninsula', [36.8, 45.2]],
		['Krasnodar', [38.98, 45.04]],
		['Russian land east of the Kerch Strait', [36.9, 45.2]]
	])('keeps %s in Russia (643)', (_name, point) => {
		expect(ownersOf(point)).toEqual(['643']);
	});

	it('leaves Taman village (36.72, 45.21) out of Ukraine', () => {
		expect(ownersOf([36.72, 45.21])).not.toContain('804');
	});

	it('makes Crimea and Kyiv one polygon of Ukraine, with no seam between them', () => {
		const ukraine = country('804') as Feature<MultiPolygon>;
		const partOf = (point: Position) =>
			ukraine.geometry.coordinates.findIndex((rings) =>
				booleanPointInPolygon(point, { type: 'Polygon', coordinates: rings })
			);
		expect(partOf([30.52, 50.45])).toBeGreaterThanOrEqual(0);
		expect(partOf([34.1, 45.3])).toBe(partOf([30.52, 50.45]));
	});

	it('draws no border where Natural Earth had the Russia–Ukraine line across Perekop and the Sivash', () => {
		// The old line, taken from the source: the vertices Natural Earth's Crimea part of Russia
		// shares with Ukraine. It runs from the Perekop isthmus (33.63–33.67°E, 46.13–46.22°N)
		// east through the Sivash to Chonhar (35.0°E, 45.73°N); (33.7, 46.0) would be ~15 km south
		// of it and prove nothing.
		const source = sourceCountries(readAtlas('countries-10m')).countries;
		const ukraineVertices = new Set(
			linesOf(source.find((item) => item.id === '804')?.geometry ?? null)
				.flat()
				.map((point) => point.join(','))
		);
		const oldLine = linesOf(source.find((item) => item.id === '643')?.geometry ?? null)
			.flat()
			.filter(([lon = 0, lat = 0]) => lon > 32.4 && lon < 36.7 && lat > 44.3 && lat < 46.3)
			.filter((point) => ukraineVertices.has(point.join(',')));
		expect(oldLine.length).toBeGreaterThanOrEqual(20);
		for (const point of [...oldLine, [33.67, 46.17], [33.75, 46.19]]) {
			expect(nearestBorderKm(point), `border near ${point.join(', ')}`).toBeGreaterThan(5);
		}
	});

	it("lays the recognised-region overlay for Crimea on Ukraine's fill", () => {
		const crimea = areas.find((item) => item.id === 'crimea') as Area;
		const ukraine = clipToBox(
			indexPolygons((country('804') as Feature<MultiPolygon>).geometry.coordinates),
			bbox(crimea) as BBox
		);
		const onUkraine = ukraine
			? intersect(featureCollection<Polygon | MultiPolygon>([crimea, ukraine]))
			: null;
		expect((onUkraine ? area(onUkraine) : 0) / area(crimea)).toBeGreaterThan(0.97);
	});

	it('draws no border anywhere over Crimea or the Kerch Strait (the strait is coastline)', () => {
		const inBox = ([lon = 0, lat = 0]: Position) => lon > 32 && lon < 37.5 && lat > 44 && lat < 46.4;
		const borders = linesOf(feature(world, world.objects.borders).features[0]?.geometry ?? null);
		expect(borders.flat().filter(inBox)).toEqual([]);
		for (const point of [
			[36.55, 45.3],
			[36.6, 45.15],
			[36.62, 45.4],
			[35.1, 46.0]
		]) {
			expect(nearestBorderKm(point), `border near ${point.join(', ')}`).toBeGreaterThan(50);
		}
	});
});

describe('world.topo.json at the antimeridian', () => {
	it('never steps more than 180° in longitude between consecutive points', () => {
		const worst = longestLonStep(allWorldLines());
		expect(worst.step, `${worst.owner} at ${String(worst.at)}`).toBeLessThanOrEqual(180);
	});

	it('has no edge longer than 30° of longitude anywhere (Antarctica closes via the pole in short steps)', () => {
		const worst = longestLonStep(allWorldLines());
		expect(worst.step, `${worst.owner} at ${String(worst.at)}`).toBeLessThanOrEqual(30);
	});

	it('keeps Russia east of 180° as one shape with its mainland', () => {
		const russia = country('643') as Feature<MultiPolygon>;
		const lons = linesOf(russia.geometry)
			.flat()
			.map(([lon = 0]) => lon);
		expect(Math.min(...lons)).toBeGreaterThan(0);
		expect(Math.max(...lons)).toBeGreaterThan(185);
		const moscow = [37.62, 55.75];
		const chukotkaEast = [186.5, 66.3]; // Chukotka east of the antimeridian, near Provideniya
		const mainland = russia.geometry.coordinates.find((rings) =>
			booleanPointInPolygon(moscow, { type: 'Polygon', coordinates: rings })
		);
		expect(mainland).toBeDefined();
		expect(booleanPointInPolygon(chukotkaEast, { type: 'Polygon', coordinates: mainland ?? [] })).toBe(true);
	});

	it('closes Antarctica via the south pole', () => {
		const antarctica = country('010');
		expect(
			Math.min(
				...linesOf(antarctica?.geometry ?? null)
					.flat()
					.map(([, lat = 0]) => lat)
			)
		).toBe(-90);
	});
});

describe('first-view geodata payload', () => {
	it('fits world.topo.json and areas.geojson together into the 150 KB gzip budget', () => {
		const world = gzipSize(worldJson);
		const areas = gzipSize(areasJson);
		const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
		console.log(`first view: world.topo.json ${kb(world)} + areas.geojson ${kb(areas)} gzipped`);
		expect(FIRST_VIEW_GZIP_BUDGET_BYTES).toBe(150 * 1024);
		expect(world + areas).toBeLessThanOrEqual(FIRST_VIEW_GZIP_BUDGET_BYTES);
	});

	it('keeps the story region detailed enough for zoom 6', () => {
		// Natural Earth 10m has ~6,900 vertices for Japan and ~4,900 on the Korean peninsula's
		// land in this box; 50m has ~1,100 and ~440. Over-simplifying would drop below these.
		expect(vertexCount(country('392')?.geometry ?? null)).toBeGreaterThanOrEqual(3000);
		const land = feature(world, world.objects.land).features;
		const korea = land.reduce((sum, item) => sum + vertexCount(item.geometry, [124, 33, 131, 43]), 0);
		expect(korea).toBeGreaterThanOrEqual(2000);
	});

	it('draws interior borders as a MultiLineString', () => {
		const [borders] = world.objects.borders.geometries;
		expect(borders?.type).toBe('MultiLineString');
	});
});

describe('areas.geojson', () => {
	const byId = (id: string) => areas.find((item) => item.id === id) as Area;

	it('has the four areas, each with its id twice and its kind, and nothing else', () => {
		expect(areas.map((item) => item.id)).toEqual(['patrol-waters', 'crimea', 'luhansk', 'donetsk']);
		for (const item of areas) {
			expect(Object.keys(item.properties).sort()).toEqual(['id', 'kind']);
			expect(item.properties.id).toBe(item.id);
			expect(booleanValid(item), `${item.id} is valid`).toBe(true);
		}
		expect(byId('patrol-waters').properties.kind).toBe('patrol-waters');
		expect(byId('crimea').properties.kind).toBe('recognised-region');
	});

	it("keeps each area's provenance beside it, in a file the first view does not fetch", () => {
		expect(provenance.map((item) => [item.id, item.kind])).toEqual(
			areas.map((item) => [item.id, item.properties.kind])
		);
		for (const item of provenance) {
			expect(item.provenance, item.id).toMatch(/hand-drawn/i);
			expect(item.source, item.id).toMatch(/Natural Earth/);
			expect(item.name_de, item.id).toMatch(/\S/);
			expect(item.name_en, item.id).toMatch(/\S/);
		}
	});

	const landUnder = (item: Area) => clipToBox(land10m, bbox(item) as BBox);

	it('draws the patrol waters on the sea between Korea and Japan', () => {
		const waters = byId('patrol-waters');
		const km2 = area(waters) / 1e6;
		expect(km2).toBeGreaterThan(600_000);
		expect(km2).toBeLessThan(1_300_000);
		const [lon = 0, lat = 0] = centroid(waters).geometry.coordinates;
		expect(lon).toBeGreaterThan(129);
		expect(lon).toBeLessThan(138);
		expect(lat).toBeGreaterThan(35);
		expect(lat).toBeLessThan(43);
		const land = landUnder(waters);
		const onLand = land ? intersect(featureCollection<Polygon | MultiPolygon>([waters, land])) : null;
		expect((onLand ? area(onLand) : 0) / area(waters)).toBeLessThan(0.005);
	});

	it.each([
		['crimea', 27_000],
		['luhansk', 26_700],
		['donetsk', 26_500]
	])('draws %s inside Ukraine, on land, at about its real size', (id, expectedKm2) => {
		const region = byId(id);
		const [west, south, east, north] = bbox(region);
		expect(west).toBeGreaterThanOrEqual(22);
		expect(east).toBeLessThanOrEqual(41);
		expect(south).toBeGreaterThanOrEqual(44);
		expect(north).toBeLessThanOrEqual(53);
		const km2 = area(region) / 1e6;
		expect(km2).toBeGreaterThan(expectedKm2 * 0.65);
		expect(km2).toBeLessThan(expectedKm2 * 1.35);
		const land = landUnder(region);
		const atSea = land ? difference(featureCollection<Polygon | MultiPolygon>([region, land])) : region;
		expect((atSea ? area(atSea) : 0) / area(region)).toBeLessThan(0.005);
	});

	it('keeps Luhansk and Donetsk from overlapping', () => {
		const overlap = intersect(featureCollection<Polygon | MultiPolygon>([byId('luhansk'), byId('donetsk')]));
		expect(overlap ? area(overlap) / 1e6 : 0).toBeLessThan(10);
	});
});
