import { describe, expect, it } from 'vitest';
import {
	converter,
	differenceCiede2000,
	filterDeficiencyDeuter,
	filterDeficiencyProt,
	filterDeficiencyTrit,
	wcagContrast,
	type Color
} from 'culori';
import { FLOW_KINDS } from '../../src/lib/story';
import { PALETTES, type Palette } from '../../src/lib/map/theme';
import { token } from '../support/tokens';

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

for (const [theme, palette] of Object.entries(PALETTES) as [string, Palette][])
	describe(`kind colours, ${theme}`, () => {
		it('has one colour per kind, all different', () => {
			const colours = FLOW_KINDS.map((k) => palette.kinds[k].toLowerCase());
			expect(new Set(colours).size).toBe(FLOW_KINDS.length);
		});

		for (const [vision, simulate] of visions)
			it(`keeps every pair of kinds at least ΔE2000 ${MIN_DELTA_E} apart under ${vision}`, () => {
				const close: string[] = [];
				for (let i = 0; i < FLOW_KINDS.length; i++)
					for (let j = i + 1; j < FLOW_KINDS.length; j++) {
						const [a, b] = [FLOW_KINDS[i]!, FLOW_KINDS[j]!];
						const d = deltaE(simulate(rgb(palette.kinds[a])!), simulate(rgb(palette.kinds[b])!));
						if (d < MIN_DELTA_E) close.push(`${a}/${b}: ${d.toFixed(1)}`);
					}
				expect(close).toEqual([]);
			});
	});

/*
 * Names must be readable on every ground they sit on (WCAG 1.4.3, 4.5:1, before the halo helps);
 * on the dark map every line must also stand out from the ground and its casing (WCAG 1.4.11,
 * 3:1). The light lines keep their measured palette, some paler than 3:1 on white (trade, labour):
 * there the white casing and the line's width carry them, and the legend and labels name them.
 */
const GROUNDS = ['sea', 'land', 'landStory'] as const;
const NAMES = ['countryLabel', 'storyCountryLabel', 'placeText'] as const;

function below(min: number, colours: Record<string, string>, grounds: Record<string, string>): string[] {
	const low: string[] = [];
	for (const [name, colour] of Object.entries(colours))
		for (const [ground, g] of Object.entries(grounds)) {
			const ratio = wcagContrast(colour, g);
			if (ratio < min) low.push(`${name} on ${ground}: ${ratio.toFixed(2)}`);
		}
	return low;
}

const pick = (p: Palette, keys: readonly (keyof Palette)[]) =>
	Object.fromEntries(keys.map((k) => [k, p[k] as string]));

describe('contrast', () => {
	for (const [theme, palette] of Object.entries(PALETTES) as [string, Palette][])
		it(`names every ground at 4.5:1 or more, ${theme}`, () => {
			expect(below(4.5, pick(palette, NAMES), pick(palette, GROUNDS))).toEqual([]);
			// The story's own countries are named more strongly than the others.
			for (const g of GROUNDS)
				expect(wcagContrast(palette.storyCountryLabel, palette[g])).toBeGreaterThan(
					wcagContrast(palette.countryLabel, palette[g]) + 1
				);
		});

	it('draws every dark line at 3:1 or more against the ground and its casing', () => {
		const dark = PALETTES.dark;
		expect(below(3, dark.kinds, pick(dark, [...GROUNDS, 'casing']))).toEqual([]);
		// Area names are drawn in the area's colour, on the sea (patrol waters) and on land.
		expect(below(4.5, dark.areas, pick(dark, GROUNDS))).toEqual([]);
	});

	it('fails for a line as pale as the light trade colour on the light ground (the test can fail)', () => {
		expect(below(3, { trade: PALETTES.light.kinds.trade }, pick(PALETTES.light, GROUNDS)).length).toBe(3);
	});
});

describe('the export frame', () => {
	it("is drawn in the page's own ground and text colours, light and dark (tokens.css)", () => {
		for (const theme of ['light', 'dark'] as const) {
			const { frame } = PALETTES[theme];
			expect(frame.title, theme).toBe(token('--text')[theme]);
			expect(frame.text, theme).toBe(token('--text')[theme]);
			if (theme === 'dark') {
				// The light frame is the published white; the dark one sits in the dark page.
				expect(frame.background).toBe(token('--page').dark);
				expect(frame.subtitle).toBe(token('--text-2').dark);
				expect([frame.count, frame.credits]).toEqual([token('--muted').dark, token('--muted').dark]);
			}
		}
	});
});

describe('a palette known to collapse', () => {
	it('fails for a palette that is known to collapse (the test can fail)', () => {
		// Red and green of equal lightness: the classic deuteranopia confusion.
		const d = deltaE(filterDeficiencyDeuter(1)(rgb('#c0392b')!), filterDeficiencyDeuter(1)(rgb('#5b8c2a')!));
		expect(d).toBeLessThan(MIN_DELTA_E);
	});
});
