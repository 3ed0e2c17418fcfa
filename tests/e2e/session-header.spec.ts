import { expect, test } from '@playwright/test';
import { PASSWORD, uniqueName } from '../support/e2e';

// The header must match the session on every page, however early the learner acts.
test('the header shows the new session at once, even when the form was sent before the page came to life', async ({
	page
}) => {
	// A busy phone: the page's JavaScript arrives late, so the learner's click sends the form the plain way.
	let release!: () => void;
	const scriptsHeld = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await scriptsHeld;
		await route.continue();
	});
	await page.goto('/signup', { waitUntil: 'commit' });
	await page.getByLabel('Username').fill(uniqueName());
	await page.getByLabel('Password').fill(PASSWORD);
	await page.getByRole('button', { name: 'Create account' }).click();
	await expect(page.getByRole('heading', { name: 'Your recovery code' })).toBeVisible();
	// The page that shows the code already knows who is signed in.
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	release();
	await page.waitForFunction(
		() => document.querySelector('[data-sveltekit-hydrated], body > .app > *') !== null
	);
	await page.getByRole('link', { name: 'I have saved it — continue' }).click();
	// The link leads to the safety check, which a new learner meets before the course.
	await expect(page).toHaveURL(/\/safety-check$/);
	await expect(page.getByRole('heading', { name: 'A quick safety check' })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Sign in' })).toHaveCount(0);
});
