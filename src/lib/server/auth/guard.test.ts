import { describe, expect, it } from 'vitest';
import { safeNext } from './guard';

describe('where sign-in may send the learner next', () => {
	it('keeps paths on this site, with their query and fragment', () => {
		expect(safeNext('/journal')).toBe('/journal');
		expect(safeNext('/learn/m/l?x=1#reflect')).toBe('/learn/m/l?x=1#reflect');
		expect(safeNext('/learn/%2F%2Fexample.com')).toBe('/learn/%2F%2Fexample.com');
	});

	it('falls back for anything that could leave the site', () => {
		const offSite = [
			'//example.com/x',
			'/\\example.com/x',
			'\\\\example.com',
			'/\t/example.com/x',
			'/\n/example.com',
			'/\r/example.com',
			'\t//example.com',
			'/./\\example.com',
			'/.//example.com',
			'/..//example.com',
			'https://example.com/x',
			'http:example.com',
			'javascript:alert(1)',
			'example.com',
			'%2F%2Fexample.com',
			'/%09/example.com'.replace('%09', '\u0009')
		];
		for (const next of offSite) expect(safeNext(next), JSON.stringify(next)).toBe('/learn');
	});

	it('falls back for control characters, which would break the Location header', () => {
		for (const next of ['/journal\n', '/jour\u000bnal', '/a\u0000b', '/a\u007fb', '/a\u0085b']) {
			expect(safeNext(next), JSON.stringify(next)).toBe('/learn');
		}
	});

	it('falls back for nothing at all, and takes another default when asked', () => {
		expect(safeNext(null)).toBe('/learn');
		expect(safeNext('')).toBe('/learn');
		expect(safeNext('//example.com', '/')).toBe('/');
	});

	it('sends non-ASCII paths percent-encoded, so the header stays valid', () => {
		expect(safeNext('/learn/é')).toBe('/learn/%C3%A9');
		expect(safeNext('/a\u2028b?q=🙂')).toBe('/a%E2%80%A8b?q=%F0%9F%99%82');
	});
});
