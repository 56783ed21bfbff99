/**
 * Reads back the SVG this app writes (svg.ts, through xml.ts's builder) as a tree, so the PDF is
 * drawn from the very same document: one scene, two files. Not a general XML parser: no DTDs,
 * CDATA, comments or processing instructions, because the builder never writes them, and
 * anything else it does not know is an error rather than a guess.
 */

export interface SvgNode {
	name: string;
	attrs: Readonly<Record<string, string>>;
	children: SvgChild[];
}

export type SvgChild = SvgNode | string;

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(text: string): string {
	return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
		e.startsWith('#x')
			? String.fromCodePoint(parseInt(e.slice(2), 16))
			: e.startsWith('#')
				? String.fromCodePoint(parseInt(e.slice(1), 10))
				: ENTITIES[e]!
	);
}

const TAG = /<(\/?)([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*="[^"]*")*)\s*(\/?)>/y;
const ATTR = /([A-Za-z_][\w.:-]*)="([^"]*)"/g;

/** The document's root element; throws with the offset where the text stops being ours. */
export function parseSvg(doc: string): SvgNode {
	const root: SvgNode = { name: '#root', attrs: {}, children: [] };
	const stack: SvgNode[] = [root];
	let i = doc.startsWith('<?xml') ? doc.indexOf('?>') + 2 : 0;
	while (i < doc.length) {
		const lt = doc.indexOf('<', i);
		const textEnd = lt === -1 ? doc.length : lt;
		if (textEnd > i) {
			const text = doc.slice(i, textEnd);
			if (text.trim() !== '') stack.at(-1)!.children.push(decode(text));
			i = textEnd;
			continue;
		}
		TAG.lastIndex = i;
		const m = TAG.exec(doc);
		if (!m) throw new Error(`parseSvg: unreadable markup at offset ${i}`);
		const [whole, closing, name, attrText, selfClosing] = m as unknown as [
			string,
			string,
			string,
			string,
			string
		];
		i += whole.length;
		if (closing) {
			const open = stack.pop();
			if (!open || open.name !== name) throw new Error(`parseSvg: </${name}> closes <${open?.name}>`);
			continue;
		}
		const attrs: Record<string, string> = {};
		for (const [, key, value] of attrText.matchAll(ATTR)) attrs[key!] = decode(value!);
		const node: SvgNode = { name, attrs, children: [] };
		stack.at(-1)!.children.push(node);
		if (!selfClosing) stack.push(node);
	}
	const top = root.children.find((c): c is SvgNode => typeof c !== 'string');
	if (stack.length !== 1 || !top) throw new Error('parseSvg: the document is not closed');
	return top;
}

/** The text content of an element (its text children, then those of its children, in order). */
export function textOf(node: SvgNode): string {
	return node.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');
}
