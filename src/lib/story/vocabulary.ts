/*
 * The story's vocabulary: its kinds, levels and shapes, as plain constants and types. Components,
 * the map and the exports import these; only the code that parses a user's file loads the schema
 * (schema.ts, with zod), so the first page load carries no parser. schema.ts builds its enums from
 * these lists and proves at compile time that it parses into exactly these types.
 */

/** The app's languages; every text in a story exists in both. */
export const LANGS = ['de', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** Text in both languages of the app; both are required so no view ever falls back silently. */
export interface LocalText {
	de: string;
	en: string;
}

/** [longitude, latitude] in degrees, WGS84. */
export type Coord = [number, number];

export const PLACE_ROLES = ['capital', 'city', 'port', 'shipyard'] as const;
export type PlaceRole = (typeof PLACE_ROLES)[number];

/** Flow kinds in legend order. */
export const FLOW_KINDS = [
	'visit',
	'arms',
	'technology',
	'food',
	'labour',
	'trade',
	'diplomacy',
	'letters'
] as const;
export type FlowKind = (typeof FLOW_KINDS)[number];

/** How sure the article is, most sure first (filters show "this level and everything above"). */
export const CERTAINTIES = ['reported', 'claimed', 'possible'] as const;
export type Certainty = (typeof CERTAINTIES)[number];

// ---------------------------------------------------------------------------------------------
// Dates

export const PRECISIONS = ['day', 'days', 'month', 'since', 'undated'] as const;
export type Precision = (typeof PRECISIONS)[number];

/**
 * When something happened. Which of start and end a precision needs (and in which format) is
 * checked by the schema: 'day' a start day, 'days' a start and end day, 'month' a start month,
 * 'since' a start day or month, 'undated' neither.
 */
export interface When {
	precision: Precision;
	start?: string;
	end?: string;
	/** Where a date comes from when it is public record and not from the article. */
	note?: LocalText;
}

/*
 * The date rule, one for every date a story has (a day, a range's ends, a month, `since`, a
 * step's `until`, `article.published`) and so for the timeline and the URL, which ask the same
 * two functions: a year 0001 to 9999, always four digits; a month 01 to 12; a day that exists in
 * that month of the proleptic Gregorian calendar (the leap rule of 4, 100 and 400 taken back to
 * the year 1). Year 0000 (1 BC) is not a date here: Intl would write it as the year 1.
 * Checked by arithmetic, not by Date, whose Date.UTC reads the years 0 to 99 as 1900 to 1999.
 */
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_RE = /^(\d{4})-(\d{2})$/;

/** A real calendar day 'YYYY-MM-DD' by the date rule (rejects 2023-02-30 and 0000-01-01). */
export function isIsoDay(s: string): boolean {
	const m = DAY_RE.exec(s);
	if (!m || !isIsoMonth(`${m[1]}-${m[2]}`)) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	const leap = y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
	const days = mo === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(mo) ? 30 : 31;
	return d >= 1 && d <= days;
}

/** A month 'YYYY-MM' by the date rule: year 0001 to 9999, month 01 to 12. */
export function isIsoMonth(s: string): boolean {
	const m = MONTH_RE.exec(s);
	if (!m) return false;
	const [y, mo] = [Number(m[1]), Number(m[2])];
	return y >= 1 && mo >= 1 && mo <= 12;
}

// ---------------------------------------------------------------------------------------------
// Entities

/**
 * Who a piece of evidence comes from. All but 'public-record' are voices the article itself
 * reports (so their evidence names the article paragraph); 'public-record' is well-documented
 * fact from outside the article (dates, places), named in the source's `detail` and never cited
 * by paragraph.
 */
export const SOURCE_KINDS = [
	'article',
	'media',
	'government',
	'analyst',
	'unattributed',
	'public-record'
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface Source {
	id: string;
	name: LocalText;
	kind: SourceKind;
	detail?: LocalText;
}

export interface Place {
	id: string;
	name: LocalText;
	coord: Coord;
	role: PlaceRole;
	/** ISO 3166-1 numeric code as a 3-digit string, matching the world-atlas feature ids. */
	country: string;
	/** Why the place is on the map when the article does not name it. */
	note?: LocalText;
}

export interface Evidence {
	/** A source id. */
	source: string;
	/**
	 * 1-based number of the non-empty line of the article text (headings and boxes count as lines).
	 * Required for every source the article reports; absent for public record.
	 */
	paragraph?: number;
	/** Short verbatim German phrase from that paragraph. */
	quote?: string;
}

export interface Flow {
	id: string;
	kind: FlowKind;
	/** Place ids. */
	from: string;
	to: string;
	/** Waypoints between from and to, only where the real route matters (e.g. a rail line). */
	via?: Coord[];
	/**
	 * The relation runs both ways (trade, an exchange of letters): from/to only fix the order
	 * of the endpoints, renderers should not show a single direction.
	 */
	mutual?: boolean;
	when: When;
	certainty: Certainty;
	label: LocalText;
	summary: LocalText;
	evidence: Evidence[];
}

/**
 * Area geometry is built separately (geo/) into a GeoJSON whose feature ids are area ids, so a
 * story can only draw areas whose shapes ship with the map: parseStory checks them against the
 * shipped ids when it is given them (the app always does).
 */
export const AREA_KINDS = ['patrol-waters', 'recognised-region'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export interface Area {
	id: string;
	kind: AreaKind;
	name: LocalText;
	/** A short second line for the map label, e.g. what the area is about. */
	caption?: LocalText;
	/** Where the map label goes, if not at the middle of the shape (a sea's middle may be crowded). */
	labelAt?: Coord;
	/** What the drawn shape stands for and how exact it is. */
	note?: LocalText;
	summary: LocalText;
	certainty: Certainty;
	when: When;
	evidence: Evidence[];
}

export interface StoryEvent {
	id: string;
	/** A place id. */
	place: string;
	when: When;
	title: LocalText;
	summary: LocalText;
	certainty: Certainty;
	evidence: Evidence[];
}

export interface Article {
	publisher: string;
	author: string;
	/** 'YYYY-MM' or 'YYYY-MM-DD'. */
	published: string;
	language: Lang;
}

/** Sides of a dot a name can take (see Presentation.labelSide). */
export const LABEL_SIDES = [
	'right',
	'left',
	'above',
	'below',
	'above-right',
	'below-right',
	'above-left',
	'below-left'
] as const;
export type LabelSide = (typeof LABEL_SIDES)[number];

/** [west, south, east, north] in degrees. */
export type BBox = [number, number, number, number];

/**
 * How a story is shown, beside what it says: the words around the map, its first frame, the
 * countries it puts forward, label tweaks and the names of its exported files. Every field is
 * optional; presentation.ts fills in what a story leaves out from the story itself.
 */
export interface Presentation {
	/** One line under the title: what the map shows. */
	deck?: LocalText;
	/** The map's accessible name. */
	mapLabel?: LocalText;
	/** The first view on a wide screen; without one the map fits the story's places. */
	frame?: BBox;
	/** The first view on a phone (narrow, tall); without one, `frame`. */
	framePhone?: BBox;
	/** Countries (ISO numeric ids) drawn in the story's land tone; default: those of its places. */
	emphasis?: string[];
	/**
	 * Where a place's name goes beside its dot, by place id, when the default (right of it) would
	 * sit on a neighbour or a line: Beijing's left (Pyongyang lies east), Pyongyang's below right
	 * (the train leaves it eastward). The map tries the other sides after it.
	 */
	labelSide?: Record<string, LabelSide>;
	/**
	 * Where a country's name goes on this story's map, by ISO numeric id: a country's own label
	 * point may lie outside the story's frame (Russia's is in Siberia), and a story country must
	 * be named in its first view.
	 */
	countryLabels?: Record<string, Coord>;
	/** Start of every exported file's name: lowercase letters, digits and hyphens. */
	fileName?: string;
	/** What the story calls each kind of area it draws (the layer switches and legends). */
	areaKindNames?: { 'patrol-waters'?: LocalText; 'recognised-region'?: LocalText };
	/** Another newsroom's look for the page and its embed; without it, ours. */
	house?: HouseStyle;
}

/**
 * A newsroom's look: its publisher line and logo above the title, its accent (links, focus ring,
 * the primary button) in both themes, and its text face for the page. Files are paths on the
 * site that serves the map (self-hosted: the page loads nothing from another origin). The map's
 * labels and the exports keep Noto Sans, whose glyphs they embed and measure.
 */
export interface HouseStyle {
	/** Who publishes the map, as the page shows it ("Beispiel-Zeitung · Grafik"); also the exports' default credit. */
	publisher?: LocalText;
	/**
	 * A picture of the newsroom's name: a site path to an SVG, PNG or WebP, another for the dark
	 * page if the first would vanish on it, and its text (read only when no publisher line says it).
	 */
	logo?: { src: string; dark?: string; alt: LocalText };
	/** Links, focus ring and the primary button, per theme ('#rrggbb', 4.5:1 against the page). */
	accent?: { light: string; dark: string };
	/** The text face of the page (its titles, panels and dialogs). */
	font?: { family: string; regular: string; bold?: string };
}

/**
 * One step of the guided walk through the article (story mode). Entering a step sets the whole
 * view: every field it leaves out returns to the map's default (all kinds, every certainty, all
 * dates, every area), so stepping back never keeps a later step's layers.
 */
export interface Step {
	id: string;
	title: LocalText;
	/** What the step says, in the article's own hedges ("soll", "könnte", "laut"). */
	text: LocalText;
	/** The camera on a wide screen; without one the story's frame. */
	frame?: BBox;
	/** The camera on a phone; without one the step's `frame`, then the story's phone frame. */
	framePhone?: BBox;
	/** Flow kinds shown; default all. */
	kinds?: FlowKind[];
	/** The least certain level shown; default 'possible' (all). */
	certainty?: Certainty;
	/** The timeline's date ('YYYY-MM-DD' or 'YYYY-MM'): what had begun by then; default all dates. */
	until?: string;
	/** Kinds of area shown; default all. */
	areas?: AreaKind[];
	/** Ids the step is about (flows, relations `a~b`, places, areas, events): lit, the rest dimmed. */
	highlight?: string[];
	evidence: Evidence[];
}

export interface Story {
	version: 1;
	title: LocalText;
	article: Article;
	presentation?: Presentation;
	sources: Source[];
	places: Place[];
	flows: Flow[];
	areas: Area[];
	events: StoryEvent[];
	/** The guided walk; a story without steps opens as a map to explore. */
	steps?: Step[];
}

/** Story files larger than this are refused before they are read: 10 MB holds ~20,000 flows. */
export const MAX_STORY_BYTES = 10 * 1024 * 1024;
