import { describe, expect, it } from 'vitest';
import { presentationOf, story, type Story } from '../../src/lib/story';
import { parseStory } from '../../src/lib/story/parse';

/* A story's presentation: what it names is used as is, what it leaves out comes from the story. */

const bare: Story = {
	...story,
	presentation: undefined,
	title: { de: 'Zölle & Zäune', en: "Tariffs & Fences: Who's Next?" }
};

describe('presentationOf', () => {
	it("uses the built-in story's own presentation as written", () => {
		const p = presentationOf(story);
		// Regional first views (Korea and the Russian Far East): Moscow is named on its cable.
		expect(p.frame).toEqual([
			[113, 33.5],
			[138, 53]
		]);
		expect(p.framePhone).toEqual([
			[120.4, 36],
			[135.8, 52.5]
		]);
		expect(p.emphasis).toEqual(['408', '643', '156']);
		expect(p.labelSide).toEqual({ beijing: 'below', pyongyang: 'below-right', sinpo: 'below-right' });
		expect(p.fileName).toBe('nk-russia-flows');
		expect(p.deck?.en).toMatch(/every line is a claim/);
	});

	it('fills every gap of a story without presentation from the story itself', () => {
		const p = presentationOf(bare);
		const lons = story.places.map((pl) => pl.coord[0]);
		const lats = story.places.map((pl) => pl.coord[1]);
		expect(p.frame[0][0]).toBeLessThan(Math.min(...lons));
		expect(p.frame[1][0]).toBeGreaterThan(Math.max(...lons));
		expect(p.frame[0][1]).toBeLessThan(Math.min(...lats));
		expect(p.frame[1][1]).toBeGreaterThan(Math.max(...lats));
		expect([...p.emphasis].sort()).toEqual([...new Set(story.places.map((pl) => pl.country))].sort());
		expect(p.labelSide).toEqual({});
		expect(p.deck).toBeNull();
		expect(p.mapLabel.en).toBe("Map: Tariffs & Fences: Who's Next?");
		expect(p.fileName).toBe('tariffs-fences-whos-next');
	});

	it('is checked by the schema: frames, file names and label places', () => {
		const withP = (presentation: unknown) => parseStory({ ...story, presentation });
		expect(withP({ frame: [142, 33, 34, 58] }).ok).toBe(false);
		expect(withP({ fileName: 'Bad Name!' }).ok).toBe(false);
		const unknownPlace = withP({ labelSide: { atlantis: 'left' } });
		expect(unknownPlace.ok).toBe(false);
		if (!unknownPlace.ok)
			expect(unknownPlace.errors.join()).toContain(
				'presentation.labelSide.atlantis: unknown place "atlantis"'
			);
		expect(withP({ frame: [120, 35, 140, 50], fileName: 'my-story-2024' }).ok).toBe(true);
	});
});
