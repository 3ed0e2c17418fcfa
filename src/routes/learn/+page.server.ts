import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { getCourseOverview } from '$lib/server/learning/progress';
import { courseMap } from '$lib/server/learning/lesson-view';
import { progressOverTime } from '$lib/server/learning/over-time';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const overview = await getCourseOverview(await getDb(), catalog, locals.user!.id);
	const overTime = await progressOverTime(await getDb(), catalog, locals.user!.id, new Date());
	// Set by a redirect from a locked lesson: say what to finish first.
	const lockedId = url.searchParams.get('locked') ?? '';
	const locked = catalog.byId(lockedId);
	const blockedBy = locked && overview.states.get(locked.id)?.blockedBy;
	return {
		...courseMap(catalog, overview),
		lockedNotice: locked && blockedBy ? { lesson: locked.title, finishFirst: blockedBy.title } : null,
		overTime
	};
};
