import { redirect } from '@sveltejs/kit';
import { readRemoved, REMOVED_COOKIE } from '$lib/server/account/deletion';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ cookies }) => {
	const raw = cookies.get(REMOVED_COOKIE);
	if (!raw) redirect(303, '/');
	cookies.delete(REMOVED_COOKIE, { path: '/goodbye' });
	// A damaged or forged cookie still gets the plain message, with the counts it got right.
	return { removed: readRemoved(raw) };
};
