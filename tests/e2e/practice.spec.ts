import { expect, test, type Browser, type Page } from '@playwright/test';
import type { Dialogue } from '../../src/lib/course/schema';
import { backdateTryIts, completeLessonsInDatabase, practiceRuns } from '../support/e2e-database';
import {
	answer,
	catalog,
	dialoguesOf,
	onePageUrl,
	pathToEnding,
	playToEnding,
	practiceSection,
	questions,
	reflect,
	reflectionsOf,
	sayInPractice,
	signIn,
	signUp
} from '../support/e2e';
import { axeViolations } from '../support/axe';

/** The first lesson with a practice conversation (in module 1), and the first strategy lesson (with things to try). */
const practiceLesson = catalog.lessons.find((l) => dialoguesOf(l).length > 0)!;
const [talk] = dialoguesOf(practiceLesson);
const strategyLesson = catalog.lessons.find((l) => l.tryThisWeek.length > 0)!;
const DAY = 24 * 60 * 60 * 1000;

/** The longest stretch of a text that quoting or escaping in HTML or serialized data cannot change. */
const fingerprint = (text: string) =>
	text.split(/["'\\’‘“”\n&<>]/).sort((a, b) => b.length - a.length)[0];
/** Replies, coaching and ending texts whose fingerprint is anywhere in the page's HTML, data included. */
async function leaked(page: Page, texts: string[]) {
	const html = await page.content();
	return texts.filter((t) => html.includes(fingerprint(t)));
}
const everyAnswer = talk.turns
	.flatMap((t) => t.choices.flatMap((c) => [c.reply, c.coach]))
	.concat(talk.endings.map((e) => e.text));

async function openLesson(page: Page, username: string, lesson = practiceLesson) {
	// Earlier lessons are not what this tests: mark them done so the lesson opens.
	await completeLessonsInDatabase(
		username,
		catalog.lessons.slice(0, lesson.index).map((l) => l.id)
	);
	await page.goto(onePageUrl(lesson));
	await expect(page.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();
}

/** The mark beside the lesson's title once it is complete. */
const complete = (page: Page) =>
	page.locator('article header').getByText('Complete', { exact: true });

type Choice = Dialogue['turns'][number]['choices'][number];
/** A way to an ending with at least `min` things to say (the course check keeps one on every conversation). */
function longPath(d: Dialogue, min: number): Choice[] {
	const turns = new Map(d.turns.map((t) => [t.id, t]));
	const walk = (turn: string, path: Choice[]): Choice[] | null => {
		for (const c of turns.get(turn)!.choices) {
			if (c.end && path.length + 1 >= min) return [...path, c];
			const deeper =
				c.next && !path.some((p) => p.next === c.next) ? walk(c.next, [...path, c]) : null;
			if (deeper) return deeper;
		}
		return null;
	};
	return walk(d.start, [])!;
}

for (const javaScript of [true, false]) {
	test(`a conversation plays to an ending, completes the lesson and starts again (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		test.setTimeout(60_000);
		const context = await browser.newContext({ javaScriptEnabled: javaScript });
		const page = await context.newPage();
		const username = await signUp(page);
		await openLesson(page, username);
		const section = practiceSection(page, talk);
		await expect(section.getByRole('heading', { level: 2 })).toHaveText(`Practice: ${talk.title}`);
		await expect(section.getByRole('link', { name: 'talk to a helpline first' })).toHaveAttribute(
			'href',
			'/help'
		);
		const start = talk.turns.find((t) => t.id === talk.start)!;
		await expect(section).toContainText(start.partner!);
		await expect(section.getByRole('radio')).toHaveCount(start.choices.length);

		// Everything else in the lesson done: still not complete without an ending.
		for (const q of questions(practiceLesson)) await answer(page, q, true);
		for (const r of reflectionsOf(practiceLesson))
			if (r.kind === 'reflection') await reflect(page, r.prompt, 'Notes', { javaScript });
		await page.reload();
		await expect(complete(page)).toHaveCount(0);

		// No reply, coaching or ending is in the page before its choice is made.
		expect(await leaked(page, everyAnswer)).toEqual([]);
		const path = pathToEnding(talk, talk.endings.find((e) => e.outcome === 'closed')!.id);
		expect(path.length).toBeGreaterThan(1);
		await sayInPractice(page, talk, path[0]);
		await expect(section).toContainText(path[0].say);
		await expect(section).toContainText(path[0].reply);
		if (javaScript) {
			await expect(page.locator(`#${talk.id}-turn`)).toBeFocused();
			await expect(section.locator('[aria-live="polite"]')).toContainText(path[0].coach);
		} else {
			expect(new URL(page.url()).hash).toBe(`#${talk.id}-step-1`);
		}
		const shownNow = [path[0].reply, path[0].coach];
		expect(await leaked(page, shownNow)).toEqual(shownNow); // the search finds what is there
		expect(
			await leaked(
				page,
				everyAnswer.filter((t) => !shownNow.includes(t))
			)
		).toEqual([]);

		await playToEnding(page, talk, path.slice(1));
		await expect(complete(page)).toBeVisible();
		if (javaScript) await expect(page.locator(`#${talk.id}-ending`)).toBeFocused();

		// Nothing overflows sideways on a narrow phone, and (axe needs JavaScript) the finished conversation passes axe.
		await page.setViewportSize({ width: 320, height: 800 });
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320
		);
		if (javaScript) {
			expect(await axeViolations(page, talk.id, { include: `#${talk.id}` })).toEqual([]);
		}

		// Try a different way: a fresh run from the partner's opening; the lesson stays complete.
		await section.getByRole('button', { name: 'Try a different way' }).click();
		await expect(section.getByRole('heading', { name: 'Practice complete' })).toHaveCount(0);
		await expect(section.getByRole('list', { name: 'The conversation so far' })).toHaveCount(0);
		await expect(section.getByRole('radio')).toHaveCount(start.choices.length);
		if (javaScript) await expect(page.locator(`#${talk.id}-turn`)).toBeFocused();
		const other = start.choices.find((c) => c.id !== path[0].id)!;
		await sayInPractice(page, talk, other);
		await expect(complete(page)).toBeVisible();
		expect(await practiceRuns(username)).toEqual([
			{ exercise: talk.id, run: 1, path: path.map((c) => c.id), ending: path.at(-1)!.end },
			{ exercise: talk.id, run: 2, path: [other.id], ending: other.end ?? null }
		]);
		await context.close();
	});
}

async function signedIn(browser: Browser, username: string) {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, username);
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	return { context, page };
}

test('a conversation resumes on a second device, and a page left behind there is refused', async ({
	browser
}) => {
	const first = await browser.newContext();
	const phone = await first.newPage();
	const username = await signUp(phone);
	await openLesson(phone, username);
	const [one, two, three] = longPath(talk, 3);
	await sayInPractice(phone, talk, one);

	const { context: second, page: laptop } = await signedIn(browser, username);
	await laptop.goto(onePageUrl(practiceLesson));
	const there = practiceSection(laptop, talk);
	await expect(there).toContainText(one.say);
	await expect(there).toContainText(one.reply);
	await expect(there.getByRole('radio', { name: two.say, exact: true })).toBeVisible();

	// The laptop moves on; the phone still shows the old turn and tries to answer it.
	await sayInPractice(laptop, talk, two);
	const here = practiceSection(phone, talk);
	await here.getByRole('radio', { name: two.say, exact: true }).check();
	await here.getByRole('button', { name: 'Say this' }).click();
	await expect(here.getByRole('alert')).toContainText('not at that turn');
	// … and now shows where the conversation is: the laptop's step, once, and the next turn.
	await expect(here).toContainText(two.reply);
	await expect(here.getByRole('radio', { name: three.say, exact: true })).toBeVisible();
	expect((await practiceRuns(username))[0].path).toEqual([one.id, two.id]);
	await first.close();
	await second.close();
});

for (const javaScript of [true, false]) {
	test(`try it this week: pick, asked a day later, answered and dismissed (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		test.setTimeout(60_000);
		const context = await browser.newContext({ javaScriptEnabled: javaScript });
		const page = await context.newPage();
		const username = await signUp(page);
		// Finishing the lesson itself is tested above; here it only has to be complete.
		await completeLessonsInDatabase(
			username,
			catalog.lessons.slice(0, strategyLesson.index + 1).map((l) => l.id)
		);
		await page.goto(onePageUrl(strategyLesson));
		const [first, second] = strategyLesson.tryThisWeek;
		const pick = page.getByRole('region', { name: 'Try it this week' });
		await pick.getByRole('button', { name: 'Try this' }).click();
		await expect(pick.getByRole('alert')).toHaveText('Choose one thing to try first.');
		await pick.getByRole('radio', { name: first.text }).check();
		await pick.getByRole('button', { name: 'Try this' }).click();
		await expect(pick.getByRole('status')).toContainText(first.text);

		// Not asked on the same day.
		await page.goto('/learn');
		await expect(page.getByRole('heading', { name: 'How did it go?' })).toHaveCount(0);

		await backdateTryIts(username, DAY + 60_000);
		await page.goto('/learn');
		const followUp = page.getByRole('region', { name: 'How did it go?' });
		await expect(followUp).toContainText(first.text);
		await followUp.getByRole('button', { name: 'Save to my journal' }).click();
		await expect(followUp.getByRole('alert')).toContainText('Write a few words');
		const answer = `Asked on Thursday <b>and</b> it went *fine* — ${username}`;
		await followUp.getByRole('textbox', { name: 'How did it go?' }).fill(answer);
		await followUp.getByRole('button', { name: 'Save to my journal' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
		await expect(followUp).toHaveCount(0);

		// The answer, as typed, in the journal and the plan (and its Markdown file, escaped).
		await page.goto('/journal');
		await expect(page.getByRole('region', { name: 'Things you tried' })).toContainText(answer);
		await page.goto('/plan');
		await expect(page.getByRole('region', { name: 'What I tried, and how it went' })).toContainText(
			answer
		);
		const markdown = await (await page.request.get('/plan/plan.md')).text();
		expect(markdown).toContain('\\<b\\>and\\</b\\> it went \\*fine\\*');

		// A second pick, a day later, dismissed: not asked again.
		await page.goto(onePageUrl(strategyLesson));
		await pick.getByRole('radio', { name: second.text }).check();
		await pick.getByRole('button', { name: 'Try this' }).click();
		await expect(pick.getByRole('status')).toContainText(second.text);
		await backdateTryIts(username, DAY + 60_000);
		await page.goto('/learn');
		await expect(followUp).toContainText(second.text);
		await followUp.getByRole('button', { name: 'Dismiss' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Dismissed' })).toBeVisible();
		await page.goto('/learn');
		await expect(followUp).toHaveCount(0);
		await context.close();
	});
}
