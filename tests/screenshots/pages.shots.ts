import { mkdirSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { catalog, completeLesson, lessonUrl, signUp } from '../support/e2e';

/** Pictures of the main pages to look at by eye: 375 px and 1280 px, light and dark. */
const DIR = 'screenshots';

test('screenshots of the main pages at 375 and 1280 px in both colour schemes', async ({ page }) => {
	test.setTimeout(90_000); // sixteen full-page screenshots
	mkdirSync(DIR, { recursive: true });
	await signUp(page);
	await completeLesson(page, catalog.lessons[0]);
	const pages: [string, string][] = [
		['course', '/learn'],
		['lesson', lessonUrl(catalog.lessons[0])],
		['journal', '/journal'],
		['plan', '/plan'],
		['account', '/account'],
		['help', '/help']
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
		}
	}
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.goto('/');
	await page.screenshot({ path: `${DIR}/home-1280-dark.png`, fullPage: true });
});
