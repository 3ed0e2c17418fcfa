import { describe, expect, it } from 'vitest';
import { Learner, reflectionIds } from '../support/learner';
import { startServer, tempDatabase } from '../support/server';
import { integrityCheck, missingAcks, sampleText, type Ack } from './verify';

describe('killing the server with SIGKILL while learners save', () => {
	it('loses no acknowledged save and leaves the database intact, round after round', async () => {
		const database = tempDatabase();
		const learners = Array.from(
			{ length: 10 },
			(_, i) => new Learner(`crash-${i}-${Date.now().toString(36)}`)
		);
		const revisions = new Map<Learner, number>();
		const acks: Ack[] = [];
		let server = await startServer(database);
		await Promise.all(learners.map((l) => l.signUp(server.base)));

		for (let round = 0; round < 5; round++) {
			let stop = false;
			const saving = Promise.all(
				learners.map(async (learner, i) => {
					for (let n = 0; !stop; n++) {
						const body = sampleText(i, round * 10_000 + n);
						try {
							const saved = await learner.reflect(
								server.base,
								reflectionIds[0],
								body,
								revisions.get(learner) ?? 0
							);
							if (saved.type === 'success') {
								revisions.set(learner, Number(saved.data!.revision));
								acks.push({
									username: learner.username,
									exercise: reflectionIds[0],
									revision: Number(saved.data!.revision),
									body
								});
							} else if (saved.data?.theirs) {
								// A save the kill cut off before its answer did land: carry on from it ("keep mine").
								revisions.set(learner, (saved.data.theirs as { revision: number }).revision);
							}
						} catch {
							return; // the connection died with the server: this save was never acknowledged
						}
					}
				})
			);
			await new Promise((r) => setTimeout(r, 700 + round * 150));
			await server.kill9();
			stop = true;
			await saving;

			expect(await integrityCheck(database)).toBe('ok');
			expect(await missingAcks(database, acks)).toEqual([]);
			server = await startServer(database);
			// Sessions survive the crash too: the learners carry on where they were.
			expect((await learners[0].get(server.base, '/learn')).status).toBe(200);
		}
		expect(acks.length).toBeGreaterThan(50);
		await server.stop();
	});
});
