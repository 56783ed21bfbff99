/**
 * MapLibre's line breaking (maplibre-gl src/symbol/tagged_string.ts, determineLineBreaks), so the
 * SVG breaks a long name where the map breaks it: not greedily, but into lines as even as the
 * break points allow, each about the total width over the number of lines text-max-width needs.
 * Latin, Cyrillic and Greek only (the story's names): no ideographic breaking.
 */

/** Characters a line may end on. */
const BREAKABLE = new Set([
	0x0a, 0x0d, 0x20, 0x26, 0x29, 0x2b, 0x2d, 0x2f, 0xad, 0xb7, 0x200b, 0x2010, 0x2013, 0x2027
]);
/** Characters a line may begin with, whatever precedes them. */
const BREAKABLE_BEFORE = new Set([0x28]);

interface Break {
	index: number;
	x: number;
	prior: Break | null;
	badness: number;
}

function badness(lineWidth: number, target: number, penalty: number, last: boolean): number {
	const raggedness = (lineWidth - target) ** 2;
	// A last line shorter than the others is better than a longer one.
	if (last) return lineWidth < target ? raggedness / 2 : raggedness * 2;
	return raggedness + Math.abs(penalty) * penalty;
}

function penaltyOf(code: number, next: number): number {
	let penalty = 0;
	// A newline the text asks for is (almost) always taken.
	if (code === 0x0a || code === 0x0d) penalty -= 10000;
	if (code === 0x28 || code === 0xff08) penalty += 50;
	if (next === 0x29 || next === 0xff09) penalty += 50;
	return penalty;
}

function evaluate(
	index: number,
	x: number,
	target: number,
	candidates: readonly Break[],
	penalty: number,
	last: boolean
): Break {
	let prior: Break | null = null;
	let best = badness(x, target, penalty, last);
	for (const candidate of candidates) {
		const score = badness(x - candidate.x, target, penalty, last) + candidate.badness;
		if (score <= best) {
			prior = candidate;
			best = score;
		}
	}
	return { index, x, prior, badness: best };
}

const isSpace = (ch: string) => /^\s$/u.test(ch);

/**
 * `text` in lines of about `maxWidth`, by MapLibre's rule; `widthOf` measures a character (its
 * advance). Each line is trimmed of the spaces it was broken at.
 */
export function breakLines(text: string, maxWidth: number, widthOf: (s: string) => number): string[] {
	const chars = [...text];
	const advances = chars.map((ch) => widthOf(ch));
	const total = advances.reduce((sum, a) => sum + a, 0);
	const trimmed = (parts: string[]) => parts.map((line) => line.trim()).filter((line) => line !== '');
	if (total > 0 && total <= maxWidth && !/[\n\r]/.test(text)) return trimmed([text]);
	const target = total / Math.max(1, Math.ceil(total / maxWidth));
	const candidates: Break[] = [];
	let x = 0;
	chars.forEach((ch, i) => {
		if (i > 0) {
			const previous = chars[i - 1]!.codePointAt(0)!;
			const code = ch.codePointAt(0)!;
			if (BREAKABLE.has(previous) || (i + 1 < chars.length && BREAKABLE_BEFORE.has(code)))
				candidates.push(evaluate(i, x, target, candidates, penaltyOf(previous, code), false));
		}
		// Spaces take no room at a line's end, so MapLibre leaves them out of the running width.
		if (!isSpace(ch)) x += advances[i]!;
	});
	const indices: number[] = [];
	for (let b: Break | null = evaluate(chars.length, x, target, candidates, 0, true); b; b = b.prior)
		indices.unshift(b.index);
	const lines: string[] = [];
	let start = 0;
	for (const end of indices) {
		lines.push(chars.slice(start, end).join(''));
		start = end;
	}
	return trimmed(lines);
}
