import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/** The first of `candidates` that exists; a path named by an environment variable must exist. */
function findBrowser(variable: string, candidates: string[]): string | undefined {
	const named = process.env[variable];
	if (named && !existsSync(named)) throw new Error(`${variable}=${named} does not exist`);
	return [named, ...candidates].find((p) => p && existsSync(p));
}

// Debian's builds here; Playwright's own download cannot be fetched on these machines.
const fullChromium = findBrowser('CHROMIUM_PATH', [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser'
]);
// Chromium's headless shell, as Playwright itself runs headless tests: the same engine without the
// browser around it, which took the suite from 4 minutes to 2.5 on two cores. It has no
// back/forward cache, so the tests of what Back shows run in the full browser.
const headlessShell =
	findBrowser('CHROMIUM_HEADLESS_SHELL_PATH', ['/usr/bin/chromium-headless-shell']) ?? fullChromium;

// Each run serves the built app on a fresh database in a temp folder.
const dbDir = process.env.HEARD_E2E_DB_DIR ?? mkdtempSync(join(tmpdir(), 'heard-e2e-'));
process.env.HEARD_E2E_DB_DIR = dbDir; // workers re-read this config: keep one folder

/** Desktop Chrome's settings on one of the builds above (undefined: Playwright's own, if installed). */
const chromium = (executablePath: string | undefined) => ({
	...devices['Desktop Chrome'],
	launchOptions: {
		executablePath,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--no-first-run'
		]
	}
});
const BACK_FORWARD_CACHE = '**/back-forward-cache.spec.ts';

export default defineConfig({
	testDir: 'tests/e2e',
	fullyParallel: true,
	workers: 4,
	retries: 0,
	reporter: [['list']],
	use: {
		// The server listens on a port the OS picks; its ready line names it (see webServer.wait).
		baseURL: process.env.HEARD_E2E_URL,
		// Recording a trace of every test (to keep the failing ones) cost a third of the suite's CPU.
		// To see what a failing test saw, run it again with `--trace on`.
		trace: 'off'
	},
	projects: [
		{
			name: 'e2e',
			testMatch: '**/*.spec.ts',
			testIgnore: BACK_FORWARD_CACHE,
			use: chromium(headlessShell)
		},
		{ name: 'e2e-full-browser', testMatch: BACK_FORWARD_CACHE, use: chromium(fullChromium) },
		// Pictures of every page for checking by eye (npm run screenshots), not a test of behaviour.
		{
			name: 'screenshots',
			testDir: 'tests/screenshots',
			testMatch: '**/*.shots.ts',
			use: chromium(fullChromium)
		}
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
