import type { Area, Flow, Place, Story, StoryEvent } from '$lib/story';
import type { Relation, Relations } from '$lib/story/relations';

/** What a selected id stands for, with what the details panel needs beside it. */
export type Selection =
	| { type: 'flow'; flow: Flow; from: Place; to: Place }
	| { type: 'relation'; relation: Relation; places: [Place, Place] }
	/** A click that hit several relations: the reader chooses (never the hit order). */
	| { type: 'choice'; options: { relation: Relation; places: [Place, Place] }[] }
	| { type: 'place'; place: Place; flows: Flow[]; events: StoryEvent[] }
	| { type: 'area'; area: Area }
	| { type: 'event'; event: StoryEvent; place: Place };

/** Resolves an id from the map, a list or the URL; an unknown id selects nothing. */
export function resolveSelection(story: Story, id: string | null, relations: Relations): Selection | null {
	if (!id) return null;
	const place = (pid: string) => story.places.find((p) => p.id === pid);
	const relation = relations.byId.get(id);
	if (relation) {
		const a = place(relation.places[0]);
		const b = place(relation.places[1]);
		return a && b ? { type: 'relation', relation, places: [a, b] } : null;
	}
	const flow = story.flows.find((f) => f.id === id);
	if (flow) {
		const from = place(flow.from);
		const to = place(flow.to);
		return from && to ? { type: 'flow', flow, from, to } : null;
	}
	const p = place(id);
	if (p) {
		return {
			type: 'place',
			place: p,
			flows: story.flows.filter((f) => f.from === id || f.to === id),
			events: story.events.filter((e) => e.place === id)
		};
	}
	const area = story.areas.find((a) => a.id === id);
	if (area) return { type: 'area', area };
	const event = story.events.find((e) => e.id === id);
	if (event) {
		const at = place(event.place);
		return at ? { type: 'event', event, place: at } : null;
	}
	return null;
}

/**
 * What a click that hit these ids (topmost first: lane ids, place and area ids) selects. A city's
 * dot is drawn over the lines, so a hit place wins. Lanes of one relation open it, or the claim
 * itself when the click hit one lane that holds only it (Kim's train); lanes of several relations
 * become a choice for the reader (a click where cables meet never picks one at random). An area
 * only when nothing else was hit.
 */
export function selectFromHits(
	ids: readonly string[],
	story: Pick<Story, 'places'>,
	relations: Relations
): { select: string | null; choose: string[] } {
	const place = ids.find((id) => story.places.some((p) => p.id === id));
	if (place) return { select: place, choose: [] };
	const lanes = ids.flatMap((id) => relations.lanes.get(id) ?? []);
	const hitRelations = [...new Set(lanes.map((l) => l.relation))];
	if (hitRelations.length > 1) return { select: null, choose: hitRelations };
	if (lanes.length === 1 && lanes[0]!.flows.length === 1)
		return { select: lanes[0]!.flows[0]!.id, choose: [] };
	const other = ids.find((id) => !relations.lanes.has(id));
	return { select: hitRelations[0] ?? other ?? null, choose: [] };
}

/** What hovering an id (as selectFromHits reads them) lights up: a lane's relation, or the id. */
export function hoverTarget(id: string | null, relations: Relations): string | null {
	return id === null ? null : (relations.lanes.get(id)?.relation ?? id);
}

/** The choice among several relations, as a selection for the details panel. */
export function choiceOf(story: Story, ids: readonly string[], relations: Relations): Selection | null {
	const options: { relation: Relation; places: [Place, Place] }[] = [];
	for (const id of ids) {
		const resolved = resolveSelection(story, id, relations);
		if (resolved?.type === 'relation') options.push({ relation: resolved.relation, places: resolved.places });
	}
	return options.length > 1 ? { type: 'choice', options } : null;
}
