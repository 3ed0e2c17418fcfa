import { error, fail } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { readForm, textField } from '$lib/server/http/forms';
import { buildJournal, listReflections } from '$lib/server/learning/journal';
import { listTried } from '$lib/server/learning/try-it';
import { lessonAccess } from '$lib/server/learning/lesson-access';
import { getLessonWork } from '$lib/server/learning/progress';
import { reflectionFieldId } from '$lib/course/view';
import { REFLECTION_FIELDS, reflectAction } from '$lib/server/learning/reflections';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const db = await getDb();
	const [entries, tried] = await Promise.all([
		listReflections(db, locals.user!.id),
		listTried(db, catalog, locals.user!.id)
	]);
	const journal = buildJournal(catalog, entries);
	return {
		tried: tried.map(({ answeredAt, ...t }) => ({ ...t, answeredAt: answeredAt.toISOString() })),
		modules: journal.modules.map((m) => ({
			...m,
			lessons: m.lessons.map((l) => ({
				...l,
				entries: l.entries.map((e) => ({ ...e, updatedAt: e.updatedAt.toISOString() }))
			}))
		})),
		orphans: journal.orphans.map((o) => ({ body: o.body, updatedAt: o.updatedAt.toISOString() }))
	};
};

export const actions: Actions = {
	reflect: async ({ locals, request, url }) => {
		const form = await readForm(request, ['lesson', 'exercise', ...REFLECTION_FIELDS]);
		const lessonId = textField(form, 'lesson');
		const exerciseId = textField(form, 'exercise');
		if (!lessonId || !exerciseId)
			return fail(400, { message: 'The form is missing which reflection it is for.' });
		const lesson = catalog.byId(lessonId);
		if (!lesson || !lesson.exercises.some((e) => e.kind === 'reflection' && e.id === exerciseId))
			error(404, 'There is no such reflection.');
		const db = await getDb();
		// The journal edits what was written; starting a reflection happens in its (unlocked) lesson.
		const userId = locals.user!.id;
		const written = (await getLessonWork(db, userId, lesson)).reflections.has(exerciseId);
		if (!written && (await lessonAccess(db, userId, lesson)).locked) {
			return fail(403, {
				lesson: lesson.id,
				exercise: exerciseId,
				message: 'That lesson is not open yet.'
			});
		}
		return reflectAction(db, userId, lesson, exerciseId, form, {
			request,
			location: `${url.pathname}#${reflectionFieldId(exerciseId, lesson.id)}`
		});
	}
};
