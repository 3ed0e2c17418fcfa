import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { it, onTestFinished } from 'vitest';
import { buildCatalog, stepHref } from '../src/lib/course/catalog';
import { lessonSteps } from '../src/lib/course/steps';
import { readCourseFiles } from '../src/lib/course/read-files';
import { Learner } from '../tests/support/learner';
import { startServer, tempDatabase } from '../tests/support/server';
import { printTable } from './report';

const catalog = buildCatalog(readCourseFiles(process.cwd()));
const lesson = catalog.lessons[0];

it('bytes of JavaScript and CSS a lesson step loads (gzip)', async () => {
	const server = await startServer(tempDatabase());
	// Stopped however the run ends: a failed one must not leave it running, holding its port.
	onTestFinished(() => server.stop());
	const learner = new Learner(`client-${Date.now().toString(36)}`);
	await learner.signUp(server.base);
	const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
	// A question step: the lesson's reading chunk and the quiz, the most a step loads.
	const url = `${server.base}${stepHref(lesson, lessonSteps(lesson).findIndex((s) => s.kind === 'question') + 1)}`;
	const browser = await chromium.launch({ executablePath: chromiumPath, args: ['--no-sandbox'] });
	const context = await browser.newContext();
	await context.addCookies([
		{ name: 'heard_session', value: learner.cookie.split('=')[1], url: server.base }
	]);
	const page = await context.newPage();
	const sizes = { js: 0, css: 0, html: 0 };
	const counting: Promise<void>[] = [];
	page.on('response', (res) => counting.push(count(res)));
	const count = async (res: import('@playwright/test').Response) => {
		// By file, not resource type: modulepreloaded chunks are not reported as scripts.
		const path = new URL(res.url()).pathname;
		const kind = path.endsWith('.js')
			? 'js'
			: path.endsWith('.css')
				? 'css'
				: res.request().resourceType() === 'document'
					? 'html'
					: null;
		if (!kind) return;
		// Read the size before adding: `sizes[kind] += await …` would add to a stale total.
		const gzipped = gzipSync(await res.body()).length;
		sizes[kind] += gzipped;
	};
	await page.goto(url);
	await page.waitForLoadState('networkidle');
	await Promise.all(counting);
	await browser.close();

	// Lighthouse 12 (13 needs Node 22), mobile settings (its default), the system Chromium.
	mkdirSync('bench/results', { recursive: true });
	const report = 'bench/results/lighthouse-lesson-step.json';
	await promisify(execFile)('npx', [
		'--yes',
		'lighthouse@12.8.2',
		url,
		'--quiet',
		'--only-categories=performance,accessibility',
		`--extra-headers=${JSON.stringify({ cookie: learner.cookie })}`,
		`--chrome-path=${chromiumPath}`,
		'--chrome-flags=--headless=new --no-sandbox --disable-gpu',
		'--output=json',
		`--output-path=${report}`
	]);
	const lh = JSON.parse(readFileSync(report, 'utf8'));
	const score = (c: string) => String(Math.round(lh.categories[c].score * 100));
	const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
	printTable(
		'Client: a signed-in lesson step, a question (transfer sizes gzip; Lighthouse mobile)',
		['JavaScript', 'CSS', 'HTML', 'performance', 'accessibility', 'LCP'],
		[
			[
				kb(sizes.js),
				kb(sizes.css),
				kb(sizes.html),
				score('performance'),
				score('accessibility'),
				lh.audits['largest-contentful-paint'].displayValue
			]
		]
	);
	console.log(`Full Lighthouse report: ${report}`);
});
