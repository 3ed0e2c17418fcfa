import { error, redirect } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { lessonActions } from '$lib/server/learning/lesson-actions';
import { findLesson } from '$lib/server/learning/lesson-access';
import { stepPage } from '$lib/server/learning/lesson-view';
import {
	completeIfDone,
	getLessonWork,
	recordVisit,
	visitNeedsWrite
} from '$lib/server/learning/progress';
import { stepsOf } from '$lib/server/learning/steps';
import { openPick } from '$lib/server/learning/try-it';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = await getDb();
	const userId = locals.user!.id;
	const { lesson, overview, locked } = await findLesson(db, userId, params);
	if (locked) redirect(303, `/learn?locked=${encodeURIComponent(lesson.id)}`);
	const steps = stepsOf(lesson);
	const number = Number(params.step);
	if (number > steps.length) error(404, 'This lesson has no such step.');
	if (visitNeedsWrite(overview, lesson.id, number))
		await recordVisit(db, userId, lesson.id, number);
	const finish = steps[number - 1].kind === 'finish';
	const [work, tryItChosen] = await Promise.all([
		getLessonWork(db, userId, lesson),
		finish ? openPick(db, userId, lesson.id) : null
	]);
	const page = stepPage(catalog, lesson, overview, work, userId, steps, number, tryItChosen);
	// Reaching the end with everything done marks the lesson complete (for a lesson whose last
	// exercise was done before it gained its present shape, this is where it happens).
	if (page.step.kind === 'finish' && !page.complete && page.remaining.length === 0) {
		page.complete = await completeIfDone(db, userId, lesson, new Date());
	}
	return page;
};

export const actions = lessonActions;
