import { describe, expect, it } from 'vitest';
import { story } from '../../src/lib/story';
import { parseStory } from '../../src/lib/story/parse';
import { ACCENT_GROUNDS, accentProblem, contrastRatio, houseProperties } from '../../src/lib/story/house';
import { exportTextDefaults } from '../../src/lib/export/words';
import house from '../../src/stories/house-sample/house.json';
import { token } from '../support/tokens';

const withHouse = (h: unknown) => parseStory({ ...story, presentation: { ...story.presentation, house: h } });
const errorsOf = (h: unknown) => {
	const r = withHouse(h);
	return r.ok ? [] : r.errors;
};

describe('house style', () => {
	it('measures contrast as WCAG 2 does', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
	});

	it('checks an accent against the grounds tokens.css really has, and ours passes', () => {
		for (const theme of ['light', 'dark'] as const) {
			expect(ACCENT_GROUNDS[theme].surfaces).toEqual([token('--surface')[theme], token('--page')[theme]]);
			expect(ACCENT_GROUNDS[theme].onAccent).toBe(token('--on-accent')[theme]);
			expect(accentProblem(theme, token('--accent')[theme]), `our ${theme} accent`).toBeNull();
		}
		expect(accentProblem('light', '#ffcc00')).toMatch(/^#ffcc00 has 1\.\d\d:1 against the light page/);
		expect(accentProblem('dark', '#0072b2')).toMatch(/against the dark page/);
	});

	it('accepts the sample and rejects what would break the page or leave the origin, each error located', () => {
		expect(withHouse(house).ok).toBe(true);
		const bad: [unknown, string][] = [
			[
				{ logo: { src: 'https://elsewhere.example/logo.svg', alt: house.logo.alt } },
				'presentation.house.logo.src'
			],
			[{ logo: { src: '/logo.svg', alt: house.logo.alt } }, 'presentation.house.logo.src'],
			[{ logo: { src: 'house/../../logo.svg', alt: house.logo.alt } }, 'presentation.house.logo.src'],
			[{ logo: { src: 'logo.exe', alt: house.logo.alt } }, 'presentation.house.logo.src'],
			[{ font: { ...house.font, regular: '//cdn.example/f.woff2' } }, 'presentation.house.font.regular'],
			[{ font: { ...house.font, family: "x'; color: red" } }, 'presentation.house.font.family'],
			// The map's own face and CSS's generic names are not a house face's to take.
			[{ font: { ...house.font, family: 'Noto Sans' } }, 'presentation.house.font.family'],
			[{ font: { ...house.font, family: 'noto sans bold' } }, 'presentation.house.font.family'],
			[{ font: { ...house.font, family: 'serif' } }, 'presentation.house.font.family'],
			[{ font: { ...house.font, family: 'ui-rounded' } }, 'presentation.house.font.family'],
			[{ accent: { light: '#ffcc00', dark: '#ff8a8a' } }, 'presentation.house.accent.light: #ffcc00 has'],
			[{ accent: { light: '#b3122e', dark: '#5a0000' } }, 'presentation.house.accent.dark: #5a0000 has'],
			[{ accent: { light: 'red', dark: '#ff8a8a' } }, 'presentation.house.accent.light'],
			[{ accent: { light: '#b3122e' } }, 'presentation.house.accent.dark'],
			[{ colour: '#b3122e' }, 'presentation.house']
		];
		for (const [h, where] of bad) expect(errorsOf(h).join('\n'), JSON.stringify(h)).toContain(where);
	});

	it('sets the accent and face as custom properties, and nothing without a house style', () => {
		expect(houseProperties(undefined)).toEqual({});
		expect(houseProperties({ publisher: house.publisher })).toEqual({});
		expect(houseProperties(house)).toEqual({
			'--house-accent-light': '#b3122e',
			'--house-accent-dark': '#ff8a8a',
			'--font-text': "'Merriweather', var(--font-base)"
		});
	});

	it('signs the exports with the publisher line, and ours with nothing', () => {
		const housed = { ...story, presentation: { ...story.presentation, house } };
		expect(exportTextDefaults(housed, { lang: 'de', step: null }).credit).toBe('Beispiel-Zeitung · Grafik');
		expect(exportTextDefaults(housed, { lang: 'en', step: null }).credit).toBe('Beispiel-Zeitung · Graphics');
		expect(exportTextDefaults(story, { lang: 'en', step: null }).credit).toBe('');
	});
});
