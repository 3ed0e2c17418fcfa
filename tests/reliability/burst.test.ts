import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Learner } from '../support/learner';
import { startServer, tempDatabase, type RunningServer } from '../support/server';

let server: RunningServer;
beforeAll(async () => (server = await startServer(tempDatabase())));
afterAll(async () => server?.stop());

describe('a burst of 100 sign-ins', () => {
	it('queues its password hashing without stalling other pages', async () => {
		let finished = 0;
		const burst = Array.from({ length: 100 }, (_, i) =>
			new Learner(`burst-${i}`).signIn(server.base, 'not the password').then((r) => {
				finished++;
				return r;
			})
		);
		// Let the burst reach the server, then ask for pages that need no hashing.
		await new Promise((r) => setTimeout(r, 50));
		const pages: number[] = [];
		for (const path of ['/', '/help', '/login', '/']) {
			const res = await fetch(`${server.base}${path}`);
			expect(res.status).toBe(200);
			pages.push(finished);
		}
		const results = await Promise.all(burst);
		expect(results.every((r) => r.status === 400)).toBe(true);
		// Every page was answered while most of the burst was still waiting its turn.
		expect(Math.max(...pages)).toBeLessThan(50);
	});
});
