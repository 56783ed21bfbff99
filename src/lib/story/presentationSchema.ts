import { z } from 'zod';
import { LABEL_SIDES } from './vocabulary';
import { accentProblem, RESERVED_FAMILIES } from './house';
import { coordSchema, localText, MAX, slug } from './schemaParts';

/*
 * How a story is shown (`presentation`): frames, emphasis, names' places, file names and the
 * newsroom's house style. Part of the story schema (schema.ts).
 */

export const bboxSchema = z
	.tuple([
		z.number().min(-540).max(540),
		z.number().min(-85).max(85),
		z.number().min(-540).max(540),
		z.number().min(-85).max(85)
	])
	.refine(
		([w, s, e, n]) => w < e && s < n,
		'must be [west, south, east, north] with west < east and south < north'
	);

/**
 * A file on the site that serves the map, by a relative path ("house/logo.svg"): no scheme, no
 * leading slash, no "..", so it resolves under the app's own folder and the page's
 * Content-Security-Policy (own origin only) lets it load.
 */
function sitePath(extensions: readonly string[]) {
	return z
		.string()
		.max(200)
		.regex(
			new RegExp(
				`^(?:[A-Za-z0-9_-][A-Za-z0-9._-]*/)*[A-Za-z0-9_-][A-Za-z0-9._-]*\\.(?:${extensions.join('|')})$`
			),
			`must be a path on the map's own site, like "house/file.${extensions[0]}" (${extensions.join(', ')})`
		);
}

const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;
const hexColour = z.string().regex(HEX_COLOUR, 'must be a colour like "#c0392b"');

const houseSchema = z.strictObject({
	publisher: localText(MAX.name).optional(),
	logo: z
		.strictObject({
			src: sitePath(['svg', 'png', 'webp']),
			dark: sitePath(['svg', 'png', 'webp']).optional(),
			alt: localText(MAX.name)
		})
		.optional(),
	accent: z
		.strictObject({ light: hexColour, dark: hexColour })
		.superRefine((accent, ctx) => {
			for (const theme of ['light', 'dark'] as const) {
				// A value that is no colour has its own error already (hexColour): no ratio to state.
				if (!HEX_COLOUR.test(accent[theme])) continue;
				const problem = accentProblem(theme, accent[theme]);
				if (problem) ctx.addIssue({ code: 'custom', path: [theme], message: problem });
			}
		})
		.optional(),
	font: z
		.strictObject({
			family: z
				.string()
				.regex(/^[A-Za-z][A-Za-z0-9 -]{0,39}$/, 'must be a font name of letters, digits, spaces and hyphens')
				.refine(
					(name) => !RESERVED_FAMILIES.test(name.trim()),
					"must be the house face's own name: the map's Noto Sans and CSS's generic names are taken"
				),
			regular: sitePath(['woff2', 'woff']),
			bold: sitePath(['woff2', 'woff']).optional()
		})
		.optional()
});

/**
 * A record counted before its entries are checked: 300000 broken entries would each be an issue,
 * and zod's collection of that many overflowed the stack. (Arrays' lengths are checked first already.)
 */
function boundedRecord<V extends z.ZodType>(key: z.ZodString, value: V, max: number, noun: string) {
	return (
		z
			.unknown()
			.refine((r) => typeof r !== 'object' || r === null || Object.keys(r).length <= max, {
				message: `at most ${max} ${noun}`,
				abort: true
			})
			// JSON.parse makes "__proto__" an own key, which zod's record skips without a word: an
			// entry the file has would be lost, so it is refused like any other key that is no id.
			.superRefine((r, ctx) => {
				if (typeof r === 'object' && r !== null && Object.hasOwn(r, '__proto__'))
					ctx.addIssue({ code: 'custom', path: ['__proto__'], message: 'not a valid key', abort: true });
			})
			.pipe(z.record(key, value))
	);
}

export const presentationSchema = z.strictObject({
	deck: localText(MAX.summary).optional(),
	mapLabel: localText(MAX.title).optional(),
	frame: bboxSchema.optional(),
	framePhone: bboxSchema.optional(),
	emphasis: z
		.array(z.string().regex(/^\d{3}$/, 'must be an ISO 3166 numeric code like "408"'))
		.max(MAX.places)
		.optional(),
	labelSide: boundedRecord(slug, z.enum(LABEL_SIDES), MAX.places, 'places').optional(),
	countryLabels: boundedRecord(
		z.string().regex(/^\d{3}$/, 'must be an ISO 3166 numeric code like "408"'),
		coordSchema,
		MAX.places,
		'countries'
	).optional(),
	fileName: z
		.string()
		.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase letters, digits and single hyphens')
		.max(60)
		.optional(),
	areaKindNames: z
		.strictObject({
			'patrol-waters': localText(MAX.name).optional(),
			'recognised-region': localText(MAX.name).optional()
		})
		.optional(),
	house: houseSchema.optional()
});
