import { meshArcs, mergeArcs, quantize } from 'topojson-client';
import { topology as buildTopology } from 'topojson-server';
import { filter, presimplify, simplify, type Filter } from 'topojson-simplify';
import { area as turfArea } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type {
	GeometryCollection,
	MultiLineString,
	MultiPolygon,
	Objects,
	Polygon,
	Topology
} from 'topojson-specification';
import { DETAIL_ZONES, QUANTIZATION_STEP, type DetailZone } from '../config';
import { labelObject, type LabelProperties } from './country-labels';
import type { CountryIdentity } from './country-names';
import {
	islandFilter,
	isPolygonal,
	keepSmallRingsShaped,
	weightInMapPixels,
	zoneLookup
} from './detail-zones';
import type { CountryFeature } from './source-countries';

/**
 * Turns clean country features into the one topology the map loads: simplified countries, land
 * and interior borders that all share the same arcs (so land and borders cost almost nothing
 * beyond the countries), plus one label point per country.
 */

/** Country shapes carry only their id; the names travel once, on the label points. */
export interface CountryShapeProperties {
	id: string;
}

export type WorldTopology = Topology<{
	countries: GeometryCollection<CountryShapeProperties>;
	land: GeometryCollection;
	borders: GeometryCollection;
	countryLabels: GeometryCollection<LabelProperties>;
}>;

export interface WorldSettings {
	zones: DetailZone[];
	/** Grid step in degrees, [longitude, latitude]. */
	quantizationStep: [number, number];
}

export const DEFAULT_WORLD_SETTINGS: WorldSettings = {
	zones: DETAIL_ZONES,
	quantizationStep: QUANTIZATION_STEP
};

export function buildWorldTopology(
	countries: CountryFeature[],
	settings: WorldSettings = DEFAULT_WORLD_SETTINGS
): WorldTopology {
	const zoneOf = zoneLookup(settings.zones);
	const collection: FeatureCollection = { type: 'FeatureCollection', features: countries };
	const raw = buildTopology({ countries: collection }) as unknown as Topology<Objects>;

	const weighted = presimplify(raw, (triangle) => weightInMapPixels(triangle, zoneOf));
	keepSmallRingsShaped(weighted);
	// Weights are already scaled by each zone's threshold, so one cut-off fits the world.
	const simplified = quantizeToStep(simplify(weighted, 1), settings.quantizationStep);
	const dissolved = dissolveWithinCountries(simplified);
	// The typings call a ring coordinates; topojson-simplify actually passes its arc indexes.
	const withoutSpecks = filter(dissolved, islandFilter(dissolved, zoneOf) as unknown as Filter);

	const countriesObject = withoutSpecks.objects['countries'] as GeometryCollection<CountryIdentity>;
	const polygons = countriesObject.geometries.filter(isPolygonal) as (Polygon | MultiPolygon)[];
	const land: MultiPolygon = mergeArcs(withoutSpecks, polygons);
	const borders: MultiLineString = meshArcs(withoutSpecks, countriesObject, (a, b) => a !== b);
	const areas = new Map(countries.map((country) => [country.id, Math.round(turfArea(country) / 1e6)]));

	return {
		type: 'Topology',
		bbox: withoutSpecks.bbox,
		transform: withoutSpecks.transform,
		arcs: withoutSpecks.arcs,
		objects: {
			countries: withoutNames(countriesObject),
			land: { type: 'GeometryCollection', geometries: [land] },
			borders: { type: 'GeometryCollection', geometries: [borders] },
			countryLabels: labelObject(withoutSpecks, countriesObject, areas)
		}
	};
}

/**
 * No layer reads a name off a country's fill; the names ship once, on its label point (~4 KB
 * gzipped saved).
 */
function withoutNames(
	countries: GeometryCollection<CountryIdentity>
): GeometryCollection<CountryShapeProperties> {
	return {
		type: 'GeometryCollection',
		geometries: countries.geometries.map((geometry) => ({
			...geometry,
			properties: { id: String(geometry.id) }
		}))
	};
}

/**
 * Merges each country's touching parts into one shape. Natural Earth cuts Russia (Chukotka,
 * Wrangel Island) and Fiji along the antimeridian; once unwrapped, those parts touch along
 * lon 180, and the cut would show as a seam in the fill. Crimea, moved into Ukraine de jure
 * (lib/de-jure.ts), touches mainland Ukraine along Natural Earth's old Russia–Ukraine line across
 * Perekop; merged, that line is in neither the fill nor the `borders` mesh. Arcs left unused are
 * pruned later.
 */
function dissolveWithinCountries(topology: Topology<Objects>): Topology<Objects> {
	const countries = topology.objects['countries'] as GeometryCollection<CountryIdentity>;
	const geometries = countries.geometries.map((geometry) => {
		if (geometry.type !== 'MultiPolygon' || !hasInternalArcs(geometry)) return geometry;
		const merged: MultiPolygon = mergeArcs(topology, [geometry]);
		return { ...merged, id: geometry.id, properties: geometry.properties };
	});
	return { ...topology, objects: { ...topology.objects, countries: { ...countries, geometries } } };
}

function hasInternalArcs(geometry: MultiPolygon): boolean {
	const seen = new Set<number>();
	for (const polygon of geometry.arcs) {
		for (const ring of polygon) {
			for (const index of ring) {
				const arc = index < 0 ? ~index : index;
				if (seen.has(arc)) return true;
				seen.add(arc);
			}
		}
	}
	return false;
}

/** Quantizes on a grid of the given step from the topology's south-west corner. */
function quantizeToStep(topology: Topology<Objects>, step: [number, number]): Topology<Objects> {
	const [west = 0, south = 0] = topology.bbox ?? [];
	return quantize(topology, { scale: step, translate: [west, south] });
}
