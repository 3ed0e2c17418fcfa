import { fail } from '@sveltejs/kit';
import { signUpLimited } from '$lib/server/auth/accounts';
import { startSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { readForm, textField } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

// No redirect for a signed-in learner: right after sign-up they are signed in and must still see the code.
export const load: PageServerLoad = ({ locals }) => ({ signedIn: Boolean(locals.user) });

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request, ['username', 'password']);
		const username = textField(form, 'username') ?? '';
		const password = textField(form, 'password') ?? '';
		const db = await getDb();
		const result = await signUpLimited(db, username, password, event.getClientAddress());
		if (!result.ok)
			return fail(result.status, { username, field: result.field, message: result.message });
		await startSession(db, event, result.user);
		// Shown once, in this response only: never in a URL, never stored in the clear.
		return { recoveryCode: result.recoveryCode };
	}
};
