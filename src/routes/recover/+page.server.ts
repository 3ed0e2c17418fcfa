import { fail } from '@sveltejs/kit';
import { resetWithRecoveryCode } from '$lib/server/auth/recovery';
import { startSession } from '$lib/server/auth/session';
import { getDb } from '$lib/server/db';
import { readForm, textField } from '$lib/server/http/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async (event) => {
		const form = await readForm(event.request, ['username', 'code', 'password']);
		const username = textField(form, 'username') ?? '';
		const code = textField(form, 'code') ?? '';
		const password = textField(form, 'password') ?? '';
		if (!username || !code)
			return fail(400, {
				username,
				field: 'form',
				message: 'Enter your username and recovery code.'
			});
		const db = await getDb();
		const result = await resetWithRecoveryCode(db, {
			username,
			code,
			password,
			client: event.getClientAddress()
		});
		if (!result.ok)
			return fail(result.status, { username, field: result.field, message: result.message });
		await startSession(db, event, result.user);
		return { recoveryCode: result.newCode };
	}
};
