import { expect, test } from '@playwright/test';
import { axeViolations } from '../support/axe';
import { completeLessonsInDatabase } from '../support/e2e-database';
import {
	catalog,
	onePageUrl,
	questionGroup,
	questions,
	reflectionsOf,
	signUp
} from '../support/e2e';

// One test per module, so that the lessons are checked side by side.
for (const module of catalog.modules) {
	test(`every lesson of “${module.title}” renders in full and passes axe, once the learner can open it`, async ({
		page
	}) => {
		test.setTimeout(90_000); // an axe run per lesson
		const username = await signUp(page);
		// Completing 20+ lessons through the page would test nothing new: mark them done in the database.
		await completeLessonsInDatabase(
			username,
			catalog.lessons.map((l) => l.id)
		);
		const found: string[] = [];
		for (const lesson of module.lessons) {
			const response = await page.goto(onePageUrl(lesson));
			expect(response?.status(), lesson.id).toBe(200);
			await expect(
				page.getByRole('heading', { level: 1, name: lesson.title }),
				lesson.id
			).toBeVisible();
			// The body rendered: prose beyond the heading.
			expect(
				(await page.locator('.prose').innerText()).split(/\s+/).length,
				lesson.id
			).toBeGreaterThan(300);
			for (const q of questions(lesson)) {
				const group = questionGroup(page, q);
				await expect(group, `${lesson.id}: ${q.id}`).toBeVisible();
				await expect(group.getByRole(q.kind === 'single' ? 'radio' : 'checkbox')).toHaveCount(
					q.options.length
				);
			}
			for (const r of reflectionsOf(lesson))
				if (r.kind === 'reflection')
					await expect(
						page.getByRole('textbox', { name: r.prompt }),
						`${lesson.id}: ${r.id}`
					).toBeVisible();
			await expect(page.getByRole('link', { name: 'Get help' }).first()).toBeVisible();
			found.push(...(await axeViolations(page, lesson.id)));
		}
		expect(found).toEqual([]);
	});
}

test('the safety lesson is open to a new learner; the lesson after lesson 1 is not', async ({
	page
}) => {
	await signUp(page);
	const safety = catalog.lessons.find((l) => l.open)!;
	expect(safety, 'a lesson marked open: true').toBeDefined();
	await page.goto(onePageUrl(safety));
	await expect(page.getByRole('heading', { level: 1, name: safety.title })).toBeVisible();
	await page.goto(onePageUrl(catalog.lessons[1]));
	await expect(page).toHaveURL(/\/learn\?locked=/);
});
