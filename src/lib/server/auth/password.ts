import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { isCommonPassword } from './common-passwords';
import { limitHashing } from './hash-limit';

// `Algorithm` is a const enum, which isolatedModules cannot read at runtime; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** OWASP's Argon2id minimum; spelled out because the library's defaults are weaker. */
const ARGON2_OPTIONS: Options = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/** Passwords are compared after NFKC so the same characters typed on two keyboards match. */
export function normalizePassword(password: string): string {
	return password.normalize('NFKC');
}

/** Returns a message for the learner, or null when the password is acceptable. */
export function passwordProblem(password: string): string | null {
	const length = [...normalizePassword(password)].length;
	if (length < PASSWORD_MIN) return `Password must be at least ${PASSWORD_MIN} characters.`;
	if (length > PASSWORD_MAX) return `Password must be at most ${PASSWORD_MAX} characters.`;
	if (isCommonPassword(normalizePassword(password))) {
		return 'That password is one of the most common, so it is easy to guess. Please choose another.';
	}
	return null;
}

export function hashPassword(password: string): Promise<string> {
	return limitHashing(() => hash(normalizePassword(password), ARGON2_OPTIONS));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	try {
		return await limitHashing(() => verify(passwordHash, normalizePassword(password)));
	} catch {
		return false;
	}
}
