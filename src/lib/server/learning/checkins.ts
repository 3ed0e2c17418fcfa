import { eq, sql } from 'drizzle-orm';
import {
	CHECK_IN_KEYS,
	CHECK_IN_QUESTIONS,
	SCALE,
	type CheckInAnswers,
	type CheckInKey
} from '$lib/check-in';
import type { Database } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { checkIns } from '../db/schema';
import { textField } from '../http/forms';

const DAY_MS = 24 * 60 * 60 * 1000;
/** The check-in is offered again once this long has passed since the last one. */
export const CHECK_IN_EVERY_MS = 7 * DAY_MS;
/** A safety answer at or below this puts help first on the page that follows. */
export const LOW_SAFETY = 2;

export interface CheckIn extends CheckInAnswers {
	week: string;
	updatedAt: Date;
}

/** The Monday (UTC) that starts the week `now` falls in, as YYYY-MM-DD: a check-in's key. */
export function weekOf(now: Date): string {
	const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
	const sinceMonday = (new Date(day).getUTCDay() + 6) % 7;
	return new Date(day - sinceMonday * DAY_MS).toISOString().slice(0, 10);
}

export type CheckInForm =
	| { ok: true; answers: CheckInAnswers }
	| {
			ok: false;
			message: string;
			problems: Partial<Record<CheckInKey, string>>;
			values: Partial<Record<CheckInKey, string>>;
	  };

/** Reads the four answers; each must be a whole number on the scale, and none may be missing. */
export function readCheckIn(form: FormData): CheckInForm {
	const values: Partial<Record<CheckInKey, string>> = {};
	const problems: Partial<Record<CheckInKey, string>> = {};
	const answers = {} as CheckInAnswers;
	for (const { key } of CHECK_IN_QUESTIONS) {
		const raw = textField(form, key);
		if (raw !== null) values[key] = raw;
		const n = raw !== null && /^\d$/.test(raw) ? Number(raw) : NaN;
		if (raw === null || raw === '') problems[key] = 'Choose an answer to this question.';
		else if (!(n >= SCALE.min && n <= SCALE.max))
			problems[key] = `Choose a number from ${SCALE.min} to ${SCALE.max}.`;
		else answers[key] = n;
	}
	const missing = Object.keys(problems).length;
	if (missing === 0) return { ok: true, answers };
	return {
		ok: false,
		message: `${missing === 1 ? 'One question needs' : `${missing} questions need`} an answer from ${SCALE.min} to ${SCALE.max} before this can be saved. Nothing was saved.`,
		problems,
		// Only values on the scale go back into the form: anything else was not one of its options.
		values: Object.fromEntries(
			Object.entries(values).filter(([key]) => !problems[key as CheckInKey])
		)
	};
}

/** Saves this week's check-in; a second one in the same week replaces it. */
export async function saveCheckIn(
	db: Database,
	userId: string,
	answers: CheckInAnswers,
	now: Date
) {
	const week = weekOf(now);
	const values = Object.fromEntries(CHECK_IN_KEYS.map((k) => [k, answers[k]])) as CheckInAnswers;
	await db
		.insert(checkIns)
		.values({ userId, week, ...values, createdAt: now, updatedAt: now })
		.onConflictDoUpdate({
			target: [checkIns.userId, checkIns.week],
			set: { ...values, updatedAt: now }
		});
	return week;
}

const checkInsOf = preparedQuery((db) =>
	db
		.select({
			week: checkIns.week,
			heard: checkIns.heard,
			wayBack: checkIns.wayBack,
			steady: checkIns.steady,
			safe: checkIns.safe,
			updatedAt: checkIns.updatedAt
		})
		.from(checkIns)
		.where(eq(checkIns.userId, sql.placeholder('userId')))
		// The primary key's own order: no sort step.
		.orderBy(checkIns.week)
		.prepare()
);

/** One indexed query: every check-in of the learner, oldest week first. */
export function listCheckIns(db: Database, userId: string): Promise<CheckIn[]> {
	return checkInsOf(db).all({ userId });
}

/** Offered when there is none yet, or the last was saved seven or more days ago. */
export function checkInDue(list: CheckIn[], now: Date): boolean {
	const last = list.reduce((latest, c) => Math.max(latest, c.updatedAt.getTime()), -Infinity);
	return now.getTime() - last >= CHECK_IN_EVERY_MS;
}

export function thisWeeks(list: CheckIn[], now: Date): CheckIn | null {
	const week = weekOf(now);
	return list.find((c) => c.week === week) ?? null;
}

/** Whether the page should put help first: a low answer on the safety question this week. */
export function needsHelpFirst(checkIn: CheckInAnswers | null): boolean {
	return checkIn !== null && checkIn.safe <= LOW_SAFETY;
}
