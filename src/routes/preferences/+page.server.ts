import { error, redirect } from '@sveltejs/kit';
import { safeNext } from '$lib/server/auth/guard';
import { getDb } from '$lib/server/db';
import { readForm, textField } from '$lib/server/http/forms';
import { saveDiscreet, saveTheme } from '$lib/server/account/preferences';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	theme: async ({ request, cookies, url }) => {
		const form = await readForm(request, ['theme', 'next']);
		const theme = textField(form, 'theme');
		if (theme !== 'light' && theme !== 'dark' && theme !== 'system')
			error(400, 'Choose light, dark or system.');
		saveTheme(cookies, url, theme);
		redirect(303, safeNext(textField(form, 'next')));
	},

	discreet: async ({ request, cookies, url, locals }) => {
		if (!locals.user) redirect(303, '/login?next=%2Faccount');
		const form = await readForm(request, ['discreet']);
		const value = textField(form, 'discreet');
		if (value !== 'on' && value !== 'off') error(400, 'Choose on or off.');
		await saveDiscreet(await getDb(), cookies, url, locals.user.id, value === 'on');
		redirect(303, '/account#discreet-heading');
	}
};
