import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import StoryIndex from '../../src/lib/components/StoryIndex.svelte';
import DetailsPanel from '../../src/lib/components/DetailsPanel.svelte';
import { groupInOrder, LIST_LIMIT } from '../../src/lib/components/lists';
import { FLOW_KINDS, story as builtIn, type Story } from '../../src/lib/story';
import { syntheticStory } from '../bench/synthetic';

/*
 * The long lists rendered on the server (no browser needed): how many elements a 10,000-flow
 * story puts into the page, and that the built-in story's lists are whole.
 */

const elements = (html: string) => (html.match(/<[a-z][a-z0-9-]*/g) ?? []).length;
const count = (html: string, pattern: RegExp) => (html.match(pattern) ?? []).length;

function index(story: Story, selectedId: string | null = null, lang: 'de' | 'en' = 'en') {
	const props = { story, flows: story.flows, lang, selectedId, onselect: () => {} };
	return render(StoryIndex, { props }).body;
}

const big = syntheticStory({ flows: 10_000 });

describe('StoryIndex', () => {
	it('lists the whole built-in story, with no "show more"', () => {
		const html = index(builtIn);
		expect(count(html, /data-flow-id=/g)).toBe(builtIn.flows.length);
		expect(count(html, /data-place-id=/g)).toBe(builtIn.places.length);
		expect(count(html, /data-area-id=/g)).toBe(builtIn.areas.length);
		expect(count(html, /data-event-id=/g)).toBe(builtIn.events.length);
		expect(html).not.toContain('class="more');
	});

	it('keeps 10,000 flows to a few hundred rows and under 2,000 elements', () => {
		const html = index(big);
		const groups = groupInOrder(big.flows, (f) => f.kind, FLOW_KINDS);
		expect(count(html, /data-flow-id=/g)).toBe(groups.length * LIST_LIMIT);
		expect(count(html, /class="more/g)).toBe(groups.length + 1); // every kind, and the 50 places
		expect(elements(html)).toBeLessThan(2_000);
	});

	it('names what the button adds, in both languages', () => {
		const visits = big.flows.filter((f) => f.kind === 'visit').length;
		const hidden = (visits - LIST_LIMIT).toLocaleString('en-GB');
		expect(index(big)).toContain(`Show 100 more (${hidden} not shown)`);
		expect(index(big, null, 'de')).toContain(
			`100 weitere zeigen (${(visits - LIST_LIMIT).toLocaleString('de-DE')} nicht gezeigt)`
		);
		expect(index(big)).toContain(`Show the remaining ${big.places.length - LIST_LIMIT}`);
	});

	it('renders the selected flow and place even far beyond the limit', () => {
		const flow = big.flows.at(-1)!;
		const html = index(big, flow.id);
		expect(html).toMatch(new RegExp(`aria-current="true" data-flow-id="${flow.id}"`));
		expect(count(html, /data-flow-id=/g)).toBe(8 * LIST_LIMIT + 1);
		const place = big.places.at(-1)!;
		expect(index(big, place.id)).toMatch(new RegExp(`data-place-id="${place.id}" aria-current="true"`));
	});
});

describe('DetailsPanel', () => {
	it("bounds a busy place's flow list", () => {
		const place = big.places[0]!;
		const flows = big.flows.filter((f) => f.from === place.id || f.to === place.id);
		expect(flows.length).toBeGreaterThan(LIST_LIMIT);
		const selection = { type: 'place' as const, place, flows, events: [] };
		const props = {
			selection,
			story: big,
			lang: 'en' as const,
			shown: new Set<string>(),
			onselect: () => {}
		};
		const html = render(DetailsPanel, { props }).body;
		expect(count(html, /<li[ >]/g)).toBe(LIST_LIMIT + 1); // the rows and "show more"
		expect(html).toContain(`(${flows.length - LIST_LIMIT} not shown)`);
		expect(elements(html)).toBeLessThan(300);
	});
});
