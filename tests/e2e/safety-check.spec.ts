import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { learnerRows } from '../support/e2e-database';
import {
	catalog,
	lessonUrl,
	onePageUrl,
	PASSWORD,
	reflectionsOf,
	signUp,
	uniqueName
} from '../support/e2e';
import { axeViolations } from '../support/axe';
import { SAFETY_LESSON_HREF, SAFETY_QUESTIONS } from '../../src/lib/safety';

const [lesson1] = catalog.lessons;
const safetyLesson = catalog.lessons.find((l) => l.open)!;
const FORM = 'application/x-www-form-urlencoded';

const checkHeading = (page: Page) =>
	page.getByRole('heading', { level: 1, name: 'A quick safety check' });
const helpHeading = (page: Page) =>
	page.getByRole('heading', { level: 1, name: 'Your safety comes first' });

/** Signs up and stops on the recovery code, before the safety check. */
async function signUpToRecoveryCode(page: Page) {
	const username = uniqueName('safety');
	await page.goto('/signup');
	await page.getByLabel('Username').fill(username);
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Your recovery code' })).toBeVisible();
	return username;
}

async function answer(page: Page, answers: ('Yes' | 'No')[]) {
	for (const [i, question] of SAFETY_QUESTIONS.entries()) {
		await page
			.getByRole('group', { name: question.text })
			.getByRole('radio', { name: answers[i], exact: true })
			.check();
	}
	await page.getByRole('button', { name: 'Continue' }).click();
}

const offeredAt = async (username: string) =>
	(await learnerRows(username)).users[0].safety_check_offered_at;

/** Every URL the page asks for, to show that no answer travels in one. */
function recordUrls(page: Page) {
	const urls: string[] = [];
	page.on('request', (r) => urls.push(r.url()));
	return urls;
}

/** A new learner, in a browser with or without JavaScript, on the safety check as it is first offered. */
async function atTheCheck(browser: Browser, javaScript: boolean) {
	const page = await (await browser.newContext({ javaScriptEnabled: javaScript })).newPage();
	const username = await signUpToRecoveryCode(page);
	await page.getByRole('link', { name: 'I have saved it — continue' }).click();
	await expect(checkHeading(page)).toBeVisible();
	return { page, username };
}

/** What an answer to the check would look like in an address. */
const ANSWER_IN_URL = /afraid|threats|control|=yes|=no\b/;

test('a new learner meets the check after the recovery code; "Not now" skips it, and it is not offered again', async ({
	page
}) => {
	const username = await signUpToRecoveryCode(page);
	expect(await offeredAt(username)).toBeNull();
	await page.getByRole('link', { name: 'I have saved it — continue' }).click();
	await expect(checkHeading(page)).toBeVisible();
	for (const question of SAFETY_QUESTIONS) {
		const group = page.getByRole('group', { name: question.text });
		await expect(group.getByRole('radio', { name: 'Yes', exact: true })).toBeVisible();
		await expect(group.getByRole('radio', { name: 'No', exact: true })).toBeVisible();
	}
	// Shown once: that is recorded, never what was answered.
	const offered = await offeredAt(username);
	expect(offered).not.toBeNull();

	await page.getByRole('link', { name: 'Not now' }).click();
	// On to the first check-in (never required), then the course.
	await expect(page).toHaveURL(/\/check-in$/);
	await page.getByRole('link', { name: 'Skip for now' }).click();
	await expect(page.getByRole('heading', { level: 1, name: 'Your course' })).toBeVisible();
	// Not offered again: the map and the lesson (at its first step) open as they are.
	for (const [path, landing] of [
		['/learn', '/learn'],
		[lessonUrl(lesson1), `${lessonUrl(lesson1)}/1`]
	]) {
		await page.goto(path);
		await expect(page).toHaveURL(new RegExp(`${landing}$`));
	}
	expect(await offeredAt(username)).toBe(offered);
});

test('a learner who skips the link after the recovery code meets the check at the first lesson, but never before the safety lesson', async ({
	page
}) => {
	const username = await signUpToRecoveryCode(page);
	await page.goto(lessonUrl(safetyLesson));
	await expect(page.getByRole('heading', { level: 1, name: safetyLesson.title })).toBeVisible();
	expect(await offeredAt(username)).toBeNull();

	await page.context().clearCookies();
	const fresh = await signUpToRecoveryCode(page);
	await page.goto(lessonUrl(lesson1));
	await expect(checkHeading(page)).toBeVisible();
	expect(await offeredAt(fresh)).not.toBeNull();
	await page.goto(lessonUrl(lesson1));
	await expect(page.getByRole('heading', { level: 1, name: lesson1.title })).toBeVisible();
});

for (const javaScript of [true, false]) {
	const how = javaScript ? 'with JavaScript' : 'without JavaScript';

	test(`a Yes puts help first, and nothing of the answers reaches a URL or the database (${how})`, async ({
		browser
	}) => {
		const { page, username } = await atTheCheck(browser, javaScript);
		const before = await learnerRows(username);
		const urls = recordUrls(page);

		await answer(page, ['No', 'Yes', 'No']);
		await expect(helpHeading(page)).toBeVisible();
		if (javaScript) await expect(helpHeading(page)).toBeFocused();
		// Help before the way on: the help link, the safety lesson and what it means for the talking exercises.
		const links = page.getByRole('main').getByRole('link');
		await expect(links.first()).toHaveAttribute('href', '/help');
		await expect(
			page.getByRole('link', { name: 'The lesson on when silence becomes abuse' })
		).toHaveAttribute('href', SAFETY_LESSON_HREF);
		await expect(page.getByText('assume a partner who is safe to talk to')).toBeVisible();
		await expect(links.last()).toHaveText('Continue');

		expect(new URL(page.url()).pathname).toBe('/safety-check');
		expect(new URL(page.url()).search).toBe('');
		for (const url of urls) expect(url).not.toMatch(ANSWER_IN_URL);
		expect(await learnerRows(username)).toEqual(before);

		await links.last().click();
		await expect(page).toHaveURL(/\/check-in$/);
		await page.context().close();
	});

	test(`all No goes straight on to the course (${how})`, async ({ browser }) => {
		const { page, username } = await atTheCheck(browser, javaScript);
		const before = await learnerRows(username);
		const urls = recordUrls(page);
		await answer(page, ['No', 'No', 'No']);
		await expect(page).toHaveURL(/\/check-in$/);
		for (const url of urls) expect(url).not.toMatch(ANSWER_IN_URL);
		expect(await learnerRows(username)).toEqual(before);
		await page.context().close();
	});

	test(`a question left blank is asked again, keeping the Noes, and nothing is locked (${how})`, async ({
		browser
	}) => {
		const { page } = await atTheCheck(browser, javaScript);
		const [first, second, third] = SAFETY_QUESTIONS;
		await page
			.getByRole('group', { name: first.text })
			.getByRole('radio', { name: 'No', exact: true })
			.check();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.getByRole('alert')).toContainText('Choose Yes or No for each question');
		await expect(
			page.getByRole('group', { name: first.text }).getByRole('radio', { name: 'No', exact: true })
		).toBeChecked();
		for (const q of [second, third])
			await expect(page.getByRole('group', { name: q.text })).toContainText('Choose Yes or No.');
		await page.getByRole('link', { name: 'Not now' }).click();
		await expect(page).toHaveURL(/\/check-in$/);
		await page.context().close();
	});
}

test('the check can be taken again from the course map and from /help; the first offer stands', async ({
	page
}) => {
	const username = await signUp(page);
	const offered = await offeredAt(username);
	expect(offered).not.toBeNull();

	await page.getByRole('link', { name: 'Take the quick safety check' }).click();
	await expect(checkHeading(page)).toBeVisible();
	await answer(page, ['Yes', 'No', 'No']);
	await expect(helpHeading(page)).toBeVisible();

	await page.goto('/help');
	await page.getByRole('link', { name: 'Take the quick safety check' }).click();
	await expect(checkHeading(page)).toBeVisible();
	await answer(page, ['No', 'No', 'No']);
	await expect(page).toHaveURL(/\/check-in$/);
	expect(await offeredAt(username)).toBe(offered);
});

test('a visitor who is not signed in can take the check from /help; help comes first and the way on is the front page', async ({
	page
}) => {
	await page.goto('/help');
	await page.getByRole('link', { name: 'Take the quick safety check' }).click();
	await expect(checkHeading(page)).toBeVisible();
	await answer(page, ['Yes', 'Yes', 'No']);
	await expect(helpHeading(page)).toBeVisible();
	await expect(
		page.getByRole('link', { name: 'When silence is more than silence' })
	).toHaveAttribute('href', '/help#more-than-silence');
	await page.getByRole('link', { name: 'Continue' }).click();
	await expect(page).toHaveURL(/\/$/);
});

test('no answer to the check, nor a refused one, reaches the server output', async ({ page }) => {
	const username = await signUpToRecoveryCode(page);
	await page.getByRole('link', { name: 'I have saved it — continue' }).click();
	await answer(page, ['Yes', 'Yes', 'Yes']);
	await expect(helpHeading(page)).toBeVisible();
	const marker = `mk${Math.random().toString(36).slice(2, 12)}`;
	const refused = await page.request.post('/safety-check', {
		headers: { 'content-type': FORM, origin: new URL(page.url()).origin },
		data: new URLSearchParams({ afraid: marker, threats: 'no' }).toString()
	});
	expect(refused.status()).toBe(400);
	expect(await refused.text()).not.toContain(marker);

	const log = await readFile(join(process.env.HEARD_E2E_DB_DIR!, 'server.log'), 'utf8');
	expect(log).toContain('Heard is ready');
	expect(log).not.toContain(marker);
	// The fields as a form, a query string or logged JSON would carry them.
	expect(log).not.toMatch(/\b(?:afraid|threats|control)["']?\s*[=:]/);
	for (const question of SAFETY_QUESTIONS) expect(log).not.toContain(question.text);
	expect(JSON.stringify(await learnerRows(username))).not.toContain(marker);
});

test('the safety check and its help-first screen pass axe in both colour schemes and fit 320 px', async ({
	page
}) => {
	const found: string[] = [];
	const axe = async (label: string, coloursOnly: boolean) =>
		found.push(...(await axeViolations(page, label, { coloursOnly })));
	await page.setViewportSize({ width: 320, height: 800 });
	for (const colorScheme of ['light', 'dark'] as const) {
		await page.emulateMedia({ colorScheme });
		await page.goto('/safety-check');
		await axe(`check (${colorScheme})`, colorScheme === 'dark');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320
		);
		await answer(page, ['Yes', 'No', 'No']);
		await expect(helpHeading(page)).toBeVisible();
		await axe(`help first (${colorScheme})`, colorScheme === 'dark');
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320
		);
	}
	expect(found).toEqual([]);
});

test.describe('/help', () => {
	const TAPS: [string, string][] = [
		['Call 911', 'tel:911'],
		['Call 999', 'tel:999'],
		['Call 112', 'tel:112'],
		['Call 000', 'tel:000'],
		['Call 988', 'tel:988'],
		['Text 988', 'sms:988'],
		['Call 116 123', 'tel:116123'],
		['Call 1-800-799-7233', 'tel:+18007997233'],
		['Text START to 88788', 'sms:88788?body=START'],
		['Call 0808 2000 247', 'tel:+448082000247'],
		['Call 1800 737 732', 'tel:+611800737732'],
		['Call 0808 801 0327', 'tel:+448088010327'],
		['Call 0800 999 5428', 'tel:+448009995428']
	];

	test('every emergency number and helpline is a tap target that dials or texts, readable at 320 px', async ({
		page
	}) => {
		await page.setViewportSize({ width: 320, height: 800 });
		await page.goto('/help');
		for (const [name, href] of TAPS) {
			const link = page.getByRole('link', { name, exact: true });
			await expect(link, name).toHaveAttribute('href', href);
			const box = (await link.boundingBox())!;
			expect(box.height, name).toBeGreaterThanOrEqual(44);
			expect(box.x + box.width, name).toBeLessThanOrEqual(320);
		}
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			320
		);
		await expect(page.getByText('press 55')).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Elsewhere' })).toBeVisible();
	});

	test('no page promises a privacy it cannot keep; the plan and data downloads point to Browsing more safely', async ({
		page
	}) => {
		await signUp(page);
		await page.goto(onePageUrl(lesson1));
		const reflection = reflectionsOf(lesson1)[0];
		if (reflection.kind !== 'reflection') throw new Error('lesson 1 needs a reflection');
		const form = page
			.getByRole('textbox', { name: reflection.prompt })
			.locator('xpath=ancestor::form');
		await expect(form).toContainText(
			'anyone who can open this device or your account can read what you write here'
		);
		await expect(page.getByText(/only you can read/i)).toHaveCount(0);

		for (const [path, near] of [
			['/plan', page.getByRole('button', { name: 'Print' })],
			['/account', page.getByRole('link', { name: 'Download my data (JSON)' })]
		] as const) {
			await page.goto(path);
			await expect(near).toBeVisible();
			await expect(
				page.getByText('anyone who can open this device or your account can read', { exact: false })
			).toBeVisible();
			await page.getByRole('link', { name: 'Browsing more safely' }).click();
			await expect(page).toHaveURL(/\/help#browsing-safely$/);
			await expect(page.getByRole('heading', { name: 'Browsing more safely' })).toBeInViewport();
		}
	});
});
