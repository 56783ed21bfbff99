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
