import { expect, test, type Page } from '@playwright/test';
import type { Lesson } from '../../src/lib/course/catalog';
import { completeLessonsInDatabase } from '../support/e2e-database';
import {
	catalog,
	dialoguesOf,
	lessonUrl,
	onePageUrl,
	PASSWORD,
	playToEnding,
	questionGroup,
	questions,
	reflectionsOf,
	signIn,
	signUp,
	stepsOf,
	stepUrl,
	verdict
} from '../support/e2e';

const lesson1 = catalog.lessons[0];
const steps1 = stepsOf(lesson1);
const stepOf = (kind: string, nth = 0) =>
	steps1.map((s, i) => ({ s, n: i + 1 })).filter(({ s }) => s.kind === kind)[nth].n;

/** Next or Back, a link on most steps and a button that also saves on a reflection's. */
const go = (page: Page, name: 'Next' | 'Back') =>
	page.getByRole('link', { name, exact: true }).or(page.getByRole('button', { name, exact: true }));

for (const javaScript of [true, false]) {
	test(`leaving a reflection's step and coming back keeps what was typed (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: javaScript });
		const page = await context.newPage();
		await signUp(page);
		const n = stepOf('reflection');
		const [r1] = reflectionsOf(lesson1);
		if (r1.kind !== 'reflection') throw new Error('expected a reflection');
		await page.goto(stepUrl(lesson1, n));
		await page.getByRole('textbox', { name: r1.prompt }).fill('Typed, never saved by hand');
		await go(page, 'Next').click();
		await expect(page).toHaveURL(stepUrl(lesson1, n + 1));
		await go(page, 'Back').click();
		await expect(page).toHaveURL(stepUrl(lesson1, n));
		await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue(
			'Typed, never saved by hand'
		);
		await context.close();
	});
}

/** The exercises asked on steps `numbers` of `lesson`. */
const exercisesAt = (lesson: Lesson, ...numbers: number[]) =>
	numbers.map((n) => {
		const step = stepsOf(lesson)[n - 1];
		return lesson.exercises.find((e) => 'exerciseId' in step && e.id === step.exerciseId)!;
	});

/** The first lesson with two steps of one kind in a row, and where they are. */
function twoInARow(kind: 'reflection' | 'question') {
	for (const [index, lesson] of catalog.lessons.entries()) {
		const n =
			stepsOf(lesson).findIndex((s, i, all) => s.kind === kind && all[i + 1]?.kind === kind) + 1;
		if (n > 0) return { lesson, before: catalog.lessons.slice(0, index), n };
	}
	throw new Error(`no lesson has two ${kind} steps in a row`);
}

test('two reflections in a row each show and keep their own text', async ({ page }) => {
	const { lesson, before, n } = twoInARow('reflection');
	const username = await signUp(page);
	await completeLessonsInDatabase(
		username,
		before.map((l) => l.id)
	);
	const [first, second] = exercisesAt(lesson, n, n + 1);
	if (first.kind !== 'reflection' || second.kind !== 'reflection')
		throw new Error('expected two reflections');
	await page.goto(stepUrl(lesson, n));
	await page.getByRole('textbox', { name: first.prompt }).fill('The first one');
	await go(page, 'Next').click();
	await expect(page).toHaveURL(stepUrl(lesson, n + 1));
	// A component kept from the step before showed its text here, and would have saved it under this prompt.
	await expect(page.getByRole('textbox', { name: second.prompt })).toHaveValue('');
	await page.getByRole('textbox', { name: second.prompt }).fill('The second one');
	await go(page, 'Back').click();
	await expect(page).toHaveURL(stepUrl(lesson, n));
	await expect(page.getByRole('textbox', { name: first.prompt })).toHaveValue('The first one');
	await page.reload();
	await expect(page.getByRole('textbox', { name: first.prompt })).toHaveValue('The first one');
	await page.goto(stepUrl(lesson, n + 1));
	await expect(page.getByRole('textbox', { name: second.prompt })).toHaveValue('The second one');
});

test('two questions in a row: the second starts unanswered', async ({ page }) => {
	const { lesson, before, n } = twoInARow('question');
	const username = await signUp(page);
	await completeLessonsInDatabase(
		username,
		before.map((l) => l.id)
	);
	const [first, second] = exercisesAt(lesson, n, n + 1);
	if (
		(first.kind !== 'single' && first.kind !== 'multiple') ||
		(second.kind !== 'single' && second.kind !== 'multiple')
	)
		throw new Error('expected two questions');
	await page.goto(stepUrl(lesson, n));
	await questionGroup(page, first)
		.getByRole(first.kind === 'single' ? 'radio' : 'checkbox', {
			name: first.options.find((o) => o.correct)!.text,
			exact: true
		})
		.check();
	await questionGroup(page, first).getByRole('button', { name: 'Check answer' }).click();
	await expect(verdict(page, first)).toHaveText(/^Correct/);
	await go(page, 'Next').click();
	await expect(page).toHaveURL(stepUrl(lesson, n + 1));
	await expect(
		questionGroup(page, second).getByRole('button', { name: 'Check answer' })
	).toBeVisible();
	await expect(verdict(page, second)).toHaveCount(0);
	await expect(
		page.getByRole(second.kind === 'single' ? 'radio' : 'checkbox', { checked: true })
	).toHaveCount(0);
});

test('Continue and signing in land on the first unfinished step, never the top of a half-done lesson', async ({
	page,
	browser
}) => {
	const username = await signUp(page);
	// Stopped while reading: back at that part.
	await page.goto(stepUrl(lesson1, 3));
	await page.goto('/learn');
	await page.getByRole('link', { name: 'Continue' }).click();
	await expect(page).toHaveURL(stepUrl(lesson1, 3));

	// One question answered, the next skipped: back at the skipped one.
	const [q1, q2] = questions(lesson1);
	const first = stepOf('question');
	await page.goto(stepUrl(lesson1, first));
	await questionGroup(page, q1)
		.getByRole(q1.kind === 'single' ? 'radio' : 'checkbox', {
			name: q1.options.find((o) => o.correct)!.text,
			exact: true
		})
		.check();
	await questionGroup(page, q1).getByRole('button', { name: 'Check answer' }).click();
	await expect(verdict(page, q1)).toHaveText(/^Correct/);
	await page.goto(stepUrl(lesson1, first + 2));
	await page.goto('/learn');
	await page.getByRole('link', { name: 'Continue' }).click();
	await expect(page).toHaveURL(stepUrl(lesson1, first + 1));
	await expect(questionGroup(page, q2)).toBeVisible();

	// Another device, signing in: the same step.
	const other = await browser.newContext();
	const second = await other.newPage();
	await signIn(second, username, PASSWORD);
	await expect(second).toHaveURL(stepUrl(lesson1, first + 1));
	await other.close();
});

test('moving between steps puts focus on the new step’s heading', async ({ page }) => {
	await signUp(page);
	// The page must have come to life: a click before that is a plain page load, which (as in any
	// browser) starts at the top of the new page. Under load that happened once in five runs.
	await page.goto(stepUrl(lesson1, 1), { waitUntil: 'networkidle' });
	await go(page, 'Next').click();
	await expect(page.getByRole('heading', { level: 1, name: steps1[1].title })).toBeFocused();
});

test('a multi-select answer says how many right options were found, and marks each chosen one', async ({
	page
}) => {
	const lesson = catalog.lessons.find((l) =>
		questions(l).some(
			(q) => q.kind === 'multiple' && q.options.filter((o) => o.correct).length >= 2
		)
	)!;
	const q = questions(lesson).find(
		(x) => x.kind === 'multiple' && x.options.filter((o) => o.correct).length >= 2
	)!;
	const username = await signUp(page);
	await completeLessonsInDatabase(
		username,
		catalog.lessons.slice(0, lesson.index).map((l) => l.id)
	);
	await page.goto(onePageUrl(lesson));
	const right = q.options.filter((o) => o.correct);
	const wrong = q.options.find((o) => !o.correct)!;
	const group = questionGroup(page, q);
	await group.getByRole('checkbox', { name: right[0].text, exact: true }).check();
	await group.getByRole('checkbox', { name: wrong.text, exact: true }).check();
	await group.getByRole('button', { name: 'Check answer' }).click();
	await expect(verdict(page, q)).toHaveText(
		`1 of ${right.length} found, and 1 choice that is not among them.`
	);
	await expect(group.getByRole('listitem').filter({ hasText: right[0].text })).toContainText(
		`✓ A right choice. ${right[0].feedback}`
	);
	await expect(group.getByRole('listitem').filter({ hasText: wrong.text })).toContainText(
		`✗ Not a right choice. ${wrong.feedback}`
	);
	await expect(group).not.toContainText('Not yet');
	await expect(group.getByText('Choose all that apply.')).toHaveCount(1);
});

test('the finishing step lists what is still to do, with a way to each', async ({ page }) => {
	await signUp(page);
	await page.goto(stepUrl(lesson1, steps1.length));
	await expect(page.getByRole('heading', { level: 1, name: 'Almost there' })).toBeVisible();
	for (const s of steps1.filter((x) => x.kind === 'question' || x.kind === 'reflection')) {
		await expect(page.getByRole('link', { name: s.title, exact: true }).last()).toBeVisible();
	}
});

test('every step of every lesson opens, each with its heading, its place and the one-page view', async ({
	page
}) => {
	test.setTimeout(120_000);
	const username = await signUp(page);
	await completeLessonsInDatabase(
		username,
		catalog.lessons.map((l) => l.id)
	);
	for (const lesson of catalog.lessons) {
		const steps = stepsOf(lesson);
		for (const [i, step] of steps.entries()) {
			const response = await page.request.get(stepUrl(lesson, i + 1));
			expect(response.status(), `${lesson.id} step ${i + 1}`).toBe(200);
			const html = await response.text();
			const heading = step.kind === 'finish' ? 'Lesson complete' : step.title;
			expect(html, `${lesson.id} step ${i + 1}`).toContain(
				`>${heading.replaceAll('&', '&amp;').replaceAll('<', '&lt;')}</h1>`
			);
			expect(html).toContain(`Step ${i + 1} of ${steps.length}`);
			expect(html).toContain(`href="${onePageUrl(lesson)}"`);
		}
		expect((await page.request.get(stepUrl(lesson, steps.length + 1))).status()).toBe(404);
		// A finished lesson opens at its start, for a look back.
		const opened = await page.request.get(lessonUrl(lesson), { maxRedirects: 0 });
		expect(opened.headers().location).toBe(stepUrl(lesson, 1));
	}
});

test('a practice conversation is a step of its own, played there to an ending', async ({
	page
}) => {
	const lesson = catalog.lessons.find((l) => l.exercises.some((e) => e.kind === 'dialogue'))!;
	const d = dialoguesOf(lesson)[0];
	const username = await signUp(page);
	await completeLessonsInDatabase(
		username,
		catalog.lessons.slice(0, lesson.index).map((l) => l.id)
	);
	const n = stepsOf(lesson).findIndex((s) => s.kind === 'practice') + 1;
	await page.goto(stepUrl(lesson, n));
	await expect(page.getByRole('heading', { level: 1, name: `Practice: ${d.title}` })).toBeVisible();
	await playToEnding(page, d);
	await expect(page).toHaveURL(new RegExp(`${stepUrl(lesson, n)}(#.*)?$`));
});

for (const javaScript of [true, false]) {
	test(`every step and the one-page view list the lesson's sources, each with its link (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: javaScript });
		const page = await context.newPage();
		await signUp(page);
		const withUrl = lesson1.sources.filter((s) => s.url);
		expect(withUrl.length).toBeGreaterThan(0);
		for (const url of [
			stepUrl(lesson1, 1),
			stepUrl(lesson1, stepOf('question')),
			onePageUrl(lesson1)
		]) {
			await page.goto(url);
			const sources = page.locator('details.sources');
			await sources.getByText('Sources', { exact: true }).click();
			await expect(sources.getByRole('listitem'), url).toHaveCount(lesson1.sources.length);
			for (const source of lesson1.sources)
				await expect(
					sources.getByRole('listitem').filter({ hasText: source.title }),
					url
				).toBeVisible();
			for (const source of withUrl)
				await expect(sources.getByRole('link', { name: source.title }), url).toHaveAttribute(
					'href',
					source.url!
				);
		}
		await context.close();
	});
}
