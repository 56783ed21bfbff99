import { describe, expect, it } from 'vitest';
import { el, escapeXml, fragment, xmlWellFormednessErrors } from '../../src/lib/export/xml';

describe('XML element builder', () => {
	it('escapes every special character in text and attributes', () => {
		expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;'
		);
		const node = el('text', { 'data-name': '"><img src=x onerror=alert(1)>' }, '<script>alert(1)</script>');
		expect(node.xml).toBe(
			'<text data-name="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;">&lt;script&gt;alert(1)&lt;/script&gt;</text>'
		);
		expect(xmlWellFormednessErrors(node.xml)).toEqual([]);
	});

	it('drops characters XML cannot carry at all', () => {
		expect(escapeXml('a\u0000b\u0007c\td\ne')).toBe('abc\td\ne');
		expect(escapeXml('x\uD800y')).toBe('xy');
		expect(escapeXml('😀')).toBe('😀');
	});

	it('writes empty elements self-closed and skips absent attributes', () => {
		expect(el('rect', { x: 1, y: null, fill: undefined, stroke: false }).xml).toBe('<rect x="1"/>');
		expect(el('g', {}, el('a'), null, false, undefined, 'x', 3).xml).toBe('<g><a/>x3</g>');
		expect(fragment([el('a'), el('b')]).xml).toBe('<a/><b/>');
	});

	it('refuses element and attribute names that are not names', () => {
		expect(() => el('bad name')).toThrow();
		expect(() => el('g', { 'on click': 'x' })).toThrow();
		expect(() => el('g', { 'x"': 'x' })).toThrow();
	});
});

describe('xmlWellFormednessErrors', () => {
	it('accepts well-formed documents', () => {
		expect(
			xmlWellFormednessErrors(
				'<svg xmlns="http://www.w3.org/2000/svg"><g a=\'1\'><path d="M0 0"/></g><!-- c --></svg>\n'
			)
		).toEqual([]);
		expect(xmlWellFormednessErrors('<?xml version="1.0"?><a>&amp;&#38;&#x26;</a>')).toEqual([]);
	});

	it('finds the mistakes that would stop Inkscape opening a file', () => {
		const bad = [
			'<svg><g></svg>',
			'<svg><g></g>',
			'<svg>a & b</svg>',
			'<svg a="1" a="2"/>',
			'<svg a=1/>',
			'<svg a="x<y"/>',
			'<svg/><svg/>',
			'text<svg/>',
			'<svg><text>x</tspan></svg>',
			'<svg a="1"b="2"/>',
			'<svg'
		];
		for (const doc of bad) expect(xmlWellFormednessErrors(doc), doc).not.toEqual([]);
	});
});
