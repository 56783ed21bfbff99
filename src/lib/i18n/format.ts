/*
 * Locale-aware formatting helpers shared by the UI, the story's date texts and the exports.
 *
 * `Intl.DateTimeFormat` and `Intl.NumberFormat` are expensive to construct (each one resolves
 * locale data) and cheap to reuse, so they are made once per locale and options and kept here.
 * The cache stays small: the app asks for a handful of combinations.
 */

/** BCP 47 tags for the app's languages: German as in Germany, English as in Britain. */
export const LOCALES = { de: 'de-DE', en: 'en-GB' } as const satisfies Record<string, string>;

/** Same options, same key, whatever the order their properties were written in. */
function cacheKey(locale: string, options: object): string {
	const entries = Object.entries(options)
		.filter(([, value]) => value !== undefined)
		.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return `${locale}|${JSON.stringify(entries)}`;
}

function cached<Options extends object, Format>(
	make: (locale: string, options: Options) => Format
): (locale: string, options?: Options) => Format {
	const cache = new Map<string, Format>();
	return (locale, options = {} as Options) => {
		const key = cacheKey(locale, options);
		let format = cache.get(key);
		if (format === undefined) {
			format = make(locale, options);
			cache.set(key, format);
		}
		return format;
	};
}

/** A shared `Intl.DateTimeFormat` for this locale and these options. */
export const dateTimeFormat = cached<Intl.DateTimeFormatOptions, Intl.DateTimeFormat>(
	(locale, options) => new Intl.DateTimeFormat(locale, options)
);

/** A shared `Intl.NumberFormat` for this locale and these options. */
export const numberFormat = cached<Intl.NumberFormatOptions, Intl.NumberFormat>(
	(locale, options) => new Intl.NumberFormat(locale, options)
);

/** A shared `Intl.ListFormat` ("a, b and c") for this locale and these options. */
export const listFormat = cached<Intl.ListFormatOptions, Intl.ListFormat>(
	(locale, options) => new Intl.ListFormat(locale, options)
);

/** `{name}` placeholders filled from `values`; unknown placeholders are left as they are. */
export function fillTemplate(template: string, values: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
		key in values ? String(values[key]) : whole
	);
}
