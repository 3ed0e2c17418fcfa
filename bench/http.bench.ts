import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { parse } from 'devalue';
import { it, onTestFinished } from 'vitest';
import { buildCatalog, onePageHref, stepHref } from '../src/lib/course/catalog';
import { lessonSteps } from '../src/lib/course/steps';
import { readCourseFiles } from '../src/lib/course/read-files';
import { createSession } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/db/client';
import { users } from '../src/lib/server/db/schema';
import { startServer, tempDatabase } from '../tests/support/server';
import { printTable } from './report';
import { seedLearners, seedYearOfCheckIns } from './seed';

const catalog = buildCatalog(readCourseFiles(process.cwd()));
const lesson = catalog.lessons[0];
/** The whole lesson on one page: where its forms post too (they are the same on every step). */
const lessonPath = onePageHref(lesson);
const steps = lessonSteps(lesson);
/** A step of each kind a learner spends most of a lesson on: a part of the reading, and a question. */
const readingStep = stepHref(
	lesson,
	steps.findIndex((s) => s.kind === 'reading' && s.part > 0) + 1
);
const questionStep = stepHref(lesson, steps.findIndex((s) => s.kind === 'question') + 1);
const reflection = lesson.exercises.find((e) => e.kind === 'reflection')!;
const question = lesson.exercises.find((e) => e.kind === 'single' || e.kind === 'multiple')!;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
/**
 * Rounds, each running every route at 10 and at 50 connections: this VM's speed drifts by tens of
 * percent over minutes, so each row is the median of runs spread across the whole benchmark. Ratios
 * and the 10-vs-50 comparison then set rows measured under the same conditions side by side.
 */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (values: number[]) =>
	[...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

interface Context {
	headers?: Record<string, string>;
	revision?: number;
}

/** CPU time (user + system) a process has used, in µs; Linux counts it in 10 ms ticks. */
function cpuMicros(pid: number) {
	const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
	return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * One autocannon run. `serverPid` adds the server's CPU time per request: autocannon shares the
 * two cores, so throughput alone mixes the server's cost with the load generator's.
 */
async function load(
	url: string,
	connections: number,
	requests: autocannon.Request[],
	serverPid?: number,
	duration = SECONDS
) {
	const cpuBefore = serverPid && cpuMicros(serverPid);
	const result = await autocannon({ url, connections, duration, requests });
	return {
		rps: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx,
		cpuPerRequest:
			serverPid && cpuBefore !== undefined
				? (cpuMicros(serverPid) - cpuBefore) / result.requests.total
				: NaN
	};
}

it('server throughput and latency against its ceilings', async () => {
	const path = tempDatabase();
	const db = await openDatabase({ url: `file:${path}`, migrationsFolder: resolve('drizzle') });
	seedLearners(path, catalog, Number(process.env.BENCH_HTTP_LEARNERS ?? 2_000));
	const learnerIds = (await db.$reads.select({ id: users.id }).from(users).limit(120)).map(
		(u) => u.id
	);
	const sessionCookies = (ids: string[]) =>
		Promise.all(ids.map(async (id) => `heard_session=${(await createSession(db, id)).token}`));
	const cookies = await sessionCookies(learnerIds.slice(0, 60));
	// Another sixty learners who have checked in every week for a year: the most a course map draws.
	seedYearOfCheckIns(path, learnerIds.slice(60));
	const yearCookies = await sessionCookies(learnerIds.slice(60));
	db.$client.close();

	const server = await startServer(path);
	// Stopped however the run ends: a failed one must not leave it running, holding its port.
	onTestFinished(() => server.stop());
	let next = 0;
	// autocannon shares this machine's two cores with the server: per request it only reuses the
	// connection's headers, and reads a response only when the next request depends on it.
	const asLearner = (
		method: 'GET' | 'POST',
		path: string,
		body?: (c: Context) => string,
		tracksRevision = false,
		from = cookies
	): autocannon.Request => ({
		method,
		path,
		setupRequest: (req, context: Context) => {
			context.headers ??= {
				cookie: from[next++ % from.length],
				...(method === 'POST' && {
					origin: server.base,
					'content-type': 'application/x-www-form-urlencoded',
					'x-sveltekit-action': 'true',
					accept: 'application/json'
				})
			};
			return { ...req, headers: context.headers, body: body?.(context) };
		},
		onResponse: tracksRevision
			? (_status, responseBody, context: Context) => {
					const json = JSON.parse(responseBody);
					const data = json.data ? parse(json.data) : {};
					// A save refused as stale tells us the newer revision: the next one starts from it.
					context.revision = Number(
						data.revision ?? data.theirs?.revision ?? context.revision ?? 0
					);
				}
			: undefined
	});

	const lessonHtml = await (
		await fetch(`${server.base}${lessonPath}`, { headers: { cookie: cookies[0] } })
	).text();
	const bare = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(lessonHtml);
	});
	await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
	const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/`;

	const routes: [string, string, autocannon.Request[]][] = [
		['bare node:http, lesson HTML', bareUrl, [{ method: 'GET', path: '/' }]],
		['signed-out page, no database', `${server.base}/help`, [{ method: 'GET', path: '/help' }]],
		// Not a target: the same small page signed in, which parts the lesson page's cost into the
		// session check and the rest (its own queries, and rendering four times the HTML).
		['same page, signed in', server.base, [asLearner('GET', '/help')]],
		// Budget: each step p99 under 50 ms at 10 connections, at least half the signed-out page's rate.
		['lesson step: reading', server.base, [asLearner('GET', readingStep)]],
		['lesson step: a question', server.base, [asLearner('GET', questionStep)]],
		['whole lesson on one page', server.base, [asLearner('GET', lessonPath)]],
		['course map', server.base, [asLearner('GET', '/learn')]],
		// Budget: p99 under 50 ms at 10 connections, with its check-ins chart and review count.
		[
			'course map, a year of check-ins',
			server.base,
			[asLearner('GET', '/learn', undefined, false, yearCookies)]
		],
		[
			'save reflection',
			server.base,
			[
				asLearner(
					'POST',
					`${lessonPath}?/reflect`,
					(c) =>
						new URLSearchParams({
							exercise: reflection.id,
							revision: String(c.revision ?? 0),
							body: `bench ${Date.now()}`
						}).toString(),
					true
				)
			]
		],
		[
			'check quiz answer',
			server.base,
			[
				asLearner('POST', `${lessonPath}?/answer`, () =>
					new URLSearchParams({ exercise: question.id, option: question.options[0].id }).toString()
				)
			]
		]
	];

	// Warm-up: the JIT and SQLite's page cache settle before anything is recorded.
	for (const [, url, requests] of routes) await load(url, 10, requests, undefined, 2);
	const pid = server.process.pid!;
	const runs = new Map<string, Awaited<ReturnType<typeof load>>[]>();
	for (let round = 0; round < ROUNDS; round++) {
		for (const connections of [10, 50]) {
			for (const [name, url, requests] of routes) {
				const key = `${name}|${connections}`;
				// The bare server runs in this process, beside autocannon: its CPU cannot be told apart.
				runs.set(key, [
					...(runs.get(key) ?? []),
					await load(url, connections, requests, url === bareUrl ? undefined : pid)
				]);
			}
		}
	}
	const measured = [...runs]
		.map(([key, results]) => {
			const [name, connections] = key.split('|');
			return {
				name,
				connections: Number(connections),
				rps: median(results.map((r) => r.rps)),
				p50: median(results.map((r) => r.p50)),
				p99: median(results.map((r) => r.p99)),
				errors: results.reduce((sum, r) => sum + r.errors, 0),
				cpu: median(results.map((r) => r.cpuPerRequest))
			};
		})
		.sort((a, b) => a.connections - b.connections);
	const ceiling = (name: string, connections: number) =>
		measured.find((m) => m.name === name && m.connections === connections)!.rps;
	printTable(
		`HTTP: production build, median of ${ROUNDS} rounds of ${SECONDS}s runs (every row once per round), database seeded with learners (autocannon)`,
		[
			'route',
			'conns',
			'req/s',
			'p50 ms',
			'p99 ms',
			'errors',
			'server CPU µs/req',
			'vs bare',
			'vs framework'
		],
		measured.map((m) => [
			m.name,
			String(m.connections),
			String(m.rps),
			String(m.p50),
			String(m.p99),
			String(m.errors),
			Number.isNaN(m.cpu) ? '—' : String(Math.round(m.cpu)),
			(m.rps / ceiling('bare node:http, lesson HTML', m.connections)).toFixed(2),
			(m.rps / ceiling('signed-out page, no database', m.connections)).toFixed(2)
		])
	);
	bare.close();
});
