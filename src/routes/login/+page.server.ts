import { fail, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/auth/guard';
import { signIn } from '$lib/server/auth/accounts';
import { startSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { continueHref } from '$lib/server/learning/lesson-access';
import { readForm, textField } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeNext(url.searchParams.get('next')));
	return { signInRequired: url.searchParams.has('next') };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request, ['username', 'password']);
		const username = textField(form, 'username') ?? '';
		const password = textField(form, 'password') ?? '';
		if (!username || !password)
			return fail(400, { username, message: 'Enter your username and password.' });

		const db = await getDb();
		const result = await signIn(db, username, password, event.getClientAddress());
		if (!result.ok) return fail(result.status, { username, message: result.message });
		await startSession(db, event, result.user);
		const next = event.url.searchParams.get('next');
		redirect(303, next ? safeNext(next) : await continueHref(db, result.user.id));
	}
};
