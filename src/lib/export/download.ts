/**
 * Hands a file to the browser's download manager: a blob: URL on an `<a download>`, clicked and
 * removed, the URL revoked once the download has had time to start. Nothing leaves the page.
 */

/** How long a blob: URL stays valid after the click (the browser reads it asynchronously). */
const REVOKE_AFTER_MS = 10_000;

/**
 * Saves `blob` as `filename`. `parent` is where the link is clicked: inside an open modal dialog
 * the rest of the page is inert, so the dialog passes itself.
 */
export function downloadBlob(blob: Blob, filename: string, parent: HTMLElement = document.body): void {
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = filename;
	link.rel = 'noopener';
	link.hidden = true;
	parent.append(link);
	try {
		link.click();
	} finally {
		link.remove();
		setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
	}
}

/** Text as a UTF-8 file of the given type. */
export function textBlob(text: string, type: string): Blob {
	return new Blob([text], { type: `${type};charset=utf-8` });
}

export const MIME_TYPES = {
	png: 'image/png',
	svg: 'image/svg+xml',
	pdf: 'application/pdf',
	geojson: 'application/geo+json',
	csv: 'text/csv'
} as const;
