import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

const PORT = 4173;

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

export default defineConfig({
	testDir: 'tests',
	testMatch: '**/*.spec.ts',
	fullyParallel: true,
	workers: 2,
	retries: 0,
	reporter: process.env.CI ? [['list']] : [['list']],
	use: {
		baseURL: `http://localhost:${PORT}`,
		trace: 'retain-on-failure'
	},
	projects: [
		{
			name: 'chromium',
			use: {
				...devices['Desktop Chrome'],
				launchOptions: {
					executablePath: chromiumPath(),
					args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']
				}
			}
		}
	],
	webServer: {
		// Output goes to a file the log test reads: nothing a learner typed may appear in it.
		command: `exec node scripts/serve.js >> ${join(dbDir, 'server.log')} 2>&1`,
		port: PORT,
		reuseExistingServer: false,
		env: {
			PORT: String(PORT),
			ORIGIN: `http://localhost:${PORT}`,
			DATABASE_URL: `file:${join(dbDir, 'heard.db')}`,
			// Every test learner signs up from 127.0.0.1; the per-address limits are tested on their own.
			SIGNUP_LIMIT_PER_CLIENT: '10000',
			LOGIN_LIMIT_PER_CLIENT: '10000'
		}
	}
});
