import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Flags that let headless Chromium render WebGL2 without a GPU (SwiftShader) on a closed network. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--enable-unsafe-swiftshader',
	'--use-angle=swiftshader',
	'--ignore-gpu-blocklist',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--disable-quic',
	'--no-first-run'
];

export function chromiumPath(): string {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	const found = candidates.find((p): p is string => !!p && existsSync(p));
	if (!found) {
		throw new Error(
			'No Chromium found. Install it with `apt-get update && apt-get install -y chromium` ' +
				'(Debian) or point CHROMIUM_PATH at a Chromium/Chrome binary.'
		);
	}
	return found;
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
	return chromium.launch({
		executablePath: chromiumPath(),
		headless: true,
		args: [...CHROMIUM_ARGS, ...extraArgs]
	});
}

/** Everything a page did that a test may want to complain about. */
export interface PageLog {
	errors: string[];
	/** Content-Security-Policy violations reported by the page itself. */
	cspViolations: () => Promise<string[]>;
	consoleErrors: string[];
	foreignRequests: string[];
	requests: string[];
}

/** Records page errors, console errors and any request that leaves the site's own origin. */
export function watchPage(page: Page, origin: string): PageLog {
	const log: PageLog = {
		errors: [],
		consoleErrors: [],
		foreignRequests: [],
		requests: [],
		cspViolations: () =>
			page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []).catch(() => [])
	};
	page.on('pageerror', (e) => log.errors.push(e.message));
	page.on('console', (m) => {
		if (m.type() === 'error') log.consoleErrors.push(m.text());
	});
	page.on('request', (r) => {
		const url = r.url();
		log.requests.push(url);
		// data: and blob: stay inside the page; everything else must come from our own origin.
		if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) {
			log.foreignRequests.push(url);
		}
	});
	return log;
}

/** Counts CSP violations from the very first script on; call before the page is opened. */
export async function recordCspViolations(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) =>
			seen.push(`${e.violatedDirective} ${e.blockedURI}`)
		);
	});
}

/** Waits for the map's ready signal: aria-busy="false" on the map region. */
export async function waitForMap(page: Page, timeout = 45_000): Promise<void> {
	await page.waitForSelector('[data-testid="map"][aria-busy="false"]', { timeout });
}
