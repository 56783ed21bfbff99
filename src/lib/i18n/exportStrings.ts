import type { Lang } from '$lib/story/vocabulary';

/*
 * The export feature's texts: the dialog's form and what is written into exports (header,
 * credits, size checks, errors). Apart from strings.ts because they are loaded only with the
 * export code, when the dialog first opens; `{name}` are placeholders (fillTemplate).
 */

const de = {
	/** Text written into exports (header, credits, size checks); `{name}` are placeholders. */
	snapshot: {
		exportedOn: 'Exportiert am {date}',
		/** The filters as a sentence (export/words.ts filterSentence). */
		filterNote: {
			lead: 'Gezeigt',
			certainty: {
				reported: 'nur, was der Artikel als berichtet wiedergibt',
				claimed: 'nur, was der Artikel als berichtet oder behauptet wiedergibt',
				possible: 'alles, was der Artikel berichtet, als Behauptung oder als möglich wiedergibt'
			},
			upTo: 'Stand {date}',
			kinds: 'nur {list}',
			noKinds: 'keine Verbindungen'
		},
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
			invalidVector: 'Breite und Höhe müssen ganze Zahlen von {min} bis {max} px sein.',
			tooLargeSide:
				'{width} × {height} px ist zu groß: Dieser Browser kann höchstens {max} px pro Seite darstellen ({limit}).',
			tooLargeArea:
				'{width} × {height} px ist zu groß: Dieser Browser kann höchstens {megapixels} Millionen Pixel auf einmal darstellen ({limit}).',
			suggestion: 'Größtmöglich in diesem Format: {suggestWidth} × {suggestHeight} px.',
			canvasLimit: 'Canvas-Grenze des Browsers',
			drawingBufferLimit: 'größter WebGL-Zeichenpuffer dieses Browsers'
		}
	},
	/** The export dialog (PNG, SVG, GeoJSON, CSV); `{name}` are placeholders. */
	exporter: {
		title: 'Exportieren',
		intro: 'Die aktuelle Ansicht als Bild oder die sichtbaren Daten als Datei.',
		format: 'Format',
		formats: {
			png: 'PNG (Bild)',
			svg: 'SVG (Vektorgrafik)',
			pdf: 'PDF (Druck, Vektor)',
			geojson: 'GeoJSON (Geodaten)',
			csv: 'CSV (Tabelle)',
			'csv-semicolon': 'CSV für Excel (Semikolon)'
		},
		size: 'Größe',
		paper: 'Papier',
		papers: {
			a4Landscape: 'A4 quer ({width} × {height} mm)',
			a4Portrait: 'A4 hoch ({width} × {height} mm)',
			a3Landscape: 'A3 quer ({width} × {height} mm)',
			a3Portrait: 'A3 hoch ({width} × {height} mm)',
			custom: 'Eigenes Format (mm)'
		},
		widthMm: 'Breite (mm)',
		heightMm: 'Höhe (mm)',
		paperInvalid: 'Breite und Höhe müssen zwischen {min} und {max} mm liegen.',
		width: 'Breite (px)',
		height: 'Höhe (px)',
		include: 'Im Bild',
		includeHeader: 'Titel und Unterzeile',
		includeLegend: 'Legende',
		includeCredits: 'Anmerkung und Quellen',
		/** The date always goes into the file's metadata; this prints it on the picture too. */
		includeDate: 'Exportdatum aufdrucken',
		altText: 'Alternativtext',
		altHint: 'Beschreibt die Karte in Worten, für das Alt-Feld des CMS; steht auch in der Datei.',
		copy: 'Kopieren',
		copied: 'Kopiert.',
		copyFailed: 'Markiert: mit Strg+C kopieren.',
		altReset: 'Erzeugten Text wiederherstellen',
		embed: 'In einen Artikel einbetten',
		embedHint:
			'Ein iframe, das mit seinem Inhalt wächst (das Skript passt die Höhe an), dazu ein Bild für Seiten ohne iframe.',
		embedView: 'Diese Ansicht',
		embedStory: 'Die Geschichte ab dem ersten Schritt',
		colours: 'Farben des Bilds',
		embedColours: 'Farben der Einbettung',
		themes: { light: 'Hell', dark: 'Dunkel', system: 'Automatisch (wie Seite oder Leser eingestellt)' },
		words: 'Text im Bild',
		fields: { title: 'Titel', deck: 'Unterzeile', note: 'Anmerkung', source: 'Quelle', credit: 'Credit' },
		creditPlaceholder: 'z. B. Grafik: Name',
		reset: 'Text der Geschichte wiederherstellen',
		describeFilters: 'Filter als Anmerkung:',
		svgText: 'Schrift im SVG',
		svgTextModes: {
			embedded: 'Als Text, Schrift eingebettet (bearbeitbar)',
			outlines: 'In Pfade umgewandelt (für Illustrator und Druck)'
		},
		framing: 'Ausschnitt',
		framingStory: 'Wie die Geschichte ihn wählt',
		framingScreen: 'Wie auf dem Bildschirm',
		extentStory: 'der Ausschnitt der Geschichte',
		extentScreen: 'der Ausschnitt des Bildschirms',
		preview: 'Vorschau des Bildaufbaus',
		previewLabel: 'Vorschau: {width} × {height} px, Karte {mapWidth} × {mapHeight} px; gestrichelt {extent}',
		filename: 'Dateiname',
		limits: 'Grenze dieses Browsers: {side} px pro Seite, {megapixels} Millionen Pixel.',
		limitsUnknown: 'WebGL 2 fehlt: Bilder können hier nicht gerendert werden.',
		needsMap:
			'PNG-Bilder und Dateien der aktuellen Ansicht brauchen die Karte, die nicht geladen ist. SVG und PDF des Ausschnitts der Geschichte gehen auch ohne.',
		download: 'Herunterladen',
		cancel: 'Abbrechen',
		close: 'Schließen',
		steps: {
			fonts: 'Schriften werden geladen …',
			map: 'Karte wird in {width} × {height} px gerendert …',
			compose: 'Titel, Legende und Quellen werden gesetzt …',
			encode: 'PNG wird geschrieben …',
			svg: 'SVG wird erstellt …',
			pdf: 'PDF wird erstellt …',
			data: 'Daten werden zusammengestellt …'
		},
		done: 'Gespeichert: {filename}',
		missingGlyphs: 'Nicht in der Schrift und daher weggelassen: {chars}',
		missingGlyphsFallback:
			'Nicht in der eingebetteten Schrift (eine andere Schrift des Lesegeräts zeichnet sie): {chars}',
		cancelled: 'Export abgebrochen.',
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
	}
};

export type ExportStrings = typeof de;

const en: ExportStrings = {
	snapshot: {
		exportedOn: 'Exported on {date}',
		filterNote: {
			lead: 'Shown',
			certainty: {
				reported: 'only what the article gives as reported',
				claimed: 'only what the article gives as reported or claimed',
				possible: 'everything the article reports, gives as a claim or reports as possible'
			},
			upTo: 'as of {date}',
			kinds: 'only {list}',
			noKinds: 'no connections'
		},
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
			invalidVector: 'Width and height must be whole numbers from {min} to {max} px.',
			tooLargeSide:
				'{width} × {height} px is too large: this browser can render at most {max} px per side ({limit}).',
			tooLargeArea:
				'{width} × {height} px is too large: this browser can render at most {megapixels} million pixels at once ({limit}).',
			suggestion: 'The largest size with this shape is {suggestWidth} × {suggestHeight} px.',
			canvasLimit: "the browser's canvas limit",
			drawingBufferLimit: "this browser's largest WebGL drawing buffer"
		}
	},
	exporter: {
		title: 'Export',
		intro: 'The current view as an image, or the visible data as a file.',
		format: 'Format',
		formats: {
			png: 'PNG (image)',
			svg: 'SVG (vector graphic)',
			pdf: 'PDF (print, vector)',
			geojson: 'GeoJSON (geodata)',
			csv: 'CSV (spreadsheet)',
			'csv-semicolon': 'CSV for German Excel (semicolon)'
		},
		size: 'Size',
		paper: 'Paper',
		papers: {
			a4Landscape: 'A4 landscape ({width} × {height} mm)',
			a4Portrait: 'A4 portrait ({width} × {height} mm)',
			a3Landscape: 'A3 landscape ({width} × {height} mm)',
			a3Portrait: 'A3 portrait ({width} × {height} mm)',
			custom: 'Custom size (mm)'
		},
		widthMm: 'Width (mm)',
		heightMm: 'Height (mm)',
		paperInvalid: 'Width and height must be between {min} and {max} mm.',
		width: 'Width (px)',
		height: 'Height (px)',
		include: 'In the image',
		includeHeader: 'Title and deck',
		includeLegend: 'Legend',
		includeCredits: 'Note and sources',
		includeDate: 'Print the export date',
		altText: 'Alt text',
		altHint: "Describes the map in words, for the CMS's alt field; it is in the file too.",
		copy: 'Copy',
		copied: 'Copied.',
		copyFailed: 'Selected: copy with Ctrl+C.',
		altReset: 'Restore the generated text',
		embed: 'Embed in an article',
		embedHint:
			'An iframe that grows with its content (the script sets its height), and a picture for pages without iframes.',
		embedView: 'This view',
		embedStory: 'The story from its first step',
		colours: 'Colours of the picture',
		embedColours: 'Colours of the embed',
		themes: { light: 'Light', dark: 'Dark', system: "Automatic (as the page or the reader's system is set)" },
		words: 'Text in the image',
		fields: { title: 'Title', deck: 'Deck', note: 'Note', source: 'Source', credit: 'Credit' },
		creditPlaceholder: 'e.g. Graphic: name',
		reset: "Restore the story's text",
		describeFilters: 'Filters as a note:',
		svgText: 'Text in the SVG',
		svgTextModes: {
			embedded: 'Text, with the font embedded (editable)',
			outlines: 'Converted to outlines (for Illustrator and print)'
		},
		framing: 'Framing',
		framingStory: "The story's frame",
		framingScreen: 'As on screen',
		extentStory: "the story's frame",
		extentScreen: 'the extent on screen',
		preview: 'Preview of the layout',
		previewLabel: 'Preview: {width} × {height} px, map {mapWidth} × {mapHeight} px; dashed: {extent}',
		filename: 'File name',
		limits: "This browser's limit: {side} px per side, {megapixels} million pixels.",
		limitsUnknown: 'WebGL 2 is missing: images cannot be rendered here.',
		needsMap:
			"PNG pictures and files of the current view need the map, which is not loaded. SVG and PDF of the story's frame work without it.",
		download: 'Download',
		cancel: 'Cancel',
		close: 'Close',
		steps: {
			fonts: 'Loading fonts …',
			map: 'Rendering the map at {width} × {height} px …',
			compose: 'Setting title, legend and credits …',
			encode: 'Writing the PNG …',
			svg: 'Building the SVG …',
			pdf: 'Building the PDF …',
			data: 'Collecting the data …'
		},
		done: 'Saved: {filename}',
		missingGlyphs: 'Not in the font, so left out: {chars}',
		missingGlyphsFallback:
			"Not in the embedded font (another font on the reader's device draws them): {chars}",
		cancelled: 'Export cancelled.',
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
	}
};

export function exportStrings(lang: Lang): ExportStrings {
	return lang === 'de' ? de : en;
}
