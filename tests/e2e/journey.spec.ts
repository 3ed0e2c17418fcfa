import { expect, test, type Browser } from '@playwright/test';
import {
	answer,
	catalog,
	completeLesson,
	lessonUrl,
	questionGroup,
	questions,
	reflect,
	reflectionsOf,
	signIn,
	signUp
} from '../support/e2e';

const [lesson1, lesson2, lesson3] = catalog.lessons;

function lessonRow(page: import('@playwright/test').Page, title: string) {
	return page.getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) });
}

async function journey(browser: Browser, javaScript: boolean) {
	const context = await browser.newContext({ javaScriptEnabled: javaScript });
	const page = await context.newPage();
	const username = await signUp(page);

	// The course map: lesson 1 open, lesson 2 locked.
	await expect(page.getByRole('heading', { name: 'Your course' })).toBeVisible();
	await expect(lessonRow(page, lesson1.title)).toContainText('Available');
	await expect(lessonRow(page, lesson2.title)).toContainText('Locked');
	await expect(page.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', lessonUrl(lesson1));

	// A wrong answer shows that option's own feedback and leaves the lesson incomplete.
	await page.getByRole('link', { name: lesson1.title }).click();
	await expect(page.getByRole('heading', { level: 1, name: lesson1.title })).toBeVisible();
	const [q1, ...rest] = questions(lesson1);
	const [wrong] = await answer(page, q1, false);
	await expect(questionGroup(page, q1)).toContainText(wrong.feedback);
	await expect(page.getByText('Complete', { exact: true })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /Next lesson/ })).toHaveCount(0);

	// Right answers and the reflection complete it and open lesson 2.
	const chosen = await answer(page, q1, true);
	for (const option of chosen) await expect(questionGroup(page, q1)).toContainText(option.feedback);
	await expect(questionGroup(page, q1)).toContainText(q1.explanation);
	for (const q of rest) await answer(page, q, true);
	const [r1] = reflectionsOf(lesson1);
	const reflection = `Last night it started after I mentioned money — ${username}`;
	if (r1.kind !== 'reflection') throw new Error('expected a reflection');
	await reflect(page, r1.prompt, reflection, { javaScript });
	for (const r of reflectionsOf(lesson1).slice(1)) if (r.kind === 'reflection') await reflect(page, r.prompt, 'More notes', { javaScript });
	await expect(page.getByText('Complete', { exact: true }).first()).toBeVisible();
	await page.getByRole('link', { name: /Next lesson/ }).click();
	await expect(page).toHaveURL(lessonUrl(lesson2));
	await expect(page.getByRole('heading', { level: 1, name: lesson2.title })).toBeVisible();

	// Lesson 3 is still locked: its URL leads back to the map, saying what to finish first.
	await page.goto(lessonUrl(lesson3));
	await expect(page).toHaveURL(/\/learn\?locked=/);
	await expect(page.getByRole('status').filter({ hasText: lesson3.title })).toContainText(`once you finish “${lesson2.title}”`);

	// A second device sees the same progress, reflection and Continue target.
	const other = await browser.newContext({ javaScriptEnabled: javaScript });
	const second = await other.newPage();
	await signIn(second, username);
	await expect(second).toHaveURL(/\/learn$/);
	await expect(lessonRow(second, lesson1.title)).toContainText('Complete');
	await expect(lessonRow(second, lesson2.title)).toContainText('In progress');
	await expect(lessonRow(second, lesson3.title)).toContainText('Locked');
	await expect(second.getByRole('link', { name: 'Continue' })).toHaveAttribute('href', lessonUrl(lesson2));
	await second.goto(lessonUrl(lesson1));
	await expect(second.getByRole('textbox', { name: r1.prompt })).toHaveValue(reflection);
	await expect(questionGroup(second, q1).getByText('Correct', { exact: true })).toBeVisible();
	await other.close();

	// Signing out ends access to the course.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL('/');
	await page.goto('/learn');
	await expect(page).toHaveURL(/\/login\?next=%2Flearn/);
	await expect(page.getByText('Sign in to continue')).toBeVisible();
	await context.close();
}

test('the learner journey with JavaScript', async ({ browser }) => {
	await journey(browser, true);
});

test('the learner journey without JavaScript', async ({ browser }) => {
	await journey(browser, false);
});

test('a finished lesson can be reviewed and its next lesson opens from the map', async ({ page }) => {
	await signUp(page);
	await completeLesson(page, lesson1);
	await page.goto('/learn');
	await expect(lessonRow(page, lesson2.title)).toContainText('Available');
	await page.goto(lessonUrl(lesson1));
	await expect(page.getByRole('heading', { level: 1, name: lesson1.title })).toBeVisible();
});
