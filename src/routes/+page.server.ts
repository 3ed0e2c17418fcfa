import { lessonHref } from '$lib/course/catalog';
import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { getCourseOverview } from '$lib/server/learning/progress';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const outline = catalog.modules.map((m) => ({
		title: m.title,
		summary: m.summary,
		lessons: m.lessons.length
	}));
	if (!locals.user) return { outline, continueTo: null };
	const { continueTo } = await getCourseOverview(await getDb(), catalog, locals.user.id);
	return {
		outline,
		continueTo: continueTo && { href: lessonHref(continueTo), title: continueTo.title }
	};
};
