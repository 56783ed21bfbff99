import type { Page } from 'playwright-core';

/**
 * Whether the page keeps every story string's bidi controls to itself (src/lib/i18n/bidi.ts).
 *
 * Every text node that holds `mark` (by default U+202E RIGHT-TO-LEFT OVERRIDE, which a test's
 * story strings start with) must have it inside an isolate that holds exactly one of `strings`
 * and nothing of the app's text (no " · ", no "→"):
 * - an isolate in the text itself, FSI … PDI around the string (plain-string contexts: the
 *   document's title, the alt text, the credit line, a list row's route line), or
 * - the nearest element that isolates: a `<bdi>`, or computed `unicode-bidi` isolate,
 *   isolate-override or plaintext (`dir="auto"`), whose whole text is that one string.
 * Every aria-label, title and alt attribute that holds `mark` must hold it between FSI and PDI
 * around one of `strings`.
 *
 * Returns what it checked (text nodes and attributes that hold the mark, so a test can ask that
 * the page did show the strings) and every problem found, each naming where it is.
 */
export async function bidiProblems(
	page: Page,
	strings: readonly string[],
	mark = '\u202e'
): Promise<{ texts: number; attributes: number; problems: string[] }> {
	// The test build names functions with a helper the page does not have (as in labels.ts).
	await page.evaluate('globalThis.__name ??= (f) => f');
	return page.evaluate(
		({ strings, mark }) => {
			const PDI = '\u2069';
			const isInitiator = (ch: string) => ch >= '\u2066' && ch <= '\u2068';
			const problems: string[] = [];
			const show = (s: string) =>
				JSON.stringify(s.length > 80 ? `${s.slice(0, 80)}…` : s).replace(
					/[\u202a-\u202e\u2066-\u2069]/g,
					(c) => `\\u${c.charCodeAt(0).toString(16)}`
				);
			const where = (el: Element | null): string => {
				const parts: string[] = [];
				for (let e = el; e && e !== document.documentElement && parts.length < 4; e = e.parentElement) {
					const id = e.id ? `#${e.id}` : '';
					const testid = e.getAttribute('data-testid');
					parts.unshift(`${e.tagName.toLowerCase()}${id}${testid ? `[data-testid=${testid}]` : ''}`);
				}
				return parts.join(' > ');
			};

			/** For each mark in `text`: the content of the outermost isolate it sits in, or null. */
			const isolatesAroundMarks = (text: string): (string | null)[] => {
				const out: (string | null)[] = [];
				const chars = [...text];
				let depth = 0;
				let start = -1;
				const pending: number[] = [];
				chars.forEach((ch, i) => {
					if (isInitiator(ch)) {
						if (depth === 0) start = i + 1;
						depth++;
					} else if (ch === PDI && depth > 0) {
						depth--;
						if (depth === 0) {
							const content = chars.slice(start, i).join('');
							out.push(...pending.splice(0).map(() => content));
						}
					} else if (ch === mark) {
						if (depth > 0) pending.push(i);
						else out.push(null);
					}
				});
				// An isolate still open at the end of the text closes nothing here: not isolated.
				out.push(...pending.map(() => null));
				return out;
			};

			const isolating = (el: Element) => {
				if (el.tagName === 'BDI') return true;
				const value = getComputedStyle(el).unicodeBidi;
				return value === 'isolate' || value === 'isolate-override' || value === 'plaintext';
			};

			let texts = 0;
			const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_TEXT);
			for (let node = walker.nextNode(); node; node = walker.nextNode()) {
				const text = node.nodeValue ?? '';
				if (!text.includes(mark)) continue;
				const parent = node.parentElement;
				if (parent && ['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT'].includes(parent.tagName)) continue;
				texts++;
				for (const content of isolatesAroundMarks(text)) {
					if (content !== null) {
						if (!strings.includes(content))
							problems.push(`${where(parent)}: the isolate holds ${show(content)}, not one story string`);
						continue;
					}
					let el: Element | null = parent;
					while (el && !isolating(el)) el = el.parentElement;
					if (!el) {
						problems.push(`${where(parent)}: ${show(text)} is in no isolate`);
						continue;
					}
					const whole = el.textContent ?? '';
					if (!strings.includes(whole))
						problems.push(
							`${where(el)}: the isolating <${el.tagName.toLowerCase()}> holds ${show(whole)}, not one story string`
						);
				}
			}

			let attributes = 0;
			for (const el of document.querySelectorAll('[aria-label], [title], [alt]')) {
				for (const name of ['aria-label', 'title', 'alt']) {
					const value = el.getAttribute(name);
					if (value === null || !value.includes(mark)) continue;
					attributes++;
					for (const content of isolatesAroundMarks(value))
						if (content === null || !strings.includes(content))
							problems.push(`${where(el)} ${name}=${show(value)}: the story string is not isolated`);
				}
			}
			return { texts, attributes, problems };
		},
		{ strings: [...strings], mark }
	);
}
