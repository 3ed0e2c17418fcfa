import { fail, redirect } from '@sveltejs/kit';
import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import { lessonHref, type Catalog, type Lesson } from '$lib/course/catalog';
import { TRY_IT_OUTCOME_MAX, type FollowUpView, type ReturnedFollowUp } from '$lib/course/view';
import type { Database } from '../db/client';
import { preparedQuery } from '../db/prepared';
import { lessonProgress, tryIts } from '../db/schema';
import { textField } from '../http/forms';

/** "How did it go?" waits this long after the pick: a day or more, so there was a chance to try it. */
export const FOLLOW_UP_AFTER_MS = 24 * 60 * 60 * 1000;

export type TryItResult = { ok: true } | { ok: false; status: 400 | 404 | 409; message: string };
const refuse = (status: 400 | 404 | 409, message: string): TryItResult => ({
	ok: false,
	status,
	message
});

/** Picks neither answered nor dismissed: at most one per lesson, so a few in all. */
const openPicksOf = preparedQuery((db) =>
	db
		.select({ chosenAt: tryIts.chosenAt, lessonId: tryIts.lessonId, itemId: tryIts.itemId })
		.from(tryIts)
		.where(
			and(
				eq(tryIts.userId, sql.placeholder('userId')),
				isNull(tryIts.answeredAt),
				isNull(tryIts.dismissedAt)
			)
		)
		.orderBy(asc(tryIts.chosenAt))
		.prepare()
);

const completedAtOf = preparedQuery((db) =>
	db
		.select({ completedAt: lessonProgress.completedAt })
		.from(lessonProgress)
		.where(
			and(
				eq(lessonProgress.userId, sql.placeholder('userId')),
				eq(lessonProgress.lessonId, sql.placeholder('lessonId'))
			)
		)
		.prepare()
);

/** The item picked on this lesson and not yet followed up, if any. */
export async function openPick(
	db: Database,
	userId: string,
	lessonId: string
): Promise<string | null> {
	const picks = await openPicksOf(db).all({ userId });
	return picks.findLast((p) => p.lessonId === lessonId)?.itemId ?? null;
}

/**
 * Picks one thing to try from a finished lesson. Picking again before the follow-up replaces the
 * earlier pick of that lesson (and starts its day again): one open question per lesson.
 */
export async function chooseTryIt(
	db: Database,
	userId: string,
	lesson: Lesson,
	itemId: string | null,
	now = new Date()
): Promise<TryItResult> {
	if (lesson.tryThisWeek.length === 0)
		return refuse(404, 'This lesson has nothing to try this week.');
	if (!itemId) return refuse(400, 'Choose one thing to try first.');
	if (!lesson.tryThisWeek.some((t) => t.id === itemId))
		return refuse(400, 'That is not one of the things to try in this lesson.');
	const [progress] = await completedAtOf(db).all({ userId, lessonId: lesson.id });
	if (!progress?.completedAt)
		return refuse(409, 'Finish this lesson first; then pick one thing to try.');
	if ((await openPick(db, userId, lesson.id)) === itemId) return { ok: true };
	await db.batch([
		db
			.delete(tryIts)
			.where(
				and(
					eq(tryIts.userId, userId),
					eq(tryIts.lessonId, lesson.id),
					isNull(tryIts.answeredAt),
					isNull(tryIts.dismissedAt)
				)
			),
		db.insert(tryIts).values({ userId, chosenAt: now, lessonId: lesson.id, itemId })
	]);
	return { ok: true };
}

/** The oldest pick old enough to ask about, if any; one question at a time. */
export async function dueFollowUp(
	db: Database,
	catalog: Catalog,
	userId: string,
	now = new Date()
): Promise<FollowUpView | null> {
	for (const pick of await openPicksOf(db).all({ userId })) {
		if (now.getTime() - pick.chosenAt.getTime() < FOLLOW_UP_AFTER_MS) continue;
		const lesson = catalog.byId(pick.lessonId);
		const item = lesson?.tryThisWeek.find((t) => t.id === pick.itemId);
		// A lesson rewritten since: nothing left to name, so nothing to ask about.
		if (!lesson || !item) continue;
		return {
			pick: pick.chosenAt.getTime(),
			lessonTitle: lesson.title,
			lessonHref: lessonHref(lesson),
			item: item.text
		};
	}
	return null;
}

/** Answers or dismisses a pick that is due and still open; otherwise says why not and changes nothing. */
async function closePick(
	db: Database,
	userId: string,
	chosenAt: Date,
	set: Partial<typeof tryIts.$inferInsert>,
	now: Date
): Promise<TryItResult> {
	const key = and(eq(tryIts.userId, userId), eq(tryIts.chosenAt, chosenAt));
	const due = new Date(now.getTime() - FOLLOW_UP_AFTER_MS);
	const [written] = await db
		.update(tryIts)
		.set(set)
		.where(
			and(key, isNull(tryIts.answeredAt), isNull(tryIts.dismissedAt), lte(tryIts.chosenAt, due))
		)
		.returning({ chosenAt: tryIts.chosenAt });
	if (written) return { ok: true };
	const [row] = await db.$reads
		.select({ answeredAt: tryIts.answeredAt, dismissedAt: tryIts.dismissedAt })
		.from(tryIts)
		.where(key);
	if (!row) return refuse(404, 'That is not something you chose to try.');
	if (row.answeredAt)
		return refuse(409, 'You have already said how this went, perhaps on another device.');
	if (row.dismissedAt) return refuse(409, 'This was dismissed, perhaps on another device.');
	return refuse(409, 'It is a little early to ask: give it a day or more.');
}

export async function answerTryIt(
	db: Database,
	userId: string,
	chosenAt: Date,
	outcome: string,
	now = new Date()
): Promise<TryItResult> {
	if (!outcome.trim())
		return refuse(400, 'Write a few words about how it went, or choose Dismiss.');
	const length = [...outcome].length;
	if (length > TRY_IT_OUTCOME_MAX) {
		return refuse(
			400,
			`This can be up to ${TRY_IT_OUTCOME_MAX.toLocaleString('en')} characters; yours has ${length.toLocaleString('en')}. Shorten it to save.`
		);
	}
	return closePick(db, userId, chosenAt, { outcome, answeredAt: now }, now);
}

export function dismissTryIt(
	db: Database,
	userId: string,
	chosenAt: Date,
	now = new Date()
): Promise<TryItResult> {
	return closePick(db, userId, chosenAt, { dismissedAt: now }, now);
}

export interface Tried {
	key: string;
	lessonTitle: string;
	lessonHref: string | null;
	item: string;
	outcome: string;
	answeredAt: Date;
}

/** Every answered pick, newest first: the learner's words, kept even if the lesson has changed since. */
export async function listTried(db: Database, catalog: Catalog, userId: string): Promise<Tried[]> {
	const rows = await db.$reads
		.select()
		.from(tryIts)
		.where(and(eq(tryIts.userId, userId), sql`${tryIts.outcome} is not null`))
		.orderBy(sql`${tryIts.answeredAt} desc`);
	return rows.map((r) => {
		const lesson = catalog.byId(r.lessonId);
		return {
			key: String(r.chosenAt.getTime()),
			lessonTitle: lesson?.title ?? 'A lesson that has since changed',
			lessonHref: lesson ? lessonHref(lesson) : null,
			item:
				lesson?.tryThisWeek.find((t) => t.id === r.itemId)?.text ?? 'Something you chose to try',
			outcome: r.outcome!,
			answeredAt: r.answeredAt!
		};
	});
}

export const TRY_IT_FIELDS = ['item'] as const;
export const FOLLOW_UP_FIELDS = ['pick', 'outcome', 'do'] as const;

/** The anchor of the pick on a lesson page and of the question on the course map. */
export const TRY_IT_ANCHOR = 'try-it';
export const FOLLOW_UP_ANCHOR = 'follow-up';

/** The "Try this" form on a finished lesson. */
export async function tryItAction(
	db: Database,
	userId: string,
	lesson: Lesson,
	form: FormData,
	request: Request,
	location: string
) {
	const result = await chooseTryIt(db, userId, lesson, textField(form, 'item'));
	if (!result.ok) return fail(result.status, { tryIt: { message: result.message } });
	if (!request.headers.has('x-sveltekit-action')) redirect(303, `${location}#${TRY_IT_ANCHOR}`);
	return { tryIt: { chosen: true } };
}

/**
 * The "How did it go?" form on the course map: `do` is `save` or `dismiss`. A refused save hands
 * the learner's text back, so nothing typed is lost.
 * @param location where a plain form post lands (post/redirect/get); `?followUp=` says what happened
 */
export async function followUpAction(
	db: Database,
	userId: string,
	form: FormData,
	request: Request,
	location: string
) {
	const pickField = textField(form, 'pick');
	const action = textField(form, 'do');
	const outcome = (textField(form, 'outcome') ?? '').replace(/\r\n?/g, '\n');
	if (!pickField || !/^\d{1,15}$/.test(pickField) || (action !== 'save' && action !== 'dismiss')) {
		return fail(400, {
			followUp: {
				outcome,
				message:
					'The form is missing which thing you tried, or whether to save or dismiss. Reload the page and try again.'
			}
		});
	}
	const chosenAt = new Date(Number(pickField));
	const result =
		action === 'save'
			? await answerTryIt(db, userId, chosenAt, outcome)
			: await dismissTryIt(db, userId, chosenAt);
	if (!result.ok) return fail(result.status, { followUp: { outcome, message: result.message } });
	const done: ReturnedFollowUp['done'] = action === 'save' ? 'saved' : 'dismissed';
	if (!request.headers.has('x-sveltekit-action'))
		redirect(303, `${location}?followUp=${done}#${FOLLOW_UP_ANCHOR}`);
	return { followUp: { done } };
}
