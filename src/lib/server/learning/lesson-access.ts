import { error } from '@sveltejs/kit';
import { lessonHref, type Lesson } from '$lib/course/catalog';
import { catalog } from '../catalog';
import type { Database } from '../db/client';
import { getCourseOverview } from './progress';

/** Whether this learner may work on `lesson` yet, and what opens it if not. */
export async function lessonAccess(db: Database, userId: string, lesson: Lesson) {
	const overview = await getCourseOverview(db, catalog, userId);
	const { state, blockedBy } = overview.states.get(lesson.id)!;
	return { overview, locked: state === 'locked', blockedBy };
}

/** Finds the lesson named in the URL (404 if none) and whether this learner may open it yet. */
export async function findLesson(
	db: Database,
	userId: string,
	params: { module: string; lesson: string }
) {
	const lesson = catalog.get(params.module, params.lesson);
	if (!lesson) error(404, 'There is no such lesson.');
	return { lesson, ...(await lessonAccess(db, userId, lesson)) };
}

/** Where a returning learner picks up: the lesson they are in (it opens at their next step), or the map. */
export async function continueHref(db: Database, userId: string): Promise<string> {
	const { continueTo } = await getCourseOverview(db, catalog, userId);
	return continueTo ? lessonHref(continueTo) : '/learn';
}
