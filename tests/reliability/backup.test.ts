import { execFile } from 'node:child_process';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Learner, reflectionIds } from '../support/learner';
import { startServer, tempDatabase } from '../support/server';
import { missingAcks, type Ack } from './verify';

const run = promisify(execFile);

describe('npm run db:backup', () => {
	it('copies a live database consistently, and a learner signs in from the copy', async () => {
		const database = tempDatabase();
		const server = await startServer(database);
		const learner = new Learner(`backup-${Date.now().toString(36)}`);
		await learner.signUp(server.base);
		const acks: Ack[] = [];
		let revision = 0;
		let saving = true;
		// Saves keep landing while the backup runs.
		const busy = (async () => {
			for (let n = 0; saving; n++) {
				const r = await learner.reflect(server.base, reflectionIds[0], `draft ${n}`, revision);
				if (r.type === 'success') {
					revision = Number(r.data!.revision);
					acks.push({
						username: learner.username,
						exercise: reflectionIds[0],
						revision,
						body: `draft ${n}`
					});
				}
			}
		})();
		// Start the backup only once some saves are acknowledged (a busy machine may take a while).
		while (acks.length < 5) await new Promise((r) => setTimeout(r, 20));
		const copy = join(dirname(database), 'copy', 'backup.db');
		const ackedBeforeBackup = [...acks];
		const { stdout } = await run(process.execPath, ['scripts/backup.js', copy], {
			env: { ...process.env, DATABASE_URL: `file:${database}` }
		});
		saving = false;
		await busy;
		await server.stop();
		expect(stdout).toContain('Backed up');

		// Every save acknowledged before the backup began is in the copy.
		expect(ackedBeforeBackup.length).toBeGreaterThan(0);
		expect(await missingAcks(copy, ackedBeforeBackup)).toEqual([]);

		const restored = await startServer(copy);
		const again = new Learner(learner.username);
		expect((await again.signIn(restored.base)).type).toBe('redirect');
		expect((await again.get(restored.base, '/learn')).status).toBe(200);
		await restored.stop();
		await expect(
			run(process.execPath, ['scripts/backup.js', copy], {
				env: { ...process.env, DATABASE_URL: `file:${database}` }
			})
		).rejects.toThrow(/exists already/);
	});
});
