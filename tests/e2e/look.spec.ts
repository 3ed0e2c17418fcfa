import { expect, test } from '@playwright/test';
import { catalog, onePageUrl, signUp, stepsOf, stepUrl } from '../support/e2e';

// What can be measured of the look; the rest is checked by eye in the screenshots (npm run screenshots).

test('the header is one row: at most 80 px on a phone, its links in line with the page on a desktop', async ({
	page
}) => {
	await signUp(page);
	await page.setViewportSize({ width: 375, height: 800 });
	await page.goto('/learn');
	expect((await page.locator('header').boundingBox())!.height).toBeLessThanOrEqual(80);
	await page.getByText('Menu', { exact: true }).click();
	await expect(
		page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Journal' })
	).toBeVisible();

	await page.setViewportSize({ width: 1280, height: 800 });
	await page.goto('/learn');
	const nav = page.getByRole('navigation', { name: 'Main' });
	const tops = await nav
		.getByRole('listitem')
		.evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
	expect(new Set(tops).size).toBe(1);
	const brand = await page.getByRole('link', { name: 'Heard', exact: true }).boundingBox();
	const heading = await page.getByRole('heading', { level: 1 }).boundingBox();
	expect(Math.abs(brand!.x - heading!.x)).toBeLessThanOrEqual(2);
});

test('a new learner’s course map is short: the module in progress open, the others folded with one bar each', async ({
	page
}) => {
	await page.setViewportSize({ width: 375, height: 800 });
	await signUp(page);
	expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThan(2000);
	const modules = page.locator('details.module');
	await expect(modules).toHaveCount(catalog.modules.length);
	expect(
		await modules.evaluateAll((all) => all.map((d) => (d as HTMLDetailsElement).open))
	).toEqual(catalog.modules.map((_, i) => i === 0));
	for (const module of await modules.all())
		await expect(module.getByRole('progressbar')).toHaveCount(1);
});

test('a line to avoid looks different from words to try, by more than colour; choices wear the accent colour', async ({
	page
}) => {
	await signUp(page);
	const lesson = catalog.lessons[0];
	await page.goto(onePageUrl(lesson));
	const avoid = page.locator('.prose blockquote.avoid').first();
	const plain = page.locator('.prose blockquote:not(.avoid)').first();
	expect(await avoid.evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe('dashed');
	expect(await plain.evaluate((el) => getComputedStyle(el).borderLeftStyle)).toBe('solid');
	expect(await avoid.evaluate((el) => getComputedStyle(el, '::before').content)).toBe('"✗"');

	await page.goto(stepUrl(lesson, stepsOf(lesson).findIndex((s) => s.kind === 'question') + 1));
	const accent = await page.evaluate(() => getComputedStyle(document.querySelector('a')!).color);
	expect(
		await page
			.getByRole('radio')
			.first()
			.evaluate((el) => getComputedStyle(el).accentColor)
	).toBe(accent);
});
