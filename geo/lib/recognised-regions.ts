import { bbox, booleanPointInPolygon, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { BBox } from '../config';
import { finishArea, type AreaGeometry } from './area-shape';
import { clipToBox, indexPolygons, type IndexedPolygons } from './land';
import type { CountryFeature } from './source-countries';

/**
 * The regions whose annexation North Korea recognised (Crimea, Luhansk, Donetsk): hand-drawn
 * outlines cut to land (so they never spill into the sea) and to the country unit that contains
 * the region's administrative centre (so they never spill into a neighbour, and their edges meet
 * the country borders on the map). The units passed in are Natural Earth's as published, before
 * the de-jure move of Crimea to Ukraine (lib/de-jure.ts): Natural Earth draws Crimea inside
 * Russia (de facto), so Crimea is cut to Russia's unit and keeps Natural Earth's administrative
 * line across Perekop as its northern edge, and Luhansk and Donetsk are cut to Ukraine's; if a
 * data update moved Crimea, the anchor rule would follow it.
 */

export interface RegionProperties {
	id: string;
	kind: 'recognised-region';
	name_de: string;
	name_en: string;
	/** The administrative centre, [lon, lat]: picks the country unit to cut to. */
	anchor: [number, number];
	anchor_name: string;
	provenance: string;
	/** The article's sentence the region illustrates. */
	article_quote: string;
	note: string;
}

/** Fragments smaller than this (km²) are slivers of the cut, not part of the region. */
const MIN_PART_KM2 = 2;

export function buildRecognisedRegion(
	outline: Feature<Polygon, RegionProperties>,
	land: IndexedPolygons,
	countries: CountryFeature[]
): { geometry: AreaGeometry; countryId: string } {
	const { anchor, id } = outline.properties;
	const country = countries.find((candidate) => booleanPointInPolygon(anchor, candidate));
	if (!country) throw new Error(`Region ${id}: no country contains its anchor ${anchor.join(', ')}`);
	const box = bbox(outline) as BBox;
	const landInBox = clipToBox(land, box);
	if (!landInBox) throw new Error(`Region ${id}: no land under the outline`);
	const countryInBox = clipToBox(indexPolygons(country.geometry.coordinates), box);
	if (!countryInBox) throw new Error(`Region ${id}: outline misses ${country.properties.name_en}`);
	const cut = intersect(featureCollection<Polygon | MultiPolygon>([outline, landInBox, countryInBox]));
	if (!cut) throw new Error(`Region ${id}: outline does not overlap ${country.properties.name_en}`);
	return { geometry: finishArea(cut.geometry, MIN_PART_KM2), countryId: country.id };
}
