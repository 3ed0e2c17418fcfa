import { readFile } from 'node:fs/promises';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { learnerRowCounts } from '../support/e2e-database';
import {
	catalog,
	completeLesson,
	createAccount,
	onePageUrl,
	PASSWORD,
	reflect,
	reflectionsOf,
	signIn,
	signUp
} from '../support/e2e';

const [lesson1, lesson2] = catalog.lessons;
const r1 = reflectionsOf(lesson1)[0];
if (r1.kind !== 'reflection') throw new Error('lesson 1 needs a reflection');
const marker = () => `marker-${Math.random().toString(36).slice(2, 10)}`;

async function secondDevice(
	browser: Browser,
	username: string,
	password = PASSWORD,
	javaScriptEnabled = true
) {
	const context = await browser.newContext({ javaScriptEnabled });
	const page = await context.newPage();
	await signIn(page, username, password);
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	return page;
}

async function expectSignedOut(page: Page) {
	await page.goto('/learn');
	await expect(page).toHaveURL(/\/login\?next=/);
}

test('journal edits show up in the lesson and on a second device', async ({ page, browser }) => {
	const username = await signUp(page);
	await page.goto(onePageUrl(lesson1));
	await reflect(page, r1.prompt, 'first draft');
	await page.goto('/journal');
	await expect(page.getByRole('heading', { name: lesson1.title })).toBeVisible();
	const edited = `edited in the journal ${marker()}`;
	await reflect(page, r1.prompt, edited);
	await page.goto(onePageUrl(lesson1));
	await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue(edited);
	const other = await secondDevice(browser, username);
	await other.goto('/journal');
	await expect(other.getByRole('textbox', { name: r1.prompt })).toHaveValue(edited);
	await other.goto(onePageUrl(lesson1));
	await expect(other.getByRole('textbox', { name: r1.prompt })).toHaveValue(edited);
});

test('the plan reads on screen, prints without navigation and downloads as Markdown', async ({
	page
}) => {
	await signUp(page);
	const text = `what I noticed ${marker()}`;
	await page.goto(onePageUrl(lesson1));
	await reflect(page, r1.prompt, text);
	await page.goto('/plan');
	await expect(page.getByRole('heading', { level: 1, name: 'Your plan' })).toBeVisible();
	await expect(page.getByText(text)).toBeVisible();
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
	await expect(page.getByRole('contentinfo')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print' })).toBeHidden();
	await expect(page.getByText(text)).toBeVisible();
	await page.emulateMedia({ media: 'screen' });

	const downloading = page.waitForEvent('download');
	await page.getByRole('link', { name: 'Download as Markdown' }).click();
	const download = await downloading;
	expect(download.suggestedFilename()).toBe('heard-my-plan.md');
	expect(await readFile((await download.path())!, 'utf8')).toContain(text);
});

test('the export holds what the learner wrote, with history, and no secret', async ({ page }) => {
	await signUp(page);
	const first = marker();
	const second = marker();
	await page.goto(onePageUrl(lesson1));
	await reflect(page, r1.prompt, first);
	await reflect(page, r1.prompt, second);

	const json = await page.request.get('/account/export');
	expect(json.headers()['cache-control']).toBe('no-store');
	expect(json.headers()['content-disposition']).toContain('attachment');
	const text = await json.text();
	const data = JSON.parse(text);
	expect(data.reflections[0].text).toBe(second);
	expect(data.reflections[0].history.map((h: { text: string }) => h.text)).toEqual([first, second]);
	expect(text).not.toMatch(/argon2|password|secret|recovery/i);

	const md = await page.request.get('/account/journal.md');
	expect(md.headers()['cache-control']).toBe('no-store');
	expect(await md.text()).toContain(second);
});

test('deleting the account removes every row and ends sign-in', async ({ page }) => {
	const username = await signUp(page);
	await completeLesson(page, lesson1);
	expect(Object.values(await learnerRowCounts(username)).some((n) => n > 0)).toBe(true);

	await page.goto('/account');
	await page.getByLabel('Your password').last().fill('not my password');
	await page.getByRole('button', { name: 'Delete my account' }).click();
	await expect(page.getByText('That password is not right. Nothing was deleted.')).toBeVisible();

	await page.getByLabel('Your password').last().fill(PASSWORD);
	await page.getByRole('button', { name: 'Delete my account' }).click();
	await expect(page.getByRole('heading', { name: 'Your account is deleted' })).toBeVisible();
	await expect(page.getByText(/\d+ reflections/)).toBeVisible();
	expect(Object.entries(await learnerRowCounts(username)).filter(([, n]) => n > 0)).toEqual([]);

	await signIn(page, username);
	await expect(page.getByText('Wrong username or password.')).toBeVisible();
});

test('changing the password signs out the other browser', async ({ page, browser }) => {
	const username = await signUp(page);
	const other = await secondDevice(browser, username);
	await page.goto('/account');
	await page.getByLabel('Current password').fill(PASSWORD);
	await page.getByLabel('New password').fill('a brand new password');
	await page.getByRole('button', { name: 'Change password' }).click();
	await expect(page.getByText('Your password is changed')).toBeVisible();
	await expectSignedOut(other);
	await page.goto('/learn');
	await expect(page).toHaveURL(/\/learn$/);
	await signIn(other, username, 'a brand new password');
	await expect(other.getByRole('button', { name: 'Sign out' })).toBeVisible();
});

test('a recovery code resets the password once, then a new one takes its place', async ({
	page
}) => {
	const { username, recoveryCode } = await createAccount(page);
	await page.getByRole('button', { name: 'Sign out' }).click();

	const recover = async (code: string, password: string) => {
		await page.goto('/recover');
		await page.getByLabel('Username').fill(username);
		await page.getByLabel('Recovery code').fill(code);
		await page.getByLabel('New password').fill(password);
		await page.getByRole('button', { name: 'Reset password' }).click();
	};
	await recover(recoveryCode.toUpperCase(), 'recovered password');
	await expect(page.getByRole('heading', { name: 'Your password is changed' })).toBeVisible();
	const fresh = await page
		.getByRole('textbox', { name: 'Recovery code', exact: true })
		.inputValue();
	expect(fresh).not.toBe(recoveryCode);
	await page.getByRole('link', { name: 'I have saved it — continue' }).click();
	await page.getByRole('button', { name: 'Sign out' }).click();

	await recover(recoveryCode, 'another password');
	await expect(page.getByText('That username and recovery code do not match.')).toBeVisible();
	await signIn(page, username, 'recovered password');
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

	// A new code from /account, after the password: the one before it stops working.
	await page.goto('/account');
	await page.getByLabel('Your password').first().fill('recovered password');
	await page.getByRole('button', { name: 'Get a new recovery code' }).click();
	const regenerated = await page
		.getByRole('textbox', { name: 'Recovery code', exact: true })
		.inputValue();
	expect(regenerated).not.toBe(fresh);
	await page.getByRole('button', { name: 'Sign out', exact: true }).click();
	await recover(fresh, 'yet another password');
	await expect(page.getByText('That username and recovery code do not match.')).toBeVisible();
	await recover(regenerated, 'yet another password');
	await expect(page.getByRole('heading', { name: 'Your password is changed' })).toBeVisible();
});

test('the devices list signs out another browser', async ({ page, browser }) => {
	const username = await signUp(page);
	const other = await secondDevice(browser, username);
	const third = await secondDevice(browser, username);
	await page.goto('/account');
	const devices = page.getByRole('listitem').filter({ hasText: /Signed in .* last used/ });
	await expect(devices).toHaveCount(3);
	await expect(devices.filter({ hasText: 'This device' })).toHaveCount(1);
	// Playwright's desktop Chrome profile reports Windows.
	await expect(devices.first()).toContainText('Chrome on Windows');
	// Three browsers with the same name: each has a tag of its own to tell them apart.
	const tags = await devices.evaluateAll((items) =>
		items.map((li) => li.textContent?.match(/device ([0-9A-F]{4})/)?.[1])
	);
	expect(new Set(tags).size).toBe(3);

	// The password forms tell a password manager whose password it is.
	for (const form of ['?/password', '?/recovery', '?/delete']) {
		await expect(page.locator(`form[action="${form}"] input[autocomplete="username"]`)).toHaveValue(
			username
		);
	}

	await devices
		.filter({ hasNotText: 'This device' })
		.first()
		.getByRole('button', { name: /Sign out/ })
		.click();
	await expect(page.getByText('That device is signed out.')).toBeVisible();
	await expect(devices).toHaveCount(2);
	const [a, b] = [other, third];
	await a.goto('/learn');
	await b.goto('/learn');
	const stillIn = [a, b].filter((p) => p.url().endsWith('/learn'));
	expect(stillIn).toHaveLength(1);

	await page.getByRole('button', { name: 'Sign out everywhere else' }).click();
	await expect(page.getByText('Every other device is signed out.')).toBeVisible();
	await expectSignedOut(stillIn[0]);
	await page.goto('/learn');
	await expect(page).toHaveURL(/\/learn$/);
});

test('resetting progress can keep reflections', async ({ page }) => {
	await signUp(page);
	await completeLesson(page, lesson1);
	await page.goto('/learn');
	await expect(page.getByText('You completed 1 lesson in the last seven days.')).toBeVisible();
	await page.goto('/account');
	await page.getByLabel('Keep my reflections').check();
	await page.getByLabel('Yes, reset my progress in every lesson').check();
	await page.getByRole('button', { name: 'Reset progress' }).click();
	await expect(
		page.getByText('Your progress is reset. Your reflections are kept in your journal.')
	).toBeVisible();
	await page.goto('/learn');
	await expect(
		page.getByRole('listitem').filter({ has: page.getByText(lesson2.title, { exact: true }) })
	).toContainText('Locked');
	await page.goto('/journal');
	await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue(`My notes on ${r1.id}`);
});

for (const javaScript of [true, false]) {
	test(`two devices editing one reflection: both versions are kept until the learner chooses (${javaScript ? 'with' : 'without'} JavaScript)`, async ({
		browser
	}) => {
		const phoneContext = await browser.newContext({ javaScriptEnabled: javaScript });
		const phone = await phoneContext.newPage();
		const username = await signUp(phone);
		await phone.goto(onePageUrl(lesson1));
		await reflect(phone, r1.prompt, 'the start', { javaScript });
		const laptop = await secondDevice(browser, username, PASSWORD, javaScript);
		await laptop.goto(onePageUrl(lesson1));
		await expect(laptop.getByRole('textbox', { name: r1.prompt })).toHaveValue('the start');

		const phoneText = `from the phone ${marker()}`;
		const laptopText = `from the laptop ${marker()}`;
		await reflect(phone, r1.prompt, phoneText, { javaScript });

		// The laptop still holds revision 1: its save must not silently replace the phone's.
		const box = laptop.getByRole('textbox', { name: r1.prompt });
		await box.fill(laptopText);
		if (!javaScript)
			await box.locator('xpath=ancestor::form').getByRole('button', { name: 'Save' }).click();
		const conflict = laptop
			.getByRole('alert')
			.filter({ hasText: 'This reflection was changed on another device' });
		await expect(conflict).toBeVisible();
		await expect(conflict).toContainText(phoneText);
		await expect(laptop.getByRole('textbox', { name: r1.prompt })).toHaveValue(laptopText);
		await phone.reload();
		await expect(phone.getByRole('textbox', { name: r1.prompt })).toHaveValue(phoneText);

		// The notice comes before the choices it is about, and names each version by its device.
		await expect(conflict.getByText('From your other device:')).toBeVisible();
		await conflict.getByRole('button', { name: 'Merge by hand' }).click();
		await expect(laptop.getByRole('textbox', { name: r1.prompt })).toHaveValue(
			`From this device:\n${laptopText}\n\nFrom your other device:\n${phoneText}`
		);
		const merged = `${laptopText} and ${phoneText}`;
		await reflect(laptop, r1.prompt, merged, { javaScript });
		await phone.reload();
		await expect(phone.getByRole('textbox', { name: r1.prompt })).toHaveValue(merged);
		await phoneContext.close();
	});
}

test('keeping this device’s or the other device’s version resolves a conflict', async ({
	page,
	browser
}) => {
	const username = await signUp(page);
	await page.goto(onePageUrl(lesson1));
	await reflect(page, r1.prompt, 'v1');
	const other = await secondDevice(browser, username);
	await other.goto(onePageUrl(lesson1));
	await reflect(page, r1.prompt, 'v2 from here');

	await other.getByRole('textbox', { name: r1.prompt }).fill('v2 from there');
	const conflict = other.getByRole('alert').filter({ hasText: 'changed on another device' });
	await conflict.getByRole('link', { name: "Keep the other device's version" }).click();
	await expect(other.getByRole('textbox', { name: r1.prompt })).toHaveValue('v2 from here');

	await reflect(page, r1.prompt, 'v3 from here');
	await other.getByRole('textbox', { name: r1.prompt }).fill('v3 from there');
	await other
		.getByRole('alert')
		.filter({ hasText: 'changed on another device' })
		.getByRole('button', { name: "Keep this device's version" })
		.click();
	await expect(
		other
			.getByRole('textbox', { name: r1.prompt })
			.locator('xpath=ancestor::form')
			.getByRole('status')
	).toHaveText('Saved');
	await page.reload();
	await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue('v3 from there');
});
