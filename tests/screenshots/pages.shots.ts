import { mkdirSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { catalog, completeLesson, lessonUrl, signUp } from '../support/e2e';

/** Pictures of the main pages to look at by eye: 375 px and 1280 px, light and dark. */
const DIR = 'screenshots';

test('screenshots of the main pages at 375 and 1280 px in both colour schemes', async ({ page }) => {
	test.setTimeout(120_000); // about thirty full-page screenshots
	mkdirSync(DIR, { recursive: true });
	await signUp(page);
	await completeLesson(page, catalog.lessons[0]);
	const pages: [string, string][] = [
		['course', '/learn'],
		['lesson', lessonUrl(catalog.lessons[0])],
		['journal', '/journal'],
		['plan', '/plan'],
		['account', '/account'],
		['help', '/help'],
		['safety-check', '/safety-check']
	];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const width of [375, 1280]) {
			await page.setViewportSize({ width, height: 900 });
			for (const [name, path] of pages) {
				await page.goto(path);
				const file = `${DIR}/${name}-${width}-${colorScheme}.png`;
				await page.screenshot({ path: file, fullPage: true });
				expect(statSync(file).size).toBeGreaterThan(5000);
			}
			// The safety check's help-first screen is the answer to a post: reach it by answering.
			await page.goto('/safety-check');
			await page.getByRole('radio', { name: 'Yes', exact: true }).first().check();
			await page.getByRole('button', { name: 'Continue' }).click();
			await expect(page.getByRole('heading', { level: 1, name: 'Your safety comes first' })).toBeVisible();
			await page.screenshot({ path: `${DIR}/safety-help-first-${width}-${colorScheme}.png`, fullPage: true });
		}
	}
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.goto('/');
	await page.screenshot({ path: `${DIR}/home-1280-dark.png`, fullPage: true });
});
