import { redirect } from '@sveltejs/kit';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { invalidateSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { readForm } from '$lib/server/http/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	redirect(303, '/');
};

export const actions: Actions = {
	default: async ({ locals, cookies, url, request }) => {
		await readForm(request, []);
		if (locals.session) await invalidateSession(await getDb(), locals.session.id);
		deleteSessionCookie(cookies, url);
		redirect(303, '/');
	}
};
