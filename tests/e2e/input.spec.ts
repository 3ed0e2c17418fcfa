import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
	catalog,
	completeLesson,
	onePageUrl,
	PASSWORD,
	questionGroup,
	questions,
	reflectionsOf,
	signIn,
	signUp,
	uniqueName
} from '../support/e2e';

const [lesson1, lesson2] = catalog.lessons;
const q1 = questions(lesson1)[0];
const r1 = reflectionsOf(lesson1)[0];

/** Posts a form action the way a browser does (same origin), outside the page's own forms. */
function post(
	request: APIRequestContext,
	url: string,
	form: Record<string, string | string[]>,
	baseURL: string,
	{ enhanced = false } = {}
) {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one);
	// `enhanced` posts as use:enhance does and gets SvelteKit's JSON action result.
	const kind: Record<string, string> = enhanced
		? { 'x-sveltekit-action': 'true', accept: 'application/json' }
		: { accept: 'text/html' };
	return request.post(url, {
		headers: { origin: baseURL, 'content-type': 'application/x-www-form-urlencoded', ...kind },
		data: body.toString(),
		maxRedirects: 0
	});
}

async function workOf(page: Page) {
	await page.goto(onePageUrl(lesson1));
	return {
		answered: await questionGroup(page, q1)
			.getByText(/^(Correct|Not quite|\d+ of \d+ found)/)
			.count(),
		reflection:
			r1.kind === 'reflection'
				? await page.getByRole('textbox', { name: r1.prompt }).inputValue()
				: ''
	};
}

test.describe('accounts', () => {
	test('sign-up explains bad usernames and passwords and creates nothing', async ({ page }) => {
		await page.goto('/signup');
		await page.getByLabel('Username').fill('no spaces allowed');
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByText(/Username must be 3–32 characters/)).toBeVisible();
		await expect(page.getByLabel('Username')).toHaveAttribute('aria-invalid', 'true');

		const name = uniqueName();
		await page.getByLabel('Username').fill(name);
		// The browser's own minlength check would stop a real user; bypass it to test the server.
		await page.getByLabel('Password').evaluate((el) => el.removeAttribute('minlength'));
		await page.getByLabel('Password').fill('short');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByText('Password must be at least 8 characters.')).toBeVisible();

		await signIn(page, name, 'short');
		await expect(page.getByText('Wrong username or password.')).toBeVisible();
	});

	test('usernames are case-insensitive and taken names are refused', async ({ page }) => {
		const name = uniqueName();
		await signUp(page, name);
		await page.getByRole('button', { name: 'Sign out' }).click();
		await page.goto('/signup');
		await page.getByLabel('Username').fill(name.toUpperCase());
		await page.getByLabel('Password').fill(PASSWORD);
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByText('That username is taken. Try another.')).toBeVisible();
		await signIn(page, name.toUpperCase());
		await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	});

	test('a wrong password and an unknown username get the same message', async ({ page }) => {
		const name = await signUp(page);
		await page.getByRole('button', { name: 'Sign out' }).click();
		await signIn(page, name, 'not the password');
		const wrongPassword = await page.getByRole('alert').textContent();
		await signIn(page, uniqueName('nobody'), PASSWORD);
		await expect(page.getByRole('alert')).toHaveText(wrongPassword!);
		expect(wrongPassword).toBe('Wrong username or password.');
	});

	test('the session cookie is HttpOnly and SameSite=Lax', async ({ page, context }) => {
		await signUp(page);
		const cookie = (await context.cookies()).find((c) => c.name === 'heard_session');
		expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
		expect(cookie!.value).toMatch(/^[a-z2-7]{24}\.[a-z2-7]{24}$/);
	});
});

test.describe('signed-out requests are refused', () => {
	for (const path of ['/learn', onePageUrl(lesson1)]) {
		test(`GET ${path} asks to sign in`, async ({ page }) => {
			await page.goto(path);
			await expect(page).toHaveURL(new RegExp(`/login\\?next=${encodeURIComponent(path)}$`));
			await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
		});
	}

	test('a signed-out form action writes nothing', async ({ request, baseURL }) => {
		const res = await post(
			request,
			`${onePageUrl(lesson1)}?/answer`,
			{ exercise: q1.id, option: q1.options[0].id },
			baseURL!
		);
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toMatch(/^\/login\?next=/);
	});

	test('public pages work signed out, and /help is linked from every page', async ({ page }) => {
		for (const path of ['/', '/login', '/signup', '/help']) {
			await page.goto(path);
			await expect(page.getByRole('link', { name: 'Get help' }).first()).toHaveAttribute(
				'href',
				'/help'
			);
		}
		await page.goto('/help');
		await expect(page.getByText('1-800-799-7233')).toBeVisible();
	});
});

test.describe('bad input gets a clear error and changes nothing', () => {
	test('unknown lessons and exercises are 404', async ({ page, baseURL }) => {
		await signUp(page);
		expect((await page.goto('/learn/understanding-silence/no-such-lesson'))?.status()).toBe(404);
		expect((await page.goto('/learn/no-module/no-lesson'))?.status()).toBe(404);
		const res = await post(
			page.request,
			`${onePageUrl(lesson1)}?/answer`,
			{ exercise: 'no-such-exercise', option: 'a' },
			baseURL!
		);
		expect(res.status()).toBe(404);
	});

	test('an unknown option, a missing field or too much text is a 400 with a message', async ({
		page,
		baseURL
	}) => {
		await signUp(page);
		const url = `${onePageUrl(lesson1)}?/answer`;
		const unknown = await post(
			page.request,
			url,
			{ exercise: q1.id, option: 'not-an-option' },
			baseURL!
		);
		expect(unknown.status()).toBe(400);
		expect(await unknown.text()).toContain('That answer is not one of the options.');
		expect((await post(page.request, url, { exercise: q1.id }, baseURL!)).status()).toBe(400);
		expect((await post(page.request, url, { option: q1.options[0].id }, baseURL!)).status()).toBe(
			400
		);
		const tooLong = await post(
			page.request,
			`${onePageUrl(lesson1)}?/reflect`,
			{ exercise: r1.id, revision: '0', body: 'x'.repeat(10_001) },
			baseURL!
		);
		expect(tooLong.status()).toBe(400);
		expect(await tooLong.text()).toContain('up to 10,000 characters');
		expect(await workOf(page)).toEqual({ answered: 0, reflection: '' });
	});

	test('the form says so on the page and keeps the text when a reflection is too long (no JavaScript)', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signUp(page);
		await page.goto(onePageUrl(lesson1));
		if (r1.kind !== 'reflection') throw new Error('expected a reflection');
		const box = page.getByRole('textbox', { name: r1.prompt });
		await box.evaluate((el) => el.removeAttribute('maxlength'));
		const long = 'y'.repeat(10_050);
		await box.fill(long);
		await box.locator('xpath=ancestor::form').getByRole('button', { name: 'Save' }).click();
		await expect(
			page.getByText(/Reflections can be up to 10,000 characters; this one has 10,050/)
		).toBeVisible();
		await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue(long);
		await page.goto(onePageUrl(lesson1));
		await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue('');
		await context.close();
	});

	test('choosing nothing is explained on the form', async ({ page }) => {
		await signUp(page);
		await page.goto(onePageUrl(lesson1));
		await questionGroup(page, q1).getByRole('button', { name: 'Check answer' }).click();
		await expect(questionGroup(page, q1).getByRole('alert')).toHaveText('Choose an answer first.');
	});

	test("a locked lesson's exercises are refused", async ({ page, baseURL }) => {
		await signUp(page);
		const q = questions(lesson2)[0];
		const form = { exercise: q.id, option: q.options.find((o) => o.correct)!.id };
		const enhanced = await post(page.request, `${onePageUrl(lesson2)}?/answer`, form, baseURL!, {
			enhanced: true
		});
		expect(await enhanced.json()).toMatchObject({ type: 'failure', status: 403 });
		// Without JavaScript the refused action's page sends a locked lesson back to the map.
		const res = await post(page.request, `${onePageUrl(lesson2)}?/answer`, form, baseURL!);
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toBe(`/learn?locked=${encodeURIComponent(lesson2.id)}`);
		await completeLesson(page, lesson1);
		await page.goto(onePageUrl(lesson2));
		await expect(
			questionGroup(page, q).getByText(/^(Correct|Not quite|\d+ of \d+ found)/)
		).toHaveCount(0);
	});
});
