import { CERTAINTIES, FLOW_KINDS, formatDate, presentationOf, type Flow, type Story } from '$lib/story';
import { strings } from '$lib/i18n/strings';
import { listFormat, LOCALES } from '$lib/i18n/format';
import { isolate, PDI } from '$lib/i18n/bidi';
import { pointInPicture, shownAreaKinds, type PictureExtent } from './legend';
import { stepAt } from './steps';
import type { ViewSnapshot } from './view.svelte';

/**
 * The map in words, from what it shows now: the step, how many lines of each kind and how sure
 * the article is of them, the places, the areas and the date. The live map's accessible
 * description, and the alt text the export dialog offers (and writes into SVG, PDF and PNG).
 * Built from the same visibility rules as the map, so it never describes more than is drawn.
 * The story's words (map label, step title, names) sit among the app's, each isolated
 * (i18n/bidi.ts): a name that starts with a right-to-left override reorders only itself.
 */
export function altText(
	story: Story,
	view: ViewSnapshot,
	/** The flows drawn (AppState.visibleFlows, content.ts visibleFlows): counted, not filtered again. */
	flows: readonly Flow[],
	/** An export's picture: places and areas outside it are not named (a Korea frame has no Moscow). */
	picture?: PictureExtent
): string {
	const { lang } = view;
	const t = strings(lang);
	const w = t.alt;
	const list = (items: string[]) => listFormat(LOCALES[lang], { type: 'conjunction' }).format(items);
	const sentences: string[] = [isolate(presentationOf(story).mapLabel[lang])];
	const step = stepAt(story, view.step);
	if (step) sentences.push(`${w.step} ${view.step! + 1}: ${isolate(step.title[lang])}`);

	if (flows.length === 0) sentences.push(w.noFlows);
	else {
		// One pass: how many of each kind at each certainty.
		const counts = new Map<string, number>();
		for (const f of flows)
			counts.set(`${f.kind}/${f.certainty}`, (counts.get(`${f.kind}/${f.certainty}`) ?? 0) + 1);
		const kinds = FLOW_KINDS.flatMap((kind) => {
			const sure = CERTAINTIES.flatMap((c) => {
				const n = counts.get(`${kind}/${c}`) ?? 0;
				return n > 0 ? [{ n, text: `${n} ${t.certainties[c]}` }] : [];
			});
			const total = sure.reduce((sum, s) => sum + s.n, 0);
			return total > 0 ? [`${t.kinds[kind]} ${total} (${sure.map((s) => s.text).join(', ')})`] : [];
		});
		sentences.push(`${w.flows.replace('{count}', String(flows.length))}: ${kinds.join('; ')}`);
	}
	const places = story.places.filter((p) => !picture || pointInPicture(p.coord, picture));
	if (places.length > 0) sentences.push(`${w.places}: ${list(places.map((p) => isolate(p.name[lang])))}`);
	const names = presentationOf(story).areaKindNames;
	const areas = shownAreaKinds(story.areas, view, picture);
	if (areas.length > 0)
		sentences.push(`${w.areas}: ${list(areas.map((kind) => isolate(names[kind][lang])))}`);
	sentences.push(view.until === null ? w.allDates : w.until.replace('{date}', formatDate(lang, view.until)));
	// A sentence that ends in a full stop of its own (inside an isolated label too) gets no second one.
	const ends = new RegExp(`[.!?]${PDI}*$`);
	return sentences.map((s) => (ends.test(s) ? s : `${s}.`)).join(' ');
}
