import { redirect } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { getCourseOverview } from '$lib/server/learning/progress';
import { courseMap } from '$lib/server/learning/lesson-view';
import { progressOverTime } from '$lib/server/learning/over-time';
import { dueFollowUp, FOLLOW_UP_FIELDS, followUpAction } from '$lib/server/learning/try-it';
import { readForm } from '$lib/server/http/forms';
import { safetyCheckDue } from '$lib/server/safety/check';
import { SAFETY_CHECK_PATH } from '$lib/safety';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const db = await getDb();
	const userId = locals.user!.id;
	const now = new Date();
	const [overview, followUp, overTime] = await Promise.all([
		getCourseOverview(db, catalog, userId, now),
		dueFollowUp(db, catalog, userId, now),
		progressOverTime(db, catalog, userId, now)
	]);
	// A new learner meets the safety check once before the course (also if they skipped it after
	// sign-up); asked only until a lesson has been opened, so the map costs everyone else no extra read.
	if (!overview.mostRecentVisit && (await safetyCheckDue(db, userId)))
		redirect(303, SAFETY_CHECK_PATH);
	// Set by a redirect from a locked lesson: say what to finish first.
	const lockedId = url.searchParams.get('locked') ?? '';
	const locked = catalog.byId(lockedId);
	const blockedBy = locked && overview.states.get(locked.id)?.blockedBy;
	return {
		...courseMap(catalog, overview),
		lockedNotice:
			locked && blockedBy ? { lesson: locked.title, finishFirst: blockedBy.title } : null,
		followUp,
		overTime
	};
};

export const actions: Actions = {
	followUp: async ({ locals, request, url }) => {
		const form = await readForm(request, FOLLOW_UP_FIELDS);
		return followUpAction(await getDb(), locals.user!.id, form, request, url.pathname);
	}
};
