import { FLOW_KINDS, type Certainty, type FlowKind, type Lang } from '$lib/story';

/** Camera position, kept so a URL can restore exactly the view. */
export interface Camera {
	center: [number, number];
	zoom: number;
	bearing: number;
}

/**
 * Everything the reader has chosen: the single source of truth for the page. The map style,
 * the legend, the lists and the URL are all derived from it; nothing else holds view state.
 */
export class ViewState {
	lang = $state<Lang>('de');
	kinds = $state<FlowKind[]>([...FLOW_KINDS]);
	certainty = $state<Certainty>('possible');
	/** 'YYYY-MM' up to which flows are shown, or null for all. */
	month = $state<string | null>(null);
	showPatrolWaters = $state(true);
	showRegions = $state(true);
	showBorders = $state(true);
	showLabels = $state(true);
	selectedId = $state<string | null>(null);
	hoveredId = $state<string | null>(null);
	camera = $state<Camera | null>(null);

	toggleKind(kind: FlowKind, on: boolean): void {
		const rest = this.kinds.filter((k) => k !== kind);
		// Keep legend order stable whatever the order of clicks.
		this.kinds = FLOW_KINDS.filter((k) => (k === kind ? on : rest.includes(k)));
	}
}
