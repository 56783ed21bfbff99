/**
 * A tiny XML element builder for the SVG export. Every element is built through `el`, which
 * escapes every attribute value and every text child, so data (place names, labels, a user's own
 * story file) can never open a tag, close an attribute or inject markup.
 */

/** An already serialised, well-formed XML fragment (only `el`, `raw` and `fragment` make these). */
export interface Xml {
	readonly xml: string;
}

export type Child = Xml | string | number | null | undefined | false;
export type AttrValue = string | number | null | undefined | false;

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&apos;'
};

/**
 * Characters XML 1.0 does not allow at all (C0 controls except tab, LF, CR; lone surrogates;
 * U+FFFE/U+FFFF). A hostile string containing one would make the whole file unreadable, so they
 * are dropped rather than escaped (there is no escape for them in XML 1.0).
 */
const INVALID_XML_CHARS =
	// eslint-disable-next-line no-control-regex
	/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Escapes text for use in XML content and in attribute values (both quote styles). */
export function escapeXml(value: string): string {
	return value.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

function checkName(name: string): string {
	// Names come from our own code, never from data; a bad one is a programming error.
	if (!NAME.test(name)) throw new Error(`invalid XML name "${name}"`);
	return name;
}

function serialiseChild(child: Child): string {
	if (child === null || child === undefined || child === false) return '';
	if (typeof child === 'string') return escapeXml(child);
	if (typeof child === 'number') return escapeXml(String(child));
	return child.xml;
}

/**
 * `<name attr="value">children</name>`, or `<name attr="value"/>` without children. Attributes
 * whose value is null, undefined or false are left out.
 */
export function el(name: string, attrs: Record<string, AttrValue> = {}, ...children: Child[]): Xml {
	let out = `<${checkName(name)}`;
	for (const [key, value] of Object.entries(attrs)) {
		if (value === null || value === undefined || value === false) continue;
		out += ` ${checkName(key)}="${escapeXml(String(value))}"`;
	}
	const inner = children.map(serialiseChild).join('');
	out += inner === '' ? '/>' : `>${inner}</${name}>`;
	return { xml: out };
}

/** Several elements side by side, without a wrapper. */
export function fragment(children: readonly Child[]): Xml {
	return { xml: children.map(serialiseChild).join('') };
}

/**
 * Well-formedness problems of an XML document (empty when fine): every tag closed and nested
 * properly, attributes quoted and not repeated, entities known, exactly one root element. Not a
 * validating parser: just enough to prove an export opens in any XML reader (Inkscape,
 * Illustrator, browsers), used by the tests and usable on a downloaded file.
 */
export function xmlWellFormednessErrors(doc: string): string[] {
	const errors: string[] = [];
	const stack: string[] = [];
	let roots = 0;
	let i = 0;
	const textOk = (text: string, where: number) => {
		const bad = /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);)/.exec(text);
		if (bad) errors.push(`unescaped & at ${where + bad.index}`);
		if (text.includes('<')) errors.push(`unescaped < at ${where}`);
	};
	// The optional XML declaration.
	if (doc.startsWith('<?xml')) {
		const end = doc.indexOf('?>');
		if (end < 0) return ['unterminated XML declaration'];
		i = end + 2;
	}
	while (i < doc.length) {
		const lt = doc.indexOf('<', i);
		const text = doc.slice(i, lt < 0 ? doc.length : lt);
		if (text.trim() !== '') {
			if (stack.length === 0) errors.push(`text outside the root element at ${i}`);
			textOk(text, i);
		}
		if (lt < 0) break;
		if (doc.startsWith('<!--', lt)) {
			const end = doc.indexOf('-->', lt + 4);
			if (end < 0) return [...errors, `unterminated comment at ${lt}`];
			i = end + 3;
			continue;
		}
		if (doc.startsWith('<![CDATA[', lt)) {
			const end = doc.indexOf(']]>', lt);
			if (end < 0) return [...errors, `unterminated CDATA at ${lt}`];
			i = end + 3;
			continue;
		}
		if (doc.startsWith('<!DOCTYPE', lt)) {
			const end = doc.indexOf('>', lt);
			if (end < 0) return [...errors, `unterminated DOCTYPE at ${lt}`];
			i = end + 1;
			continue;
		}
		if (doc.startsWith('</', lt)) {
			const m = /^<\/([A-Za-z_][\w.:-]*)\s*>/.exec(doc.slice(lt, lt + 200));
			if (!m) return [...errors, `malformed end tag at ${lt}`];
			const open = stack.pop();
			if (open !== m[1]) errors.push(`</${m[1]}> at ${lt} closes <${open ?? '(nothing)'}>`);
			i = lt + m[0].length;
			continue;
		}
		// Start or empty-element tag: name, then attributes until > or />.
		const nameMatch = /^<([A-Za-z_][\w.:-]*)/.exec(doc.slice(lt, lt + 200));
		if (!nameMatch) return [...errors, `malformed tag at ${lt}`];
		const name = nameMatch[1] as string;
		let j = lt + nameMatch[0].length;
		const seen = new Set<string>();
		let closed: 'open' | 'empty' | null = null;
		while (j < doc.length) {
			const ws = /^\s*/.exec(doc.slice(j, j + 1000))?.[0].length ?? 0;
			j += ws;
			if (doc.startsWith('/>', j)) {
				closed = 'empty';
				j += 2;
				break;
			}
			if (doc[j] === '>') {
				closed = 'open';
				j += 1;
				break;
			}
			if (ws === 0) return [...errors, `missing space before attribute in <${name}> at ${j}`];
			const attr = /^([A-Za-z_][\w.:-]*)\s*=\s*(["'])/.exec(doc.slice(j, j + 300));
			if (!attr) return [...errors, `malformed attribute in <${name}> at ${j}`];
			const attrName = attr[1] as string;
			if (seen.has(attrName)) errors.push(`repeated attribute ${attrName} in <${name}> at ${j}`);
			seen.add(attrName);
			const quote = attr[2] as string;
			const valueStart = j + attr[0].length;
			const valueEnd = doc.indexOf(quote, valueStart);
			if (valueEnd < 0) return [...errors, `unterminated attribute ${attrName} at ${j}`];
			textOk(doc.slice(valueStart, valueEnd), valueStart);
			j = valueEnd + 1;
		}
		if (closed === null) return [...errors, `unterminated tag <${name}> at ${lt}`];
		if (stack.length === 0) roots += 1;
		if (closed === 'open') stack.push(name);
		i = j;
	}
	if (stack.length > 0) errors.push(`unclosed elements: ${stack.join(' > ')}`);
	if (roots !== 1) errors.push(`expected exactly one root element, found ${roots}`);
	return errors;
}
