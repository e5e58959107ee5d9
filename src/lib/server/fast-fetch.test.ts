// fastFetch must answer as the built-in fetch does, or the resilience layer (supabase.ts) misreads an
// outage: each case runs through both, against a local server, and the answers are compared.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fastFetch } from './fast-fetch';

let server: Server;
let base: string;
let received: { method: string; url: string; headers: IncomingMessage['headers']; body: string }[] = [];

beforeAll(async () => {
	server = createServer(async (req, res) => {
		let body = '';
		for await (const chunk of req) body += chunk;
		received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
		if (req.url === '/empty') return res.writeHead(204, { 'x-kind': 'empty' }).end();
		if (req.url === '/slow') return setTimeout(() => res.end('late'), 500);
		if (req.url === '/cookies') return res.writeHead(200, { 'set-cookie': ['a=1', 'b=2'] }).end('ok');
		res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'application/json', 'content-range': '0-1/2' });
		res.end(JSON.stringify({ method: req.method, body }));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function both(path: string, init?: RequestInit) {
	const answers = [];
	for (const f of [fetch, fastFetch]) {
		received = [];
		const response = await f(`${base}${path}`, init);
		answers.push({ status: response.status, ok: response.ok, type: response.headers.get('content-type'), range: response.headers.get('content-range'), text: await response.text(), sent: received[0] });
	}
	return answers;
}

describe('fastFetch answers as fetch does', () => {
	it('a read: status, headers and body, with the headers it was given (a Headers object too)', async () => {
		const [builtIn, fast] = await both('/rest/v1/x?select=id', { headers: new Headers({ apikey: 'k', prefer: 'count=estimated' }) });
		expect(fast).toMatchObject({ status: 200, ok: true, type: 'application/json', range: '0-1/2', text: '{"method":"GET","body":""}' });
		expect(fast.sent.headers).toMatchObject({ apikey: 'k', prefer: 'count=estimated' });
		expect(fast.text).toBe(builtIn.text);
	});

	it('a write sends its method and body', async () => {
		const [builtIn, fast] = await both('/rpc/f', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
		expect(fast.sent).toMatchObject({ method: 'POST', body: '{"a":1}' });
		expect(fast.text).toBe(builtIn.text);
	});

	it('an error status and an answer without a body', async () => {
		const [, missing] = await both('/missing');
		expect(missing).toMatchObject({ status: 404, ok: false });
		const [builtIn, empty] = await both('/empty', { method: 'PATCH', body: '{}' });
		expect(empty).toMatchObject({ status: 204, text: '' });
		expect(empty.status).toBe(builtIn.status);
	});

	it('keeps every Set-Cookie of an answer', async () => {
		const response = await fastFetch(`${base}/cookies`);
		expect(response.headers.getSetCookie()).toEqual(['a=1', 'b=2']);
	});

	it('a refused connection is a TypeError whose cause says ECONNREFUSED, as with fetch', async () => {
		// A port just closed (fetch itself refuses some well-known ports, such as 9, as "bad port").
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const port = (closed.address() as { port: number }).port;
		await new Promise((resolve) => closed.close(resolve));
		const errors = await Promise.all([fetch, fastFetch].map((f) => f(`http://127.0.0.1:${port}/x`).catch((e: unknown) => e)));
		for (const error of errors) {
			expect(error).toBeInstanceOf(TypeError);
			expect((error as { cause: { code: string } }).cause.code).toBe('ECONNREFUSED');
		}
	});

	it('a time-out rejects with the signal’s TimeoutError, as with fetch', async () => {
		const errors = await Promise.all([fetch, fastFetch].map((f) => f(`${base}/slow`, { signal: AbortSignal.timeout(50) }).catch((e: unknown) => e)));
		expect(errors.map((e) => (e as Error).name)).toEqual(['TimeoutError', 'TimeoutError']);
	});
});
