import { error } from '@sveltejs/kit';
import { catalog } from './course';
import type { Database } from './db/client';
import { getCourseOverview } from './learning';

/** Finds the lesson named in the URL (404 if none) and whether this learner may open it yet. */
export async function findLesson(db: Database, userId: string, params: { module: string; lesson: string }) {
	const lesson = catalog.get(params.module, params.lesson);
	if (!lesson) error(404, 'There is no such lesson.');
	const overview = await getCourseOverview(db, catalog, userId);
	const { state, blockedBy } = overview.states.get(lesson.id)!;
	return { lesson, overview, locked: state === 'locked', blockedBy };
}
