import { describe, expect, it } from 'vitest';
import {
	converter,
	differenceCiede2000,
	filterDeficiencyDeuter,
	filterDeficiencyProt,
	filterDeficiencyTrit,
	type Color
} from 'culori';
import { FLOW_KINDS } from '../../src/lib/story';
import { KIND_COLORS } from '../../src/lib/map/theme';

/*
 * The kinds' line colours stay apart for readers with a colour-vision deficiency: every pair
 * differs by at least MIN_DELTA_E (CIEDE2000) for normal vision and under the Machado et al.
 * (2009) simulations of protanopia, deuteranopia and tritanopia at full severity. Why 15: about
 * 10 reads as "different" for patches side by side; map lines are thin and seldom side by side,
 * so the bar is higher (theme.ts has the palette's story).
 */
const MIN_DELTA_E = 15;
const rgb = converter('rgb');
const deltaE = differenceCiede2000();
const visions: [string, (c: Color) => Color][] = [
	['normal vision', (c) => c],
	['protanopia', filterDeficiencyProt(1)],
	['deuteranopia', filterDeficiencyDeuter(1)],
	['tritanopia', filterDeficiencyTrit(1)]
];

describe('kind colours', () => {
	it('has one colour per kind, all different', () => {
		const colours = FLOW_KINDS.map((k) => KIND_COLORS[k].toLowerCase());
		expect(new Set(colours).size).toBe(FLOW_KINDS.length);
	});

	for (const [vision, simulate] of visions)
		it(`keeps every pair of kinds at least ΔE2000 ${MIN_DELTA_E} apart under ${vision}`, () => {
			const close: string[] = [];
			for (let i = 0; i < FLOW_KINDS.length; i++)
				for (let j = i + 1; j < FLOW_KINDS.length; j++) {
					const [a, b] = [FLOW_KINDS[i]!, FLOW_KINDS[j]!];
					const d = deltaE(simulate(rgb(KIND_COLORS[a])!), simulate(rgb(KIND_COLORS[b])!));
					if (d < MIN_DELTA_E) close.push(`${a}/${b}: ${d.toFixed(1)}`);
				}
			expect(close).toEqual([]);
		});

	it('fails for a palette that is known to collapse (the test can fail)', () => {
		// Red and green of equal lightness: the classic deuteranopia confusion.
		const d = deltaE(filterDeficiencyDeuter(1)(rgb('#c0392b')!), filterDeficiencyDeuter(1)(rgb('#5b8c2a')!));
		expect(d).toBeLessThan(MIN_DELTA_E);
	});
});
