import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseUrlState } from '$lib/state/url';
import { pageUrl } from '$lib/state/urlSync.svelte';

/*
 * What the page writes into its own address (history.replaceState / pushState) when it syncs
 * the view: its own parameters, and every other one exactly as it was. The address is the
 * page's, not only the view's: a newsroom's analytics read utm_* and fbclid from it, and an
 * unknown parameter may be the host's.
 */

const at = (search: string, hash = '') => ({ pathname: '/map/', search, hash });

describe("the page's address when the view is written", () => {
	it('keeps utm_*, fbclid and unknown parameters on load, unchanged and in their place', () => {
		// On load the view says what the link said (lang=en) and nothing else.
		expect(pageUrl(at('?utm_source=x&fbclid=y&foo=bar&lang=en'), 'lang=en')).toBe(
			'/map/?utm_source=x&fbclid=y&foo=bar&lang=en'
		);
		expect(pageUrl(at('?lang=en&utm_source=x&fbclid=y&foo=bar'), 'lang=en')).toBe(
			'/map/?lang=en&utm_source=x&fbclid=y&foo=bar'
		);
	});

	it('keeps them when the view changes later', () => {
		const url = pageUrl(at('?utm_source=x&fbclid=y&foo=bar&lang=en'), 'lang=en&kinds=arms&map=4/40/130');
		expect(url).toBe('/map/?utm_source=x&fbclid=y&foo=bar&lang=en&kinds=arms&map=4/40/130');
	});

	it("writes the view's parameters as one block where the first of them was, or after the rest", () => {
		expect(pageUrl(at('?a=1&lang=de&b=2&kinds=food&c=3'), 'lang=en')).toBe('/map/?a=1&lang=en&b=2&c=3');
		expect(pageUrl(at('?utm_source=x&embed=1'), 'lang=en')).toBe('/map/?utm_source=x&embed=1&lang=en');
		expect(pageUrl(at(''), 'lang=en')).toBe('/map/?lang=en');
		// A former name and an encoded own key are the view's, replaced, not kept beside it.
		expect(pageUrl(at('?month=2023-07&utm_medium=mail'), 'until=2023-07')).toBe(
			'/map/?until=2023-07&utm_medium=mail'
		);
		expect(pageUrl(at('?%6Cang=de&fbclid=abc'), 'lang=en')).toBe('/map/?lang=en&fbclid=abc');
	});

	it('keeps every other parameter byte for byte, however long, odd or many', () => {
		const odd = 'debug&a=b%20c&q=(1)&x=%E0%A4%A&UTM_Medium=M%C3%BC&gclid=Cj0&_ga=2.1&_gl=1*abc&e=&=v';
		expect(pageUrl(at(`?${odd}&lang=de`), 'lang=en')).toBe(`/map/?${odd}&lang=en`);
		const long = `ref=${'x'.repeat(5000)}`;
		expect(pageUrl(at(`?${long}`), 'lang=en')).toBe(`/map/?${long}&lang=en`);
		const many = Array.from({ length: 200 }, (_, i) => `p${i}=${'v'.repeat(20)}`).join('&');
		expect(pageUrl(at(`?${many}`), 'lang=en')).toBe(`/map/?${many}&lang=en`);
	});

	it('keeps the hash, and writes no "?" when nothing is left', () => {
		expect(pageUrl(at('?utm_source=x&lang=en', '#top'), 'lang=de')).toBe('/map/?utm_source=x&lang=de#top');
		expect(pageUrl(at('?lang=en'), '')).toBe('/map/');
		expect(pageUrl(at('?utm_source=x&lang=en'), '')).toBe('/map/?utm_source=x');
	});

	it("keeps any other parameters in order and says the view's state, written again unchanged (fast-check)", () => {
		const own = [
			'lang=en',
			'step=2',
			'kinds=arms,food',
			'cert=claimed',
			'until=1950-06',
			'map=4/40/130',
			'sel='
		];
		const ownArb = fc.subarray(own).map((a) => a.join('&'));
		/** Parameters the view does not own, with the characters links carry. */
		const otherArb = fc
			.tuple(
				fc.oneof(
					fc.constantFrom('utm_source', 'utm_campaign', 'fbclid', 'gclid', 'embed', 'theme', 'ref', 'x', ''),
					fc.string({ unit: fc.constantFrom(...'abcxyz_-.%20+()*'), minLength: 1, maxLength: 8 })
				),
				fc.option(fc.string({ unit: fc.constantFrom(...'abc019%2F=+-_.~()*!'), maxLength: 12 }))
			)
			.map(([k, v]) => (v === null ? k : `${k}=${v}`))
			// The key's letters cannot spell a key of the view's, encoded or not.
			.filter((piece) => piece !== '');
		fc.assert(
			fc.property(
				fc.array(fc.oneof(otherArb, fc.constantFrom(...own, 'month=2023-07')), { maxLength: 12 }),
				ownArb,
				(pieces, view) => {
					const search = `?${pieces.join('&')}`;
					const url = pageUrl(at(search), view);
					const query = url.slice('/map/'.length).replace(/^\?/, '');
					const others = (q: string) =>
						q.split('&').filter((p) => p !== '' && !own.includes(p) && p !== 'month=2023-07');
					expect(others(query)).toEqual(others(search.slice(1)));
					expect(parseUrlState(query)).toEqual(parseUrlState(view));
					expect(pageUrl(at(`?${query}`), view)).toBe(url);
				}
			),
			{ numRuns: 1000 }
		);
	});
});
