import { expect, test, type Page } from '@playwright/test';
import { axeViolations } from '../support/axe';
import {
	answer,
	catalog,
	completeLesson,
	onePageUrl,
	questionGroup,
	questions,
	reflectionsOf,
	signUp,
	stepsOf,
	stepUrl,
	verdict
} from '../support/e2e';
import { PUBLIC_ROUTES, routeIds, urlFor } from '../support/routes';

const [lesson1, lesson2] = catalog.lessons;
const ROUTES = routeIds();
const PAGES_SIGNED_OUT = PUBLIC_ROUTES.filter(
	(r) => !['/logout', '/goodbye', '/preferences'].includes(r)
);
const PAGES_SIGNED_IN = ROUTES.filter(
	(r) => !PUBLIC_ROUTES.includes(r) && !/\.(md|json)$|\/export$/.test(r)
);

for (const colorScheme of ['light', 'dark'] as const) {
	test(`axe finds no WCAG 2.2 AA violation on any page (${colorScheme})`, async ({ page }) => {
		// About twenty axe runs: ~30 s on an idle 2-core machine, so the default 30 s limit failed CI.
		test.setTimeout(120_000);
		await page.emulateMedia({ colorScheme });
		const axe = (page: Page, label: string) =>
			axeViolations(page, label, { coloursOnly: colorScheme === 'dark' });
		const found: string[] = [];
		for (const path of [...PAGES_SIGNED_OUT, '/no-such-page']) {
			await page.goto(path);
			found.push(...(await axe(page, path)));
		}
		await signUp(page);
		found.push(...(await axe(page, 'course map, new learner')));
		await page.goto(onePageUrl(lesson1));
		const q = questions(lesson1)[0];
		await answer(page, q, false);
		found.push(...(await axe(page, 'lesson with feedback shown')));
		await completeLesson(page, lesson1);
		for (const id of PAGES_SIGNED_IN) {
			await page.goto(urlFor(id, lesson1));
			found.push(...(await axe(page, id)));
		}
		// One step of each kind, answered: a part with a line to avoid, a question, a reflection, the end.
		const steps = stepsOf(lesson1);
		for (const kind of ['question', 'reflection', 'finish']) {
			const n = steps.findIndex((s) => s.kind === kind) + 1;
			await page.goto(stepUrl(lesson1, n));
			found.push(...(await axe(page, `step ${n} (${kind})`)));
		}
		await page.goto(stepUrl(lesson1, steps.findIndex((s) => s.title.includes('avoid')) + 1));
		found.push(...(await axe(page, 'a reading step with a line to avoid')));
		await page.goto(onePageUrl(catalog.lessons[2]));
		found.push(...(await axe(page, 'course map with a locked-lesson notice')));
		expect(found).toEqual([]);
	});
}

test('a lesson can be completed with the keyboard alone', async ({ page }) => {
	await signUp(page);
	await page.goto(onePageUrl(lesson1));
	const tabTo = async (locator: ReturnType<Page['locator']>) => {
		for (let i = 0; i < 200; i++) {
			if (await locator.evaluate((el) => el === document.activeElement)) return;
			await page.keyboard.press('Tab');
		}
		throw new Error('could not reach the element with Tab');
	};
	for (const q of questions(lesson1)) {
		const group = questionGroup(page, q);
		for (const option of q.options.filter((o) => o.correct)) {
			const box = group.getByRole(q.kind === 'single' ? 'radio' : 'checkbox', {
				name: option.text,
				exact: true
			});
			if (q.kind === 'single') {
				// Arrow keys move between radio buttons; Tab lands on the group's first (or checked) one.
				await tabTo(group.getByRole('radio').first());
				for (let i = 0; i < 10 && !(await box.evaluate((el) => el === document.activeElement)); i++)
					await page.keyboard.press('ArrowDown');
				await page.keyboard.press('Space');
			} else {
				await tabTo(box);
				await page.keyboard.press('Space');
			}
			await expect(box).toBeChecked();
		}
		await tabTo(group.getByRole('button', { name: 'Check answer' }));
		await page.keyboard.press('Enter');
		await expect(verdict(page, q)).toHaveText(/^Correct/);
	}
	for (const r of reflectionsOf(lesson1)) {
		if (r.kind !== 'reflection') continue;
		const box = page.getByRole('textbox', { name: r.prompt });
		await tabTo(box);
		await page.keyboard.type('Typed with the keyboard alone.');
		await page.keyboard.press('Tab');
		await expect(box.locator('xpath=ancestor::form').getByRole('status')).toHaveText('Saved');
	}
	await expect(page.getByText('Complete', { exact: true }).first()).toBeVisible();
	await tabTo(page.getByRole('link', { name: /Next lesson/ }));
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(stepUrl(lesson2, 1));
});

test('quiz feedback is announced and gets focus after checking', async ({ page }) => {
	await signUp(page);
	await page.goto(onePageUrl(lesson1));
	const q = questions(lesson1)[0];
	await answer(page, q, false);
	const result = questionGroup(page, q).locator('[aria-live="polite"]');
	await expect(result).toContainText('Not quite');
	await expect(result.locator('[tabindex="-1"]')).toBeFocused();
});

test.describe('quick exit', () => {
	const NEUTRAL = 'https://www.bbc.co.uk/weather';

	test.beforeEach(async ({ context }) => {
		// The neutral site is outside this machine's reach: answer for it locally.
		await context.route(`${NEUTRAL}**`, (route) =>
			route.fulfill({ body: '<title>Weather</title><h1>Weather</h1>', contentType: 'text/html' })
		);
	});

	test('the Exit button leaves at once, and Back does not return to the course', async ({
		page,
		context
	}) => {
		await signUp(page);
		const fresh = await context.newPage();
		await fresh.goto(onePageUrl(lesson1));
		await fresh.waitForLoadState('networkidle');
		await fresh.getByRole('link', { name: 'Exit' }).click();
		await expect(fresh).toHaveURL(NEUTRAL);
		await fresh.goBack().catch(() => undefined);
		expect(fresh.url()).not.toContain('/learn');
	});

	test('Shift pressed three times leaves too, and clears browser storage', async ({ page }) => {
		await page.goto('/help');
		// The Shift listener arrives with the page's JavaScript.
		await page.waitForLoadState('networkidle');
		await page.evaluate(() => sessionStorage.setItem('draft', 'something private'));
		for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
		await expect(page).toHaveURL(NEUTRAL);
		await page.goto('/help');
		expect(await page.evaluate(() => sessionStorage.getItem('draft'))).toBeNull();
	});

	test('two Shift presses do nothing', async ({ page }) => {
		await page.goto('/help');
		await page.waitForLoadState('networkidle');
		await page.keyboard.press('Shift');
		await page.keyboard.press('Shift');
		await page.waitForTimeout(300);
		await expect(page).toHaveURL(/\/help$/);
	});

	test('Exit is on every page', async ({ page }) => {
		for (const path of PAGES_SIGNED_OUT) {
			await page.goto(path);
			await expect(page.getByRole('link', { name: 'Exit' }), path).toHaveAttribute('href', NEUTRAL);
		}
	});
});

test('discreet mode gives the tab a neutral title and icon', async ({ page }) => {
	await signUp(page);
	await page.goto(onePageUrl(lesson1));
	await expect(page).toHaveTitle(`${lesson1.title} — Heard`);
	await page.goto('/account');
	await page.getByRole('button', { name: 'Turn on discreet mode' }).click();
	await expect(page.getByRole('button', { name: 'Turn off discreet mode' })).toBeVisible();
	for (const path of [onePageUrl(lesson1), '/learn', '/help']) {
		await page.goto(path);
		await expect(page).toHaveTitle('Notes');
		await expect(page.locator('link[rel="icon"]')).toHaveAttribute(
			'href',
			/\/favicon-neutral\.svg$/
		);
	}
	// Signed out on this device, the sign-in page stays neutral too.
	await page.getByRole('button', { name: 'Sign out' }).click();
	await page.goto('/login');
	await expect(page).toHaveTitle('Notes');
});

test('the colour theme follows the system until the learner chooses, and is remembered', async ({
	page,
	context
}) => {
	await page.emulateMedia({ colorScheme: 'dark' });
	await page.goto('/');
	const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
	const dark = await background();
	await page.getByRole('button', { name: 'Light' }).click();
	await expect(page.getByRole('button', { name: 'Light' })).toHaveAttribute('aria-pressed', 'true');
	expect(await background()).not.toBe(dark);
	const again = await context.newPage();
	await again.emulateMedia({ colorScheme: 'dark' });
	await again.goto('/help');
	expect(await again.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
	await again.getByRole('button', { name: 'Match device' }).click();
	await expect(again.getByRole('button', { name: 'Match device' })).toHaveAttribute(
		'aria-pressed',
		'true'
	);
	expect(await again.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe(dark);
});

test('no page scrolls sideways at 320 px, and text resizes to 200%', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	const check = async (label: string) => {
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, label).toBeLessThanOrEqual(0);
	};
	for (const path of PAGES_SIGNED_OUT) {
		await page.goto(path);
		await check(path);
	}
	await signUp(page);
	await completeLesson(page, lesson1);
	for (const id of PAGES_SIGNED_IN) {
		await page.goto(urlFor(id, lesson1));
		await check(id);
	}
	await page.setViewportSize({ width: 640, height: 800 });
	await page.goto(onePageUrl(lesson1));
	await page.evaluate(() => (document.documentElement.style.fontSize = '200%'));
	await check('lesson at 200% text');
});
