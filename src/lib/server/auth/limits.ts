import type { ThrottleRule } from './throttle';

const MINUTE = 60_000;

function limitFromEnv(name: string, fallback: number): number {
	const value = Number(process.env[name]);
	return Number.isInteger(value) && value > 0 ? value : fallback;
}

/**
 * Per username: slows guessing one learner's password to a crawl. Per client address: stops one
 * machine trying many usernames, yet leaves room for a household or office behind one address.
 * The counts can be raised by environment variable (the end-to-end suite signs up many learners
 * from one address).
 */
export const LOGIN_PER_USERNAME: ThrottleRule = { limit: limitFromEnv('LOGIN_LIMIT_PER_USERNAME', 10), windowMs: 15 * MINUTE };
export const LOGIN_PER_CLIENT: ThrottleRule = { limit: limitFromEnv('LOGIN_LIMIT_PER_CLIENT', 100), windowMs: 15 * MINUTE };
export const SIGNUP_PER_CLIENT: ThrottleRule = { limit: limitFromEnv('SIGNUP_LIMIT_PER_CLIENT', 20), windowMs: 60 * MINUTE };
