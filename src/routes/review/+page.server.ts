import { fail, redirect } from '@sveltejs/kit';
import { REVIEW_FIELDS, reviewAnchor } from '$lib/review';
import { catalog } from '$lib/server/catalog';
import { getDb } from '$lib/server/db';
import { readForm, textField } from '$lib/server/http/forms';
import { answerReview, inDays, loadReview } from '$lib/server/learning/review';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const now = new Date();
	const { items, nextDue } = await loadReview(await getDb(), catalog, locals.user!.id, now);
	return { items, nextDue: nextDue && inDays(nextDue, now) };
};

export const actions: Actions = {
	answer: async ({ locals, request }) => {
		const form = await readForm(request, REVIEW_FIELDS);
		const lessonId = textField(form, 'lesson');
		const exerciseId = textField(form, 'exercise');
		if (!lessonId || !exerciseId)
			return fail(400, {
				lesson: null,
				exercise: null,
				message: 'The form is missing which question it is for.'
			});
		const chosen = form.getAll('option').filter((v): v is string => typeof v === 'string');
		const answered = await answerReview(
			await getDb(),
			catalog,
			locals.user!.id,
			{ lessonId, exerciseId, chosen },
			new Date()
		);
		if (!answered.ok)
			return fail(answered.status, {
				lesson: lessonId,
				exercise: exerciseId,
				message: answered.message
			});
		// A plain form post is redirected (reloading never re-sends it) to the question, now with its feedback.
		if (!request.headers.has('x-sveltekit-action'))
			redirect(303, `/review#${reviewAnchor(lessonId, exerciseId)}`);
		return { lesson: lessonId, exercise: exerciseId, checked: true };
	}
};
