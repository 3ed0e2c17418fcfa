import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { handleError } from './hooks.server';

afterEach(() => vi.restoreAllMocks());

function logged(error: unknown, marker: string) {
	const log = vi.spyOn(console, 'error').mockImplementation(() => {});
	const event = {
		request: new Request(`http://localhost/login?next=${marker}`, {
			method: 'POST',
			headers: { cookie: `heard_session=${marker}` }
		}),
		route: { id: '/login' }
	};
	const shown = handleError({
		error,
		event: event as unknown as RequestEvent,
		status: 500,
		message: 'Internal Error'
	});
	return { text: log.mock.calls.flat().join('\n'), shown };
}

describe('server errors', () => {
	it('are logged with status, route and error class, never text that came with the request', () => {
		const marker = `mk${Math.random().toString(36).slice(2)}`;
		// What a bad `next` once caused: Node quoting the header value it refused.
		const { text, shown } = logged(
			new TypeError(`Invalid character in header content ["location"]: "/\n/${marker}"`),
			marker
		);
		expect(text).toMatch(/^\[heard\] 500 on POST \/login: TypeError at /);
		expect(text).not.toContain(marker);
		expect(shown).toEqual({ message: expect.stringContaining('Something went wrong on our side') });
	});

	it('keep a database error’s code, not its query or parameters', () => {
		const marker = `mk${Math.random().toString(36).slice(2)}`;
		const cause = Object.assign(new Error(`SQLITE_BUSY: database is locked near ${marker}`), {
			code: 'SQLITE_BUSY'
		});
		const error = new Error(`Failed query: insert into reflections values (?)\nparams: ${marker}`, {
			cause
		});
		const { text } = logged(error, marker);
		expect(text).toContain('Error (SQLITE_BUSY)');
		expect(text).not.toContain(marker);
		expect(text).not.toContain('insert into');
	});
});
