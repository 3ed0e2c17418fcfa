// The production server (`npm start`, `npm run preview`, or `node scripts/serve.js` behind a proxy):
// the built app behind node:http. adapter-node serves static assets before SvelteKit's hooks run,
// so the security headers the hooks give pages are set here for every response, from the same
// module (src/lib/server/http/policy.js).
import { createServer } from 'node:http';
import { securityHeaders } from '../src/lib/server/http/policy.js';

process.env.DATABASE_URL ||= 'file:data/heard.db';

/** @type {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse, next: () => void) => void} */
let handler;
/** @type {[string, string][]} */
let headers = [];
const server = createServer((req, res) => {
	for (const [name, value] of headers) res.setHeader(name, value);
	if (!handler) {
		// Listening, but still migrating the database: a proxy may retry in a moment.
		res.writeHead(503, { 'retry-after': '1' }).end('Starting');
		return;
	}
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

// PORT=0 asks the OS for a free port (the end-to-end tests do); the origin then names that port.
await new Promise((resolve) =>
	server.listen(Number(process.env.PORT ?? 3000), process.env.HOST || '0.0.0.0', () =>
		resolve(undefined)
	)
);
const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
process.env.ORIGIN ||= `http://localhost:${port}`;
headers = securityHeaders(new URL(process.env.ORIGIN));
// Read after ORIGIN is known: the handler takes it when it loads, and applies the migrations.
({ handler } = await import('../build/handler.js'));
console.log(`Heard is ready at ${process.env.ORIGIN}`);

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => server.close(() => process.exit(0)));
}
