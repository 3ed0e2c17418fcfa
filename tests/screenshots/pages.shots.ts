import { mkdirSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { answer, catalog, completeLesson, lessonUrl, questions, signUp } from '../support/e2e';
import { fillCheckIn } from '../support/check-in';
import { makeReviewsDue, seedYearOfCheckIns } from '../support/e2e-database';

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

test('screenshots of the check-in, its chart and review at 375 and 1280 px in both colour schemes', async ({ page }) => {
	test.setTimeout(120_000);
	mkdirSync(DIR, { recursive: true });
	const lesson = catalog.lessons[0];
	const shoot = async (name: string, path: string, after?: () => Promise<void>) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			for (const width of [375, 1280]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(path);
				await after?.();
				const file = `${DIR}/${name}-${width}-${colorScheme}.png`;
				await page.screenshot({ path: file, fullPage: true });
				expect(statSync(file).size).toBeGreaterThan(5000);
			}
		}
	};
	// A new learner: the check-in as the first stop, before any chart.
	const username = await signUp(page);
	await shoot('check-in-first', '/check-in');
	// A year of weekly check-ins, and a missed question come back for review.
	await seedYearOfCheckIns(username);
	await page.goto(lessonUrl(lesson));
	const [q1] = questions(lesson);
	await answer(page, q1, false);
	await makeReviewsDue(username);
	await shoot('course-over-time', '/learn', () => page.getByText('Your check-ins as a table').click());
	await shoot('check-in-year', '/check-in');
	await shoot('review-due', '/review');
	await page.goto('/review');
	await answer(page, q1, false);
	await shoot('review-answered', '/review');
	// A low answer on the safety question puts help first.
	await page.goto('/check-in');
	await fillCheckIn(page, { heard: 3, wayBack: 2, steady: 3, safe: 1 });
	await expect(page.getByRole('heading', { name: 'Your safety comes first' })).toBeVisible();
	await shoot('check-in-help-first', '/check-in');
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	await page.goto('/check-in');
	await page.screenshot({ path: `${DIR}/check-in-print.png`, fullPage: true });
});
