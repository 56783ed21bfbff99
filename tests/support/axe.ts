import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** Runs axe-core in the page (evaluated through the debugger, so the page's CSP is not weakened). */
export async function axe(page: Page | Frame): Promise<AxeViolation[]> {
	await page.evaluate(AXE_SOURCE);
	const result = (await page.evaluate(() =>
		(window as unknown as { axe: { run: () => Promise<unknown> } }).axe.run()
	)) as { violations: AxeViolation[] };
	return result.violations;
}

/** The serious and critical findings, one line each: what, and where. */
export const serious = (v: AxeViolation[]) =>
	v
		.filter((x) => x.impact === 'serious' || x.impact === 'critical')
		.map((x) => `${x.id}: ${x.help} (${x.nodes.map((n) => n.target.join(' ')).join(', ')})`);
