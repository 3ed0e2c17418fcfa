import axe from 'axe-core';
import type { Page } from '@playwright/test';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/**
 * The rules whose verdict can change with the colour scheme. Dark mode changes colours only (every
 * colour is one `light-dark()` in app.css), so in a second scheme the other rules would read the
 * same markup again: about a third of the suite's time on two cores.
 */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

interface AxeOptions {
	/** The page was already checked in the other colour scheme: run only the rules that read colours. */
	coloursOnly?: boolean;
	/** A selector to check instead of the whole page. */
	include?: string;
}

type Found = { id: string; targets: string[] }[];

/**
 * WCAG 2.2 AA violations on the page as it stands, one line each, starting with `label`.
 *
 * axe-core is called directly rather than through @axe-core/playwright, which sends axe's 580 KB
 * source into the page twice per check (and, by default, opens a blank page to merge frame results;
 * CSP forbids frames here). Injecting once per document and asking only for violations made the
 * checks about twice as fast, the largest share of the end-to-end suite's time on two cores.
 */
export async function axeViolations(
	page: Page,
	label: string,
	{ coloursOnly = false, include }: AxeOptions = {}
) {
	// Evaluated through the DevTools protocol, so the page's CSP, which blocks inline scripts, allows it.
	if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
	const found: Found = await page.evaluate(
		async ({ include, runOnly }) => {
			const { violations } = await window.axe.run(include ?? document, {
				runOnly,
				resultTypes: ['violations']
			});
			return violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target.join(' ')) }));
		},
		{
			include,
			runOnly: coloursOnly
				? { type: 'rule' as const, values: COLOUR_RULES }
				: { type: 'tag' as const, values: WCAG_22_AA }
		}
	);
	return found.map((v) => `${label}: ${v.id} (${v.targets.join(', ')})`);
}

declare global {
	interface Window {
		axe: typeof axe;
	}
}
