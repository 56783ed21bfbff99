import { it } from 'vitest';
import { startSite } from '../support/site';

it('debug', async () => {
	const site = await startSite();
	const { page } = await site.open();
	page.on('console', (m) => console.log('console:', m.type(), m.text().slice(0, 200)));
	await page.evaluate(() => {
		const t0 = performance.now();
		(window as any).__steps = [];
		new MutationObserver(() => {
			const s = document.querySelector('[data-testid="export-status"]')?.textContent?.trim();
			const arr = (window as any).__steps;
			if (s && arr[arr.length - 1]?.s !== s) arr.push({ s, t: Math.round(performance.now() - t0) });
		}).observe(document.body, { subtree: true, childList: true, characterData: true });
	});
	await page.getByRole('button', { name: 'Exportieren', exact: true }).click();
	const dialog = page.getByTestId('export-dialog');
	for (const preset of ['view-1x', 'full-hd', 'a4-landscape-300dpi']) {
		await dialog.locator('input[name="export-format"][value="png"]').check();
		await dialog.locator('#export-size').selectOption(preset);
		const t1 = Date.now();
		const [d] = await Promise.all([
			page.waitForEvent('download', { timeout: 200000 }),
			dialog.getByRole('button', { name: 'Herunterladen' }).click()
		]);
		await d.path();
		console.log('download', preset, Date.now() - t1, d.suggestedFilename());
		console.log(JSON.stringify(await page.evaluate(() => (window as any).__steps.splice(0))));
	}
	await site.close();
}, 400000);
