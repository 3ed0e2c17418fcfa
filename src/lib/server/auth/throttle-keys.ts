import { createHash } from 'node:crypto';

/** What a throttle counts; each kind has its rule in LIMITS (throttle.ts), the same name. */
export type ThrottleKind =
	| 'loginPerUsername'
	| 'loginPerClient'
	| 'signupPerClient'
	| 'recoveryPerUsername'
	| 'recoveryPerClient'
	| 'passwordPerSession';

/**
 * A counter's key: its kind, then a SHA-256 of what it counts (a normalised username, a client
 * address, a session id). Always 60-odd characters, whatever was submitted, and no username or
 * address in the clear. Free of app settings, so tests can find a learner's counters too.
 */
export function throttleKey(kind: ThrottleKind, value: string): string {
	return `${kind}:${createHash('sha256').update(value).digest('base64url')}`;
}

/** The counters kept under a learner's (normalised) name and sessions: deleted with the account. */
export function learnerThrottleKeys(username: string, sessionIds: string[] = []): string[] {
	return [
		throttleKey('loginPerUsername', username),
		throttleKey('recoveryPerUsername', username),
		...sessionIds.map((id) => throttleKey('passwordPerSession', id))
	];
}
