import { error } from '@sveltejs/kit';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { SAFETY_QUESTIONS, type SafetyQuestionId } from '$lib/safety';
import type { Database } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { users } from '../db/schema';

const offeredAt = preparedQuery((db) =>
	db
		.select({ at: users.safetyCheckOfferedAt })
		.from(users)
		.where(eq(users.id, sql.placeholder('userId')))
		.prepare()
);

/** Whether the learner has yet to be offered the safety check (it is offered once, on the way to the course). */
export async function safetyCheckDue(db: Database, userId: string): Promise<boolean> {
	const row = await offeredAt(db).get({ userId });
	return row !== undefined && row.at === null;
}

/** Records that the check was shown. The first time stands: taking it again changes nothing. */
export async function markSafetyCheckOffered(db: Database, userId: string, now = new Date()) {
	await db
		.update(users)
		.set({ safetyCheckOfferedAt: now })
		.where(and(eq(users.id, userId), isNull(users.safetyCheckOfferedAt)));
}

export const SAFETY_FIELDS: readonly string[] = SAFETY_QUESTIONS.map((q) => q.id);

export type SafetyOutcome =
	/** At least one Yes: help comes first. */
	| { kind: 'help-first' }
	/** Every question answered No. */
	| { kind: 'go-on' }
	/** No Yes, but some left blank: ask for those (or "Not now"); only the Noes go back to the page. */
	| { kind: 'unanswered'; missing: SafetyQuestionId[] };

/**
 * Reads the answers in memory and returns only what to show next. Nothing here is stored or
 * logged, and a bad value is refused without being repeated back.
 */
export function judgeAnswers(form: FormData): SafetyOutcome {
	const missing: SafetyQuestionId[] = [];
	let anyYes = false;
	for (const { id } of SAFETY_QUESTIONS) {
		const values = form.getAll(id);
		if (values.length > 1) error(400, 'Each question takes one answer.');
		const [value] = values;
		if (value === undefined) missing.push(id);
		else if (value === 'yes') anyYes = true;
		else if (value !== 'no') error(400, 'Each question takes Yes or No.');
	}
	if (anyYes) return { kind: 'help-first' };
	return missing.length ? { kind: 'unanswered', missing } : { kind: 'go-on' };
}
