import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import {
	catalog,
	completeLesson,
	createAccount,
	onePageUrl,
	PASSWORD,
	questionGroup,
	reflect,
	reflectionsOf,
	signIn,
	signUp
} from '../support/e2e';
import { PUBLIC_ROUTES, routeIds, urlFor } from '../support/routes';

const [lesson1] = catalog.lessons;
const r1 = reflectionsOf(lesson1)[0];
if (r1.kind !== 'reflection') throw new Error('lesson 1 needs a reflection');
const ROUTES = routeIds();
const marker = () => `mk${Math.random().toString(36).slice(2, 12)}`;

function form(data: Record<string, string>) {
	return new URLSearchParams(data).toString();
}
const FORM = 'application/x-www-form-urlencoded';

test.describe('headers', () => {
	test('pages, error pages and assets carry the security headers and a nonce-based CSP', async ({
		request
	}) => {
		for (const path of ['/', '/no-such-page', '/favicon.svg']) {
			const res = await request.get(path);
			const h = res.headers();
			expect(h['x-content-type-options'], path).toBe('nosniff');
			expect(h['referrer-policy'], path).toBe('same-origin');
			expect(h['cross-origin-opener-policy'], path).toBe('same-origin');
			expect(h['permissions-policy'], path).toContain('camera=()');
			expect(h['x-frame-options'], path).toBe('DENY');
		}
		for (const path of ['/', '/no-such-page']) {
			const csp = (await request.get(path)).headers()['content-security-policy'];
			expect(csp, path).toMatch(/script-src 'self' 'nonce-[^']+'/);
			expect(csp, path).not.toContain('unsafe-inline');
			for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'"])
				expect(csp).toContain(directive);
		}
	});

	test('every page loads with no CSP violation, signed out and signed in', async ({ page }) => {
		test.setTimeout(90_000); // visits every page twice
		const violations: string[] = [];
		page.on('console', (m) => {
			if (/Content Security Policy/i.test(m.text())) violations.push(`${page.url()}: ${m.text()}`);
		});
		const visit = async (paths: string[]) => {
			for (const path of paths) {
				await page.goto(path);
				await page.waitForLoadState('networkidle');
			}
		};
		await visit(PUBLIC_ROUTES.filter((r) => r !== '/logout' && r !== '/goodbye'));
		await signUp(page);
		await completeLesson(page, lesson1);
		await visit(
			ROUTES.filter((r) => !PUBLIC_ROUTES.includes(r) && !/\.(md|json)$|\/export$/.test(r)).map(
				(r) => urlFor(r, lesson1)
			)
		);
		await visit(['/help', '/']);
		expect(violations).toEqual([]);
	});

	test('private pages and their data are never cached', async ({ page }) => {
		await signUp(page);
		for (const path of ['/learn', onePageUrl(lesson1), '/journal', '/account', '/plan']) {
			const res = await page.request.get(path);
			expect(res.headers()['cache-control'], path).toBe('no-store');
			const data = await page.request.get(`${path.replace(/\/$/, '')}/__data.json`);
			expect(data.headers()['cache-control'], `${path}/__data.json`).toBe('no-store');
		}
	});
});

test.describe('cross-site requests', () => {
	test('a write from another site is refused, whatever its content type', async ({
		page,
		baseURL
	}) => {
		await signUp(page);
		const attempts: { headers: Record<string, string> }[] = [
			{
				headers: {
					'sec-fetch-site': 'cross-site',
					origin: 'https://evil.example',
					'content-type': FORM
				}
			},
			{ headers: { origin: 'https://evil.example', 'content-type': FORM } },
			{ headers: { 'sec-fetch-site': 'same-site', origin: baseURL!, 'content-type': FORM } },
			{ headers: { origin: 'https://evil.example' } }
		];
		for (const { headers } of attempts) {
			const res = await page.request.post(`${onePageUrl(lesson1)}?/reflect`, {
				headers,
				data: form({ exercise: r1.id, revision: '0', body: 'written by another site' }),
				maxRedirects: 0
			});
			expect(res.status(), JSON.stringify(headers)).toBe(403);
			expect((await page.request.post('/logout', { headers, maxRedirects: 0 })).status()).toBe(403);
		}
		await page.goto(onePageUrl(lesson1));
		await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue('');
		await page.goto('/learn');
		await expect(page).toHaveURL(/\/learn$/);
	});
});

test.describe('one learner cannot reach another', () => {
	test('every route and action, tried with learner A’s data, shows or changes nothing of A', async ({
		page,
		browser,
		baseURL
	}) => {
		const a = await createAccount(page);
		const secret = marker();
		await page.goto(onePageUrl(lesson1));
		await reflect(page, r1.prompt, secret);
		await page.goto('/account');
		const aSessions = await page
			.locator('input[name="session"]')
			.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));

		const bContext = await browser.newContext();
		const b = await bContext.newPage();
		await signUp(b);
		// Every route, built from src/routes: nothing of A's shows anywhere B can go.
		for (const id of ROUTES) {
			const res = await b.request.get(urlFor(id, lesson1), { maxRedirects: 0 });
			const body = await res.text();
			expect(body, id).not.toContain(secret);
			expect(body, id).not.toContain(a.username);
			expect(body, id).not.toContain(aSessions[0]);
		}
		// A's ids in B's forms: refused, and A's data unchanged.
		const post = (url: string, data: Record<string, string>) =>
			b.request.post(url, {
				headers: { origin: baseURL!, 'content-type': FORM, accept: 'text/html' },
				data: form(data),
				maxRedirects: 0
			});
		expect((await post('/account?/signOutDevice', { session: aSessions[0] })).status()).toBe(404);
		expect(
			(
				await post(`${onePageUrl(lesson1)}?/reflect`, {
					exercise: r1.id,
					revision: '1',
					body: 'B was here'
				})
			).status()
		).toBe(303);
		expect(
			(
				await post('/journal?/reflect', {
					lesson: lesson1.id,
					exercise: r1.id,
					revision: '1',
					body: 'B again'
				})
			).status()
		).toBe(303);
		await page.goto(onePageUrl(lesson1));
		await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue(secret);
		await page.goto('/account');
		await expect(page.getByRole('heading', { name: 'Your account' })).toBeVisible();
		await bContext.close();
	});

	test('every route except the public ones needs a session', async ({ request }) => {
		for (const id of ROUTES.filter((r) => !PUBLIC_ROUTES.includes(r))) {
			const res = await request.get(urlFor(id, lesson1), { maxRedirects: 0 });
			expect(res.status(), id).toBe(303);
			expect(res.headers()['location'], id).toMatch(/^\/login\?next=/);
		}
	});
});

test.describe('what learners write is only ever text', () => {
	const attack = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">[click](javascript:window.__pwned=3) **bold** ${marker()}`;

	async function expectInert(page: Page) {
		await page.waitForLoadState('networkidle');
		expect(
			await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)
		).toBeUndefined();
		expect(
			await page
				.locator('main img[src="x"], main script:not([nonce]), main a[href^="javascript"]')
				.count()
		).toBe(0);
	}

	test('in the lesson, journal, plan and exports', async ({ page }) => {
		await signUp(page);
		await page.goto(onePageUrl(lesson1));
		await reflect(page, r1.prompt, attack);
		await page.reload();
		await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue(attack);
		await expectInert(page);
		await page.goto('/journal');
		await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue(attack);
		await expectInert(page);
		await page.goto('/plan');
		await expect(page.getByText(attack)).toBeVisible();
		await expectInert(page);

		const json = await (await page.request.get('/account/export')).json();
		expect(json.reflections[0].text).toBe(attack);
		const md = await (await page.request.get('/account/journal.md')).text();
		expect(md).toContain('\\<script\\>window.\\_\\_pwned = 1\\</script\\>');
		expect(md).not.toMatch(/(^|[^\\])<(script|img)/m);
	});
});

test.describe('bad requests', () => {
	test('an oversized body is 413 and writes nothing', async ({ page, baseURL }) => {
		await signUp(page);
		const res = await page.request.post(`${onePageUrl(lesson1)}?/reflect`, {
			headers: { origin: baseURL!, 'content-type': FORM },
			data: form({ exercise: r1.id, revision: '0', body: 'z'.repeat(600 * 1024) })
		});
		expect(res.status()).toBe(413);
		await page.goto(onePageUrl(lesson1));
		await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue('');
	});

	test('malformed bodies, files and unknown fields are 400 and write nothing', async ({
		page,
		baseURL
	}) => {
		await signUp(page);
		const url = `${onePageUrl(lesson1)}?/reflect`;
		const headers = { origin: baseURL!, accept: 'text/html' };
		const malformed = await page.request.post(url, {
			headers: { ...headers, 'content-type': 'multipart/form-data; boundary=xyz' },
			data: '--xyz\r\nContent-Disposition: form-data; name="body"\r\n\r\nunterminated'
		});
		expect(malformed.status()).toBe(400);
		const unknown = await page.request.post(url, {
			headers: { ...headers, 'content-type': FORM },
			data: form({ exercise: r1.id, revision: '0', body: 'hello', isAdmin: 'true' })
		});
		expect(unknown.status()).toBe(400);
		expect(await unknown.text()).toContain('a field it should not have');
		const file = await page.request.post(url, {
			headers,
			multipart: {
				exercise: r1.id,
				revision: '0',
				body: { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('file body') }
			}
		});
		expect(file.status()).toBe(400);
		const badRevision = await page.request.post(url, {
			headers: { ...headers, 'content-type': FORM },
			data: form({ exercise: r1.id, revision: 'two', body: 'hello' })
		});
		expect(badRevision.status()).toBe(400);
		await page.goto(onePageUrl(lesson1));
		await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue('');
		await expect(
			questionGroup(page, catalog.lessons[0].exercises[0] as never).getByText(
				/^(Correct|Not quite|\d+ of \d+ found)/
			)
		).toHaveCount(0);
	});

	test('common passwords are refused at sign-up', async ({ page }) => {
		await page.goto('/signup');
		await page.getByLabel('Username').fill(`common-${marker()}`);
		await page.getByLabel('Password').fill('password1');
		await page.getByRole('button', { name: 'Create account' }).click();
		await expect(page.getByText('That password is one of the most common')).toBeVisible();
	});

	test('too many sign-in tries for one username get 429, whatever X-Forwarded-For says', async ({
		page,
		baseURL
	}) => {
		const username = await signUp(page);
		await page.getByRole('button', { name: 'Sign out' }).click();
		const tries = [];
		for (let i = 0; i < 10; i++) {
			tries.push(
				(
					await page.request.post('/login', {
						headers: {
							origin: baseURL!,
							'content-type': FORM,
							accept: 'text/html',
							'x-forwarded-for': `198.51.100.${i}`
						},
						data: form({ username, password: `wrong ${i}` })
					})
				).status()
			);
		}
		expect(tries).toEqual(Array(10).fill(400));
		await signIn(page, username, PASSWORD);
		await expect(page.getByRole('alert')).toContainText(
			/Too many tries\. Please wait \d+ minutes? and try again\./
		);
		expect(page.url()).toContain('/login');
	});
});

test.describe('logs', () => {
	test('no password, session token, recovery code or reflection reaches the server output', async ({
		page,
		context
	}) => {
		const password = `pw-${marker()}`;
		const text = `reflection-${marker()}`;
		await page.goto('/signup');
		await page.getByLabel('Username').fill(`logs-${marker()}`.slice(0, 30));
		await page.getByLabel('Password').fill(password);
		await page.getByRole('button', { name: 'Create account' }).click();
		const code = await page
			.getByRole('textbox', { name: 'Recovery code', exact: true })
			.inputValue();
		await page.getByRole('link', { name: 'I have saved it — continue' }).click();
		await page.goto(onePageUrl(lesson1));
		await reflect(page, r1.prompt, text);
		// Provoke the error paths too: a refused save and a malformed one.
		await page.request.post(`${onePageUrl(lesson1)}?/reflect`, {
			headers: { 'content-type': FORM, origin: new URL(page.url()).origin },
			data: form({ exercise: r1.id, revision: '0', body: `${text}-stale` })
		});
		await page.request.post(`${onePageUrl(lesson1)}?/reflect`, {
			headers: {
				'content-type': 'multipart/form-data; boundary=q',
				origin: new URL(page.url()).origin
			},
			data: `--q\r\n${text}`
		});
		const token = (await context.cookies()).find((c) => c.name === 'heard_session')!.value;

		const log = await readFile(join(process.env.HEARD_E2E_DB_DIR!, 'server.log'), 'utf8');
		expect(log).toContain('Heard is ready');
		for (const secret of [password, text, code, token, token.split('.')[1]])
			expect(log).not.toContain(secret);
	});
});
