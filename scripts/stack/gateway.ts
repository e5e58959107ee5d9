// Serves PostgREST under /rest/v1, as a Supabase project does, so that supabase-js's
// createClient(SUPABASE_URL, key) works unchanged here and against a hosted project.
import { createServer, request, type Server } from 'node:http';

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
		upstream.on('error', () => {
			if (res.headersSent) return res.destroy();
			res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
			res.end(JSON.stringify({ code: 'PGRST000', message: 'PostgREST is not reachable' }));
		});
		req.pipe(upstream);
	});
	server.keepAliveTimeout = 65_000;
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, '127.0.0.1', () => resolve(server));
	});
}
