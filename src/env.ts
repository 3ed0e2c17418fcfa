import { defineEnvVars } from '@sveltejs/kit/env';
import { z } from 'zod';

// Every setting the app reads from its environment, checked when the server starts: a bad value
// stops it with the variable's name instead of surfacing as odd behaviour later. Defaults live
// with the code that uses them (an unset variable is `undefined`). adapter-node reads its own
// (PORT, ORIGIN, BODY_SIZE_LIMIT, ADDRESS_HEADER, XFF_DEPTH …) itself.

const text = z.string().min(1).optional();
/** A positive whole number. */
const count = z
	.string()
	.regex(/^[1-9]\d*$/, 'must be a whole number above 0')
	.transform(Number)
	.optional();

export const variables = defineEnvVars({
	DATABASE_URL: {
		schema: text,
		description: 'libSQL URL: file:path/to.db (default file:data/heard.db), libsql://… or https://…'
	},
	DATABASE_AUTH_TOKEN: {
		schema: text,
		description: 'Auth token for a remote libSQL server or Turso'
	},
	MIGRATIONS_DIR: {
		schema: text,
		description: 'Folder of SQL migrations (default drizzle), relative to the working directory'
	},
	QUICK_EXIT_URL: {
		schema: z.url({ protocol: /^https?$/ }).optional(),
		description: 'Where Exit and Shift×3 go (default a weather page)'
	},
	LOGIN_LIMIT_PER_USERNAME: {
		schema: count,
		description: 'Password tries per username per 15 minutes (default 10)'
	},
	LOGIN_LIMIT_PER_CLIENT: {
		schema: count,
		description: 'Sign-in tries per client address per 15 minutes (default 100)'
	},
	SIGNUP_LIMIT_PER_CLIENT: {
		schema: count,
		description: 'Sign-ups per client address per hour (default 20)'
	},
	RECOVERY_LIMIT_PER_USERNAME: {
		schema: count,
		description: 'Recovery-code tries per username per hour (default 5)'
	},
	RECOVERY_LIMIT_PER_CLIENT: {
		schema: count,
		description: 'Recovery-code tries per client address per hour (default 20)'
	},
	PASSWORD_LIMIT_PER_SESSION: {
		schema: count,
		description:
			'Wrong passwords a signed-in session may give (password change, new recovery code, account deletion) in a day before it is signed out (default 5)'
	}
});
