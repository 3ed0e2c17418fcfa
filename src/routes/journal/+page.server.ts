import { error, fail } from '@sveltejs/kit';
import { catalog } from '$lib/server/course';
import { getDb } from '$lib/server/db';
import { readForm, textField } from '$lib/server/forms';
import { buildJournal } from '$lib/server/journal';
import { listReflections } from '$lib/server/learner-data';
import { getCourseOverview, getLessonWork } from '$lib/server/learning';
import { REFLECTION_FIELDS, reflectAction } from '$lib/server/reflect-action';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const journal = buildJournal(catalog, await listReflections(await getDb(), locals.user!.id));
	return {
		modules: journal.modules.map((m) => ({ ...m, lessons: m.lessons.map((l) => ({ ...l, entries: l.entries.map((e) => ({ ...e, updatedAt: e.updatedAt.toISOString() })) })) })),
		orphans: journal.orphans.map((o) => ({ body: o.body, updatedAt: o.updatedAt.toISOString() }))
	};
};

export const actions: Actions = {
	reflect: async ({ locals, request, url }) => {
		const form = await readForm(request, ['lesson', 'exercise', ...REFLECTION_FIELDS]);
		const lessonId = textField(form, 'lesson');
		const exerciseId = textField(form, 'exercise');
		if (!lessonId || !exerciseId) return fail(400, { message: 'The form is missing which reflection it is for.' });
		const lesson = catalog.lessons.find((l) => l.id === lessonId);
		if (!lesson || !lesson.exercises.some((e) => e.kind === 'reflection' && e.id === exerciseId)) error(404, 'There is no such reflection.');
		const db = await getDb();
		// The journal edits what was written; starting a reflection happens in its (unlocked) lesson.
		const userId = locals.user!.id;
		const written = (await getLessonWork(db, userId, lesson.id)).reflections.has(exerciseId);
		if (!written && (await getCourseOverview(db, catalog, userId)).states.get(lesson.id)!.state === 'locked') {
			return fail(403, { lesson: lesson.id, exercise: exerciseId, message: 'That lesson is not open yet.' });
		}
		const anchor = `${lesson.id.replace('/', '--')}--${exerciseId}-text`;
		return reflectAction(db, locals.user!.id, lesson, exerciseId, form, { request, location: `${url.pathname}#${anchor}` });
	}
};
