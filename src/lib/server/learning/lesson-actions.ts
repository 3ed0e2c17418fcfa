import { error, fail, redirect, type Actions } from '@sveltejs/kit';
import { stepHref, type Lesson } from '$lib/course/catalog';
import { reflectionFieldId } from '$lib/course/view';
import { getDb } from '../db';
import { readForm, textField } from '../http/forms';
import { gradeAnswer, recordAnswer } from './answers';
import { findLesson } from './lesson-access';
import { RESTART_FIELDS, restartAction, SAY_FIELDS, sayAction } from './practice';
import { REFLECTION_FIELDS, reflectAction } from './reflections';
import { stepsOf } from './steps';
import { TRY_IT_FIELDS, tryItAction } from './try-it';

/** Whether `href` is one of this lesson's steps: the only places a saved form may go on to. */
function isStepOf(lesson: Lesson, href: string) {
	const n = Number(href.slice(href.lastIndexOf('/') + 1));
	return (
		Number.isInteger(n) && n >= 1 && n <= stepsOf(lesson).length && href === stepHref(lesson, n)
	);
}

/** The lesson a route's parameters name. */
const lessonOf = (params: Partial<Record<string, string>>) => ({
	module: params.module ?? '',
	lesson: params.lesson ?? ''
});

/** The exercise a form names, after checking the learner may work on this lesson. */
async function exerciseFor(
	locals: App.Locals,
	params: Partial<Record<string, string>>,
	form: FormData
) {
	const db = await getDb();
	const { lesson, locked, blockedBy } = await findLesson(db, locals.user!.id, lessonOf(params));
	const exerciseId = textField(form, 'exercise');
	if (!exerciseId)
		return {
			problem: fail(400, {
				exercise: null,
				message: 'The form is missing which exercise it is for.'
			})
		};
	const exercise = lesson.exercises.find((e) => e.id === exerciseId);
	if (!exercise) error(404, 'There is no such exercise in this lesson.');
	if (locked)
		return {
			problem: fail(403, { exercise: exerciseId, message: `Finish “${blockedBy?.title}” first.` })
		};
	return { db, lesson, exercise };
}

/**
 * The forms of a lesson, the same on each of its steps and on the one-page view. A plain form post
 * (no JavaScript) is redirected back to where it was sent from, so reloading never sends it again;
 * use:enhance stays on the page and moves focus to the result.
 */
export const lessonActions = {
	answer: async ({ locals, params, request, url }) => {
		const form = await readForm(request, ['exercise', 'option']);
		const found = await exerciseFor(locals, params, form);
		if ('problem' in found) return found.problem;
		const { db, lesson, exercise } = found;
		if (exercise.kind !== 'single' && exercise.kind !== 'multiple')
			return fail(400, { exercise: exercise.id, message: 'This exercise is not a question.' });

		const chosen = form.getAll('option').filter((v): v is string => typeof v === 'string');
		const grade = gradeAnswer(exercise, chosen);
		if (!grade.ok) return fail(400, { exercise: exercise.id, message: grade.message });
		await recordAnswer(db, locals.user!.id, lesson, exercise.id, grade);
		if (!request.headers.has('x-sveltekit-action')) redirect(303, `${url.pathname}#${exercise.id}`);
		return { exercise: exercise.id, checked: true };
	},

	reflect: async ({ locals, params, request, url }) => {
		// `then`: a step's Next or Back, sent with the text so that leaving the step saves it, even without JavaScript.
		const form = await readForm(request, ['exercise', 'then', ...REFLECTION_FIELDS]);
		const found = await exerciseFor(locals, params, form);
		if ('problem' in found) return found.problem;
		const { db, lesson, exercise } = found;
		if (exercise.kind !== 'reflection')
			return fail(400, { exercise: exercise.id, message: 'This exercise is not a reflection.' });
		const then = textField(form, 'then');
		const location =
			then && isStepOf(lesson, then) ? then : `${url.pathname}#${reflectionFieldId(exercise.id)}`;
		return reflectAction(db, locals.user!.id, lesson, exercise.id, form, { request, location });
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
		const { lesson } = await findLesson(db, locals.user!.id, lessonOf(params));
		return tryItAction(db, locals.user!.id, lesson, form, request, url.pathname);
	}
} satisfies Actions;
