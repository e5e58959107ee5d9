// How many requests a page makes to PostgREST (issue 15): a second site, pointed at PostgREST through a
// counting proxy, with jobs off so that only page views reach it. A logged-in list page makes at most
// two: the session (which brings the bell's count) and the page's own query. Caches (the areas, the
// outlines) are warmed by a first view, as they are on a site that has been running.
import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/stack/index.ts';
import { startApp, stopApp } from '../support/env.ts';
import { Browser, demo, service } from '../support/clients.ts';
import { newResident } from '../support/burenhulp.ts';

const env = inject('env');
/** The demo Rommelroute edition: the edition, a page of its stands and one's own, in one request. */
const EDITION = '/rommelroute/20000000-0000-4000-8000-000000000001';
let proxy: Server;
let app: Awaited<ReturnType<typeof startApp>>;
let site: typeof env;
let requests: string[] = [];

beforeAll(async () => {
	const upstream = new URL(env.supabaseUrl);
	const proxyPort = await freePort();
	proxy = createServer(async (req, res) => {
		requests.push(`${req.method} ${req.url}`);
		const chunks: Buffer[] = [];
		for await (const chunk of req) chunks.push(chunk as Buffer);
		const headers = Object.fromEntries(Object.entries(req.headers).filter(([k]) => !['host', 'connection', 'content-length'].includes(k)) as [string, string][]);
		const answer = await fetch(new URL(req.url!, upstream), { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
		const body = Buffer.from(await answer.arrayBuffer());
		const out = Object.fromEntries([...answer.headers].filter(([k]) => !['content-encoding', 'content-length', 'transfer-encoding', 'connection'].includes(k)));
		res.writeHead(answer.status, out).end(body);
	});
	await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
	const port = await freePort();
	app = await startApp(port, {
		SUPABASE_URL: `http://127.0.0.1:${proxyPort}`,
		SUPABASE_ANON_KEY: env.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
		SUPABASE_JWT_SECRET: env.jwtSecret,
		JOBS: 'off'
	});
	site = { ...env, appUrl: `http://127.0.0.1:${port}` };
}, 60_000);

afterAll(async () => {
	await stopApp(app);
	await new Promise((resolve) => proxy.close(resolve));
});

async function count(browser: Browser, path: string): Promise<number> {
	await browser.get(path); // warms the per-process caches
	requests = [];
	const page = await browser.get(path);
	expect(page.status, path).toBe(200);
	return requests.length;
}

describe('round trips to PostgREST per page view', () => {
	it('a logged-in list page: the session (with the bell) and the list', async () => {
		const anna = await new Browser(site).signIn(demo.anna);
		const counts: Record<string, number> = {};
		for (const path of ['/initiatieven', '/groepen', EDITION]) counts[path] = await count(anna, path);
		console.log('PostgREST requests per logged-in page view:', counts);
		for (const [path, n] of Object.entries(counts)) expect(n, path).toBeLessThanOrEqual(2);
	});

	it('a visitor makes one fewer: no session', async () => {
		const visitor = new Browser(site);
		for (const path of ['/initiatieven', '/groepen', EDITION]) expect(await count(visitor, path), path).toBe(1);
	});

	it('the bell is right after reading, also on the page the action renders', async () => {
		const resident = await newResident(env, 'Bella Bel');
		const { error } = await service(env).from('notifications').insert([1, 2].map((n) => ({ user_id: resident.id, kind: 'help_message', link: '/burenhulp', subject_id: `bel-${n}` })));
		expect(error).toBeNull();
		const browser = await new Browser(site).signIn(resident.id);
		expect((await browser.get('/')).body).toContain('aria-label="Meldingen, 2 ongelezen"');
		// Without JavaScript the action's answer is the page itself: its bell is counted after the action.
		const done = await browser.post('/meldingen?/readAll', {});
		expect(done.status).toBe(200);
		expect(done.body).not.toMatch(/Meldingen, \d+ ongelezen/);
		expect((await browser.get('/')).body).not.toMatch(/Meldingen, \d+ ongelezen/);
	});
});
