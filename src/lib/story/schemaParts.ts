import { z } from 'zod';
import { LANGS } from './vocabulary';

// zod probes for eval (new Function) to speed up parsing; our Content-Security-Policy forbids
// eval, and the probe alone would be reported as a violation. Plain parsing is fast enough here.
// Set here, in the module every part of the schema imports first, before any schema is made.
z.config({ jitless: true });

/*
 * The story format's smallest parts, shared by the schema's entities (schema.ts) and its
 * presentation (presentationSchema.ts): the limits, ids, texts and coordinates.
 */

// ---------------------------------------------------------------------------------------------
// Limits, in one place so the bounds are easy to review.

export const MAX = {
	id: 64,
	name: 120,
	label: 60,
	title: 160,
	summary: 1200,
	note: 400,
	quote: 120,
	sources: 500,
	places: 5000,
	flows: 20000,
	areas: 50,
	events: 1000,
	evidence: 50,
	via: 1000,
	paragraph: 10000,
	steps: 50,
	highlight: 200
} as const;

export const slug = z
	.string()
	.max(MAX.id)
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be a lowercase slug (a-z, 0-9, single hyphens)');

// ---------------------------------------------------------------------------------------------
// Basic values

export const langSchema = z.enum(LANGS);

/**
 * A character that shows: not a space, control, format character (zero-width, bidi controls),
 * combining mark alone, or one of the letters that render blank (Hangul fillers, Braille blank).
 * Its source is also the published JSON Schema's `pattern` for the same strings.
 */
export const VISIBLE_CHARACTER = '[^\\s\\p{C}\\p{M}\\p{Z}\\u115f\\u1160\\u3164\\uffa0\\u2800]';
const visibleCharacter = new RegExp(VISIBLE_CHARACTER, 'u');

/** Text a reader sees: trimmed, and with at least one visible character (a name of zero-width spaces is no name). */
export function text(max: number) {
	return z.string().trim().min(1).max(max).regex(visibleCharacter, 'must have a visible character');
}

/** Both languages are required (LocalText) so no view ever falls back silently. */
export function localText(max: number) {
	return z.strictObject({
		de: text(max),
		en: text(max)
	});
}

/** [longitude, latitude] in degrees, WGS84. */
export const coordSchema = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
