import { feature } from 'topojson-client';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { unwrapGeometry } from '../../src/lib/geo/antimeridian';
import { shareSeamVertices } from './antimeridian-seams';
import { identifyCountry, type CountryIdentity } from './country-names';
import type { AtlasTopology } from './world-atlas';

/**
 * Natural Earth countries as clean GeoJSON, ready to become our topology: one feature per id,
 * only id and names as properties, no degenerate rings, and no ring jumping the antimeridian.
 */

export type CountryFeature = Feature<MultiPolygon, CountryIdentity> & { id: string };

export interface SourceCountries {
	countries: CountryFeature[];
	/** Units whose every ring has zero area at this scale (10m's Vatican): nothing to draw. */
	withoutArea: string[];
}

export function sourceCountries(atlas: AtlasTopology): SourceCountries {
	const object = atlas.objects.countries;
	if (!object) throw new Error('world-atlas topology has no countries object');
	const collection = feature(atlas, object);
	const byId = new Map<string, CountryFeature>();
	for (const input of collection.features) {
		const geometry = input.geometry as Polygon | MultiPolygon | null;
		if (!geometry) continue;
		const naturalEarthName = (input.properties as { name?: string } | null)?.name ?? '';
		const identity = identifyCountry(input.id as string | undefined, naturalEarthName);
		const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
			.map(dropDegenerateRings)
			.filter((polygon) => polygon.length > 0);
		const existing = byId.get(identity.id);
		if (existing) {
			// Natural Earth splits some ISO units (Ashmore and Cartier Is. carry Australia's 036):
			// one id, one feature, so hover and labels treat the unit as the country it belongs to.
			existing.geometry.coordinates.push(...polygons);
			continue;
		}
		byId.set(identity.id, {
			type: 'Feature',
			id: identity.id,
			// The id is repeated in properties: MapLibre turns string feature ids into integers
			// (parseInt), which loses "x-kosovo" and leading zeros, so styles match on
			// ['get', 'id'] instead.
			properties: identity,
			geometry: { type: 'MultiPolygon', coordinates: polygons }
		});
	}
	const all = [...byId.values()];
	return {
		countries: all
			.filter((country) => country.geometry.coordinates.length > 0)
			.map((country) => ({ ...country, geometry: shareSeamVertices(unwrapGeometry(country.geometry)) })),
		withoutArea: all
			.filter((country) => country.geometry.coordinates.length === 0)
			.map((country) => `${country.id} ${country.properties.name_en}`)
	};
}

/**
 * Removes rings that enclose no area. 50m's Antarctica starts with a zero-area ring along
 * -89.999° (an artefact of cutting a pole-containing ring at the antimeridian); without it the
 * coastline ring comes first and the antimeridian step closes it via the pole instead.
 */
function dropDegenerateRings(polygon: Position[][]): Position[][] {
	return polygon.filter((ring) => ring.length >= 4 && Math.abs(shoelace(ring)) > 1e-9);
}

function shoelace(ring: Position[]): number {
	let sum = 0;
	for (let i = 1; i < ring.length; i++) {
		const a = ring[i - 1];
		const b = ring[i];
		if (a && b) sum += (a[0] ?? 0) * (b[1] ?? 0) - (b[0] ?? 0) * (a[1] ?? 0);
	}
	return sum / 2;
}
