import { sql } from 'drizzle-orm';
import type { Lesson } from '$lib/course/catalog';
import type { Question } from '$lib/course/schema';
import type { Database } from '../db/client';
import { questionProgress, quizAttempts } from '../db/schema';
import { completeIfDone } from './progress';
import { reviewIfMissedFirstTry } from './review';

export type Grade =
	{ ok: true; correct: boolean; choice: string[] } | { ok: false; message: string };

/** Grades a learner's chosen option ids against the lesson's frontmatter. */
export function gradeAnswer(question: Question, chosen: string[]): Grade {
	const choice = [...new Set(chosen)];
	if (choice.length === 0) return { ok: false, message: 'Choose an answer first.' };
	if (question.kind === 'single' && choice.length > 1)
		return { ok: false, message: 'Choose one answer.' };
	const known = new Set(question.options.map((o) => o.id));
	if (choice.some((id) => !known.has(id)))
		return { ok: false, message: 'That answer is not one of the options.' };

	const right = question.options.filter((o) => o.correct).map((o) => o.id);
	const correct = right.length === choice.length && right.every((id) => choice.includes(id));
	// Stored in the question's own option order, so equal answers compare equal.
	return {
		ok: true,
		correct,
		choice: question.options.map((o) => o.id).filter((id) => choice.includes(id))
	};
}

/** Stores the attempt and the question's summary in one batch; the first try's result is kept. */
export async function recordAnswer(
	db: Database,
	userId: string,
	lesson: Lesson,
	exerciseId: string,
	answer: { correct: boolean; choice: string[] },
	now = new Date()
) {
	const choice = JSON.stringify(answer.choice);
	await db.batch([
		db.insert(quizAttempts).values({
			userId,
			lessonId: lesson.id,
			exerciseId,
			choice,
			correct: answer.correct,
			createdAt: now
		}),
		db
			.insert(questionProgress)
			.values({
				userId,
				lessonId: lesson.id,
				exerciseId,
				attempts: 1,
				firstTryCorrect: answer.correct,
				lastChoice: choice,
				lastCorrect: answer.correct,
				doneAt: answer.correct ? now : null,
				updatedAt: now
			})
			.onConflictDoUpdate({
				target: [questionProgress.userId, questionProgress.lessonId, questionProgress.exerciseId],
				set: {
					attempts: sql`${questionProgress.attempts} + 1`,
					lastChoice: choice,
					lastCorrect: answer.correct,
					doneAt: sql`coalesce(${questionProgress.doneAt}, excluded.done_at)`,
					updatedAt: now
				}
			}),
		// A wrong answer may be the first try: then the question comes back for review.
		...(answer.correct ? [] : [reviewIfMissedFirstTry(db, userId, lesson.id, exerciseId, now)])
	]);
	return completeIfDone(db, userId, lesson, now);
}
