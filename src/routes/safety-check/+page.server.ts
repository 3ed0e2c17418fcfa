import { fail, redirect } from '@sveltejs/kit';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http/forms';
import { judgeAnswers, markSafetyCheckOffered, SAFETY_FIELDS } from '$lib/server/safety/check';
import { SAFETY_CHECK_NEXT, SAFETY_CHECK_NEXT_SIGNED_OUT } from '$lib/safety';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, setHeaders }) => {
	// The help-first screen is this page answering a post: no copy of it belongs in any cache.
	setHeaders({ 'cache-control': 'no-store' });
	if (locals.user) await markSafetyCheckOffered(await getDb(), locals.user.id);
	return {
		signedIn: Boolean(locals.user),
		next: locals.user ? SAFETY_CHECK_NEXT : SAFETY_CHECK_NEXT_SIGNED_OUT
	};
};

export const actions: Actions = {
	// The answers live only in this request: the response is the next screen, never a redirect that
	// carries them, and nothing of them is written or logged.
	default: async ({ locals, request }) => {
		const outcome = judgeAnswers(await readForm(request, SAFETY_FIELDS));
		if (outcome.kind === 'go-on')
			redirect(303, locals.user ? SAFETY_CHECK_NEXT : SAFETY_CHECK_NEXT_SIGNED_OUT);
		if (outcome.kind === 'unanswered') {
			return fail(400, {
				missing: outcome.missing,
				message: 'Choose Yes or No for each question, or choose “Not now” to skip the check.'
			});
		}
		return { helpFirst: true };
	}
};
