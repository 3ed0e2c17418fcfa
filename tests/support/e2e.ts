import { expect, type Page } from '@playwright/test';
import { parse } from 'devalue';
import {
	buildCatalog,
	lessonHref,
	onePageHref,
	stepHref,
	type Lesson
} from '../../src/lib/course/catalog';
import { lessonSteps } from '../../src/lib/course/steps';
import { readCourseFiles } from '../../src/lib/course/read-files';
import type { Dialogue, Question } from '../../src/lib/course/schema';

/** The real course, read the way the server reads it: tests take answers from the lessons, not from copies. */
export const catalog = buildCatalog(readCourseFiles(process.cwd()));

/** A lesson's address: it opens at the learner's next step. */
export const lessonUrl = lessonHref;
/** The whole lesson on one page, every exercise on it. */
export const onePageUrl = onePageHref;
export const stepUrl = stepHref;
export const stepsOf = lessonSteps;

let counter = 0;
/** A username no other test (or earlier run on the same database) uses. */
export function uniqueName(prefix = 'learner') {
	return `${prefix}-${Date.now().toString(36)}-${process.pid % 1000}-${counter++}`.slice(0, 32);
}

export const PASSWORD = 'quiet evening walk 42';

/**
 * A new learner, signed in on `page`'s browser and looking at the course map. Made the quick way:
 * the sign-up form's own action, then the safety check's first showing (which records the offer),
 * as requests. Tests of the sign-up flow itself walk it page by page (`signUpThroughPages`).
 */
export async function signUp(page: Page, username = uniqueName()) {
	return (await createAccount(page, username)).username;
}

/** Signs up the quick way (see signUp) and returns the recovery code the page would show once. */
export async function createAccount(page: Page, username = uniqueName()) {
	const origin = new URL(process.env.HEARD_E2E_URL!).origin;
	const response = await page.request.post('/signup', {
		form: { username, password: PASSWORD },
		headers: { origin, 'x-sveltekit-action': 'true', accept: 'application/json' }
	});
	const result = await response.json();
	expect(result.type, JSON.stringify(result)).toBe('success');
	const { recoveryCode } = parse(result.data) as { recoveryCode: string };
	expect((await page.request.get('/safety-check')).status()).toBe(200);
	await page.goto('/learn');
	await expect(page.getByRole('heading', { level: 1, name: 'Your course' })).toBeVisible();
	return { username, recoveryCode };
}

/** Signs up as a learner does, page by page: the form, the recovery code, the safety check and the first check-in, both skipped. */
export async function signUpThroughPages(page: Page, username = uniqueName()) {
	await page.goto('/signup');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Your recovery code' })).toBeVisible();
	const recoveryCode = await page
		.getByRole('textbox', { name: 'Recovery code', exact: true })
		.inputValue();
	await page.getByRole('link', { name: 'I have saved it — continue' }).click();
	await skipSafetyCheck(page);
	await expect(page).toHaveURL(/\/learn$/);
	return { username, recoveryCode };
}

/** A new learner meets the safety check after the recovery code, then the first check-in: most tests skip both. */
export async function skipSafetyCheck(page: Page) {
	await expect(page.getByRole('heading', { level: 1, name: 'A quick safety check' })).toBeVisible();
	await page.getByRole('link', { name: 'Not now' }).click();
	await expect(page).toHaveURL(/\/check-in$/);
	await page.getByRole('link', { name: 'Skip for now' }).click();
}

export async function signIn(page: Page, username: string, password = PASSWORD) {
	await page.goto('/login');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(password);
	await page.getByRole('button', { name: 'Sign in' }).click();
}

export const questions = (lesson: Lesson) =>
	lesson.exercises.filter((e): e is Question => e.kind === 'single' || e.kind === 'multiple');
export const reflectionsOf = (lesson: Lesson) =>
	lesson.exercises.filter((e) => e.kind === 'reflection');

export function questionGroup(page: Page, q: Question) {
	return page.getByRole('group', { name: q.question });
}

/** The one line under a checked question that says how the whole answer went. */
export function verdict(page: Page, q: Question) {
	return questionGroup(page, q).getByText(/^(Correct|Not quite|\d+ of \d+ found)/);
}

/** Chooses the right options (or one wrong one) and checks the answer. */
export async function answer(page: Page, q: Question, correctly: boolean) {
	const group = questionGroup(page, q);
	const chosen = correctly
		? q.options.filter((o) => o.correct)
		: [q.options.find((o) => !o.correct)!];
	for (const option of q.options) {
		const box = group.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', {
			name: option.text,
			exact: true
		});
		if (chosen.includes(option)) await box.check();
		else if (q.kind === 'multiple') await box.uncheck();
	}
	await group.getByRole('button', { name: 'Check answer' }).click();
	await expect(verdict(page, q)).toHaveText(
		correctly ? /^Correct/ : /^(Not quite|\d+ of \d+ found)/
	);
	return chosen;
}

/** Writes a reflection; with JavaScript it waits for the autosave, without it presses Save. */
export async function reflect(
	page: Page,
	prompt: string,
	text: string,
	{ javaScript = true } = {}
) {
	const box = page.getByRole('textbox', { name: prompt });
	await box.fill(text);
	if (!javaScript)
		await box.locator('xpath=ancestor::form').getByRole('button', { name: 'Save' }).click();
	await expect(page.getByRole('textbox', { name: prompt })).toHaveValue(text);
	await expect(
		page.getByRole('textbox', { name: prompt }).locator('xpath=ancestor::form').getByRole('status')
	).toHaveText('Saved');
}

export const dialoguesOf = (lesson: Lesson) =>
	lesson.exercises.filter((e): e is Dialogue => e.kind === 'dialogue');
type Choice = Dialogue['turns'][number]['choices'][number];

/** The choices of the shortest way from the start to an ending (to `ending` if named), read from the lesson. */
export function pathToEnding(d: Dialogue, ending?: string): Choice[] {
	const turns = new Map(d.turns.map((t) => [t.id, t]));
	const queue: { turn: string; path: Choice[] }[] = [{ turn: d.start, path: [] }];
	const seen = new Set([d.start]);
	while (queue.length) {
		const { turn, path } = queue.shift()!;
		for (const choice of turns.get(turn)!.choices) {
			if (choice.end && (!ending || choice.end === ending)) return [...path, choice];
			if (choice.next && !seen.has(choice.next)) {
				seen.add(choice.next);
				queue.push({ turn: choice.next, path: [...path, choice] });
			}
		}
	}
	throw new Error(`${d.id}: no way to ${ending ?? 'an ending'}`);
}

export function practiceSection(page: Page, d: Dialogue) {
	return page.getByRole('region', { name: `Practice: ${d.title}` });
}

/** Picks what to say at the current turn and waits for the partner's reply and the coaching. */
export async function sayInPractice(page: Page, d: Dialogue, choice: Choice) {
	const section = practiceSection(page, d);
	await section
		.getByRole('group', { name: 'What do you say?' })
		.getByRole('radio', { name: choice.say, exact: true })
		.check();
	await section.getByRole('button', { name: 'Say this' }).click();
	await expect(section.getByRole('list', { name: 'The conversation so far' })).toContainText(
		choice.coach
	);
}

/** Plays a conversation along `path` (by default the shortest way to an ending) and checks the ending shows. */
export async function playToEnding(page: Page, d: Dialogue, path = pathToEnding(d)) {
	for (const choice of path) await sayInPractice(page, d, choice);
	const ending = d.endings.find((e) => e.id === path.at(-1)!.end)!;
	await expect(
		practiceSection(page, d).getByRole('heading', { name: 'Practice complete' })
	).toBeVisible();
	await expect(practiceSection(page, d)).toContainText(ending.text);
}

/** Does every exercise of a lesson on its one-page view. */
export async function completeLesson(
	page: Page,
	lesson: Lesson,
	opts: { javaScript?: boolean } = {}
) {
	await page.goto(onePageUrl(lesson));
	for (const q of questions(lesson)) await answer(page, q, true);
	// A conversation counts once it reaches an ending, in any run.
	for (const d of dialoguesOf(lesson)) {
		if (
			!(await practiceSection(page, d)
				.getByRole('heading', { name: 'Practice complete' })
				.isVisible())
		)
			await playToEnding(page, d);
	}
	for (const r of reflectionsOf(lesson)) {
		if (r.kind === 'reflection') await reflect(page, r.prompt, `My notes on ${r.id}`, opts);
	}
	await expect(page.getByText('Complete', { exact: true }).first()).toBeVisible();
}
