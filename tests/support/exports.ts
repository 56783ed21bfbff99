/**
 * Writes the sample exports in docs/exports/ from the built site, through the real export dialog:
 * `npx tsx tests/support/exports.ts [dir]` (after `npm run build`). What a desk would download
 * with the defaults: the story's frame, its title and deck, in English. Also the site's social
 * preview, static/social-preview.png (committed: the build needs no browser).
 */
import { mkdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { startSite } from './site';

const [dir = 'docs/exports'] = process.argv.slice(2);
const FILES = [
	{ format: 'png', control: '#export-size', value: 'full-hd', name: 'export-1920x1080.png' },
	{ format: 'png', control: '#export-size', value: 'square', name: 'export-1080x1080.png' },
	// Asked for dark (the dialog's "Colours of the picture").
	{
		format: 'png',
		control: '#export-size',
		value: 'full-hd',
		name: 'export-1920x1080-dark.png',
		theme: 'dark'
	},
	{ format: 'svg', control: '#export-size', value: 'full-hd', name: 'export-1920x1080.svg' },
	{ format: 'pdf', control: '#export-paper', value: 'a4-landscape', name: 'export-a4-landscape.pdf' },
	// The site's social preview (Open Graph, Twitter card) and the embed's fallback picture.
	{ format: 'png', control: '#export-size', value: 'social', name: 'social-preview.png', into: 'static' }
] as const;

await mkdir(dir, { recursive: true });
const site = await startSite();
try {
	const { page, log } = await site.open({ path: '?lang=en', locale: 'en-US' });
	const dialog = page.getByTestId('export-dialog');
	for (const file of FILES) {
		if (!(await dialog.evaluate((d) => (d as HTMLDialogElement).open)))
			await page.getByRole('button', { name: 'Export', exact: true }).click();
		await dialog.locator(`input[name="export-format"][value="${file.format}"]`).check();
		await dialog.locator(file.control).selectOption(file.value);
		const theme = 'theme' in file ? file.theme : 'light';
		await dialog.locator(`input[name="export-theme"][value="${theme}"]`).check();
		const [download] = await Promise.all([
			page.waitForEvent('download', { timeout: 180_000 }),
			dialog.getByRole('button', { name: 'Download', exact: true }).click()
		]);
		const path = join('into' in file ? file.into : dir, file.name);
		await download.saveAs(`${path}.part`);
		await rename(`${path}.part`, path);
		console.log(`wrote ${path} (${download.suggestedFilename()})`);
	}
	if (log.errors.length || log.consoleErrors.length || log.foreignRequests.length) console.error(log);
} finally {
	await site.close();
}
