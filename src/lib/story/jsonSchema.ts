import { z } from 'zod';
import { storySchema } from './schema';

/** The story format as JSON Schema (draft 2020-12), for people who write story files by hand. */
export function storyJsonSchema(): Record<string, unknown> {
	return {
		$id: 'story.schema.json',
		title: 'Story file for the story map',
		description:
			'A whole story (replace) or, for "extend", an object with only the lists to add (sources, places, flows, areas, events). ' +
			'Also checked by the app, beyond this schema: ids are unique across places, flows, areas and events; ' +
			'every flow, event and evidence refers to an existing place or source; dates are real calendar dates and end is not before start.',
		...z.toJSONSchema(storySchema, { unrepresentable: 'any' })
	};
}
