import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import {
	AREA_KINDS,
	presentationOf,
	type AreaKind,
	type Flow,
	type LocalText,
	type ShownPresentation,
	type Story
} from '$lib/story';
import { publishData } from '$lib/map/dataProtocol';
import { boundsIntersection } from '$lib/geo/bounds';
import type { WorldData } from '$lib/map/worldData';
import { fetchBaseData, type BaseData } from '$lib/map/baseData';
import {
	areaFeatures,
	areaLabelFeatures,
	countryLabelsFor,
	laneFeatures,
	lineIndex,
	placeFeatures,
	shapeIds
} from '$lib/map/storyFeatures';
import {
	allLaneFeatures,
	complementOf,
	dimmedLaneFeatures,
	laneStyleAt,
	highlightTargets,
	shownLaneFeatures,
	sourceIndex,
	type FeatureTarget
} from '$lib/map/featureStates';
import { relationsOf, shownLevels, type Relations } from '$lib/story/relations';
import type { StatefulSource, StyleData } from '$lib/map/sources';
import type { LaneStyle } from '$lib/map/layers';
import { certaintyAndTimeFilter, flowFacts, hasBegun } from './visibility';
import { placeSymbolsOf, shownAreaKinds } from './legend';
import { whenStartKey } from '$lib/story/when';
import { resolveSelection } from './selection';
import { enterStep, focusOf, stepAt } from './steps';
import { timelineStops } from './timeline';
import { ViewState } from './view.svelte';
import { balanceStrings } from '$lib/i18n/bidi';

type AreaShapes = FeatureCollection<Polygon | MultiPolygon>;

/**
 * The story on the map and everything derived from it and the view, each derivation named once
 * (the selector idea of flowmap.gl): the components and the map read these and compute nothing
 * of their own. Data for the map is published when the story changes, by `setStory`, not as a
 * side effect of a derivation.
 */
export class AppState {
	/** The reader's choices; the derivations below read them. */
	readonly view = new ViewState();
	/** The built-in story, or one the reader opened from a file. */
	story = $state.raw<Story>() as Story;
	/** URLs of the map's data; null until the shipped data has been asked for. */
	data = $state.raw<StyleData | null>(null);
	/** The shipped data, kept for exports (SVG redraws it as vectors). */
	base: BaseData | null = null;
	private basemap: Pick<StyleData, 'countries' | 'land' | 'borders'> | null = null;

	constructor(story: Story) {
		this.story = story;
	}

	/** The kinds of area the story draws, in legend order, with its names for them. */
	readonly areaLayers: { kind: AreaKind; name: LocalText }[] = $derived(
		AREA_KINDS.filter((kind) => this.story.areas.some((a) => a.kind === kind)).map((kind) => ({
			kind,
			name: this.presentation.areaKindNames[kind]
		}))
	);
	/** Which place symbols the map draws (the legend keys only those). */
	readonly placeSymbols: { capital: boolean; other: boolean } = $derived(placeSymbolsOf(this.story.places));
	/** Whether any evidence cites an article paragraph (then the page says what is counted). */
	readonly citesParagraphs: boolean = $derived(
		[...this.story.flows, ...this.story.areas, ...this.story.events].some((item) =>
			item.evidence.some((e) => e.paragraph !== undefined)
		)
	);
	/** How the story is shown: deck, map label, frames, emphasis, file names (defaults filled). */
	readonly presentation: ShownPresentation = $derived(presentationOf(this.story));
	/** Where area names go: inside what both first views show. */
	readonly labelFrame = $derived(
		boundsIntersection(this.presentation.frame, this.presentation.framePhone) ?? undefined
	);
	/** The flows by pair of places (relations) and stroke (lanes): what the map draws. */
	readonly relations: Relations = $derived(relationsOf(this.story.flows));
	/** The lanes as drawn (the relations' cables, the train's route), one feature per level. */
	readonly flowLines: FeatureCollection<LineString | Point> = $derived(
		laneFeatures(this.story, this.relations)
	);
	/** Each flow's drawn line, by flow id. */
	readonly lineOf: ReadonlyMap<string, LineString['coordinates']> = $derived(
		lineIndex(this.flowLines, this.relations)
	);
	private readonly laneFeatureIds: string[] = $derived(allLaneFeatures(this.relations));
	/** The dates the timeline stops at. */
	readonly stops: string[] = $derived(timelineStops([...this.story.flows, ...this.story.areas]));
	/** Which map source holds each story id, for feature state. */
	private readonly sourceOf: ReadonlyMap<string, StatefulSource> = $derived(sourceIndex(this.story));

	/** Each flow's kind, certainty and start (a time key), in story order: parsed once per story. */
	private readonly facts = $derived(this.story.flows.map(flowFacts));
	/** How many claims (flows and areas) the article does not date: shown only at "all dates". */
	readonly undatedCount: number = $derived(
		this.facts.filter((f) => f.start === null).length +
			this.story.areas.filter((a) => whenStartKey(a.when) === null).length
	);
	private readonly visibility = $derived({
		kinds: this.view.kinds,
		certainty: this.view.certainty,
		until: this.view.until
	});
	/** Flows passing the certainty and time filters, whatever their kind: each checkbox's count. */
	readonly candidates: Flow[] = $derived.by(() => {
		const keep = certaintyAndTimeFilter(this.visibility);
		return this.story.flows.filter((_, i) => keep(this.facts[i]!));
	});
	/** The flows drawn now: what the legend, the list and the exports show. */
	readonly visibleFlows: Flow[] = $derived(
		this.candidates.filter((f) => this.visibility.kinds.includes(f.kind))
	);
	/**
	 * The areas not begun at the timeline's date: the map's area layers leave them out by filter
	 * (their kind's switch is the layers' visibility, so a checkbox changes no filter).
	 */
	readonly hiddenAreas: string[] = $derived(
		this.story.areas.filter((a) => !hasBegun(a, this.view.until)).map((a) => a.id)
	);
	/** The kinds of area with something drawn now, in legend order (the legend keys these). */
	readonly shownAreaLayers = $derived.by(() => {
		const shown = shownAreaKinds(this.story.areas, this.view);
		return this.areaLayers.filter((l) => shown.includes(l.kind));
	});

	/** What the selected id stands for, or null. */
	readonly selection = $derived(resolveSelection(this.story, this.view.selectedId, this.relations));
	/** The story step being read, or null. */
	readonly step = $derived(stepAt(this.story, this.view.step));
	/** What the map points at: the selection (if it resolves), else the step's highlights. */
	private readonly focus: string[] = $derived(
		focusOf(this.selection ? this.view.selectedId : null, this.step)
	);
	/** The flows in focus: each drawn at its own certainty, never its lane-mates' surer one. */
	private readonly focusedFlows: string[] = $derived(
		this.focus.filter((id) => this.relations.laneOf.has(id))
	);
	/** The level each shown lane is drawn at. */
	private readonly levels = $derived(shownLevels(this.relations, this.visibleFlows, this.focusedFlows));
	/** Lane features switched off, for the live map's feature state. */
	readonly hiddenLanes: ReadonlySet<string> = $derived(
		complementOf(this.laneFeatureIds, shownLaneFeatures(this.levels, this.relations))
	);
	/** Lane features that step back behind what is in focus. */
	readonly dimmedLanes: ReadonlySet<string> = $derived(
		dimmedLaneFeatures(this.focus, this.relations, this.levels)
	);
	/** What is in focus and the hovered feature, for the live map's feature state. */
	readonly highlighted: FeatureTarget[] = $derived(this.targets([...this.focus, this.view.hoveredId]));
	/** What an export map shows of the lanes: no hover, only what is in focus. */
	readonly exportLanes: LaneStyle = $derived(
		laneStyleAt(this.levels, this.relations, this.focus, this.sourceOf)
	);

	private targets(ids: (string | null)[]): FeatureTarget[] {
		return highlightTargets(ids, this.sourceOf, this.relations, this.levels);
	}

	/** Fetches the shipped data and publishes everything the map draws. Once, in the browser. */
	start(base: string): void {
		this.base = fetchBaseData(base);
		const part = <K extends keyof WorldData>(key: K) => this.base!.world.then((w) => w[key]);
		this.basemap = {
			countries: publishData('countries', part('countries')),
			land: publishData('land', part('land')),
			borders: publishData('borders', part('borders'))
		};
		this.publishStory();
	}

	/**
	 * Replaces the story; a selection the new story does not have would point at nothing, and a
	 * step it does not have is left for the whole map (not the old step's filters).
	 */
	setStory(next: Story): void {
		// A story file's own isolates balanced (i18n/bidi.ts), so no stray PDI in a name can close
		// the <bdi> around it; a story without isolate controls is kept as the very same object.
		next = balanceStrings(next);
		this.story = next;
		// The step is entered again in the new story: its view is the new story's step's, if any.
		if (this.view.step !== null) enterStep(this.view, next, this.view.step);
		if (this.view.selectedId && !resolveSelection(next, this.view.selectedId, relationsOf(next.flows)))
			this.view.selectedId = null;
		// Words written for the old story's export (its title, its source) must not credit the new one.
		this.view.exportText = {};
		this.publishStory();
	}

	/** The ids of every area shape that ships with the map: the only areas a story can draw. */
	shippedAreaIds(): Promise<ReadonlySet<string>> | null {
		return this.base?.areaShapes.then(shapeIds) ?? null;
	}

	/** The area shapes named and described by the current story (exports read them too). */
	areaShapes(): Promise<AreaShapes> | null {
		const story = this.story;
		return this.base?.areaShapes.then((shapes) => areaFeatures(story, shapes)) ?? null;
	}

	private countryLabels: { key: string; url: string } | null = null;

	/**
	 * The country names' source: per story, since a story may move its countries' names into its
	 * frame, but published again only when those places change (an extension file keeps them).
	 */
	private countryLabelsUrl(
		world: Promise<WorldData>,
		at: Readonly<Record<string, [number, number]>>
	): string {
		const key = JSON.stringify(at);
		if (this.countryLabels?.key !== key) {
			const url = publishData(
				'country-labels',
				world.then((w) => countryLabelsFor(w.countryLabels, at))
			);
			this.countryLabels = { key, url };
		}
		return this.countryLabels.url;
	}

	/** New URLs for the story's four sources: MapView reloads exactly these, once each. */
	private publishStory(): void {
		const areas = this.areaShapes();
		const world = this.base?.world;
		if (!this.basemap || !areas || !world) return;
		const at = this.presentation.countryLabels;
		this.data = {
			...this.basemap,
			countryLabels: this.countryLabelsUrl(world, at),
			areas: publishData('areas', areas),
			areaLabels: publishData(
				'area-labels',
				areas.then((a) => areaLabelFeatures(a, this.labelFrame))
			),
			flows: publishData('flows', this.flowLines),
			places: publishData('places', placeFeatures(this.story))
		};
	}
}
