import { createServer } from 'node:http';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import { parse } from 'devalue';
import { it } from 'vitest';
import { buildCatalog } from '../src/lib/course/catalog';
import { readCourseFiles } from '../src/lib/course/read-files';
import { createSession } from '../src/lib/server/auth/session';
import { openDatabase } from '../src/lib/server/db/client';
import { users } from '../src/lib/server/db/schema';
import { startServer, tempDatabase } from '../tests/reliability/server';
import { printTable } from './report';
import { seedLearners } from './seed';

const catalog = buildCatalog(readCourseFiles(process.cwd()));
const lesson = catalog.lessons[0];
const lessonPath = `/learn/${lesson.moduleSlug}/${lesson.slug}`;
const reflection = lesson.exercises.find((e) => e.kind === 'reflection')!;
const question = lesson.exercises.find((e) => e.kind !== 'reflection')!;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

interface Context {
	cookie?: string;
	revision?: number;
}

async function load(url: string, connections: number, requests: autocannon.Request[]) {
	const result = await autocannon({ url, connections, duration: SECONDS, requests });
	return {
		rps: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		errors: result.errors + result.timeouts + result.non2xx
	};
}

it('server throughput and latency against its ceilings', async () => {
	const path = tempDatabase();
	const db = await openDatabase({ url: `file:${path}`, migrationsFolder: resolve('drizzle') });
	seedLearners(path, catalog, Number(process.env.BENCH_HTTP_LEARNERS ?? 2_000));
	const learnerIds = (await db.select({ id: users.id }).from(users).limit(60)).map((u) => u.id);
	const cookies = await Promise.all(learnerIds.map(async (id) => `heard_session=${(await createSession(db, id)).token}`));
	db.$client.close();

	const server = await startServer(path);
	let next = 0;
	const asLearner = (method: 'GET' | 'POST', path: string, body?: (c: Context) => string): autocannon.Request => ({
		method,
		path,
		setupRequest: (req, context: Context) => {
			context.cookie ??= cookies[next++ % cookies.length];
			const headers: Record<string, string> = { cookie: context.cookie };
			if (method === 'POST') Object.assign(headers, { origin: server.base, 'content-type': 'application/x-www-form-urlencoded', 'x-sveltekit-action': 'true', accept: 'application/json' });
			return { ...req, headers, body: body?.(context) };
		},
		onResponse: (_status, responseBody, context: Context) => {
			if (method !== 'POST') return;
			const json = JSON.parse(responseBody);
			const data = json.data ? parse(json.data) : {};
			// A save refused as stale tells us the newer revision: the next one starts from it.
			context.revision = Number(data.revision ?? data.theirs?.revision ?? context.revision ?? 0);
		}
	});

	const lessonHtml = await (await fetch(`${server.base}${lessonPath}`, { headers: { cookie: cookies[0] } })).text();
	const bare = createServer((_req, res) => {
		res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
		res.end(lessonHtml);
	});
	await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()));
	const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/`;

	const routes: [string, string, autocannon.Request[]][] = [
		['bare node:http, lesson HTML', bareUrl, [{ method: 'GET', path: '/' }]],
		['signed-out page, no database', `${server.base}/help`, [{ method: 'GET', path: '/help' }]],
		['lesson page, signed in', server.base, [asLearner('GET', lessonPath)]],
		['course map', server.base, [asLearner('GET', '/learn')]],
		[
			'save reflection',
			server.base,
			[asLearner('POST', `${lessonPath}?/reflect`, (c) => new URLSearchParams({ exercise: reflection.id, revision: String(c.revision ?? 0), body: `bench ${Date.now()}` }).toString())]
		],
		[
			'check quiz answer',
			server.base,
			[asLearner('POST', `${lessonPath}?/answer`, () => new URLSearchParams({ exercise: question.id, option: question.kind === 'reflection' ? '' : question.options[0].id }).toString())]
		]
	];

	const measured: { name: string; connections: number; rps: number; p50: number; p99: number; errors: number }[] = [];
	for (const connections of [10, 50]) {
		for (const [name, url, requests] of routes) measured.push({ name, connections, ...(await load(url, connections, requests)) });
	}
	const ceiling = (name: string, connections: number) => measured.find((m) => m.name === name && m.connections === connections)!.rps;
	printTable(
		`HTTP: production build, ${SECONDS}s per row, database seeded with learners (autocannon)`,
		['route', 'conns', 'req/s', 'p50 ms', 'p99 ms', 'errors', 'vs bare', 'vs framework'],
		measured.map((m) => [
			m.name,
			String(m.connections),
			String(m.rps),
			String(m.p50),
			String(m.p99),
			String(m.errors),
			(m.rps / ceiling('bare node:http, lesson HTML', m.connections)).toFixed(2),
			(m.rps / ceiling('signed-out page, no database', m.connections)).toFixed(2)
		])
	);
	bare.close();
	await server.stop();
});
