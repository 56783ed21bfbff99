import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { followTheme, pinnedTheme, resolveTheme, type ThemeName } from '../../src/lib/state/theme';

/** A stand-in for matchMedia's answer that the test can flip. */
function fakeMedia(matches: boolean) {
	const listeners = new Set<() => void>();
	return {
		matches,
		addEventListener: (_: string, f: () => void) => listeners.add(f),
		removeEventListener: (_: string, f: () => void) => listeners.delete(f),
		flip(to: boolean) {
			this.matches = to;
			for (const f of listeners) f();
		},
		listeners
	};
}

describe('theme', () => {
	it('reads only the two names from the URL', () => {
		expect(pinnedTheme('?theme=dark')).toBe('dark');
		expect(pinnedTheme('?lang=en&theme=light')).toBe('light');
		for (const other of ['', '?theme=', '?theme=DARK', '?theme=auto', '?theme=dark%20', '?theme=blue'])
			expect(pinnedTheme(other), other).toBeNull();
	});

	it('follows the system unless the URL pins a theme', () => {
		expect(resolveTheme(null, true)).toBe('dark');
		expect(resolveTheme(null, false)).toBe('light');
		expect(resolveTheme('light', true)).toBe('light');
		expect(resolveTheme('dark', false)).toBe('dark');
	});

	it('applies the system setting as it changes, and stops when asked', () => {
		const media = fakeMedia(false);
		const seen: ThemeName[] = [];
		const stop = followTheme(null, media, (t) => seen.push(t));
		media.flip(true);
		media.flip(false);
		stop();
		media.flip(true);
		expect(seen).toEqual(['light', 'dark', 'light']);
		expect(media.listeners.size).toBe(0);
	});

	it('ignores the system when pinned', () => {
		const media = fakeMedia(true);
		const seen: ThemeName[] = [];
		followTheme('light', media, (t) => seen.push(t));
		media.flip(false);
		expect(seen).toEqual(['light']);
		expect(media.listeners.size).toBe(0);
	});

	it('is set before the first paint by static/theme-init.js, by the same rule', () => {
		const script = readFileSync(new URL('../../static/theme-init.js', import.meta.url), 'utf8');
		for (const search of ['', '?theme=dark', '?theme=light', '?theme=auto', '?lang=en&theme=dark'])
			for (const systemDark of [false, true]) {
				const dataset: { theme?: string } = {};
				runInNewContext(script, {
					location: { search },
					URLSearchParams,
					matchMedia: (q: string) => ({ matches: q === '(prefers-color-scheme: dark)' && systemDark }),
					document: { documentElement: { dataset } }
				});
				expect(dataset.theme, `${search} on a ${systemDark ? 'dark' : 'light'} system`).toBe(
					resolveTheme(pinnedTheme(search), systemDark)
				);
			}
	});
});
