import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import {
	createAccount,
	onePageUrl,
	catalog,
	PASSWORD,
	reflect,
	reflectionsOf,
	signIn,
	uniqueName
} from '../support/e2e';

// Real browsers keep pages in a back/forward cache; Playwright starts Chromium without one
// (--disable-back-forward-cache). Here it is on, so Back behaves as on a learner's own device.

const [lesson1] = catalog.lessons;
const r1 = reflectionsOf(lesson1)[0];
if (r1.kind !== 'reflection') throw new Error('lesson 1 needs a reflection');
const marker = () => `bf-${Math.random().toString(36).slice(2, 10)}`;

let browser: Browser;
// Each test signs up in one browser and acts in another.
test.describe.configure({ timeout: 60_000 });
test.beforeAll(async ({ playwright, launchOptions }) => {
	// The project's own launch options (its Chromium, its flags), less the flag that turns the cache off.
	browser = await playwright.chromium.launch({
		...launchOptions,
		ignoreDefaultArgs: ['--disable-back-forward-cache']
	});
});
test.afterAll(async () => browser?.close());

/** What Chromium did with each history navigation: pages restored from the cache, and why others were not. */
async function watchHistory(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('Page.enable');
	const seen = { restored: [] as string[], notRestoredBecause: [] as string[] };
	cdp.on('Page.frameNavigated', (e) => {
		if (!e.frame.parentId && e.type === 'BackForwardCacheRestore')
			seen.restored.push(new URL(e.frame.url).pathname);
	});
	cdp.on('Page.backForwardCacheNotUsed', (e) =>
		seen.notRestoredBecause.push(...e.notRestoredExplanations.map((x) => x.reason))
	);
	return seen;
}

/**
 * Presses Back, as a learner does, without waiting for the navigation: each test then waits for
 * what it expects to see. Playwright's goBack waits for its navigation to commit, and a restored
 * page that at once reloads itself can leave it waiting for good (it hung once in a CI run); a
 * POST result that is not restored becomes the browser's error page.
 */
async function back(page: Page) {
	const cdp = await page.context().newCDPSession(page);
	const { currentIndex, entries } = await cdp.send('Page.getNavigationHistory');
	await cdp.send('Page.navigateToHistoryEntry', { entryId: entries[currentIndex - 1].id });
	await cdp.detach();
}

/** Everything a person at the screen could read, form fields included, once Back has settled. */
async function onScreen(page: Page): Promise<string> {
	try {
		return await page.evaluate(() =>
			[
				document.body?.innerText ?? '',
				...[...document.querySelectorAll('textarea, input')].map(
					(e) => (e as HTMLInputElement).value
				)
			].join('\n')
		);
	} catch (e) {
		// Back committed one document and the browser replaced it (a refused POST result becomes its
		// error page): read the one that stays.
		if (!(e instanceof Error) || !e.message.includes('Execution context was destroyed')) throw e;
		await page.waitForLoadState('domcontentloaded');
		return onScreen(page);
	}
}

async function newDevice(
	javaScriptEnabled: boolean
): Promise<{ context: BrowserContext; page: Page }> {
	const context = await browser.newContext({
		baseURL: test.info().project.use.baseURL,
		javaScriptEnabled
	});
	return { context, page: await context.newPage() };
}

/** A learner with a reflection to keep private; set up in a separate browser. */
async function learnerWithReflection() {
	const setup = await newDevice(true);
	const { username } = await createAccount(setup.page, uniqueName('bfcache'));
	const secret = `private ${marker()}`;
	await setup.page.goto(onePageUrl(lesson1));
	await reflect(setup.page, r1.prompt, secret);
	await setup.context.close();
	return { username, secret };
}

test.describe('headers', () => {
	const FORM = 'application/x-www-form-urlencoded';
	const plain = { 'content-type': FORM, accept: 'text/html' };
	const enhanced = {
		'content-type': FORM,
		accept: 'application/json',
		'x-sveltekit-action': 'true'
	};

	test('every page, its data and every form-action response is sent no-store, signed in or not', async ({
		request,
		baseURL
	}) => {
		const noStore = async (what: string, response: { headers(): Record<string, string> }) =>
			expect(response.headers()['cache-control'], what).toBe('no-store');
		for (const path of ['/', '/login', '/signup', '/help', '/recover', '/login?next=%2Fjournal']) {
			await noStore(path, await request.get(path));
		}
		await noStore('/__data.json', await request.get('/__data.json'));
		const post = (path: string, headers: Record<string, string>, form: Record<string, string>) =>
			request.post(path, {
				headers: { origin: baseURL!, ...headers },
				data: new URLSearchParams(form).toString(),
				maxRedirects: 0
			});
		const wrong = { username: uniqueName('nobody'), password: 'not the password' };
		await noStore('sign-in refused', await post('/login', plain, wrong));
		await noStore('sign-in refused (enhanced)', await post('/login', enhanced, wrong));
		await noStore(
			'recovery refused',
			await post('/recover', plain, {
				username: wrong.username,
				code: 'aaaaa-aaaaa-aaaaa-aaaaa',
				password: 'a new password 1'
			})
		);
		// The responses that carry a new recovery code, with and without JavaScript.
		for (const headers of [plain, enhanced]) {
			const signUp = await post('/signup', headers, {
				username: uniqueName('nostore'),
				password: PASSWORD
			});
			expect(await signUp.text()).toMatch(/[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}-[a-z2-7]{5}/);
			await noStore('sign-up', signUp);
		}
	});

	test('signing out tells the browser to drop what it cached of the site', async ({
		page,
		baseURL
	}) => {
		await createAccount(page);
		const signOut = await page.request.post('/logout', {
			headers: { origin: baseURL!, ...plain },
			maxRedirects: 0
		});
		expect(signOut.status()).toBe(303);
		expect(signOut.headers()['clear-site-data']).toBe('"cache"');
		expect(signOut.headers()['cache-control']).toBe('no-store');
		// Pages that end no session leave the cache alone.
		expect((await page.request.get('/help')).headers()['clear-site-data']).toBeUndefined();
	});
});

for (const javaScript of [true, false]) {
	test.describe(`with JavaScript ${javaScript ? 'on' : 'off'}`, () => {
		test('the cache is really on here: a public page comes back from it', async () => {
			const { context, page } = await newDevice(javaScript);
			const seen = await watchHistory(page);
			// Settled first: a page left while its scripts are still arriving is evicted from the cache
			// ("IgnoreEventAndEvict"), which happened once in twenty runs.
			await page.goto('/help', { waitUntil: 'networkidle' });
			await page.goto('/');
			await back(page);
			await expect.poll(() => seen.restored).toContain('/help');
			await context.close();
		});

		test('after signing out, Back does not show the journal', async () => {
			const { username, secret } = await learnerWithReflection();
			const { context, page } = await newDevice(javaScript);
			const seen = await watchHistory(page);
			// As the review did it: the first page is loaded signed out, the journal opened by its link.
			await signIn(page, username);
			await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
			await page
				.getByRole('navigation', { name: 'Main' })
				.getByRole('link', { name: 'Journal' })
				.click();
			await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue(secret);
			await page.getByRole('button', { name: 'Sign out' }).click();
			await expect(page).toHaveURL(/\/$/);

			await back(page);
			await expect(page).toHaveURL(/\/login\?next=%2Fjournal$/);
			expect(await onScreen(page)).not.toContain(secret);
			// The Back went through the cache's decision (restored and reloaded, or refused, and why).
			await expect
				.poll(() => seen.restored.length + seen.notRestoredBecause.length)
				.toBeGreaterThan(0);
			test
				.info()
				.annotations.push({ type: 'back/forward cache', description: JSON.stringify(seen) });
			await context.close();
		});

		test('after signing up and signing out, Back does not show the recovery code', async () => {
			const { context, page } = await newDevice(javaScript);
			const seen = await watchHistory(page);
			await page.goto('/signup');
			await page.getByLabel('Username').fill(uniqueName('bfcode'));
			await page.getByLabel('Password').fill(PASSWORD);
			await page.getByRole('button', { name: 'Create account' }).click();
			const code = await page
				.getByRole('textbox', { name: 'Recovery code', exact: true })
				.inputValue();
			expect(code).toMatch(/^[a-z2-7]{5}(-[a-z2-7]{5}){3}$/);
			await page.getByRole('button', { name: 'Sign out' }).click();
			await expect(page).toHaveURL(/\/$/);

			await back(page);
			// Back has landed: on the sign-up page again, or on the browser's error page for a form's
			// result it will not send again.
			await expect(page).toHaveURL(/\/signup|^chrome-error:/);
			if (javaScript) {
				// The page comes back from the server, signed out: the empty form.
				await expect(page.getByRole('heading', { name: 'Create your account' })).toBeVisible();
			}
			expect(await onScreen(page)).not.toContain(code);
			await expect
				.poll(() => seen.restored.length + seen.notRestoredBecause.length)
				.toBeGreaterThan(0);
			test
				.info()
				.annotations.push({ type: 'back/forward cache', description: JSON.stringify(seen) });
			await context.close();
		});
	});
}

test('a page restored after its session ended elsewhere is loaded afresh, showing nothing private', async () => {
	const { username, secret } = await learnerWithReflection();
	const { context, page } = await newDevice(true);
	const seen = await watchHistory(page);
	await signIn(page, username);
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await page.goto('/journal');
	await expect(page.getByRole('textbox', { name: r1.prompt })).toHaveValue(secret);
	await page.goto('/help');

	// The learner signs out everywhere else from another device; this browser's cookie is untouched,
	// so the browser may restore the journal as it was.
	const phone = await newDevice(true);
	await signIn(phone.page, username);
	await expect(phone.page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await phone.page.goto('/account');
	await phone.page.getByRole('button', { name: 'Sign out everywhere else' }).click();
	await expect(phone.page.getByText('Every other device is signed out.')).toBeVisible();
	await phone.context.close();

	await back(page);
	await expect.poll(() => seen.restored).toContain('/journal');
	await expect(page).toHaveURL(/\/login\?next=%2Fjournal$/);
	expect(await onScreen(page)).not.toContain(secret);
	await context.close();
});
