import type { Page } from '@playwright/test';
import { CHECK_IN_QUESTIONS, SCALE, type CheckInAnswers } from '../../src/lib/check-in';

/** The radio for `n` on a check-in question, named as a screen reader hears it ("1 Not at all", "3", "5 Completely"). */
export const scaleName = (n: number) =>
	n === SCALE.min ? `${n} ${SCALE.low}` : n === SCALE.max ? `${n} ${SCALE.high}` : String(n);

/** Chooses the given answers on /check-in (any left out stay unanswered) and, unless told not to, saves. */
export async function fillCheckIn(
	page: Page,
	answers: Partial<CheckInAnswers>,
	{ save = true } = {}
) {
	for (const q of CHECK_IN_QUESTIONS) {
		const n = answers[q.key];
		if (n !== undefined)
			await page
				.getByRole('group', { name: q.legend })
				.getByRole('radio', { name: scaleName(n), exact: true })
				.check();
	}
	if (save) await page.getByRole('button', { name: 'Save check-in' }).click();
}
