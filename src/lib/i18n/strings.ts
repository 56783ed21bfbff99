import { CERTAINTIES, type Certainty, type Lang } from '$lib/story/schema';
import { CERTAINTY_DEFINITIONS, CERTAINTY_LABELS } from '$lib/story/certainty';

// Certainty words are defined once, with the story data they qualify.
const certaintyWords = (lang: Lang) =>
	Object.fromEntries(CERTAINTIES.map((c) => [c, CERTAINTY_LABELS[c][lang]])) as Record<Certainty, string>;
const certaintyDefinitions = (lang: Lang) =>
	Object.fromEntries(CERTAINTIES.map((c) => [c, CERTAINTY_DEFINITIONS[c][lang]])) as Record<
		Certainty,
		string
	>;

/**
 * Every piece of UI text, in German (the article's language) and English.
 * `en` is typed from `de`, so a string missing in one language is a type error.
 */
const de = {
	appTitle: 'Nordkorea und Russland rücken zusammen',
	appSubtitle:
		'Kims Reise nach Wladiwostok, ein möglicher Waffen-Deal und Chinas Rolle – jede Linie eine Aussage aus dem Artikel',
	mapLabel: 'Karte: Beziehungen zwischen Nordkorea, Russland und China',
	mapLoading: 'Karte wird geladen …',
	language: 'Sprache',
	languageName: 'Deutsch',
	switchTo: 'English',
	switchToLabel: 'Switch to English',
	source: 'Quelle',
	sources: 'Quellen',
	when: 'Wann',
	certainty: 'Gewissheit',
	from: 'Von',
	to: 'Nach',
	via: 'über',
	kind: 'Art',
	summary: 'Worum es geht',
	keyPhrase: 'Schlüsselsatz',
	paragraph: 'Absatz',
	close: 'Schließen',
	details: 'Details',
	flows: 'Verbindungen',
	places: 'Orte',
	areas: 'Gebiete',
	events: 'Ereignisse',
	flowsHere: 'Verbindungen dieses Ortes',
	legend: 'Legende',
	openStory: 'Geschichte öffnen',
	openStoryHelp:
		'Eine vollständige Geschichte (JSON) ersetzt die Karte; eine Datei nur mit Listen (flows, events …) ergänzt sie, etwa um spätere Ereignisse.',
	chooseFile: 'Datei wählen (oder irgendwo auf die Seite ziehen)',
	storyLimit: 'Höchstens',
	storySchema: 'JSON-Schema',
	storySample: 'Beispieldatei',
	storyInvalid: 'Die Datei wurde nicht geladen; die Karte bleibt unverändert. Fehler:',
	storyLoaded: 'Geladen:',
	storyReset: 'Die eingebaute Geschichte ist wieder geladen.',
	storyResetButton: 'Eingebaute Geschichte',
	dropStory: 'Geschichte hier ablegen',
	all: 'Alle',
	none: 'Keine',
	basemap: 'Karte',
	layerPatrol: 'Patrouillengewässer',
	layerRegions: 'Anerkannte Gebiete',
	layerBorders: 'Grenzen',
	layerLabels: 'Beschriftungen',
	layersTitle: 'Ebenen',
	timeline: 'Zeitleiste',
	play: 'Abspielen',
	pause: 'Anhalten',
	timelineAll: 'Alle Zeitpunkte',
	timelineUpTo: 'Bis',
	timelineRule:
		'Gezeigt wird, was bis zum gewählten Monat begonnen hat. Andauerndes („seit …“) bleibt ab seinem Beginn sichtbar, Undatiertes immer.',
	certaintyThreshold: {
		reported: 'nur berichtet',
		claimed: 'auch behauptet',
		possible: 'auch möglich'
	},
	legendEmpty: 'Keine Verbindungen sichtbar.',
	about: 'Über diese Karte',
	aboutText:
		'Jede Linie ist eine Aussage aus dem Artikel. Wählen Sie eine Linie, einen Ort oder ein Gebiet – auf der Karte oder in der Liste –, um Datum, Quelle und Gewissheit zu sehen.',
	noWebgl:
		'Diese Karte braucht WebGL 2, das in diesem Browser nicht verfügbar ist. Die Liste der Verbindungen unten enthält alle Angaben.',
	mapError: 'Die Karte konnte nicht geladen werden:',
	credits: 'Artikel: ZDFheute, Elisabeth Schmidt (September 2023). Kartendaten: Natural Earth (gemeinfrei).',
	creditsShort: 'Quelle: ZDFheute · Karte: Natural Earth',
	kinds: {
		visit: 'Besuche',
		arms: 'Waffen',
		technology: 'Technik & Know-how',
		food: 'Lebensmittel',
		labour: 'Arbeitskräfte',
		trade: 'Handel',
		diplomacy: 'Diplomatie',
		letters: 'Briefe'
	},
	/** Text written into exports (header, credits, size checks); `{name}` are placeholders. */
	snapshot: {
		asOf: 'Stand',
		upTo: 'bis {month}',
		allDates: 'alle Zeitpunkte',
		certaintyScope: {
			reported: 'nur berichtet',
			claimed: 'nur berichtet und behauptet',
			possible: 'berichtet, behauptet und möglich'
		},
		someKinds: '{shown} von {total} Arten',
		allKinds: 'alle Arten',
		article: 'Artikel',
		mapData: 'Kartendaten: Natural Earth',
		exportedOn: 'Exportiert am {date}',
		presets: {
			view: 'Aktuelle Ansicht {factor}× ({width} × {height})',
			fullHd: 'Full HD ({width} × {height})',
			square: 'Quadrat ({width} × {height})',
			social: 'Social Media ({width} × {height})',
			a4: 'A4 quer, 300 dpi ({width} × {height})',
			custom: 'Eigene Größe'
		},
		size: {
			invalid: 'Breite und Höhe müssen ganze Zahlen ab {min} px sein.',
			tooLargeSide:
				'{width} × {height} px ist zu groß: Dieser Browser kann höchstens {max} px pro Seite darstellen ({limit}).',
			tooLargeArea:
				'{width} × {height} px ist zu groß: Dieser Browser kann höchstens {megapixels} Millionen Pixel auf einmal darstellen ({limit}).',
			suggestion: 'Größtmöglich in diesem Format: {suggestWidth} × {suggestHeight} px.',
			canvasLimit: 'Canvas-Grenze des Browsers'
		}
	},
	/** The export dialog (PNG, SVG, GeoJSON, CSV); `{name}` are placeholders. */
	exporter: {
		open: 'Exportieren',
		openLabel: 'Karte oder Daten exportieren',
		title: 'Exportieren',
		intro: 'Die aktuelle Ansicht als Bild oder die sichtbaren Daten als Datei.',
		format: 'Format',
		formats: {
			png: 'PNG (Bild)',
			svg: 'SVG (Vektorgrafik)',
			geojson: 'GeoJSON (Geodaten)',
			csv: 'CSV (Tabelle)'
		},
		size: 'Größe',
		width: 'Breite (px)',
		height: 'Höhe (px)',
		include: 'Im Bild',
		includeHeader: 'Titel und Filter',
		includeLegend: 'Legende',
		includeCredits: 'Quellen und Datum',
		preview: 'Vorschau des Bildaufbaus',
		previewLabel:
			'Vorschau: {width} × {height} px, Karte {mapWidth} × {mapHeight} px; gestrichelt der Ausschnitt des Bildschirms',
		filename: 'Dateiname',
		limits: 'Grenze dieses Browsers: {side} px pro Seite, {megapixels} Millionen Pixel.',
		limitsUnknown: 'WebGL 2 fehlt: Bilder können hier nicht gerendert werden.',
		needsMap: 'PNG und SVG brauchen die Karte; sie ist noch nicht geladen.',
		download: 'Herunterladen',
		cancel: 'Abbrechen',
		close: 'Schließen',
		steps: {
			fonts: 'Schriften werden geladen …',
			map: 'Karte wird in {width} × {height} px gerendert …',
			compose: 'Titel, Legende und Quellen werden gesetzt …',
			encode: 'PNG wird geschrieben …',
			svg: 'SVG wird erstellt …',
			data: 'Daten werden zusammengestellt …'
		},
		done: 'Gespeichert: {filename}',
		cancelled: 'Export abgebrochen.',
		failed: 'Export fehlgeschlagen: {message}',
		errors: {
			canvas:
				'Der Browser kann keine Bildfläche von {width} × {height} px anlegen (Speicher- oder Canvas-Grenze). Bitte eine kleinere Größe wählen.',
			webgl:
				'WebGL konnte für {width} × {height} px nicht gestartet werden ({message}). Bitte eine kleinere Größe wählen.',
			size: 'Der Browser hat die Karte nur mit {actualWidth} × {actualHeight} statt {width} × {height} Pixeln gerendert (Grenze des Grafikspeichers). Bitte eine kleinere Größe wählen.',
			lost: 'Der WebGL-Kontext ging beim Rendern verloren (zu wenig Grafikspeicher?).',
			timeout: 'Die Karte wurde nicht innerhalb von {seconds} s fertig gerendert.',
			map: 'Die Karte meldete einen Fehler: {message}',
			encode: 'Das PNG konnte nicht geschrieben werden (zu groß für diesen Browser?).'
		}
	},
	certainties: certaintyWords('de'),
	certaintyDefinitions: certaintyDefinitions('de'),
	roles: {
		capital: 'Hauptstadt',
		city: 'Stadt',
		port: 'Hafenstadt',
		shipyard: 'Werft'
	}
};

export type Strings = typeof de;

const en: Strings = {
	appTitle: 'North Korea and Russia move closer',
	appSubtitle:
		"Kim's trip to Vladivostok, a possible arms deal and China's role – every line is a claim from the article",
	mapLabel: 'Map: relations between North Korea, Russia and China',
	mapLoading: 'Loading map …',
	language: 'Language',
	languageName: 'English',
	switchTo: 'Deutsch',
	switchToLabel: 'Auf Deutsch umschalten',
	source: 'Source',
	sources: 'Sources',
	when: 'When',
	certainty: 'Certainty',
	from: 'From',
	to: 'To',
	via: 'via',
	kind: 'Kind',
	summary: 'What it is about',
	keyPhrase: 'Key phrase',
	paragraph: 'paragraph',
	close: 'Close',
	details: 'Details',
	flows: 'Flows',
	places: 'Places',
	areas: 'Areas',
	events: 'Events',
	flowsHere: 'Flows at this place',
	legend: 'Legend',
	openStory: 'Open story',
	openStoryHelp:
		'A complete story (JSON) replaces the map; a file with only lists (flows, events …) adds to it, e.g. later events.',
	chooseFile: 'Choose a file (or drop it anywhere on the page)',
	storyLimit: 'At most',
	storySchema: 'JSON Schema',
	storySample: 'Sample file',
	storyInvalid: 'The file was not loaded; the map is unchanged. Errors:',
	storyLoaded: 'Loaded:',
	storyReset: 'The built-in story is back.',
	storyResetButton: 'Built-in story',
	dropStory: 'Drop the story here',
	all: 'All',
	none: 'None',
	basemap: 'Map',
	layerPatrol: 'Patrol waters',
	layerRegions: 'Recognised regions',
	layerBorders: 'Borders',
	layerLabels: 'Labels',
	layersTitle: 'Layers',
	timeline: 'Timeline',
	play: 'Play',
	pause: 'Pause',
	timelineAll: 'All dates',
	timelineUpTo: 'Up to',
	timelineRule:
		'Shows what had begun by the chosen month. Ongoing relations ("since …") stay visible from their start; undated ones always show.',
	certaintyThreshold: {
		reported: 'reported only',
		claimed: 'also claimed',
		possible: 'also possible'
	},
	legendEmpty: 'No flows visible.',
	about: 'About this map',
	aboutText:
		'Every line is a claim from the article. Choose a line, a place or an area – on the map or in the list – to see its date, source and certainty.',
	noWebgl:
		'This map needs WebGL 2, which this browser does not provide. The list of flows below has every claim.',
	mapError: 'The map could not be loaded:',
	credits: 'Article: ZDFheute, Elisabeth Schmidt (September 2023). Map data: Natural Earth (public domain).',
	creditsShort: 'Source: ZDFheute · Map: Natural Earth',
	kinds: {
		visit: 'Visits',
		arms: 'Arms',
		technology: 'Technology & know-how',
		food: 'Food',
		labour: 'Labour',
		trade: 'Trade',
		diplomacy: 'Diplomacy',
		letters: 'Letters'
	},
	snapshot: {
		asOf: 'As of',
		upTo: 'up to {month}',
		allDates: 'all dates',
		certaintyScope: {
			reported: 'reported only',
			claimed: 'reported and claimed only',
			possible: 'reported, claimed and possible'
		},
		someKinds: '{shown} of {total} kinds',
		allKinds: 'all kinds',
		article: 'Article',
		mapData: 'Map data: Natural Earth',
		exportedOn: 'Exported on {date}',
		presets: {
			view: 'Current view {factor}× ({width} × {height})',
			fullHd: 'Full HD ({width} × {height})',
			square: 'Square ({width} × {height})',
			social: 'Social media ({width} × {height})',
			a4: 'A4 landscape, 300 dpi ({width} × {height})',
			custom: 'Custom size'
		},
		size: {
			invalid: 'Width and height must be whole numbers of at least {min} px.',
			tooLargeSide:
				'{width} × {height} px is too large: this browser can render at most {max} px per side ({limit}).',
			tooLargeArea:
				'{width} × {height} px is too large: this browser can render at most {megapixels} million pixels at once ({limit}).',
			suggestion: 'The largest size with this shape is {suggestWidth} × {suggestHeight} px.',
			canvasLimit: "the browser's canvas limit"
		}
	},
	exporter: {
		open: 'Export',
		openLabel: 'Export the map or the data',
		title: 'Export',
		intro: 'The current view as an image, or the visible data as a file.',
		format: 'Format',
		formats: {
			png: 'PNG (image)',
			svg: 'SVG (vector graphic)',
			geojson: 'GeoJSON (geodata)',
			csv: 'CSV (spreadsheet)'
		},
		size: 'Size',
		width: 'Width (px)',
		height: 'Height (px)',
		include: 'In the image',
		includeHeader: 'Title and filters',
		includeLegend: 'Legend',
		includeCredits: 'Sources and date',
		preview: 'Preview of the layout',
		previewLabel:
			'Preview: {width} × {height} px, map {mapWidth} × {mapHeight} px; dashed: the extent on screen',
		filename: 'File name',
		limits: "This browser's limit: {side} px per side, {megapixels} million pixels.",
		limitsUnknown: 'WebGL 2 is missing: images cannot be rendered here.',
		needsMap: 'PNG and SVG need the map, which has not loaded yet.',
		download: 'Download',
		cancel: 'Cancel',
		close: 'Close',
		steps: {
			fonts: 'Loading fonts …',
			map: 'Rendering the map at {width} × {height} px …',
			compose: 'Setting title, legend and credits …',
			encode: 'Writing the PNG …',
			svg: 'Building the SVG …',
			data: 'Collecting the data …'
		},
		done: 'Saved: {filename}',
		cancelled: 'Export cancelled.',
		failed: 'Export failed: {message}',
		errors: {
			canvas:
				'The browser cannot create an image of {width} × {height} px (memory or canvas limit). Please choose a smaller size.',
			webgl: 'WebGL could not start at {width} × {height} px ({message}). Please choose a smaller size.',
			size: 'The browser rendered the map at only {actualWidth} × {actualHeight} instead of {width} × {height} pixels (graphics memory limit). Please choose a smaller size.',
			lost: 'The WebGL context was lost while rendering (not enough graphics memory?).',
			timeout: 'The map did not finish rendering within {seconds} s.',
			map: 'The map reported an error: {message}',
			encode: 'The PNG could not be written (too large for this browser?).'
		}
	},
	certainties: certaintyWords('en'),
	certaintyDefinitions: certaintyDefinitions('en'),
	roles: {
		capital: 'capital',
		city: 'city',
		port: 'port city',
		shipyard: 'shipyard'
	}
};

export const STRINGS = { de, en } as const;

export type UiLang = keyof typeof STRINGS;

export function strings(lang: UiLang): Strings {
	return STRINGS[lang];
}

/** The default language follows the browser: German if any preferred language is German, else English. */
export function detectLang(preferred: readonly string[]): UiLang {
	for (const tag of preferred) {
		const base = tag.toLowerCase().split('-')[0];
		if (base === 'de') return 'de';
		if (base === 'en') return 'en';
	}
	return 'en';
}
