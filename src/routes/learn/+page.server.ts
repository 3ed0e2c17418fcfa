import { redirect } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { getCourseOverview } from '$lib/server/learning/progress';
import { courseMap } from '$lib/server/learning/lesson-view';
import { safetyCheckDue } from '$lib/server/safety/check';
import { SAFETY_CHECK_PATH } from '$lib/safety';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	// A new learner meets the safety check once before the course (also if they skipped it after sign-up).
	if (await safetyCheckDue(db, locals.user!.id)) redirect(303, SAFETY_CHECK_PATH);
	const overview = await getCourseOverview(db, catalog, locals.user!.id);
	// Set by a redirect from a locked lesson: say what to finish first.
	const lockedId = url.searchParams.get('locked') ?? '';
	const locked = catalog.byId(lockedId);
	const blockedBy = locked && overview.states.get(locked.id)?.blockedBy;
	return {
		...courseMap(catalog, overview),
		lockedNotice: locked && blockedBy ? { lesson: locked.title, finishFirst: blockedBy.title } : null
	};
};
