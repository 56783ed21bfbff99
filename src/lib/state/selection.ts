import type { Area, Flow, Place, Story, StoryEvent } from '$lib/story';

/** What a selected id stands for, with what the details panel needs beside it. */
export type Selection =
	| { type: 'flow'; flow: Flow; from: Place; to: Place }
	| { type: 'place'; place: Place; flows: Flow[]; events: StoryEvent[] }
	| { type: 'area'; area: Area }
	| { type: 'event'; event: StoryEvent; place: Place };

/** Resolves an id from the map, a list or the URL; an unknown id selects nothing. */
export function resolveSelection(story: Story, id: string | null): Selection | null {
	if (!id) return null;
	const place = (pid: string) => story.places.find((p) => p.id === pid);
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
