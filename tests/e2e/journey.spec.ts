import { expect, test, type Browser, type Page } from '@playwright/test';
import {
	answer,
	catalog,
	completeLesson,
	lessonUrl,
	onePageUrl,
	questionGroup,
	questions,
	reflect,
	reflectionsOf,
	signIn,
	signUp,
	signUpThroughPages,
	stepsOf,
	stepUrl
} from '../support/e2e';

const [lesson1, lesson2, lesson3] = catalog.lessons;
const steps1 = stepsOf(lesson1);

function lessonRow(page: Page, title: string) {
	return page.getByRole('listitem').filter({ has: page.getByText(title, { exact: true }) });
}

/** Goes to the next step, as a learner does: a link, or on a reflection's step a button that also saves. */
async function next(page: Page) {
	await page
		.getByRole('link', { name: 'Next', exact: true })
		.or(page.getByRole('button', { name: 'Next', exact: true }))
		.click();
}

async function journey(browser: Browser, javaScript: boolean) {
	const context = await browser.newContext({ javaScriptEnabled: javaScript });
	const page = await context.newPage();
	const { username } = await signUpThroughPages(page);

	// The course map: lesson 1 open, lesson 2 locked, and it says what opens it.
	await expect(page.getByRole('heading', { name: 'Your course' })).toBeVisible();
	await expect(lessonRow(page, lesson1.title)).toContainText('Not started');
	await expect(lessonRow(page, lesson2.title)).toContainText('Locked');
	await expect(lessonRow(page, lesson2.title)).toContainText(`Opens after “${lesson1.title}”`);
	await expect(page.getByRole('link', { name: 'Continue' })).toHaveAttribute(
		'href',
		lessonUrl(lesson1)
	);

	// The lesson opens at its first step, one thing at a time, with where you are in it.
	await page.getByRole('link', { name: 'Continue' }).click();
	await expect(page).toHaveURL(stepUrl(lesson1, 1));
	await expect(page.getByText(`Step 1 of ${steps1.length}`)).toBeVisible();
	await expect(page.getByRole('progressbar', { name: 'Lesson progress' })).toHaveAttribute(
		'aria-valuenow',
		'1'
	);
	await expect(page.getByRole('link', { name: 'Back', exact: true })).toHaveCount(0);
	await expect(page.getByRole('link', { name: /one page/ })).toHaveAttribute(
		'href',
		onePageUrl(lesson1)
	);

	// Reading, part by part, to the first question.
	const firstQuestion = steps1.findIndex((s) => s.kind === 'question') + 1;
	for (let n = 2; n <= firstQuestion; n++) {
		await next(page);
		await expect(page).toHaveURL(stepUrl(lesson1, n));
		await expect(page.getByRole('heading', { level: 1, name: steps1[n - 1].title })).toBeVisible();
		await expect(page.getByText(`Step ${n} of ${steps1.length}`)).toBeVisible();
	}

	// A wrong answer shows its mark and feedback right under the chosen option; the lesson stays open.
	const [q1, ...rest] = questions(lesson1);
	const [wrong] = await answer(page, q1, false);
	await expect(page).toHaveURL(new RegExp(`${stepUrl(lesson1, firstQuestion)}(#.*)?$`));
	const wrongOption = questionGroup(page, q1).getByRole('listitem').filter({ hasText: wrong.text });
	await expect(wrongOption).toContainText(wrong.feedback);
	await expect(wrongOption).toContainText('✗');
	await expect(wrongOption).toContainText('Not a right choice.');
	const chosen = await answer(page, q1, true);
	for (const option of chosen) {
		const row = questionGroup(page, q1).getByRole('listitem').filter({ hasText: option.text });
		await expect(row).toContainText(option.feedback);
		await expect(row).toContainText('✓');
	}
	await expect(questionGroup(page, q1)).toContainText(q1.explanation);

	// Each remaining exercise on its own step; the finishing step marks the lesson complete.
	for (const q of rest) {
		await next(page);
		await answer(page, q, true);
	}
	for (const r of reflectionsOf(lesson1)) {
		await next(page);
		if (r.kind === 'reflection')
			await reflect(page, r.prompt, `Notes on ${r.id} by ${username}`, { javaScript });
	}
	await next(page);
	await expect(page).toHaveURL(stepUrl(lesson1, steps1.length));
	await expect(page.getByRole('heading', { level: 1, name: 'Lesson complete' })).toBeVisible();
	await expect(page.getByText(`You have finished “${lesson1.title}”`)).toBeVisible();
	await page.getByRole('link', { name: /Next lesson/ }).click();
	await expect(page).toHaveURL(stepUrl(lesson2, 1));

	// Back in the browser goes back a step.
	await page.goBack();
	await expect(page).toHaveURL(stepUrl(lesson1, steps1.length));
	await page.getByRole('link', { name: 'Back', exact: true }).click();
	await expect(page).toHaveURL(stepUrl(lesson1, steps1.length - 1));

	// Lesson 3 is still locked: its address leads back to the map, saying what opens it.
	await page.goto(lessonUrl(lesson3));
	await expect(page).toHaveURL(/\/learn\?locked=/);
	await expect(page.getByRole('status').filter({ hasText: lesson3.title })).toContainText(
		`once you finish “${lesson2.title}”`
	);

	// On a second device, signing in lands on the step where lesson 2 was left: its start.
	await page.goto(stepUrl(lesson2, 2));
	const other = await browser.newContext({ javaScriptEnabled: javaScript });
	const second = await other.newPage();
	await signIn(second, username);
	await expect(second).toHaveURL(stepUrl(lesson2, 2));
	await second.goto('/learn');
	await expect(lessonRow(second, lesson1.title)).toContainText('Complete');
	await expect(lessonRow(second, lesson2.title)).toContainText('In progress');
	await second.goto(onePageUrl(lesson1));
	await expect(questionGroup(second, q1).getByText(/^Correct/)).toBeVisible();
	await other.close();

	// Signing out ends access to the course.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await expect(page).toHaveURL('/');
	await page.goto('/learn');
	await expect(page).toHaveURL(/\/login\?next=%2Flearn/);
	await expect(page.getByText('Sign in to continue')).toBeVisible();
	await context.close();
}

test('the learner journey, step by step, with JavaScript', async ({ browser }) => {
	await journey(browser, true);
});

test('the learner journey, step by step, without JavaScript', async ({ browser }) => {
	await journey(browser, false);
});

test('a finished lesson can be reviewed and its next lesson opens from the map', async ({
	page
}) => {
	await signUp(page);
	await completeLesson(page, lesson1);
	await page.goto('/learn');
	await expect(lessonRow(page, lesson2.title)).toContainText('Not started');
	await page.getByRole('link', { name: lesson1.title }).click();
	await expect(page).toHaveURL(stepUrl(lesson1, 1));
	await page.goto(onePageUrl(lesson1));
	await expect(page.getByRole('heading', { level: 1, name: lesson1.title })).toBeVisible();
});
