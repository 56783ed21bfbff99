import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, recordCspViolations, watchPage, waitForMap, type PageLog } from './browser';
import { serveStatic, type StaticServer } from './server';

export const BUILD_DIR = resolve(process.cwd(), 'build');

/** The built site, served over HTTP, with one Chromium: what every end-to-end file starts from. */
export interface Site {
	server: StaticServer;
	browser: Browser;
	open: (options?: OpenOptions) => Promise<{ page: Page; log: PageLog; context: BrowserContext }>;
	close: () => Promise<void>;
}

export interface OpenOptions {
	path?: string;
	viewport?: { width: number; height: number };
	locale?: string;
	waitForMap?: boolean;
	deviceScaleFactor?: number;
	/** The system's colour setting the page sees (prefers-color-scheme); Chromium's default is light. */
	colorScheme?: 'light' | 'dark';
	/**
	 * prefers-reduced-motion; `reduce` unless asked. The map then jumps where it would fly and
	 * names appear without fading, as for a reader who asks for that: the flights' seconds add up
	 * over a suite. Tests of motion set it themselves (page.emulateMedia).
	 */
	reducedMotion?: 'reduce' | 'no-preference';
}

export async function startSite(): Promise<Site> {
	if (!existsSync(resolve(BUILD_DIR, 'index.html'))) {
		throw new Error('No built site in build/: run `npm run build` first (npm test does it for you).');
	}
	const server = await serveStatic(BUILD_DIR);
	const browser = await launchChromium();
	const contexts: BrowserContext[] = [];
	return {
		server,
		browser,
		async open(options = {}) {
			const context = await browser.newContext({
				// Smaller than a laptop screen but still the desktop layout: SwiftShader's cost grows with pixels.
				viewport: options.viewport ?? { width: 960, height: 640 },
				locale: options.locale ?? 'de-DE',
				deviceScaleFactor: options.deviceScaleFactor ?? 1,
				colorScheme: options.colorScheme ?? 'light',
				reducedMotion: options.reducedMotion ?? 'reduce',
				acceptDownloads: true
			});
			contexts.push(context);
			const page = await context.newPage();
			await recordCspViolations(page);
			const log = watchPage(page, new URL(server.url).origin);
			await page.goto(new URL(options.path ?? '', server.url).href);
			if (options.waitForMap !== false) await waitForMap(page);
			return { page, log, context };
		},
		async close() {
			for (const c of contexts) await c.close().catch(() => {});
			await browser.close();
			await server.close();
		}
	};
}
