import { CERTAINTIES, type Certainty, type Lang } from '$lib/story/vocabulary';
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
	paragraphCounted:
		'Absätze sind die nichtleeren Zeilen des Artikeltexts, von oben gezählt; Zwischenüberschriften und Kästen zählen mit.',
	close: 'Schließen',
	details: 'Details',
	flows: 'Verbindungen',
	places: 'Orte',
	areas: 'Gebiete',
	events: 'Ereignisse',
	flowsHere: 'Verbindungen dieses Ortes',
	relation: 'Beziehung',
	/** `{count}`: how many claims the relation holds. */
	relationClaims:
		'{count} Aussagen aus dem Artikel, nach Art und Richtung; jede mit ihrer eigenen Gewissheit.',
	relationClaim: 'Eine Aussage aus dem Artikel.',
	bothWays: 'in beide Richtungen',
	hiddenByFilter: 'derzeit ausgeblendet',
	severalHere: 'Hier verlaufen mehrere Beziehungen',
	severalHereHelp: 'Welche ist gemeint?',
	/** The "show more" button of a long list; `{count}` and `{hidden}` are placeholders. */
	list: {
		more: '{count} weitere zeigen ({hidden} nicht gezeigt)',
		rest: 'Die übrigen {hidden} zeigen'
	},
	legend: 'Legende',
	openStory: 'Geschichte öffnen',
	openStoryHelp:
		'Eine vollständige Geschichte (JSON) ersetzt die Karte; eine Datei nur mit Listen (flows, events …) ergänzt sie, etwa um spätere Ereignisse.',
	chooseFile: 'Datei wählen (oder irgendwo auf die Seite ziehen)',
	storyLimit: 'Höchstens',
	storySchema: 'JSON-Schema (ganze Geschichte)',
	storyExtensionSchema: 'JSON-Schema für Ergänzungen',
	storySamples: 'Beispiele',
	storySampleExtend: 'Ergänzung: spätere Ereignisse',
	storySampleWhole: 'ganze Geschichte: Kims Reise (öffentlich dokumentiert)',
	storySampleHouse: 'diese Geschichte im Hausstil einer anderen Redaktion',
	saveStory: 'Diese Geschichte speichern',
	saveStoryHelp: 'Als Datei, die diese Karte wieder genauso öffnet – die Vorlage für eine eigene Geschichte.',
	storyInvalid: 'Die Datei wurde nicht geladen; die Karte bleibt unverändert. Fehler:',
	storyLoaded: 'Geladen:',
	storyChecking: 'Datei wird geprüft:',
	storyReset: 'Die eingebaute Geschichte ist wieder geladen.',
	storyResetButton: 'Eingebaute Geschichte',
	dropStory: 'Geschichte hier ablegen',
	all: 'Alle',
	none: 'Keine',
	basemap: 'Karte',
	layerBorders: 'Grenzen',
	layerLabels: 'Beschriftungen',
	layersTitle: 'Ebenen',
	timeline: 'Zeitleiste',
	play: 'Abspielen',
	pause: 'Anhalten',
	timelineAll: 'Alle Zeitpunkte, auch ohne Datum',
	timelineUpTo: 'Bis',
	timelineRule:
		'Die Zeitleiste hält an jedem Datum, an dem etwas auf der Karte beginnt, und zeigt, was bis dahin begonnen hatte; Andauerndes („seit …“) bleibt ab seinem Beginn sichtbar.',
	/** `{count}`: claims the article does not date. */
	timelineUndated:
		' {count} Aussagen ohne Datum zeigt die Karte nur bei „Alle Zeitpunkte“: Der Artikel ordnet sie zeitlich nicht ein.',
	certaintyThreshold: {
		reported: 'nur berichtet',
		claimed: 'auch behauptet',
		possible: 'auch möglich'
	},
	legendEmpty: 'Keine Verbindungen sichtbar.',
	legendHide: 'Legende ausblenden',
	legendOtherPlace: 'weiterer Ort',
	/** The arrow's key; what a strand of a cable stands for is said in the "about" text. */
	legendArrow: 'Richtung',
	/** The map in words (state/altText.ts). */
	alt: {
		step: 'Schritt',
		flows: '{count} Linien, jede eine Aussage des Artikels',
		noFlows: 'Keine Linien sichtbar',
		places: 'Orte',
		areas: 'Flächen',
		allDates: 'Alle Zeitpunkte, auch ohne Datum',
		until: 'Stand {date}'
	},
	zoomIn: 'Vergrößern',
	zoomOut: 'Verkleinern',
	mapCanvas: 'Interaktive Kartenfläche',
	skipToList: 'Zur Liste aller Verbindungen springen',
	fullMap: 'Vollständige Karte öffnen',
	claimsList: 'Alle Aussagen als Liste',
	fullMapHint: 'in einem neuen Fenster',
	legendShow: 'Legende zeigen',
	about: 'Über diese Karte',
	aboutText:
		'Jede Linie steht für Aussagen aus dem Artikel: ein Strang je Art und Richtung zwischen zwei Orten, so sicher gezeichnet wie seine sicherste gezeigte Aussage (ohne Pfeil: in beide Richtungen oder nur möglich). Wählen Sie eine Linie, einen Ort oder ein Gebiet – auf der Karte oder in der Liste –, um jede Aussage mit Datum, Quelle und Gewissheit zu sehen.',
	noWebgl:
		'Diese Karte braucht WebGL 2, das in diesem Browser nicht verfügbar ist. Die Liste der Verbindungen unten enthält alle Angaben.',
	mapError: 'Die Karte konnte nicht geladen werden:',
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
	/**
	 * What the page shows of the export before its code is loaded: the button, and a failure to
	 * load it. The dialog's and the exports' own texts are in exportStrings.ts, loaded with them.
	 */
	exportDialog: {
		open: 'Exportieren',
		openLabel: 'Karte oder Daten exportieren',
		failed: 'Export fehlgeschlagen: {message}'
	},
	/** Story mode: the guided walk through the article. */
	story: {
		region: 'Die Geschichte Schritt für Schritt',
		intro: 'Die Geschichte in {count} Schritten',
		introText:
			'Schritt für Schritt durch den Artikel, jede Aussage mit ihrer Quelle. Danach gehört die Karte Ihnen.',
		start: 'Geschichte starten',
		stepOf: 'Schritt {n} von {total}',
		goTo: 'Schritt {n}: {title}',
		back: 'Zurück',
		next: 'Weiter',
		explore: 'Karte erkunden',
		leave: 'Geschichte verlassen',
		keys: 'Blättern mit den Pfeiltasten oder Bild auf/ab',
		sources: 'Belege'
	},
	/** A deploy happened while the page was open or cached (components/UpdatePrompt.svelte). */
	update: {
		available: 'Eine neue Version ist verfügbar.',
		reload: 'Neu laden',
		reloading: 'Wird neu geladen …',
		later: 'Später'
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
	paragraphCounted:
		'Paragraphs are the non-empty lines of the article text, counted from the top; headings and boxes count too.',
	close: 'Close',
	details: 'Details',
	flows: 'Flows',
	places: 'Places',
	areas: 'Areas',
	events: 'Events',
	flowsHere: 'Flows at this place',
	relation: 'Relation',
	relationClaims: '{count} claims from the article, by kind and direction; each with its own certainty.',
	relationClaim: 'One claim from the article.',
	bothWays: 'both ways',
	hiddenByFilter: 'hidden by the filters',
	severalHere: 'Several relations run here',
	severalHereHelp: 'Which one do you mean?',
	list: {
		more: 'Show {count} more ({hidden} not shown)',
		rest: 'Show the remaining {hidden}'
	},
	legend: 'Legend',
	openStory: 'Open story',
	openStoryHelp:
		'A complete story (JSON) replaces the map; a file with only lists (flows, events …) adds to it, e.g. later events.',
	chooseFile: 'Choose a file (or drop it anywhere on the page)',
	storyLimit: 'At most',
	storySchema: 'JSON Schema (whole story)',
	storyExtensionSchema: 'JSON Schema for additions',
	storySamples: 'Samples',
	storySampleExtend: 'addition: later events',
	storySampleWhole: "whole story: Kim's journey (public record)",
	storySampleHouse: "this story in another newsroom's house style",
	saveStory: 'Save this story',
	saveStoryHelp: 'As a file that opens this very map again – the template for a story of your own.',
	storyInvalid: 'The file was not loaded; the map is unchanged. Errors:',
	storyLoaded: 'Loaded:',
	storyChecking: 'Checking file:',
	storyReset: 'The built-in story is back.',
	storyResetButton: 'Built-in story',
	dropStory: 'Drop the story here',
	all: 'All',
	none: 'None',
	basemap: 'Map',
	layerBorders: 'Borders',
	layerLabels: 'Labels',
	layersTitle: 'Layers',
	timeline: 'Timeline',
	play: 'Play',
	pause: 'Pause',
	timelineAll: 'All dates, undated included',
	timelineUpTo: 'Up to',
	timelineRule:
		'The timeline stops at each date on which something on the map begins and shows what had begun by then; ongoing relations ("since …") stay visible from their start.',
	timelineUndated:
		' The {count} claims without a date show only at "all dates": the article does not place them in time.',
	certaintyThreshold: {
		reported: 'reported only',
		claimed: 'also claimed',
		possible: 'also possible'
	},
	legendEmpty: 'No flows visible.',
	legendHide: 'Hide legend',
	legendOtherPlace: 'other place',
	legendArrow: 'direction',
	alt: {
		step: 'Step',
		flows: '{count} lines, each a claim from the article',
		noFlows: 'No lines visible',
		places: 'Places',
		areas: 'Areas',
		allDates: 'All dates, undated included',
		until: 'As of {date}'
	},
	zoomIn: 'Zoom in',
	zoomOut: 'Zoom out',
	mapCanvas: 'Interactive map area',
	skipToList: 'Skip to the list of all flows',
	fullMap: 'Open the full map',
	claimsList: 'Every claim as a list',
	fullMapHint: 'in a new window',
	legendShow: 'Show legend',
	about: 'About this map',
	aboutText:
		'Every line stands for claims from the article: one strand per kind and direction between two places, drawn as sure as its surest claim shown (no arrow: both ways, or only possible). Choose a line, a place or an area – on the map or in the list – to see each claim with its date, source and certainty.',
	noWebgl:
		'This map needs WebGL 2, which this browser does not provide. The list of flows below has every claim.',
	mapError: 'The map could not be loaded:',
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
	exportDialog: {
		open: 'Export',
		openLabel: 'Export the map or the data',
		failed: 'Export failed: {message}'
	},
	story: {
		region: 'The story step by step',
		intro: 'The story in {count} steps',
		introText: 'Step by step through the article, every claim with its source. Then the map is yours.',
		start: 'Start the story',
		stepOf: 'Step {n} of {total}',
		goTo: 'Step {n}: {title}',
		back: 'Back',
		next: 'Next',
		explore: 'Explore the map',
		leave: 'Leave the story',
		keys: 'Turn pages with the arrow keys or Page Up/Down',
		sources: 'Evidence'
	},
	update: {
		available: 'A new version is available.',
		reload: 'Reload',
		reloading: 'Reloading …',
		later: 'Later'
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
