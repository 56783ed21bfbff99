import { FLOW_KINDS, type Certainty, type FlowKind, type Lang } from '$lib/story';
import type { ExportTextEdits } from './exportText';

/** Camera position, kept so a URL can restore exactly the view. */
export interface Camera {
	center: [number, number];
	zoom: number;
	bearing: number;
}

/** The reader's choices as plain data: what ViewState holds, without reactivity. */
export interface ViewFields {
	lang: Lang;
	/** The story step being read (0-based index into story.steps), or null: exploring the map. */
	step: number | null;
	kinds: FlowKind[];
	certainty: Certainty;
	/** The timeline's date ('YYYY-MM-DD' or 'YYYY-MM'): what had begun by then; null for all. */
	until: string | null;
	showPatrolWaters: boolean;
	showRegions: boolean;
	showBorders: boolean;
	showLabels: boolean;
	selectedId: string | null;
	hoveredId: string | null;
	camera: Camera | null;
}

/** What a reader sees on opening the app; the one home of every default (URL, tests, reset). */
export const DEFAULT_VIEW: Readonly<ViewFields> = Object.freeze({
	lang: 'de',
	step: null,
	kinds: [...FLOW_KINDS],
	certainty: 'possible',
	until: null,
	showPatrolWaters: true,
	showRegions: true,
	showBorders: true,
	showLabels: true,
	selectedId: null,
	hoveredId: null,
	camera: null
});

/**
 * The view as everything downstream reads it (style, legend, exports): plain and immutable.
 * Hover is not part of it: it is feature state on the live map and never exported, so a pointer
 * move changes no snapshot.
 */
export interface ViewSnapshot {
	lang: Lang;
	/** The story step shown (its title heads an export), or null. */
	step: number | null;
	/** Flow kinds that are switched on. */
	kinds: readonly FlowKind[];
	/** The least certain level still shown: 'reported' shows only reported flows, 'possible' shows all. */
	certainty: Certainty;
	/** The timeline's date: what had begun by then is shown; null = no time filter. */
	until: string | null;
	showPatrolWaters: boolean;
	showRegions: boolean;
	showBorders: boolean;
	showLabels: boolean;
	selectedId: string | null;
}

/** The one place a snapshot is made, from the live state or from plain fields (tests, exports). */
export function snapshotOf(v: Omit<ViewFields, 'camera' | 'hoveredId'>): ViewSnapshot {
	return {
		lang: v.lang,
		step: v.step,
		kinds: [...v.kinds],
		certainty: v.certainty,
		until: v.until,
		showPatrolWaters: v.showPatrolWaters,
		showRegions: v.showRegions,
		showBorders: v.showBorders,
		showLabels: v.showLabels,
		selectedId: v.selectedId
	};
}

/**
 * Everything the reader has chosen: the single source of truth for the page. The map style,
 * the legend, the lists and the URL are all derived from it; nothing else holds view state.
 */
export class ViewState implements ViewFields {
	lang = $state<Lang>(DEFAULT_VIEW.lang);
	step = $state<number | null>(DEFAULT_VIEW.step);
	kinds = $state<FlowKind[]>([...DEFAULT_VIEW.kinds]);
	certainty = $state<Certainty>(DEFAULT_VIEW.certainty);
	until = $state<string | null>(DEFAULT_VIEW.until);
	showPatrolWaters = $state(DEFAULT_VIEW.showPatrolWaters);
	showRegions = $state(DEFAULT_VIEW.showRegions);
	showBorders = $state(DEFAULT_VIEW.showBorders);
	showLabels = $state(DEFAULT_VIEW.showLabels);
	selectedId = $state<string | null>(DEFAULT_VIEW.selectedId);
	hoveredId = $state<string | null>(DEFAULT_VIEW.hoveredId);
	camera = $state<Camera | null>(DEFAULT_VIEW.camera);
	/** The export's own words as the reader edited them (none: the story's); not part of the map. */
	exportText = $state<ExportTextEdits>({});

	/** Derived once per change, read by the style, the legend, the lists and the exporter. */
	readonly snapshot: ViewSnapshot = $derived(snapshotOf(this));

	toggleKind(kind: FlowKind, on: boolean): void {
		const rest = this.kinds.filter((k) => k !== kind);
		// Keep legend order stable whatever the order of clicks.
		this.kinds = FLOW_KINDS.filter((k) => (k === kind ? on : rest.includes(k)));
	}
}
