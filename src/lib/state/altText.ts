import { AREA_KINDS, CERTAINTIES, FLOW_KINDS, formatDate, presentationOf, type Story } from '$lib/story';
import { strings } from '$lib/i18n/strings';
import { LOCALES } from '$lib/i18n/format';
import { isAreaShown, isFlowVisible } from './visibility';
import { stepAt } from './steps';
import type { ViewSnapshot } from './view.svelte';

/**
 * The map in words, from what it shows now: the step, how many lines of each kind and how sure
 * the article is of them, the places, the areas and the date. The live map's accessible
 * description, and the alt text the export dialog offers (and writes into SVG, PDF and PNG).
 * Built from the same visibility rules as the map, so it never describes more than is drawn.
 */
export function altText(
	story: Story,
	view: ViewSnapshot,
	/** The picture's extent: places outside it are not named (an export framed on Korea has no Moscow). */
	within?: readonly [readonly [number, number], readonly [number, number]]
): string {
	const { lang } = view;
	const t = strings(lang);
	const w = t.alt;
	const list = (items: string[]) => new Intl.ListFormat(LOCALES[lang], { type: 'conjunction' }).format(items);
	const sentences: string[] = [presentationOf(story).mapLabel[lang]];
	const step = stepAt(story, view.step);
	if (step) sentences.push(`${w.step} ${view.step! + 1}: ${step.title[lang]}`);

	const flows = story.flows.filter((f) => isFlowVisible(f, view));
	if (flows.length === 0) sentences.push(w.noFlows);
	else {
		const kinds = FLOW_KINDS.flatMap((kind) => {
			const ofKind = flows.filter((f) => f.kind === kind);
			if (ofKind.length === 0) return [];
			const sure = CERTAINTIES.flatMap((c) => {
				const n = ofKind.filter((f) => f.certainty === c).length;
				return n > 0 ? [`${n} ${t.certainties[c]}`] : [];
			});
			return [`${t.kinds[kind]} ${ofKind.length} (${sure.join(', ')})`];
		});
		sentences.push(`${w.flows.replace('{count}', String(flows.length))}: ${kinds.join('; ')}`);
	}
	const inside = (lon: number, lat: number) =>
		!within || (lon >= within[0][0] && lon <= within[1][0] && lat >= within[0][1] && lat <= within[1][1]);
	const places = story.places.filter((p) => inside(p.coord[0], p.coord[1]));
	if (places.length > 0) sentences.push(`${w.places}: ${list(places.map((p) => p.name[lang]))}`);
	const names = presentationOf(story).areaKindNames;
	const areas = AREA_KINDS.filter((kind) => story.areas.some((a) => a.kind === kind && isAreaShown(a, view)));
	if (areas.length > 0) sentences.push(`${w.areas}: ${list(areas.map((kind) => names[kind][lang]))}`);
	sentences.push(view.until === null ? w.allDates : w.until.replace('{date}', formatDate(lang, view.until)));
	return sentences.map((s) => (/[.!?]$/.test(s) ? s : `${s}.`)).join(' ');
}
