import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Learner, questions, reflectionIds } from '../support/learner';
import { startServer, tempDatabase, type RunningServer } from '../support/server';
import { missingAcks, sampleText, type Ack } from './verify';

const database = tempDatabase();
let a: RunningServer;
let b: RunningServer;
beforeAll(async () => {
	a = await startServer(database);
	b = await startServer(database);
});
afterAll(async () => {
	await a?.stop();
	await b?.stop();
});

describe('two app servers on one database act as one', () => {
	it('one session, one progress, one throttle count', async () => {
		const learner = new Learner(`cluster-${Date.now().toString(36)}`);
		expect((await learner.signUp(a.base)).type).toBe('success');
		expect((await learner.get(b.base, '/learn')).status).toBe(200);

		expect((await learner.answer(b.base, questions[0], true)).type).toBe('success');
		expect((await learner.reflect(a.base, reflectionIds[0], 'written on A', 0)).type).toBe(
			'success'
		);
		const stale = await learner.reflect(
			b.base,
			reflectionIds[0],
			'written on B from a stale copy',
			0
		);
		expect(stale).toMatchObject({ type: 'failure', status: 409 });
		const exported = await (await learner.get(b.base, '/account/export')).json();
		expect(exported.quizAttempts).toHaveLength(1);
		expect(exported.reflections[0].text).toBe('written on A');

		const guesser = new Learner(learner.username);
		for (let i = 0; i < 10; i++) {
			expect((await guesser.signIn(i % 2 ? a.base : b.base, `wrong ${i}`)).status).toBe(400);
		}
		const refused = await guesser.signIn(a.base);
		expect(refused).toMatchObject({ type: 'failure', status: 429 });
		expect((await guesser.signIn(b.base)).status).toBe(429);
	});

	it('under load from 50 learners on both servers, nothing fails and every acknowledged save is stored', async () => {
		const seconds = Number(process.env.RELIABILITY_SECONDS ?? 30);
		const learners = Array.from(
			{ length: 50 },
			(_, i) => new Learner(`load-${i}-${Date.now().toString(36)}`)
		);
		const servers = [a.base, b.base];
		await Promise.all(
			learners.map((l, i) => l.signUp(servers[i % 2]).then((r) => expect(r.type).toBe('success')))
		);

		const acks: Ack[] = [];
		const failures: string[] = [];
		let requests = 0;
		const deadline = Date.now() + seconds * 1000;
		await Promise.all(
			learners.map(async (learner, i) => {
				let revision = 0;
				for (let n = 0; Date.now() < deadline; n++) {
					const server = servers[(i + n) % 2];
					const body = sampleText(i, n);
					const saved = await learner.reflect(server, reflectionIds[0], body, revision);
					requests++;
					if (saved.type === 'success') {
						revision = Number(saved.data!.revision);
						acks.push({ username: learner.username, exercise: reflectionIds[0], revision, body });
					} else failures.push(`save: ${saved.type} ${saved.status}`);
					const answered = await learner.answer(
						servers[(i + n + 1) % 2],
						questions[n % questions.length],
						n % 3 !== 0
					);
					requests++;
					if (answered.type !== 'success')
						failures.push(`answer: ${answered.type} ${answered.status}`);
				}
			})
		);
		expect(failures).toEqual([]);
		expect(requests).toBeGreaterThan(100);
		expect(await missingAcks(database, acks)).toEqual([]);
		expect(a.output() + b.output()).not.toMatch(/SQLITE_BUSY|database is locked/i);
	});
});
