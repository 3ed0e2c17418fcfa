import { redirect } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { lessonActions } from '$lib/server/learning/lesson-actions';
import { findLesson } from '$lib/server/learning/lesson-access';
import { lessonPage } from '$lib/server/learning/lesson-view';
import { getLessonWork, recordVisit, visitNeedsWrite } from '$lib/server/learning/progress';
import { openPick } from '$lib/server/learning/try-it';
import type { PageServerLoad } from './$types';

/** The whole lesson on one page: for printing, for skimming, for anyone who prefers it. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const db = await getDb();
	const userId = locals.user!.id;
	const { lesson, overview, locked } = await findLesson(db, userId, params);
	if (locked) redirect(303, `/learn?locked=${encodeURIComponent(lesson.id)}`);
	if (visitNeedsWrite(overview, lesson.id, null)) await recordVisit(db, userId, lesson.id, null);
	const [work, tryItChosen] = await Promise.all([
		getLessonWork(db, userId, lesson),
		openPick(db, userId, lesson.id)
	]);
	return lessonPage(catalog, lesson, overview, work, userId, tryItChosen);
};

export const actions = lessonActions;
