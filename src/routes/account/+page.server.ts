import { fail, redirect, type Cookies } from '@sveltejs/kit';
import {
	changePassword,
	checkSessionPassword,
	type PasswordCheck
} from '$lib/server/auth/accounts';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { replaceRecoveryCode } from '$lib/server/auth/recovery';
import {
	deviceTag,
	invalidateOwnSession,
	invalidateUserSessions,
	listUserSessions
} from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { isSecureCookie } from '$lib/server/http/policy.js';
import { readForm, textField } from '$lib/server/http/forms';
import { deleteAccount, REMOVED_COOKIE, resetProgress } from '$lib/server/account/deletion';
import { deviceName } from '$lib/device-name';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const sessions = await listUserSessions(await getDb(), locals.user!.id);
	return {
		username: locals.user!.username,
		devices: sessions.map((s) => ({
			id: s.id,
			tag: deviceTag(s.id),
			name: deviceName(s.userAgent),
			signedInAt: s.createdAt.toISOString(),
			lastUsedAt: s.lastVerifiedAt.toISOString(),
			current: s.id === locals.session?.id
		}))
	};
};

/** A refused password check (wrong, or too many tries); a session it ended loses its cookie too. */
function refused(
	action: string,
	field: string,
	check: Exclude<PasswordCheck, { ok: true }>,
	cookies: Cookies,
	url: URL
) {
	if (check.signedOut) deleteSessionCookie(cookies, url);
	return fail(check.status, { action, field, message: check.message });
}

export const actions: Actions = {
	password: async ({ locals, request, cookies, url }) => {
		const form = await readForm(request, ['current', 'password']);
		const result = await changePassword(
			await getDb(),
			locals.user!,
			locals.session!.id,
			textField(form, 'current') ?? '',
			textField(form, 'password') ?? ''
		);
		if (!result.ok) return refused('password', result.field, result, cookies, url);
		return {
			action: 'password',
			done: 'Your password is changed, and every other device is signed out.'
		};
	},

	recovery: async ({ locals, request, cookies, url }) => {
		const form = await readForm(request, ['password']);
		const db = await getDb();
		const check = await checkSessionPassword(
			db,
			locals.user!,
			locals.session!.id,
			textField(form, 'password') ?? ''
		);
		if (!check.ok) return refused('recovery', 'password', check, cookies, url);
		return { action: 'recovery', recoveryCode: await replaceRecoveryCode(db, locals.user!.id) };
	},

	signOutDevice: async ({ locals, request, cookies, url }) => {
		const form = await readForm(request, ['session']);
		const sessionId = textField(form, 'session');
		if (!sessionId)
			return fail(400, { action: 'devices', message: 'Choose a device to sign out.' });
		// Only the learner's own sessions match; anyone else's id is simply not found.
		if (!(await invalidateOwnSession(await getDb(), locals.user!.id, sessionId))) {
			return fail(404, { action: 'devices', message: 'That device is already signed out.' });
		}
		if (sessionId === locals.session!.id) {
			deleteSessionCookie(cookies, url);
			redirect(303, '/');
		}
		return { action: 'devices', done: 'That device is signed out.' };
	},

	signOutOthers: async ({ locals, request }) => {
		await readForm(request, []);
		await invalidateUserSessions(await getDb(), locals.user!.id, locals.session!.id);
		return { action: 'devices', done: 'Every other device is signed out.' };
	},

	reset: async ({ locals, request }) => {
		const form = await readForm(request, ['confirm', 'reflections', 'checkIns']);
		const keep = textField(form, 'reflections');
		const keepCheckIns = textField(form, 'checkIns');
		if (
			textField(form, 'confirm') !== 'yes' ||
			(keep !== 'keep' && keep !== 'delete') ||
			(keepCheckIns !== 'keep' && keepCheckIns !== 'delete')
		) {
			return fail(400, {
				action: 'reset',
				message:
					'Tick the box to confirm, and choose what happens to your reflections and check-ins.'
			});
		}
		await resetProgress(await getDb(), locals.user!.id, keep === 'keep', keepCheckIns === 'keep');
		return {
			action: 'reset',
			done: [
				keep === 'keep'
					? 'Your progress is reset. Your reflections are kept in your journal.'
					: 'Your progress and reflections are removed.',
				keepCheckIns === 'keep' ? 'Your check-ins are kept.' : 'Your check-ins are removed too.'
			].join(' ')
		};
	},

	delete: async ({ locals, request, cookies, url }) => {
		const form = await readForm(request, ['password']);
		const db = await getDb();
		const user = locals.user!;
		const check = await checkSessionPassword(
			db,
			user,
			locals.session!.id,
			textField(form, 'password') ?? '',
			'That password is not right. Nothing was deleted.'
		);
		if (!check.ok) return refused('delete', 'password', check, cookies, url);
		const removed = await deleteAccount(db, user.id, user.username);
		deleteSessionCookie(cookies, url);
		// Counts only, read once by /goodbye: the page that says plainly what was removed.
		cookies.set(REMOVED_COOKIE, JSON.stringify(removed), {
			path: '/goodbye',
			httpOnly: true,
			sameSite: 'lax',
			maxAge: 300,
			secure: isSecureCookie(url)
		});
		redirect(303, '/goodbye');
	}
};
