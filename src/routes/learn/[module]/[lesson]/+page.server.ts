import { error, fail, redirect } from '@sveltejs/kit';
import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { readForm, textField } from '$lib/server/http/forms';
import { gradeAnswer, recordAnswer } from '$lib/server/learning/answers';
import { getLessonWork, recordVisit, visitNeedsWrite } from '$lib/server/learning/progress';
import { REFLECTION_FIELDS, reflectAction } from '$lib/server/learning/reflections';
import { findLesson } from '$lib/server/learning/lesson-access';
import { RESTART_FIELDS, restartAction, SAY_FIELDS, sayAction } from '$lib/server/learning/practice';
import { openPick, TRY_IT_FIELDS, tryItAction } from '$lib/server/learning/try-it';
import { lessonPage } from '$lib/server/learning/lesson-view';
import { reflectionFieldId } from '$lib/course/view';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const db = await getDb();
	const userId = locals.user!.id;
	const { lesson, overview, locked } = await findLesson(db, userId, params);
	if (locked) redirect(303, `/learn?locked=${encodeURIComponent(lesson.id)}`);
	if (visitNeedsWrite(overview, lesson.id)) await recordVisit(db, userId, lesson.id);
	const [work, tryItChosen] = await Promise.all([getLessonWork(db, userId, lesson.id), openPick(db, userId, lesson.id)]);
	return lessonPage(catalog, lesson, overview, work, tryItChosen);
};

/** The exercise a form names, after checking the learner may work on this lesson. */
async function exerciseFor(locals: App.Locals, params: { module: string; lesson: string }, form: FormData) {
	const db = await getDb();
	const { lesson, locked, blockedBy } = await findLesson(db, locals.user!.id, params);
	const exerciseId = textField(form, 'exercise');
	if (!exerciseId) return { problem: fail(400, { exercise: null, message: 'The form is missing which exercise it is for.' }) };
	const exercise = lesson.exercises.find((e) => e.id === exerciseId);
	if (!exercise) error(404, 'There is no such exercise in this lesson.');
	if (locked) {
		return { problem: fail(403, { exercise: exerciseId, message: `Finish “${blockedBy?.title}” first.` }) };
	}
	return { db, lesson, exercise };
}

export const actions: Actions = {
	answer: async ({ locals, params, request, url }) => {
		const form = await readForm(request, ['exercise', 'option']);
		const found = await exerciseFor(locals, params, form);
		if ('problem' in found) return found.problem;
		const { db, lesson, exercise } = found;
		if (exercise.kind !== 'single' && exercise.kind !== 'multiple') return fail(400, { exercise: exercise.id, message: 'This exercise is not a question.' });

		const chosen = form.getAll('option').filter((v): v is string => typeof v === 'string');
		const grade = gradeAnswer(exercise, chosen);
		if (!grade.ok) return fail(400, { exercise: exercise.id, message: grade.message });
		await recordAnswer(db, locals.user!.id, lesson, exercise.id, grade);
		// A plain form post is redirected (reloading never re-submits it); use:enhance stays on the
		// page, so focus can move to the feedback.
		if (!request.headers.has('x-sveltekit-action')) redirect(303, `${url.pathname}#${exercise.id}`);
		return { exercise: exercise.id, checked: true };
	},

	reflect: async ({ locals, params, request, url }) => {
		const form = await readForm(request, ['exercise', ...REFLECTION_FIELDS]);
		const found = await exerciseFor(locals, params, form);
		if ('problem' in found) return found.problem;
		const { db, lesson, exercise } = found;
		if (exercise.kind !== 'reflection') return fail(400, { exercise: exercise.id, message: 'This exercise is a question.' });

		return reflectAction(db, locals.user!.id, lesson, exercise.id, form, { request, location: `${url.pathname}#${reflectionFieldId(exercise.id)}` });
	},

	say: async ({ locals, params, request, url }) => {
		const form = await readForm(request, SAY_FIELDS);
		const found = await exerciseFor(locals, params, form);
		if ('problem' in found) return found.problem;
		return sayAction(found.db, locals.user!.id, found.lesson, form, request, url.pathname);
	},

	restart: async ({ locals, params, request, url }) => {
		const form = await readForm(request, RESTART_FIELDS);
		const found = await exerciseFor(locals, params, form);
		if ('problem' in found) return found.problem;
		return restartAction(found.db, locals.user!.id, found.lesson, form, request, url.pathname);
	},

	tryIt: async ({ locals, params, request, url }) => {
		const form = await readForm(request, TRY_IT_FIELDS);
		const db = await getDb();
		const { lesson } = await findLesson(db, locals.user!.id, params);
		return tryItAction(db, locals.user!.id, lesson, form, request, url.pathname);
	}
};
