import { AREA_KINDS, bboxToBounds, FLOW_KINDS, type Step, type Story } from '$lib/story';
import { openingFrame } from './framing';
import { AREA_SWITCH } from './visibility';
import { DEFAULT_VIEW, type ViewFields } from './view.svelte';

/*
 * Story mode: a step sets the whole view but the language and the camera, so entering a step
 * from anywhere (a later step, a deep link, the reader's own filters) gives the same map. What
 * a step leaves out is the map's default: there is no "keep what was there".
 */

type Bounds = [[number, number], [number, number]];

/** The view fields a step decides. */
export type StepFields = Pick<
	ViewFields,
	| 'kinds'
	| 'certainty'
	| 'until'
	| 'showPatrolWaters'
	| 'showRegions'
	| 'showBorders'
	| 'showLabels'
	| 'selectedId'
>;

/** The story's step at this index, or null (no step, or an index the story does not have). */
export function stepAt(story: Pick<Story, 'steps'>, index: number | null): Step | null {
	return index === null ? null : (story.steps?.[index] ?? null);
}

/** The view a step sets; for no step, the map's defaults (what "explore" hands over). */
export function stepFields(step: Step | null): StepFields {
	const areas: readonly string[] = step?.areas ?? AREA_KINDS;
	const fields: StepFields = {
		kinds: step?.kinds ? FLOW_KINDS.filter((k) => step.kinds!.includes(k)) : [...DEFAULT_VIEW.kinds],
		certainty: step?.certainty ?? DEFAULT_VIEW.certainty,
		until: step?.until ?? DEFAULT_VIEW.until,
		showPatrolWaters: DEFAULT_VIEW.showPatrolWaters,
		showRegions: DEFAULT_VIEW.showRegions,
		showBorders: DEFAULT_VIEW.showBorders,
		showLabels: DEFAULT_VIEW.showLabels,
		selectedId: null
	};
	for (const kind of AREA_KINDS) fields[AREA_SWITCH[kind]] = areas.includes(kind);
	return fields;
}

/** Enters a step (or leaves story mode with null): the whole view, in one change. */
export function enterStep(view: ViewFields, story: Pick<Story, 'steps'>, index: number | null): void {
	const step = stepAt(story, index);
	Object.assign(view, stepFields(step), { step: step ? index : null });
}

/** Where the camera goes for a step on a screen this wide; for no step, the story's opening frame. */
export function stepFrame(
	step: Step | null,
	story: { frame: Bounds; framePhone: Bounds },
	screenWidth: number
): Bounds {
	const frame = step?.frame ? bboxToBounds(step.frame) : story.frame;
	const framePhone = step?.framePhone
		? bboxToBounds(step.framePhone)
		: step?.frame
			? frame
			: story.framePhone;
	return openingFrame({ frame, framePhone }, screenWidth);
}

/**
 * What the map points at: the reader's own selection wins; otherwise the step's highlights.
 * Those light up and every other lane steps back.
 */
export function focusOf(selectedId: string | null, step: Step | null): string[] {
	return selectedId !== null ? [selectedId] : [...(step?.highlight ?? [])];
}
