import { fail, redirect } from '@sveltejs/kit';
import { and, eq } from 'drizzle-orm';
import type { Lesson } from '$lib/course/catalog';
import { mergedText, REFLECTION_MAX } from '$lib/course/view';
import type { Database } from '../db/client';
import { reflections } from '../db/schema';
import { textField } from '../http/forms';
import { completeIfDone, getLessonWork } from './progress';

export type SaveResult =
	| { ok: true; revision: number; complete: boolean }
	| { ok: false; theirs: { body: string; revision: number } };

/**
 * Saves a reflection if nobody saved it since `baseRevision` (0: never saved).
 * A save from a stale copy is not applied: it returns the newer text, so the learner can
 * see both versions and choose. The database trigger keeps every applied version.
 */
export async function saveReflection(
	db: Database,
	userId: string,
	lesson: Lesson,
	exerciseId: string,
	body: string,
	baseRevision: number,
	now = new Date()
): Promise<SaveResult> {
	const key = and(
		eq(reflections.userId, userId),
		eq(reflections.lessonId, lesson.id),
		eq(reflections.exerciseId, exerciseId)
	);
	const [written] =
		baseRevision === 0
			? await db
					.insert(reflections)
					.values({
						userId,
						lessonId: lesson.id,
						exerciseId,
						body,
						revision: 1,
						createdAt: now,
						updatedAt: now
					})
					.onConflictDoNothing()
					.returning({ revision: reflections.revision })
			: await db
					.update(reflections)
					.set({ body, revision: baseRevision + 1, updatedAt: now })
					.where(and(key, eq(reflections.revision, baseRevision)))
					.returning({ revision: reflections.revision });
	if (!written) {
		const [current] = await db.$reads
			.select({ body: reflections.body, revision: reflections.revision })
			.from(reflections)
			.where(key);
		// Gone (progress reset without keeping reflections): this save starts it afresh.
		if (!current) return saveReflection(db, userId, lesson, exerciseId, body, 0, now);
		// The other device saved the very same text: nothing to choose between.
		if (current.body !== body) return { ok: false, theirs: current };
		return {
			ok: true,
			revision: current.revision,
			complete: await completeIfDone(db, userId, lesson, now)
		};
	}
	return {
		ok: true,
		revision: written.revision,
		complete: await completeIfDone(db, userId, lesson, now)
	};
}

/** The fields a reflection form sends besides which reflection it is. */
export const REFLECTION_FIELDS = ['body', 'revision', 'resolve'] as const;

/**
 * The one way a reflection form is saved, from a lesson or the journal.
 * A refused save always hands the learner's text back, so nothing typed is lost.
 */
export async function reflectAction(
	db: Database,
	userId: string,
	lesson: Lesson,
	exerciseId: string,
	form: FormData,
	/** Where a plain (no-JavaScript) form post lands after saving, so reloading never re-sends it. */
	after: { request: Request; location: string }
) {
	const raw = textField(form, 'body');
	const revisionField = textField(form, 'revision');
	const baseRevision =
		revisionField !== null && /^\d{1,9}$/.test(revisionField) ? Number(revisionField) : null;
	if (raw === null || baseRevision === null) {
		return fail(400, {
			lesson: lesson.id,
			exercise: exerciseId,
			message: 'The form is missing the reflection text or its revision.'
		});
	}
	// Browsers send CRLF; store what the textarea showed, and count it the way its maxlength does.
	const body = raw.replace(/\r\n?/g, '\n');
	const length = [...body].length;
	if (length > REFLECTION_MAX) {
		return fail(400, {
			lesson: lesson.id,
			exercise: exerciseId,
			body,
			baseRevision,
			message: `Reflections can be up to ${REFLECTION_MAX.toLocaleString('en')} characters; this one has ${length.toLocaleString('en')}. Shorten it to save.`
		});
	}

	if (textField(form, 'resolve') === 'merge') {
		// "Merge by hand" without JavaScript: both versions into the box, nothing saved yet.
		const theirs = (await getLessonWork(db, userId, lesson)).reflections.get(exerciseId);
		return fail(409, {
			lesson: lesson.id,
			exercise: exerciseId,
			body: theirs ? mergedText(body, theirs.body) : body,
			baseRevision: theirs?.revision ?? baseRevision,
			merged: true,
			message: 'Both versions are in the box. Edit them into one, then save.'
		});
	}

	const saved = await saveReflection(db, userId, lesson, exerciseId, body, baseRevision);
	if (!saved.ok) {
		return fail(409, {
			lesson: lesson.id,
			exercise: exerciseId,
			body,
			baseRevision,
			theirs: saved.theirs,
			message: 'This reflection was changed on another device.'
		});
	}
	// Autosave and use:enhance read the result; a plain form post is redirected (post/redirect/get).
	if (!after.request.headers.has('x-sveltekit-action')) redirect(303, after.location);
	return {
		lesson: lesson.id,
		exercise: exerciseId,
		saved: true,
		revision: saved.revision,
		complete: saved.complete
	};
}
