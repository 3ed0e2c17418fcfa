// `npm start` and the end-to-end tests: the built app behind node:http, with local defaults.
// SvelteKit's hooks never see static assets (adapter-node serves them first), so the security
// headers for those are set here, from the same module the hooks use.
import { createServer } from 'node:http';
import { securityHeaders } from '../src/lib/server/http-policy.js';

process.env.PORT ||= '3000';
process.env.ORIGIN ||= `http://localhost:${process.env.PORT}`;
process.env.DATABASE_URL ||= 'file:data/heard.db';

const { handler } = await import('../build/handler.js');
const headers = securityHeaders(new URL(process.env.ORIGIN));

const server = createServer((req, res) => {
	for (const [name, value] of headers) res.setHeader(name, value);
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});
});

server.listen(Number(process.env.PORT), process.env.HOST || '0.0.0.0', () => {
	console.log(`Heard is ready at ${process.env.ORIGIN}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
	process.on(signal, () => server.close(() => process.exit(0)));
}
