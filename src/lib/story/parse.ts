import type { z } from 'zod';
import { relationId } from './relations';
import { ErrorList, formatPath, quote, quoteKeys } from './errorText';
import { LISTS, storyFrame, type ListKey } from './schema';
import type { Evidence, Source, Story } from './vocabulary';

/*
 * Parsing a story file into a Story, with errors a reader can act on: every error is
 * `path: message` (`flows[3].to: unknown place "pyongyng"`), at most a hundred of them, and no
 * file, however large or broken, makes the check run long or deep.
 */

function issueMessage(issue: z.core.$ZodIssue): string {
	// zod's own text for unknown keys does not say which keys; ours names them, a few at most.
	if (issue.code === 'unrecognized_keys')
		return `${issue.keys.length === 1 ? 'unknown key' : 'unknown keys'} ${quoteKeys(issue.keys)}`;
	return issue.message;
}

function addIssues(
	errors: ErrorList,
	issues: readonly z.core.$ZodIssue[],
	prefix: readonly PropertyKey[] = []
) {
	for (const issue of issues) errors.add(`${formatPath([...prefix, ...issue.path])}: ${issueMessage(issue)}`);
}

/** Checks zod cannot express per object: references between collections and id uniqueness. */
function checkCrossReferences(story: Story, shapes: ReadonlySet<string> | null, errors: ErrorList): void {
	const sourceKinds = new Map<string, Source['kind']>();
	story.sources.forEach((s, i) => {
		if (sourceKinds.has(s.id)) errors.add(`sources[${i}].id: duplicate id ${quote(s.id)}`);
		sourceKinds.set(s.id, s.kind);
	});
	// Places, flows, areas and events share one id space: the map, the URL and the details panel
	// select any of them by id alone.
	const featureIds = new Set<string>();
	const claim = (collection: string, i: number, id: string) => {
		if (featureIds.has(id)) errors.add(`${collection}[${i}].id: duplicate id ${quote(id)}`);
		featureIds.add(id);
	};
	story.places.forEach((p, i) => claim('places', i, p.id));
	const placeIds = new Set(story.places.map((p) => p.id));
	const checkPlace = (path: string, id: string) => {
		if (!placeIds.has(id)) errors.add(`${path}: unknown place ${quote(id)}`);
	};
	const checkEvidence = (path: string, evidence: readonly Evidence[]) =>
		evidence.forEach((e, j) => {
			const at = `${path}.evidence[${j}]`;
			const kind = sourceKinds.get(e.source);
			if (kind === undefined) errors.add(`${at}.source: unknown source ${quote(e.source)}`);
			// Everything the article reports is located in it; public record is not in it at all.
			else if (kind === 'public-record' && e.paragraph !== undefined)
				errors.add(`${at}.paragraph: public record is not in the article, so it has no paragraph`);
			else if (kind !== 'public-record' && e.paragraph === undefined)
				errors.add(`${at}.paragraph: required for a source the article reports (${quote(e.source)})`);
		});
	story.flows.forEach((f, i) => {
		claim('flows', i, f.id);
		checkPlace(`flows[${i}].from`, f.from);
		checkPlace(`flows[${i}].to`, f.to);
		if (f.from === f.to) errors.add(`flows[${i}].to: flow must connect two places, got ${quote(f.to)} twice`);
		checkEvidence(`flows[${i}]`, f.evidence);
	});
	story.areas.forEach((a, i) => {
		claim('areas', i, a.id);
		if (shapes && !shapes.has(a.id))
			errors.add(
				`areas[${i}].id: no shape ${quote(a.id)} ships with the map (shapes: ${[...shapes].sort().join(', ')})`
			);
		checkEvidence(`areas[${i}]`, a.evidence);
	});
	story.events.forEach((e, i) => {
		claim('events', i, e.id);
		checkPlace(`events[${i}].place`, e.place);
		checkEvidence(`events[${i}]`, e.evidence);
	});
	for (const id of Object.keys(story.presentation?.labelSide ?? {}))
		checkPlace(formatPath(['presentation', 'labelSide', id]), id);
	const relationIds = new Set(story.flows.map((f) => relationId(f.from, f.to)));
	const stepIds = new Set<string>();
	story.steps?.forEach((step, i) => {
		if (stepIds.has(step.id)) errors.add(`steps[${i}].id: duplicate id ${quote(step.id)}`);
		stepIds.add(step.id);
		step.highlight?.forEach((id, j) => {
			if (!featureIds.has(id) && !relationIds.has(id))
				errors.add(
					`steps[${i}].highlight[${j}]: unknown id ${quote(id)} (not a place, flow, area, event or relation)`
				);
		});
		checkEvidence(`steps[${i}]`, step.evidence);
	});
}

export type ParseResult = { ok: true; story: Story } | { ok: false; errors: string[] };

/**
 * Validates anything (typically `JSON.parse` output of a reader's file) as a story. Never throws.
 * `shapes`: the area ids whose geometry ships with the map; without them (a build script, a test
 * that has no geodata) area ids are only checked for form.
 *
 * Two passes: the story without its lists' items (root keys, fields, list lengths), then each
 * item on its own. One item's issues stay few, where a whole 20000-flow file's would be hundreds
 * of thousands (zod's collection of them overflowed the stack); and checking stops once a
 * hundred errors are found.
 */
export function parseStory(input: unknown, shapes: ReadonlySet<string> | null = null): ParseResult {
	try {
		const errors = new ErrorList();
		const frame = storyFrame.safeParse(input);
		if (!frame.success) addIssues(errors, frame.error.issues);
		if (typeof input !== 'object' || input === null || Array.isArray(input))
			return { ok: false, errors: errors.list() };
		// A list whose length or type is wrong has no items worth checking.
		const failed = new Set(frame.success ? [] : frame.error.issues.map((issue) => issue.path[0]));
		const checked: Partial<Record<ListKey, unknown[]>> = {};
		for (const key of Object.keys(LISTS) as ListKey[]) {
			const items = (input as Record<string, unknown>)[key];
			if (!Array.isArray(items) || failed.has(key)) continue;
			const out: unknown[] = [];
			for (let i = 0; i < items.length; i++) {
				if (errors.full) {
					errors.stopped();
					return { ok: false, errors: errors.list() };
				}
				const result = LISTS[key].item.safeParse(items[i]);
				if (result.success) out.push(result.data);
				else addIssues(errors, result.error.issues, [key, i]);
			}
			checked[key] = out;
		}
		if (!frame.success || !errors.empty) return { ok: false, errors: errors.list() };
		// The frame keeps the schema's key order; its lists are replaced by their checked (trimmed) items.
		const story = { ...frame.data, ...checked } as Story;
		// Cross-references only make sense once every object has the right shape.
		checkCrossReferences(story, shapes, errors);
		return errors.empty ? { ok: true, story } : { ok: false, errors: errors.list() };
	} catch (e) {
		// Defensive: exotic inputs (throwing getters, proxies) must not crash the loader.
		return {
			ok: false,
			errors: [`(root): could not be read (${e instanceof Error ? e.message : String(e)})`]
		};
	}
}
