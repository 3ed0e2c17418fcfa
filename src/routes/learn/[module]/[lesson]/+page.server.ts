import { redirect } from '@sveltejs/kit';
import { stepHref } from '$lib/course/catalog';
import { getDb } from '$lib/server/db';
import { findLesson } from '$lib/server/learning/lesson-access';
import { getLessonWork } from '$lib/server/learning/progress';
import { resumeStep, stepsOf } from '$lib/server/learning/steps';
import { safetyCheckDue } from '$lib/server/safety/check';
import { SAFETY_CHECK_PATH } from '$lib/safety';
import type { PageServerLoad } from './$types';

/** A lesson's address opens it where the learner left off, on this device or another. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const db = await getDb();
	const userId = locals.user!.id;
	const { lesson, overview, locked } = await findLesson(db, userId, params);
	// The safety check comes before the first lesson (asked only until a lesson has been opened, so
	// the pages of everyone further on cost no extra read), but never stands before the safety lesson.
	if (!overview.mostRecentVisit && !lesson.open && (await safetyCheckDue(db, userId)))
		redirect(303, SAFETY_CHECK_PATH);
	if (locked) redirect(303, `/learn?locked=${encodeURIComponent(lesson.id)}`);
	const work = await getLessonWork(db, userId, lesson);
	const complete = overview.states.get(lesson.id)!.state === 'complete';
	redirect(
		303,
		stepHref(lesson, resumeStep(stepsOf(lesson), work, overview.lastSteps.get(lesson.id), complete))
	);
};
