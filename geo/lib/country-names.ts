import { createRequire } from 'node:module';
import countries, { type LocaleData } from 'i18n-iso-countries';

/**
 * German and English country names for map labels, keyed by ISO 3166 numeric id.
 *
 * i18n-iso-countries gives the formal ISO name first ("Russische Föderation", "Syrian Arab
 * Republic"). A map label wants the name a newsroom uses, so a short list overrides the formal
 * names; everything else is the library's first name.
 */

export interface CountryNames {
	name_de: string;
	name_en: string;
}

export interface CountryIdentity extends CountryNames {
	id: string;
}

const require = createRequire(import.meta.url);
// Registered explicitly: the package's browser entry (which a bundler may pick) registers none.
countries.registerLocale(require('i18n-iso-countries/langs/de.json') as LocaleData);
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as LocaleData);

/** Common short names where the library's first name is the formal one (keyed by alpha-2). */
const SHORT_NAMES: Record<string, Partial<CountryNames>> = {
	BN: { name_de: 'Brunei', name_en: 'Brunei' },
	CD: { name_de: 'Demokratische Republik Kongo', name_en: 'DR Congo' },
	CG: { name_en: 'Republic of the Congo' },
	CN: { name_en: 'China' },
	CZ: { name_de: 'Tschechien', name_en: 'Czechia' },
	FK: { name_en: 'Falkland Islands' },
	FM: { name_en: 'Micronesia' },
	GB: { name_de: 'Großbritannien' },
	GM: { name_en: 'The Gambia' },
	IR: { name_en: 'Iran' },
	LA: { name_en: 'Laos' },
	MD: { name_de: 'Moldau', name_en: 'Moldova' },
	MK: { name_en: 'North Macedonia' },
	PS: { name_de: 'Palästinensische Gebiete', name_en: 'Palestinian Territories' },
	RU: { name_de: 'Russland', name_en: 'Russia' },
	SY: { name_de: 'Syrien', name_en: 'Syria' },
	TW: { name_en: 'Taiwan' },
	TZ: { name_de: 'Tansania', name_en: 'Tanzania' },
	UM: { name_de: 'Amerikanische Überseeinseln', name_en: 'U.S. Minor Outlying Islands' },
	US: { name_de: 'USA', name_en: 'United States' },
	VA: { name_en: 'Vatican City' },
	VG: { name_en: 'British Virgin Islands' },
	VI: { name_en: 'U.S. Virgin Islands' }
};

/**
 * Natural Earth units without an ISO numeric code (disputed, de-facto or sovereign-base areas,
 * reefs). Keyed by Natural Earth's `name`; the id is ours, stable, and prefixed "x-" so it can
 * never collide with an ISO code.
 */
const UNITS_WITHOUT_ISO_CODE: Record<string, CountryIdentity> = {
	Akrotiri: { id: 'x-akrotiri', name_de: 'Akrotiri', name_en: 'Akrotiri' },
	'Bajo Nuevo Bank': { id: 'x-bajo-nuevo', name_de: 'Bajo Nuevo', name_en: 'Bajo Nuevo Bank' },
	Baikonur: { id: 'x-baikonur', name_de: 'Baikonur', name_en: 'Baikonur' },
	'Clipperton I.': { id: 'x-clipperton', name_de: 'Clipperton-Insel', name_en: 'Clipperton Island' },
	'Coral Sea Is.': { id: 'x-coral-sea-islands', name_de: 'Korallenmeerinseln', name_en: 'Coral Sea Islands' },
	'Cyprus U.N. Buffer Zone': {
		id: 'x-cyprus-buffer-zone',
		name_de: 'UN-Pufferzone (Zypern)',
		name_en: 'UN Buffer Zone (Cyprus)'
	},
	Dhekelia: { id: 'x-dhekelia', name_de: 'Dhekelia', name_en: 'Dhekelia' },
	'Indian Ocean Ter.': {
		id: 'x-indian-ocean-territories',
		name_de: 'Australische Territorien im Indischen Ozean',
		name_en: 'Australian Indian Ocean Territories'
	},
	Kosovo: { id: 'x-kosovo', name_de: 'Kosovo', name_en: 'Kosovo' },
	'N. Cyprus': { id: 'x-northern-cyprus', name_de: 'Nordzypern', name_en: 'Northern Cyprus' },
	'Scarborough Reef': {
		id: 'x-scarborough-shoal',
		name_de: 'Scarborough-Riff',
		name_en: 'Scarborough Shoal'
	},
	'Serranilla Bank': { id: 'x-serranilla-bank', name_de: 'Serranilla-Bank', name_en: 'Serranilla Bank' },
	'Siachen Glacier': { id: 'x-siachen-glacier', name_de: 'Siachen-Gletscher', name_en: 'Siachen Glacier' },
	Somaliland: { id: 'x-somaliland', name_de: 'Somaliland', name_en: 'Somaliland' },
	'Spratly Is.': { id: 'x-spratly-islands', name_de: 'Spratly-Inseln', name_en: 'Spratly Islands' },
	'USNB Guantanamo Bay': {
		id: 'x-guantanamo-bay',
		name_de: 'Guantánamo Bay (US-Marinebasis)',
		name_en: 'Guantanamo Bay Naval Base'
	}
};

/**
 * Identity of a Natural Earth unit: ISO numeric id with names, or our fallback for units without
 * one. Throws for an unknown unit so a data update cannot silently ship a nameless country.
 */
export function identifyCountry(
	isoNumeric: string | number | undefined,
	naturalEarthName: string
): CountryIdentity {
	if (isoNumeric !== undefined && isoNumeric !== '') {
		const id = String(isoNumeric).padStart(3, '0');
		const names = namesForIsoNumeric(id);
		if (names) return { id, ...names };
		throw new Error(`No ISO names for numeric id ${id} (${naturalEarthName})`);
	}
	const fallback = UNITS_WITHOUT_ISO_CODE[naturalEarthName];
	if (!fallback) {
		throw new Error(
			`Natural Earth unit "${naturalEarthName}" has no ISO id: add it to UNITS_WITHOUT_ISO_CODE`
		);
	}
	return fallback;
}

export function namesForIsoNumeric(id: string): CountryNames | undefined {
	const alpha2 = countries.numericToAlpha2(id);
	if (!alpha2) return undefined;
	const name_de = countries.getName(alpha2, 'de');
	const name_en = countries.getName(alpha2, 'en');
	if (!name_de || !name_en) return undefined;
	return { name_de, name_en, ...SHORT_NAMES[alpha2] };
}
