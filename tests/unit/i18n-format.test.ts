import { describe, expect, it } from 'vitest';
import { dateTimeFormat, fillTemplate, LOCALES, numberFormat } from '../../src/lib/i18n/format';
import { formatExportDate } from '../../src/lib/export/content';

describe('Intl formatter cache', () => {
	it('hands out one formatter per locale and options, whatever their order', () => {
		const a = dateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: 'UTC' });
		const b = dateTimeFormat('de-DE', { timeZone: 'UTC', year: 'numeric', month: 'long' });
		expect(a).toBe(b);
		expect(dateTimeFormat('de-DE', { month: 'long', year: 'numeric', timeZone: undefined })).toBe(
			dateTimeFormat('de-DE', { month: 'long', year: 'numeric' })
		);
	});

	it('tells different locales and options apart', () => {
		const options = { month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
		expect(dateTimeFormat(LOCALES.de, options)).not.toBe(dateTimeFormat(LOCALES.en, options));
		expect(dateTimeFormat(LOCALES.de, options)).not.toBe(
			dateTimeFormat(LOCALES.de, { ...options, month: 'short' })
		);
		const date = new Date(Date.UTC(2023, 6, 1));
		expect(dateTimeFormat(LOCALES.de, options).format(date)).toBe('Juli 2023');
		expect(dateTimeFormat(LOCALES.en, options).format(date)).toBe('July 2023');
	});

	it('formats numbers per language', () => {
		expect(numberFormat(LOCALES.de).format(1210)).toBe('1.210');
		expect(numberFormat(LOCALES.en).format(1210)).toBe('1,210');
		expect(numberFormat(LOCALES.en)).toBe(numberFormat(LOCALES.en, {}));
	});

	it('keeps the export date in the time zone asked for', () => {
		const late = new Date(Date.UTC(2026, 10, 26, 23, 30));
		expect(formatExportDate(late, 'de', 'UTC')).toBe('26.11.2026');
		expect(formatExportDate(late, 'en', 'Asia/Tokyo')).toBe('27 November 2026');
	});
});

describe('fillTemplate', () => {
	it('fills known placeholders and leaves unknown ones', () => {
		expect(fillTemplate('{count} of {hidden} {x}', { count: 3, hidden: '1,210' })).toBe('3 of 1,210 {x}');
	});
});
