import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export function tempDatabase(): string {
	return join(mkdtempSync(join(tmpdir(), 'heard-reliability-')), 'heard.db');
}

/**
 * A port nothing listens on, picked by the OS. A port counted up from a fixed base was given again
 * to the next run while a server left behind by a failed one still held it.
 */
async function freePort(): Promise<number> {
	const probe = createServer();
	await new Promise<void>((resolve) => probe.listen(0, () => resolve()));
	const { port } = probe.address() as AddressInfo;
	await new Promise((resolve) => probe.close(resolve));
	return port;
}

/**
 * Servers still running when the test process ends. A test that timed out never reached its
 * stop(), and its server stayed behind for hours, holding CPU and skewing the next bench.
 */
const running = new Set<ChildProcess>();
function killRunning() {
	for (const child of running) child.kill('SIGKILL');
}
process.once('exit', killRunning);
// Vitest ends a worker with SIGTERM, which skips 'exit' handlers unless the signal is handled.
process.once('SIGTERM', () => {
	killRunning();
	process.exit(143);
});

export interface RunningServer {
	base: string;
	process: ChildProcess;
	output: () => string;
	/** SIGKILL: no shutdown work at all, as in a crash or an OOM kill. */
	kill9: () => Promise<void>;
	stop: () => Promise<void>;
}

/** Starts the production build (scripts/serve.js) on a database file; resolves once it listens. */
export async function startServer(databasePath: string): Promise<RunningServer> {
	const port = await freePort();
	const base = `http://localhost:${port}`;
	let output = '';
	const child = spawn(process.execPath, ['scripts/serve.js'], {
		env: {
			...process.env,
			PORT: String(port),
			ORIGIN: base,
			DATABASE_URL: `file:${databasePath}`,
			// Many test learners come from 127.0.0.1; the per-address limits have their own tests.
			SIGNUP_LIMIT_PER_CLIENT: '100000',
			LOGIN_LIMIT_PER_CLIENT: '100000'
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	running.add(child);
	const exited = new Promise<void>((resolve) =>
		child.once('exit', () => {
			running.delete(child);
			resolve();
		})
	);
	await new Promise<void>((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`server on ${port} did not start:\n${output}`));
		}, 20_000);
		const onData = (chunk: Buffer) => {
			output += chunk.toString();
			if (output.includes('Heard is ready')) {
				clearTimeout(timer);
				resolve();
			}
		};
		child.stdout!.on('data', onData);
		child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
		child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
	});
	return {
		base,
		process: child,
		output: () => output,
		kill9: async () => {
			child.kill('SIGKILL');
			await exited;
		},
		stop: async () => {
			child.kill('SIGTERM');
			await exited;
		}
	};
}
