import { describe, expect, it } from 'vitest';
import { exportFilename } from '../../src/lib/export/filename';

describe('exportFilename', () => {
	it("starts with the story's own base, and never lets an unsafe base through", () => {
		expect(exportFilename({ base: 'kims-trip-2023', kind: 'csv', until: null, lang: 'en' })).toBe(
			'kims-trip-2023_all_en.csv'
		);
		expect(exportFilename({ base: '../x', kind: 'csv', until: null, lang: 'en' })).toBe('story_all_en.csv');
	});

	it('names a dark picture as such, so it never overwrites the light one', () => {
		const png = { base: 'nk', kind: 'png', until: null, lang: 'en', width: 1920, height: 1080 } as const;
		expect(exportFilename(png)).toBe('nk_all_en_1920x1080.png');
		expect(exportFilename({ ...png, variant: 'dark' })).toBe('nk_all_en_1920x1080_dark.png');
	});

	it('names what, when, language and size', () => {
		expect(
			exportFilename({
				base: 'nk-russia-flows',
				kind: 'png',
				until: '2023-09',
				lang: 'de',
				width: 3508,
				height: 2480
			})
		).toBe('nk-russia-flows_2023-09_de_3508x2480.png');
		expect(
			exportFilename({
				base: 'nk-russia-flows',
				kind: 'svg',
				until: '2023-07',
				lang: 'en',
				width: 1200,
				height: 675
			})
		).toBe('nk-russia-flows_2023-07_en_1200x675.svg');
		expect(
			exportFilename({
				base: 'nk-russia-flows',
				kind: 'geojson',
				until: '2023-07',
				lang: 'en',
				width: 1200,
				height: 675
			})
		).toBe('nk-russia-flows_2023-07_en.geojson');
		expect(exportFilename({ base: 'nk-russia-flows', kind: 'csv', until: null, lang: 'de' })).toBe(
			'nk-russia-flows_all_de.csv'
		);
	});

	it('uses the latest data month when there is no time filter', () => {
		expect(
			exportFilename({
				base: 'nk-russia-flows',
				kind: 'csv',
				until: null,
				lang: 'de',
				latest: '2023-09'
			})
		).toBe('nk-russia-flows_2023-09_de.csv');
	});

	it('lets only safe characters through, whatever it is given', () => {
		const name = exportFilename({
			base: 'nk-russia-flows',
			kind: 'png',
			until: '../../etc/passwd',
			lang: 'de/../x' as 'de',
			width: 1.5,
			height: -3,
			latest: '2023-13'
		});
		expect(name).toBe('nk-russia-flows_all_xx.png');
		expect(name).toMatch(/^[a-z0-9._-]+$/);
	});
});
