import { isTimelineDate, type Lang } from '$lib/story';

export type ExportKind = 'png' | 'svg' | 'pdf' | 'geojson' | 'csv';

export interface ExportFilenameInput {
	kind: ExportKind;
	/** The timeline's date ('YYYY-MM-DD' or 'YYYY-MM'), or null for no time filter. */
	until: string | null;
	lang: Lang;
	/** Image size (pixels; millimetres for a pdf); not used for data files. */
	width?: number;
	height?: number;
	/** Used when `until` is null: the latest date the data covers (else the name says 'all'). */
	latest?: string | null;
	/** The story's own start of a file name (presentationOf). */
	base: string;
	/**
	 * A variant, named before the extension: `semicolon` for German Excel's CSV, `dark` for a
	 * picture in the dark colours (so it never overwrites the light one).
	 */
	variant?: 'semicolon' | 'dark';
}

const MAX_SIDE_IN_NAME = 1_000_000;

function sizePart(width: number | undefined, height: number | undefined, unit = ''): string | null {
	const ok = (n: number | undefined): n is number =>
		n !== undefined && Number.isInteger(n) && n > 0 && n <= MAX_SIDE_IN_NAME;
	return ok(width) && ok(height) ? `${width}x${height}${unit}` : null;
}

/**
 * `nk-russia-flows_2023-09_de_3508x2480.png`: what, when, language and size, so a folder of
 * exports sorts and explains itself. Only [a-z0-9._-] ever reach the name, whatever the input.
 */
export function exportFilename(input: ExportFilenameInput): string {
	const when =
		input.until !== null && isTimelineDate(input.until)
			? input.until
			: input.latest && isTimelineDate(input.latest)
				? input.latest
				: 'all';
	const lang = /^[a-z]{2}$/.test(input.lang) ? input.lang : 'xx';
	const size =
		input.kind === 'png' || input.kind === 'svg'
			? sizePart(input.width, input.height)
			: input.kind === 'pdf'
				? sizePart(Math.round(input.width ?? 0), Math.round(input.height ?? 0), 'mm')
				: null;
	const ext = (['png', 'svg', 'pdf', 'geojson', 'csv'] as const).includes(input.kind) ? input.kind : 'bin';
	const base = /^[a-z0-9-]{1,60}$/.test(input.base) ? input.base : 'story';
	const variant = input.variant === 'semicolon' || input.variant === 'dark' ? [input.variant] : [];
	const name = [base, when, lang, ...(size ? [size] : []), ...variant].join('_');
	return `${name.replace(/[^a-z0-9._-]/g, '-')}.${ext}`;
}
