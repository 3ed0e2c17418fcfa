import type { Database } from '../db/client';
import { authenticate, normalizeUsername, signUp } from './accounts';
import { LOGIN_PER_CLIENT, LOGIN_PER_USERNAME, SIGNUP_PER_CLIENT } from './limits';
import { checkThrottles, clearThrottle, throttleKeys } from './throttle';

export type SignInResult =
	| { ok: true; user: { id: string; username: string } }
	| { ok: false; status: 400 | 429; message: string };

/**
 * Sign-in with its limits. Every attempt counts before the password is checked, so parallel
 * guesses cannot slip past the limit; a success clears the username's count.
 */
export async function signIn(db: Database, username: string, password: string, client: string): Promise<SignInResult> {
	const name = normalizeUsername(username);
	const refused = await checkThrottles(db, [
		[throttleKeys.loginByUsername(name), LOGIN_PER_USERNAME],
		[throttleKeys.loginByClient(client), LOGIN_PER_CLIENT]
	]);
	if (refused) return { ok: false, status: 429, message: refused };
	const user = await authenticate(db, name, password);
	// One message for both cases, so the form does not reveal which usernames exist.
	if (!user) return { ok: false, status: 400, message: 'Wrong username or password.' };
	await clearThrottle(db, throttleKeys.loginByUsername(name));
	return { ok: true, user };
}

/** Sign-up with a per-address limit, so one machine cannot mass-create accounts. */
export async function signUpLimited(db: Database, username: string, password: string, client: string) {
	const refused = await checkThrottles(db, [[throttleKeys.signupByClient(client), SIGNUP_PER_CLIENT]]);
	if (refused) return { ok: false as const, status: 429 as const, field: 'form' as const, message: refused };
	const result = await signUp(db, username, password);
	return result.ok ? result : { ...result, status: 400 as const };
}
