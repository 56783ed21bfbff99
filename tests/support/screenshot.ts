/**
 * Takes a screenshot of the built site: `npx tsx tests/support/screenshot.ts out.png [width] [height] [query]`.
 * Used for the README image and for looking at the app as a reader would.
 */
import { startSite } from './site';

const [out = 'screenshot.png', width = '1280', height = '800', query = ''] = process.argv.slice(2);
const site = await startSite();
try {
	const { page, log } = await site.open({
		viewport: { width: Number(width), height: Number(height) },
		path: query,
		locale: query.includes('lang=en') ? 'en-US' : 'de-DE'
	});
	await page.waitForTimeout(500);
	await page.screenshot({ path: out });
	if (log.errors.length || log.consoleErrors.length || log.foreignRequests.length) console.error(log);
	console.log(`wrote ${out}`);
} finally {
	await site.close();
}
