import { mkdirSync, statSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { backdateTryIts, completeLessonsInDatabase } from '../support/e2e-database';
import { catalog, completeLesson, dialoguesOf, lessonUrl, pathToEnding, playToEnding, practiceSection, sayInPractice, signUp } from '../support/e2e';

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

test('screenshots of a practice conversation, the pick of a thing to try and its follow-up', async ({ page }) => {
	test.setTimeout(120_000);
	mkdirSync(DIR, { recursive: true });
	const username = await signUp(page);
	// A strategy lesson: it has a conversation and things to try. Earlier lessons are marked done.
	const lesson = catalog.lessons.find((l) => l.tryThisWeek.length > 0 && dialoguesOf(l).length > 0)!;
	const [talk] = dialoguesOf(lesson);
	await completeLessonsInDatabase(username, catalog.lessons.slice(0, lesson.index + 1).map((l) => l.id));

	/** Each picture at both widths and in both schemes: of `part` of the page, or of what a first screen shows. */
	const shoot = async (name: string, path: string, part?: () => Locator) => {
		for (const colorScheme of ['light', 'dark'] as const) {
			await page.emulateMedia({ colorScheme });
			for (const width of [375, 1280]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(path);
				const file = `${DIR}/${name}-${width}-${colorScheme}.png`;
				if (part) await part().screenshot({ path: file });
				else await page.screenshot({ path: file });
				expect(statSync(file).size).toBeGreaterThan(5000);
			}
		}
	};
	const conversation = () => practiceSection(page, talk);
	const path = pathToEnding(talk, talk.endings.find((e) => e.outcome === 'softened')!.id);
	await shoot('practice-start', lessonUrl(lesson), conversation);
	await page.goto(lessonUrl(lesson));
	for (const choice of path.slice(0, 2)) await sayInPractice(page, talk, choice);
	await shoot('practice-turn', lessonUrl(lesson), conversation);
	await playToEnding(page, talk, path.slice(2));
	await shoot('practice-ending', lessonUrl(lesson), conversation);

	const pick = () => page.getByRole('region', { name: 'Try it this week' });
	await pick().getByRole('radio', { name: lesson.tryThisWeek[0].text }).check();
	await pick().getByRole('button', { name: 'Try this' }).click();
	await expect(pick().getByRole('status')).toContainText(lesson.tryThisWeek[0].text);
	await shoot('try-it-pick', lessonUrl(lesson), pick);
	await backdateTryIts(username, 25 * 60 * 60 * 1000);
	await shoot('try-it-follow-up', '/learn');
});
