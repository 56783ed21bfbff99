/** A strict RFC 4180 reader (with `,` or `;` between fields), to check what a spreadsheet would see. */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let i = 0;
	let quoted = false;
	while (i < text.length) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
				continue;
			}
			if (c === '"') {
				quoted = false;
				i++;
				continue;
			}
			field += c;
			i++;
			continue;
		}
		if (c === '"') {
			if (field !== '') throw new Error(`quote inside an unquoted field at ${i}`);
			quoted = true;
		} else if (c === separator) {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			rows.push(row);
			row = [];
			field = '';
			i++;
		} else if (c === '\n' || c === '\r') throw new Error(`bare line break at ${i}`);
		else field += c;
		i++;
	}
	if (quoted) throw new Error('unterminated quote');
	if (field !== '' || row.length) throw new Error('last record has no CRLF');
	return rows;
}

/**
 * A file read the way a spreadsheet reads one opened with a separator it was not written with
 * (German Excel opening a comma file): a quote is special only at the start of a cell (then it
 * runs to the closing quote, doubled quotes meaning one), anywhere else it is a character; no
 * error, ever. Returns every cell's text, to see which would start as a formula.
 */
export function readLikeSpreadsheet(text: string, separator: ',' | ';'): string[] {
	const cells: string[] = [];
	let i = 0;
	while (i < text.length) {
		let cell = '';
		if (text[i] === '"') {
			i++;
			while (i < text.length && !(text[i] === '"' && text[i + 1] !== '"')) {
				cell += text[i];
				i += text[i] === '"' ? 2 : 1;
			}
			i++;
		}
		while (i < text.length && text[i] !== separator && text[i] !== '\r' && text[i] !== '\n')
			cell += text[i++];
		cells.push(cell);
		if (text[i] === '\r') i++;
		i++;
	}
	return cells;
}
