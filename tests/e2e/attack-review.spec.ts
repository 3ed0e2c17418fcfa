import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import {
	catalog,
	createAccount,
	onePageUrl,
	PASSWORD,
	reflect,
	reflectionsOf,
	signUp,
	uniqueName
} from '../support/e2e';

// What an attack review of the built server found, each checked the way the reviewer tried it.

const [lesson1] = catalog.lessons;
const r1 = reflectionsOf(lesson1)[0];
if (r1.kind !== 'reflection') throw new Error('lesson 1 needs a reflection');
const FORM = 'application/x-www-form-urlencoded';
const marker = () => `mk${Math.random().toString(36).slice(2, 12)}`;

/** A plain form post (no JavaScript), as the browser sends it from this site. */
function post(
	request: APIRequestContext,
	baseURL: string,
	path: string,
	form: Record<string, string>
) {
	return request.post(path, {
		headers: { origin: baseURL, 'content-type': FORM, accept: 'text/html' },
		data: new URLSearchParams(form).toString(),
		maxRedirects: 0
	});
}

test.describe('where sign-in sends the learner next', () => {
	test('never off the site, and never a server error, whatever `next` holds', async ({
		page,
		baseURL
	}) => {
		await signUp(page);
		const offSite = [
			'/\t/example.com/x',
			'//example.com/x',
			'/\\example.com',
			'/.//example.com',
			'https://example.com/',
			'/\n/example.com',
			'/\u000b/x',
			'/x\r\nset-cookie: a=b'
		];
		for (const next of offSite) {
			const res = await page.request.get(`/login?next=${encodeURIComponent(next)}`, {
				maxRedirects: 0
			});
			expect(res.status(), JSON.stringify(next)).toBe(303);
			expect(res.headers()['location'], JSON.stringify(next)).toBe('/learn');
		}
		const onSite = await page.request.get(`/login?next=${encodeURIComponent('/journal?x=1')}`, {
			maxRedirects: 0
		});
		expect(onSite.headers()['location']).toBe('/journal?x=1');
		// The theme switch takes a `next` too, signed in or not.
		const theme = await post(page.request, baseURL!, '/preferences?/theme', {
			theme: 'dark',
			next: '/\t/example.com/x'
		});
		expect(theme.status()).toBe(303);
		expect(theme.headers()['location']).toBe('/learn');
	});
});

test.describe('password checks inside a session', () => {
	test('wrong passwords on the account page end the session at the fifth, with a 429 that says so', async ({
		page,
		baseURL
	}) => {
		const { recoveryCode } = await createAccount(page);
		const statuses: number[] = [];
		let last = '';
		for (let i = 1; i <= 5; i++) {
			const res = await post(page.request, baseURL!, '/account?/recovery', {
				password: `guess ${i}`
			});
			statuses.push(res.status());
			last = await res.text();
		}
		expect(statuses).toEqual([400, 400, 400, 400, 429]);
		expect(last).toContain('Too many wrong passwords');
		// Signed out: the right password cannot be tried from here now, and no new code was made.
		const after = await post(page.request, baseURL!, '/account?/recovery', { password: PASSWORD });
		expect(after.status()).toBe(303);
		expect(after.headers()['location']).toMatch(/^\/login\?next=/);
		await page.goto('/account');
		await expect(page).toHaveURL(/\/login\?next=%2Faccount$/);
		expect(recoveryCode).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);
	});

	test('the account page shows the “too many” message where the password was typed', async ({
		page
	}) => {
		await signUp(page);
		await page.goto('/account');
		const field = page.getByLabel('Your password').last();
		// Each try waits for its own answer: the message of the first stays on screen during the next.
		const tryPassword = async (password: string) => {
			await field.fill(password);
			const answered = page.waitForResponse(
				(r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/account'
			);
			await page.getByRole('button', { name: 'Delete my account' }).click();
			await answered;
		};
		for (let i = 1; i <= 4; i++) {
			await tryPassword(`guess ${i}`);
			await expect(
				page.getByText('That password is not right. Nothing was deleted.')
			).toBeVisible();
		}
		await tryPassword('guess 5');
		await expect(page.getByText(/Too many wrong passwords\. .*signed out/)).toBeVisible();
		await page.goto('/journal');
		await expect(page).toHaveURL(/\/login\?next=%2Fjournal$/);
	});
});

test.describe('smaller findings', () => {
	test('the goodbye page takes only known counts from its cookie', async ({
		playwright,
		baseURL
	}) => {
		const visit = async (value: string) => {
			const request = await playwright.request.newContext({
				baseURL,
				extraHTTPHeaders: { cookie: `heard_removed=${encodeURIComponent(value)}` }
			});
			const res = await request.get('/goodbye', { maxRedirects: 0 });
			const result = { status: res.status(), body: await res.text() };
			await request.dispose();
			return result;
		};
		for (const value of ['null', '7', '"x"', '[]', '{broken']) {
			const { status, body } = await visit(value);
			expect(status, value).toBe(200);
			expect(body, value).toContain('Your account is deleted');
		}
		const { body } = await visit(
			'{"constructor":1,"toString":2,"reflections":3,"sessions":"<b>x</b>"}'
		);
		expect(body).toContain('3 reflections');
		expect(body).not.toMatch(/function|constructor|toString|&lt;b&gt;/);
	});

	test('signing in as someone else ends the session this browser had', async ({
		page,
		playwright,
		baseURL,
		context
	}) => {
		const b = await createAccount(page, uniqueName('second'));
		await page.getByRole('button', { name: 'Sign out' }).click();
		await signUp(page, uniqueName('first'));
		const firstToken = (await context.cookies()).find((c) => c.name === 'heard_session')!.value;

		const switched = await post(page.request, baseURL!, '/login', {
			username: b.username,
			password: PASSWORD
		});
		expect(switched.status()).toBe(303);
		const secondToken = (await context.cookies()).find((c) => c.name === 'heard_session')!.value;
		expect(secondToken).not.toBe(firstToken);
		// The first learner's session is gone from the server, not only from this browser.
		const replay = await playwright.request.newContext({
			baseURL,
			extraHTTPHeaders: { cookie: `heard_session=${firstToken}` }
		});
		const res = await replay.get('/account', { maxRedirects: 0 });
		expect(res.status()).toBe(303);
		expect(res.headers()['location']).toMatch(/^\/login\?next=/);
		await replay.dispose();
	});
});

test.describe('deleting an account', () => {
	test('leaves none of the learner’s text, name or device in the database file or its WAL', async ({
		browser
	}) => {
		const mark = marker();
		const context = await browser.newContext({
			userAgent: `Mozilla/5.0 (X11; Linux x86_64) ${mark}-agent`
		});
		const page = await context.newPage();
		const username = await signUp(page, uniqueName(`${mark.slice(0, 8)}`));
		await page.goto(onePageUrl(lesson1));
		await reflect(page, r1.prompt, `${mark}-first-draft `.repeat(10));
		await reflect(page, r1.prompt, `${mark}-second-draft `.repeat(10));
		const dir = process.env.HEARD_E2E_DB_DIR!;
		const onDisk = () =>
			['heard.db', 'heard.db-wal']
				.map((f) => join(dir, f))
				.filter(existsSync)
				.map((f) => readFileSync(f).toString('latin1'))
				.join('');
		expect(onDisk().includes(`${mark}-second-draft`)).toBe(true);

		await page.goto('/account');
		await page.getByLabel('Your password').last().fill(PASSWORD);
		await page.getByRole('button', { name: 'Delete my account' }).click();
		await expect(page.getByRole('heading', { name: 'Your account is deleted' })).toBeVisible();

		const disk = onDisk();
		for (const part of [username, `${mark}-agent`, `${mark}-first-draft`, `${mark}-second-draft`])
			expect(disk.includes(part), `${part} is still on disk`).toBe(false);
		await context.close();
	});
});
