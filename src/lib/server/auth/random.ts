import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** 120 bits from the CSPRNG as 24 lower-case base32 characters (Lucia's token alphabet). */
export function randomToken(): string {
	return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(15)));
}
