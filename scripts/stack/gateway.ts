// Serves PostgREST under /rest/v1, as a Supabase project does, so that supabase-js's
// createClient(SUPABASE_URL, key) works unchanged here and against a hosted project.
import { createServer, request, type Server } from 'node:http';

/** Seconds a client should wait while PostgREST is being started again (see postgrest.ts). */
const RETRY_AFTER_SECONDS = '2';

export function startGateway(port: number, postgrestPort: number): Promise<Server> {
	const server = createServer((req, res) => {
		const url = req.url ?? '/';
		if (!url.startsWith('/rest/v1')) {
			res.writeHead(404, { 'content-type': 'application/json' });
			res.end(JSON.stringify({ message: 'Only /rest/v1 is served by the local stack' }));
			return;
		}
		const upstream = request(
			{
				host: '127.0.0.1',
				port: postgrestPort,
				method: req.method,
				path: url.slice('/rest/v1'.length) || '/',
				headers: req.headers
			},
			(upstreamRes) => {
				res.writeHead(upstreamRes.statusCode ?? 502, upstreamRes.headers);
				upstreamRes.pipe(res);
			}
		);
		upstream.on('error', (error: Error & { code?: string }) => {
			if (res.headersSent) return res.destroy();
			// Refused: PostgREST is not running (it is being restarted); the request never reached it,
			// so a client may safely send it again. Anything else broke after the request was sent:
			// whether it was carried out is unknown, and 502 says so (clients do not repeat it).
			const refused = error.code === 'ECONNREFUSED';
			res.writeHead(refused ? 503 : 502, { 'content-type': 'application/json', 'retry-after': RETRY_AFTER_SECONDS });
			res.end(JSON.stringify({ message: refused ? 'PostgREST is not running' : `PostgREST did not answer (${error.code ?? error.message})` }));
		});
		req.on('error', () => upstream.destroy());
		req.pipe(upstream);
	});
	server.keepAliveTimeout = 65_000;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}
