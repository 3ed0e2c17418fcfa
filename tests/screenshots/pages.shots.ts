import { mkdirSync, statSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { fillCheckIn } from '../support/check-in';
import {
	backdateTryIts,
	completeLessonsInDatabase,
	makeReviewsDue,
	seedYearOfCheckIns
} from '../support/e2e-database';
import {
	answer,
	catalog,
	dialoguesOf,
	onePageUrl,
	pathToEnding,
	playToEnding,
	questions,
	reflect,
	reflectionsOf,
	sayInPractice,
	signUp,
	stepsOf,
	stepUrl
} from '../support/e2e';

/**
 * Pictures of every page a learner sees, for checking by eye (npm run screenshots): at 375 px and
 * 1280 px, in light and dark, into screenshots/. Not a test of behaviour: the suite does that.
 */
const DIR = 'screenshots';
const WIDTHS = [375, 1280];
const SCHEMES = ['light', 'dark'] as const;

/** Takes `name` at both widths in both schemes; `reach` gets the page there each time (a post's answer, say). */
async function shoot(page: Page, name: string, reach: string | (() => Promise<void>)) {
	for (const colorScheme of SCHEMES) {
		await page.emulateMedia({ colorScheme });
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 900 });
			if (typeof reach === 'string') await page.goto(reach);
			else await reach();
			const file = `${DIR}/${name}-${width}-${colorScheme}.png`;
			await page.screenshot({ path: file, fullPage: true });
			expect(statSync(file).size).toBeGreaterThan(5000);
		}
	}
}

test.beforeAll(() => mkdirSync(DIR, { recursive: true }));

test('signed out: the front page, sign-in, sign-up, help and the safety check', async ({
	page
}) => {
	test.setTimeout(120_000);
	for (const [name, path] of [
		['home', '/'],
		['login', '/login'],
		['signup', '/signup'],
		['recover', '/recover'],
		['help', '/help'],
		['safety-check', '/safety-check']
	]) {
		await shoot(page, name, path);
	}
});

test('a new learner: the recovery code, the safety check, the first check-in and the course map', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signUp(page);
	await shoot(page, 'course-new', '/learn');
	await shoot(page, 'check-in-first', '/check-in');
	// The safety check's help-first screen is the answer to a post: reach it by answering.
	await shoot(page, 'safety-help-first', async () => {
		await page.goto('/safety-check');
		await page.getByRole('radio', { name: 'Yes', exact: true }).first().check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(
			page.getByRole('heading', { level: 1, name: 'Your safety comes first' })
		).toBeVisible();
	});
});

test('a lesson, step by step: reading, a question answered, a reflection, practice and the end', async ({
	page
}) => {
	test.setTimeout(180_000);
	const lesson = catalog.lessons.find(
		(l) => dialoguesOf(l).length > 0 && l.tryThisWeek.length > 0
	)!;
	const username = await signUp(page);
	await completeLessonsInDatabase(
		username,
		catalog.lessons.slice(0, lesson.index).map((l) => l.id)
	);
	const steps = stepsOf(lesson);
	const at = (kind: string) => stepUrl(lesson, steps.findIndex((s) => s.kind === kind) + 1);
	await shoot(page, 'step-reading', stepUrl(lesson, 1));
	const avoid = steps.findIndex((s) => /avoid/i.test(s.title));
	if (avoid >= 0) await shoot(page, 'step-reading-avoid', stepUrl(lesson, avoid + 1));
	await shoot(page, 'step-finish-not-yet', stepUrl(lesson, steps.length));

	const [q1] = questions(lesson);
	await page.goto(at('question'));
	await answer(page, q1, false);
	await shoot(page, 'step-question-wrong', at('question'));
	for (const q of questions(lesson)) {
		await page.goto(
			stepUrl(lesson, steps.findIndex((s) => 'exerciseId' in s && s.exerciseId === q.id) + 1)
		);
		await answer(page, q, true);
	}
	await shoot(page, 'step-question-right', at('question'));

	const talk = dialoguesOf(lesson)[0];
	const path = pathToEnding(talk, talk.endings.find((e) => e.outcome === 'softened')!.id);
	await page.goto(at('practice'));
	await shoot(page, 'step-practice-start', at('practice'));
	for (const choice of path.slice(0, 2)) await sayInPractice(page, talk, choice);
	await shoot(page, 'step-practice-turn', at('practice'));
	await playToEnding(page, talk, path.slice(2));
	await shoot(page, 'step-practice-ending', at('practice'));

	for (const r of reflectionsOf(lesson)) {
		if (r.kind !== 'reflection') continue;
		await page.goto(
			stepUrl(lesson, steps.findIndex((s) => 'exerciseId' in s && s.exerciseId === r.id) + 1)
		);
		await reflect(
			page,
			r.prompt,
			'I noticed I reach for my phone when the quiet starts. Next time I will make tea and wait.'
		);
	}
	await shoot(page, 'step-reflection', at('reflection'));
	await shoot(page, 'step-finish', stepUrl(lesson, steps.length));
	await shoot(page, 'lesson-one-page', onePageUrl(lesson));

	// The thing picked to try, asked about a day later on the course map.
	await page.goto(stepUrl(lesson, steps.length));
	const pick = page.getByRole('region', { name: 'Try it this week' });
	await pick.getByRole('radio', { name: lesson.tryThisWeek[0].text }).check();
	await pick.getByRole('button', { name: 'Try this' }).click();
	await expect(pick.getByRole('status')).toContainText(lesson.tryThisWeek[0].text);
	await backdateTryIts(username, 25 * 60 * 60 * 1000);
	await shoot(page, 'course-follow-up', '/learn');
});

test('the learner’s own space: journal, plan, account, check-ins over a year and review', async ({
	page
}) => {
	test.setTimeout(180_000);
	const lesson = catalog.lessons[0];
	const username = await signUp(page);
	await page.goto(onePageUrl(lesson));
	const [q1] = questions(lesson);
	await answer(page, q1, false);
	for (const r of reflectionsOf(lesson))
		if (r.kind === 'reflection')
			await reflect(
				page,
				r.prompt,
				'Mostly in my chest. I told myself I had done something wrong.'
			);
	await seedYearOfCheckIns(username);
	await makeReviewsDue(username);
	await shoot(page, 'course-over-time', '/learn');
	await shoot(page, 'journal', '/journal');
	await shoot(page, 'plan', '/plan');
	await shoot(page, 'account', '/account');
	await shoot(page, 'check-in-year', '/check-in');
	await shoot(page, 'review-due', '/review');
	await shoot(page, 'check-in-help-first', async () => {
		await page.goto('/check-in');
		await fillCheckIn(page, { heard: 3, wayBack: 2, steady: 3, safe: 1 });
		await expect(page.getByRole('heading', { name: 'Your safety comes first' })).toBeVisible();
	});
	await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
	for (const path of ['/plan', '/check-in']) {
		await page.goto(path);
		await page.screenshot({ path: `${DIR}/print${path.replace('/', '-')}.png`, fullPage: true });
	}
});
