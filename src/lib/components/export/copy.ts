/**
 * Copies a text field's text to the clipboard; without clipboard permission (an embed, an old
 * browser) it selects the text to copy by hand. Returns what to tell the reader.
 */
export async function copyText(
	text: string,
	field: HTMLTextAreaElement | undefined,
	t: { copied: string; copyFailed: string }
): Promise<string> {
	try {
		await navigator.clipboard.writeText(text);
		return t.copied;
	} catch {
		field?.focus();
		field?.select();
		return t.copyFailed;
	}
}
