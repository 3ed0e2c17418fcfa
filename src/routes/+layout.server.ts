import { QUICK_EXIT_URL } from '$app/env/private';
import { readDiscreet, readTheme } from '$lib/server/account/preferences';
import type { LayoutServerLoad } from './$types';

/** Where "Exit" goes: an everyday page that says nothing about this course. */
const DEFAULT_EXIT_URL = 'https://www.bbc.co.uk/weather';

export const load: LayoutServerLoad = ({ locals, cookies }) => ({
	user: locals.user ? { username: locals.user.username } : null,
	discreet: readDiscreet(cookies, locals.user),
	theme: readTheme(cookies),
	exitUrl: QUICK_EXIT_URL ?? DEFAULT_EXIT_URL
});
