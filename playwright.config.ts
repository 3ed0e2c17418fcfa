import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium here; Playwright's own download cannot be fetched on these machines. */
function chromiumPath(): string | undefined {
	const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
	const found = candidates.find((p) => p && existsSync(p));
	if (found) return found;
	if (process.env.CHROMIUM_PATH) throw new Error(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist`);
	return undefined; // fall back to Playwright's own browser, if installed
}

// Each run serves the built app on a fresh database in a temp folder.
const dbDir = process.env.HEARD_E2E_DB_DIR ?? mkdtempSync(join(tmpdir(), 'heard-e2e-'));
process.env.HEARD_E2E_DB_DIR = dbDir; // workers re-read this config: keep one folder

const chromium = {
	...devices['Desktop Chrome'],
	launchOptions: {
		executablePath: chromiumPath(),
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
	}
};

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: [['list']],
	use: {
		// The server listens on a port the OS picks; its ready line names it (see webServer.wait).
		baseURL: process.env.HEARD_E2E_URL,
		trace: 'retain-on-failure'
	},
	projects: [
		{ name: 'e2e', testMatch: '**/*.spec.ts', use: chromium },
		// Pictures of every page for checking by eye (npm run screenshots), not a test of behaviour.
		{ name: 'screenshots', testDir: 'tests/screenshots', testMatch: '**/*.shots.ts', use: chromium }
	],
	webServer: {
		// Output also goes to a file the log test reads: nothing a learner typed may appear in it.
		command: `node scripts/serve.js 2>&1 | tee -a ${join(dbDir, 'server.log')}`,
		wait: { stdout: /Heard is ready at (?<HEARD_E2E_URL>http:\/\/\S+)/ },
		stdout: 'ignore',
		reuseExistingServer: false,
		env: {
			PORT: '0',
			DATABASE_URL: `file:${join(dbDir, 'heard.db')}`,
			// Every test learner signs up from 127.0.0.1; the per-address limits are tested on their own.
			SIGNUP_LIMIT_PER_CLIENT: '10000',
			LOGIN_LIMIT_PER_CLIENT: '10000'
		}
	}
});
