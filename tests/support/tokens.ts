import { readFileSync } from 'node:fs';

const TOKENS = readFileSync(new URL('../../src/lib/components/tokens.css', import.meta.url), 'utf8');

/**
 * A colour token's two values in tokens.css: in `:root` (light) and in `:root[data-theme='dark']`
 * (a house-style fallback such as `var(--house-accent-light, #0072b2)` gives its colour).
 */
export function token(name: string): { light: string; dark: string } {
	const [light, dark] = TOKENS.split(":root[data-theme='dark']");
	const value = (block: string | undefined) => {
		const m = new RegExp(`\\s${name}: (?:var\\(--house-accent-[a-z]+, )?(#[0-9a-f]{6})\\)?;`).exec(
			block ?? ''
		);
		if (!m) throw new Error(`no ${name} in tokens.css`);
		return m[1]!;
	};
	return { light: value(light), dark: value(dark) };
}
