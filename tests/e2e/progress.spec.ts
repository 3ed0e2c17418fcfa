import { expect, test, type APIRequestContext, type Browser, type Page } from '@playwright/test';
import { fillCheckIn, scaleName } from '../support/check-in';
import {
	ageCheckIns,
	e2eDatabase,
	learnerRowCounts,
	makeReviewsDue,
	seedYearOfCheckIns
} from '../support/e2e-database';
import {
	answer,
	catalog,
	lessonUrl,
	onePageUrl,
	questionGroup,
	questions,
	signUp
} from '../support/e2e';
import { axeViolations } from '../support/axe';
import { CHECK_IN_QUESTIONS, dayLabel } from '../../src/lib/check-in';

const [lesson1] = catalog.lessons;
const SAFETY_LESSON = '/learn/safety-and-your-plan/when-silence-becomes-abuse';
const CHART = 'Your check-ins over time';

/** This week's Monday (UTC) as the table shows it: "2 Mar 2026". */
function thisWeek() {
	const now = new Date();
	const monday =
		Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) -
		((now.getUTCDay() + 6) % 7) * 86_400_000;
	return dayLabel(new Date(monday));
}

async function newLearner(browser: Browser, javaScript: boolean) {
	const context = await browser.newContext({ javaScriptEnabled: javaScript });
	const page = await context.newPage();
	const username = await signUp(page);
	return { context, page, username };
}

/** The table's rows below its header, each as [week, heard, way back, steady, safe]. */
async function tableRows(page: Page) {
	const rows = page.getByRole('table').getByRole('row');
	await expect(rows.first().getByRole('columnheader')).toHaveText([
		'Week of',
		'Heard',
		'Way back',
		'Steady',
		'Safe'
	]);
	const out: string[][] = [];
	for (const row of (await rows.all()).slice(1))
		out.push([
			await row.getByRole('rowheader').innerText(),
			...(await row.getByRole('cell').allInnerTexts())
		]);
	return out;
}

/** Posts a form action the way a browser does (same origin), outside the page's own forms. */
function post(
	request: APIRequestContext,
	url: string,
	form: Record<string, string | string[]>,
	baseURL: string
) {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
	return request.post(url, {
		headers: {
			origin: baseURL,
			'content-type': 'application/x-www-form-urlencoded',
			accept: 'text/html'
		},
		data: body.toString(),
		maxRedirects: 0
	});
}

async function reviewRows(username: string) {
	const db = e2eDatabase();
	try {
		const { rows } = await db.execute({
			sql: 'select lesson_id, exercise_id, step, done_at from review_items where user_id = (select id from users where username = ?) order by exercise_id',
			args: [username]
		});
		return rows.map((r) => ({
			lesson: r.lesson_id,
			question: r.exercise_id,
			step: Number(r.step),
			done: r.done_at !== null
		}));
	} finally {
		db.close();
	}
}

for (const javaScript of [true, false]) {
	const how = javaScript ? 'with JavaScript' : 'without JavaScript';

	test(`check in, see the chart and the table; a second check-in in the same week replaces it (${how})`, async ({
		browser
	}) => {
		const { context, page, username } = await newLearner(browser, javaScript);

		// A new learner is offered the check-in on the course map; nothing is drawn yet.
		await page.getByRole('link', { name: 'Try the weekly check-in' }).click();
		await expect(page).toHaveURL(/\/check-in$/);
		await expect(
			page.getByRole('heading', { level: 1, name: 'Your weekly check-in' })
		).toBeVisible();
		await expect(page.getByText('It is not a test or a clinical measure')).toBeVisible();
		await expect(page.getByRole('img', { name: CHART })).toHaveCount(0);

		await fillCheckIn(page, { heard: 2, wayBack: 1, steady: 3, safe: 5 });
		await expect(
			page.getByRole('status').filter({ hasText: "This week's check-in is saved" })
		).toBeVisible();
		await expect(page).toHaveURL(/\/check-in$/);
		const chart = page.getByRole('img', { name: CHART });
		await expect(chart).toBeVisible();
		await expect(chart).toHaveAccessibleDescription(
			/^One check-in, for the week of .*felt heard 2, found a way back 1, felt steady 3, felt safe at home 5/
		);
		expect(await tableRows(page)).toEqual([[thisWeek(), '2', '1', '3', '5']]);
		// The form shows what is saved, ready to change.
		await expect(
			page
				.getByRole('group', { name: CHECK_IN_QUESTIONS[0].legend })
				.getByRole('radio', { name: '2', exact: true })
		).toBeChecked();

		await fillCheckIn(page, { heard: 4, wayBack: 3, steady: 4 });
		await expect(page.getByRole('table').getByRole('cell').first()).toHaveText('4');
		expect(await tableRows(page)).toEqual([[thisWeek(), '4', '3', '4', '5']]);
		expect((await learnerRowCounts(username)).check_ins).toBe(1);

		// The course map draws it too, with the table a tap away, and offers no check-in until a week has passed.
		await page.goto('/learn');
		await expect(page.getByRole('img', { name: CHART })).toBeVisible();
		await expect(
			page.getByRole('link', { name: /Check in for this week|Try the weekly check-in/ })
		).toHaveCount(0);
		await page.getByText('Your check-ins as a table').click();
		expect(await tableRows(page)).toEqual([[thisWeek(), '4', '3', '4', '5']]);

		await ageCheckIns(username, 1);
		await page.goto('/learn');
		await page.getByRole('link', { name: 'Check in for this week' }).click();
		await fillCheckIn(page, { heard: 5, wayBack: 4, steady: 4, safe: 5 });
		await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);
		const rows = await tableRows(page);
		expect(rows.map((r) => r.slice(1))).toEqual([
			['5', '4', '4', '5'],
			['4', '3', '4', '5']
		]);
		await expect(page.getByRole('img', { name: CHART })).toHaveAccessibleDescription(
			/^2 check-ins, from the week of/
		);
		await context.close();
	});

	test(`a low answer on the safety question puts help first, and the address says nothing of it (${how})`, async ({
		browser
	}) => {
		const { context, page } = await newLearner(browser, javaScript);
		await page.goto('/check-in');
		await fillCheckIn(page, { heard: 3, wayBack: 3, steady: 2, safe: 2 });

		const help = page.getByRole('heading', { name: 'Your safety comes first' });
		await expect(help).toBeVisible();
		// Help is the page's first heading and comes before the check-in itself.
		await expect(page.locator('main h1')).toHaveText('Your safety comes first');
		await expect(
			page.locator('main').getByRole('link', { name: 'Get help now', exact: true })
		).toHaveAttribute('href', '/help');
		await expect(page.getByRole('link', { name: /When silence becomes abuse/ })).toHaveAttribute(
			'href',
			SAFETY_LESSON
		);
		const [helpBox, saveBox] = [
			await help.boundingBox(),
			await page.getByRole('button', { name: 'Save check-in' }).boundingBox()
		];
		expect(helpBox!.y).toBeLessThan(saveBox!.y);
		if (javaScript) await expect(help).toBeFocused();
		const url = new URL(page.url());
		expect(url.pathname + url.search + url.hash).toBe('/check-in');

		// Feeling safer the same week: the check-in is replaced, and the page is the usual one again.
		await fillCheckIn(page, { safe: 4 });
		await expect(page.locator('main h1')).toHaveText('Your weekly check-in');
		await expect(help).toHaveCount(0);
		await context.close();
	});

	test(`a question missed on its first try comes back for review; right moves it on, wrong brings it back (${how})`, async ({
		browser
	}) => {
		const { context, page, username } = await newLearner(browser, javaScript);
		const [q1] = questions(lesson1);
		await page.goto(onePageUrl(lesson1));
		await answer(page, q1, false);
		await answer(page, q1, true);

		// Not due for a day.
		await page.goto('/learn');
		await expect(page.getByRole('link', { name: /to review/ })).toHaveCount(0);
		await page.goto('/review');
		await expect(
			page.getByText('Nothing to review right now. The next question comes back within a day.')
		).toBeVisible();

		// The day passes (the test moves the question's due time; see makeReviewsDue).
		await makeReviewsDue(username);
		await page.goto('/learn');
		await page.getByRole('link', { name: '1 question to review' }).click();
		await expect(page).toHaveURL(/\/review$/);
		const group = questionGroup(page, q1);
		await expect(group.getByRole('link', { name: lesson1.title })).toHaveAttribute(
			'href',
			lessonUrl(lesson1)
		);
		for (const option of q1.options)
			await expect(group.getByText(option.text, { exact: true })).toBeVisible();
		// No feedback before an answer.
		for (const option of q1.options) await expect(group).not.toContainText(option.feedback);

		const [wrong] = await answer(page, q1, false);
		await expect(group).toContainText(wrong.feedback);
		for (const other of q1.options.filter((o) => o !== wrong))
			await expect(group).not.toContainText(other.feedback);
		await expect(group).not.toContainText(q1.explanation);
		await expect(group).toContainText('It comes back tomorrow');
		expect(await reviewRows(username)).toEqual([
			{ lesson: lesson1.id, question: q1.id, step: 0, done: false }
		]);
		await page.goto('/learn');
		await expect(page.getByRole('link', { name: /to review/ })).toHaveCount(0);

		await makeReviewsDue(username);
		await page.goto('/review');
		const right = await answer(page, q1, true);
		for (const option of right) await expect(group).toContainText(option.feedback);
		await expect(group).toContainText(q1.explanation);
		await expect(group).toContainText('It comes back in 3 days');
		expect(await reviewRows(username)).toEqual([
			{ lesson: lesson1.id, question: q1.id, step: 1, done: false }
		]);
		await context.close();
	});
}

test('a check-in can be skipped, and nothing is stored', async ({ page }) => {
	const username = await signUp(page);
	await page.goto('/check-in');
	await page.getByRole('link', { name: 'Skip for now' }).click();
	await expect(page).toHaveURL(/\/learn$/);
	expect((await learnerRowCounts(username)).check_ins).toBe(0);
});

test('a check-in with an answer missing or off the scale is refused with a message, and nothing is saved', async ({
	browser,
	baseURL
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const username = await signUp(page);
	await page.goto('/check-in');
	await fillCheckIn(page, { heard: 4, wayBack: 2, steady: 3 });
	await expect(page.getByRole('alert')).toContainText(
		'One question needs an answer from 1 to 5 before this can be saved. Nothing was saved.'
	);
	const safe = page.getByRole('group', { name: CHECK_IN_QUESTIONS[3].legend });
	await expect(safe).toHaveAccessibleDescription(/Choose an answer to this question/);
	// What was chosen is still chosen.
	await expect(
		page
			.getByRole('group', { name: CHECK_IN_QUESTIONS[0].legend })
			.getByRole('radio', { name: '4', exact: true })
	).toBeChecked();
	await expect(safe.getByRole('radio', { name: scaleName(1) })).not.toBeChecked();

	const valid = { heard: '3', wayBack: '3', steady: '3', safe: '3' };
	for (const bad of [{ heard: '6' }, { safe: '0' }, { steady: '2.5' }, { wayBack: 'lots' }]) {
		const res = await post(page.request, '/check-in', { ...valid, ...bad }, baseURL!);
		expect(res.status(), JSON.stringify(bad)).toBe(400);
		expect(await res.text()).toContain('Choose a number from 1 to 5.');
	}
	expect((await post(page.request, '/check-in', { ...valid, mood: '3' }, baseURL!)).status()).toBe(
		400
	);
	expect((await learnerRowCounts(username)).check_ins).toBe(0);
	await context.close();
});

test('a review of a question that is not due, or not in the course, is refused and changes nothing', async ({
	page,
	baseURL
}) => {
	const username = await signUp(page);
	const [q1] = questions(lesson1);
	await page.goto(onePageUrl(lesson1));
	await answer(page, q1, false);
	const before = await reviewRows(username);
	const right = q1.options.filter((o) => o.correct).map((o) => o.id);

	const early = await post(
		page.request,
		'/review?/answer',
		{ lesson: lesson1.id, exercise: q1.id, option: right },
		baseURL!
	);
	expect(early.status()).toBe(400);
	expect(await early.text()).toContain(
		'This question is not due for review now. Nothing was saved.'
	);
	const unknown = await post(
		page.request,
		'/review?/answer',
		{ lesson: lesson1.id, exercise: 'no-such-question', option: right },
		baseURL!
	);
	expect(unknown.status()).toBe(404);
	expect(await unknown.text()).toContain('There is no such question to review.');
	expect(
		(
			await post(page.request, '/review?/answer', { exercise: q1.id, option: right }, baseURL!)
		).status()
	).toBe(400);

	await makeReviewsDue(username);
	const offScale = await post(
		page.request,
		'/review?/answer',
		{ lesson: lesson1.id, exercise: q1.id, option: 'not-an-option' },
		baseURL!
	);
	expect(offScale.status()).toBe(400);
	expect(await offScale.text()).toContain('That answer is not one of the options.');
	expect((await reviewRows(username)).map((r) => r.step)).toEqual(before.map((r) => r.step));
	// Refused through the page as well: the message sits with the question.
	await page.goto('/review');
	await questionGroup(page, q1).getByRole('button', { name: 'Check answer' }).click();
	await expect(questionGroup(page, q1).getByRole('alert')).toHaveText('Choose an answer first.');
});

test('the course map counts the questions due for review, and says nothing when none are', async ({
	page
}) => {
	const username = await signUp(page);
	await page.goto(onePageUrl(lesson1));
	const [a, b, c, d] = questions(lesson1);
	for (const q of [a, b, c]) await answer(page, q, false);
	await answer(page, d, true);
	await makeReviewsDue(username);
	await page.goto('/learn');
	await expect(page.getByRole('link', { name: '3 questions to review' })).toHaveAttribute(
		'href',
		'/review'
	);
	await page.goto('/review');
	await expect(page.getByRole('status').filter({ hasText: 'to review' })).toHaveText(
		'3 questions to review.'
	);
	for (const q of [a, b, c]) await answer(page, q, true);
	await expect(page.getByText('All done for now.')).toBeVisible();
	await page.goto('/learn');
	await expect(page.getByText(/questions? to review/)).toHaveCount(0);
});

test('the export holds check-ins and review state; starting again asks about check-ins, and review goes with progress', async ({
	page
}) => {
	const username = await signUp(page);
	await page.goto('/check-in');
	await fillCheckIn(page, { heard: 2, wayBack: 3, steady: 4, safe: 5 });
	await expect(page.getByRole('img', { name: CHART })).toBeVisible();
	const [q1] = questions(lesson1);
	await page.goto(onePageUrl(lesson1));
	await answer(page, q1, false);

	const data = await (await page.request.get('/account/export')).json();
	expect(data.checkIns).toEqual([
		expect.objectContaining({ heard: 2, wayBack: 3, steady: 4, safe: 5 })
	]);
	expect(data.review).toEqual([
		expect.objectContaining({
			lesson: lesson1.id,
			title: lesson1.title,
			question: q1.id,
			step: 0,
			doneAt: null
		})
	]);

	const reset = async (
		checkIns: 'Keep my check-ins' | 'Delete my check-ins too',
		message: string
	) => {
		await page.goto('/account');
		await page.getByLabel('Keep my reflections').check();
		await page.getByLabel(checkIns).check();
		await page.getByLabel('Yes, reset my progress in every lesson').check();
		await page.getByRole('button', { name: 'Reset progress' }).click();
		await expect(page.getByText(message)).toBeVisible();
	};
	await reset('Keep my check-ins', 'Your check-ins are kept.');
	expect(await learnerRowCounts(username)).toMatchObject({
		check_ins: 1,
		review_items: 0,
		question_progress: 0
	});
	await reset('Delete my check-ins too', 'Your check-ins are removed too.');
	expect((await learnerRowCounts(username)).check_ins).toBe(0);
	await page.goto('/learn');
	await expect(page.getByRole('img', { name: CHART })).toHaveCount(0);
	await expect(page.getByRole('link', { name: 'Try the weekly check-in' })).toBeVisible();
});

test('with a year of check-ins and questions to review, the pages pass axe in light and dark, break no CSP rule, fit 320 px, and print the chart', async ({
	page
}) => {
	test.setTimeout(90_000);
	const cspViolations: string[] = [];
	page.on('console', (m) => {
		if (/Content Security Policy/i.test(m.text())) cspViolations.push(`${page.url()}: ${m.text()}`);
	});
	const username = await signUp(page);
	await seedYearOfCheckIns(username);
	await page.goto(onePageUrl(lesson1));
	const [q1, q2] = questions(lesson1);
	await answer(page, q1, false);
	await answer(page, q2, false);
	await makeReviewsDue(username);
	await page.goto('/review');
	await answer(page, q1, false);

	const found: string[] = [];
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		for (const path of ['/learn', '/check-in', '/review']) {
			await page.goto(path);
			if (path === '/learn') await page.getByText('Your check-ins as a table').click();
			found.push(
				...(await axeViolations(page, `${path} (${colorScheme})`, {
					coloursOnly: colorScheme === 'dark'
				}))
			);
		}
	}
	expect(found).toEqual([]);
	expect(cspViolations).toEqual([]);

	await page.setViewportSize({ width: 320, height: 640 });
	for (const path of ['/learn', '/check-in', '/review']) {
		await page.goto(path);
		await expect(
			page.getByRole('img', { name: CHART }).or(page.getByRole('heading', { name: 'Review' }))
		).toBeVisible();
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
	// One drawing is shown at a time (the other is out of the accessibility tree), and printing shows the wide one.
	await page.goto('/check-in');
	await expect(page.getByRole('img', { name: CHART })).toHaveCount(1);
	await expect(page.locator('svg.narrow')).toBeVisible();
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('svg.wide')).toBeVisible();
	await expect(page.locator('svg.narrow')).toBeHidden();
	await expect(page.getByRole('img', { name: CHART })).toHaveCount(1);
});
