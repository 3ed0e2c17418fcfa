export const USERNAME_PATTERN = /^[a-z0-9_-]{3,32}$/;

export function normalizeUsername(username: string): string {
	return username.trim().toLowerCase();
}

export function usernameProblem(username: string): string | null {
	return USERNAME_PATTERN.test(normalizeUsername(username))
		? null
		: 'Username must be 3–32 characters: letters a–z, digits, _ or -.';
}
