// Shared by the benchmarks: HTTP load with autocannon (loopback only, bounded in time), tables, a page
// beside raw PostgREST for the same rows, and a count of the requests a page sends to PostgREST.
import autocannon from 'autocannon';
import { createServer, request as httpRequest } from 'node:http';
import { pathToFileURL } from 'node:url';
import { freePort } from '../stack/index.ts';
import { Browser, signJwt } from '../../tests/support/clients.ts';
import { startApp, stopApp, type Running, type TestEnv } from '../../tests/support/env.ts';

export interface LoadResult {
	name: string;
	rps: number;
	p50: number;
	p99: number;
	non2xx: number;
	errors: number;
}

/** Seconds of load per figure after the warm-up: 8, or BENCH_SECONDS for a quick run while developing. */
export const SECONDS = Number(process.env.BENCH_SECONDS) || 8;

export async function load(
	name: string,
	url: string,
	{ headers = {}, connections = 25, seconds = SECONDS }: { headers?: Record<string, string>; connections?: number; seconds?: number } = {}
): Promise<LoadResult> {
	onlyLoopback(url);
	// A short warm-up, so that connection set-up and JIT do not count.
	await autocannon({ url, headers, connections, duration: 1 });
	return loadResult(name, await autocannon({ url, headers, connections, duration: seconds }));
}

function onlyLoopback(url: string): void {
	if (!/^http:\/\/(127\.0\.0\.1|localhost)[:/]/.test(url)) throw new Error(`refusing to load anything but loopback: ${url}`);
}

function loadResult(name: string, result: { requests: { average: number }; latency: { p50: number; p99: number }; non2xx: number; errors: number; timeouts: number }): LoadResult {
	return {
		name,
		rps: Math.round(result.requests.average),
		p50: result.latency.p50,
		p99: result.latency.p99,
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts
	};
}

export function table(rows: Record<string, string | number>[]): string {
	if (!rows.length) return '';
	const keys = Object.keys(rows[0]);
	const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
	const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ');
	return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join('\n');
}

export function loadRows(results: LoadResult[]) {
	return results.map((r) => ({ target: r.name, 'req/s': r.rps, 'p50 ms': r.p50, 'p99 ms': r.p99, 'non-2xx': r.non2xx, errors: r.errors }));
}

/**
 * The JavaScript a page really loads in Chromium (every script response, dynamic imports included),
 * gzipped as a production server or CDN would send it. Returns kB per page.
 */
export async function javascriptPerPage(pages: { name: string; url: string; cookie?: string }[]): Promise<{ page: string; files: number; 'kB gzip': number }[]> {
	const { chromium } = await import('@playwright/test');
	const { gzipSync } = await import('node:zlib');
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update']
	});
	const rows = [];
	try {
		for (const { name, url, cookie } of pages) {
			const context = await browser.newContext();
			if (cookie) {
				const [key, value] = cookie.split('=');
				await context.addCookies([{ name: key, value, url }]);
			}
			const page = await context.newPage();
			const scripts: Promise<number>[] = [];
			page.on('response', (response) => {
				if (response.request().resourceType() === 'script') scripts.push(response.body().then((body) => gzipSync(body).length));
			});
			await page.goto(url, { waitUntil: 'networkidle' });
			const sizes = await Promise.all(scripts);
			rows.push({ page: name, files: sizes.length, 'kB gzip': Math.round(sizes.reduce((a, b) => a + b, 0) / 102.4) / 10 });
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return rows;
}

/** The middle value (the upper one of an even count). */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.floor(sorted.length / 2)];
}

/** How long one request takes, in ms; throws when it does not answer with the expected status. */
export async function timed(send: () => Promise<{ status: number }>, expected: number): Promise<number> {
	const started = performance.now();
	const { status } = await send();
	const ms = performance.now() - started;
	if (status !== expected) throw new Error(`expected ${expected}, got ${status}`);
	return ms;
}

/**
 * Runs a seed, then leaves the table as autovacuum leaves one in steady use (the visibility map lets
 * counts use the index alone); returns how many of its rows are published.
 */
export async function seedPublished(running: Running, sql: string, table: string): Promise<number> {
	await running.stack.db.exec(sql);
	await running.stack.db.exec(`vacuum analyze public.${table}`);
	const [{ count }] = await running.stack.db.query<{ count: string }>(`select count(*) from public.${table} where status = 'gepubliceerd'`);
	return Number(count);
}

/** A person for the load: their session cookie for the site, and a JWT for PostgREST as the site signs one. */
export interface Person {
	cookie: string;
	jwt: string;
}

/** A signed-in person (a session written as the site writes one) with an hour's JWT for raw PostgREST. */
export async function person(env: TestEnv, userId: string): Promise<Person> {
	const browser = await new Browser(env).signIn(userId);
	return { cookie: `session=${browser.sessionToken}`, jwt: await signJwt(env.jwtSecret, { role: 'authenticated', sub: userId }, 3600) };
}

/** A list page of the site and the one PostgREST request that fetches its rows (the first page). */
export interface ListPage {
	/** How tables name it: '/initiatieven'. */
	name: string;
	/** The page, as a path of the site. */
	path: string;
	/** The request for its rows on PostgREST (path and query string), as the page's query code sends it. */
	raw: string;
	/** The Prefer header sent with it: the count it asks for. */
	prefer: string;
}

/** A figure of the site beside raw PostgREST answering the same rows for the same person, in the same run. */
export interface BesideRaw {
	app: LoadResult;
	raw: LoadResult;
}

/**
 * Loads a page of the site, then raw PostgREST with the request for its rows: as a visitor (the anon
 * key) or, given a person, with their session cookie and their JWT.
 */
export async function besideRaw(
	env: TestEnv,
	names: [string, string],
	{ page, raw, prefer }: { page: string; raw: string; prefer: string },
	who?: Person
): Promise<BesideRaw> {
	const app = await load(names[0], env.appUrl + page, who ? { headers: { cookie: who.cookie } } : {});
	const headers = { apikey: env.anonKey, authorization: `Bearer ${who?.jwt ?? env.anonKey}`, prefer };
	return { app, raw: await load(names[1], env.supabaseUrl + raw, { headers }) };
}

/** A list page for a visitor and for a logged-in person, each beside raw PostgREST for the same rows. */
export async function listBesideRaw(env: TestEnv, list: ListPage, resident: Person): Promise<{ visitor: BesideRaw; loggedIn: BesideRaw }> {
	const request = { page: list.path, raw: list.raw, prefer: list.prefer };
	const visitor = await besideRaw(env, [`app: ${list.name} (visitor)`, 'PostgREST: same page + count (anon)'], request);
	const loggedIn = await besideRaw(env, [`app: ${list.name} (logged in)`, 'PostgREST: same page + count (user JWT)'], request, resident);
	return { visitor, loggedIn };
}

/** The app's share of raw PostgREST per pair, one line each, beside the budgets of issues 3 and 12. */
export function printShares(pairs: BesideRaw[]): void {
	for (const { app, raw } of pairs)
		console.log(`${app.name}: ${app.rps} req/s = ${((app.rps / raw.rps) * 100).toFixed(0)}% of raw PostgREST (budget ≥ 25%), p99 ${app.p99} ms (budget < 100 ms)`);
}

/** A request the site sent to PostgREST. */
export interface Sent {
	method: string;
	url: string;
	prefer: string;
}

/**
 * What one view of a page costs in requests to PostgREST: a second site on the same stack, pointed at
 * PostgREST through a proxy that writes down every request (jobs off, so only page views reach it).
 * Each page is viewed twice, and the second view counted: the first warms the per-process caches (the
 * areas, the outlines), as on a site that has been running.
 */
export async function roundTrips(env: TestEnv, views: { path: string; cookie?: string }[]): Promise<Sent[][]> {
	const upstream = new URL(env.supabaseUrl);
	let sent: Sent[] = [];
	const proxy = createServer((req, res) => {
		sent.push({ method: req.method ?? 'GET', url: req.url ?? '/', prefer: String(req.headers.prefer ?? '') });
		const onward = httpRequest(
			{ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: { ...req.headers, host: upstream.host } },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			}
		);
		onward.on('error', () => res.writeHead(502).end());
		req.pipe(onward);
	});
	const proxyPort = await freePort();
	await new Promise<void>((resolve) => proxy.listen(proxyPort, '127.0.0.1', resolve));
	const port = await freePort();
	const site = await startApp(port, {
		SUPABASE_URL: `http://127.0.0.1:${proxyPort}`,
		SUPABASE_ANON_KEY: env.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
		SUPABASE_JWT_SECRET: env.jwtSecret,
		RATE_LIMITS: 'off',
		JOBS: 'off'
	});
	try {
		const counted: Sent[][] = [];
		for (const { path, cookie } of views) {
			const view = () => fetch(`http://127.0.0.1:${port}${path}`, { headers: { accept: 'text/html', ...(cookie ? { cookie } : {}) }, redirect: 'manual' });
			await (await view()).text();
			sent = [];
			const answer = await view();
			await answer.text();
			if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
			// A copy: what comes after the answer (the next page's warm-up) is not this view's.
			counted.push([...sent]);
		}
		return counted;
	} finally {
		await stopApp(site);
		proxy.closeAllConnections();
		await new Promise((resolve) => proxy.close(resolve));
	}
}

/** The list request among what a page sent (same table on PostgREST as the bench's), as a ListPage. */
export function sentList(list: ListPage, sent: Sent[]): ListPage | undefined {
	const table = list.raw.split('?')[0];
	const found = sent.find((s) => s.method === 'GET' && s.url.split('?')[0] === table);
	return found && { ...list, raw: found.url, prefer: found.prefer };
}

/** Whether two PostgREST requests ask the same (parameters compared decoded, in any order). */
export function sameRequest(a: string, b: string): boolean {
	const norm = (url: string) => {
		const [path, query = ''] = url.split('?');
		return `${path}?${[...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).sort().join('&')}`;
	};
	return norm(a) === norm(b);
}

/** Bytes of one answer of the site over the wire, as sent (gzipped when it compresses), and its status. */
export function wireSize(url: string, headers: Record<string, string> = { 'accept-encoding': 'gzip' }): Promise<{ status: number; bytes: number; encoding: string }> {
	return new Promise((resolve, reject) => {
		httpRequest(url, { headers }, (res) => {
			let bytes = 0;
			res.on('data', (chunk: Buffer) => (bytes += chunk.length));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, encoding: String(res.headers['content-encoding'] ?? 'identity') }));
		})
			.on('error', reject)
			.end();
	});
}

/** True when this module is the one node was started with (a bench file run alone), not imported. */
export function isMain(moduleUrl: string): boolean {
	return moduleUrl === pathToFileURL(process.argv[1] ?? '').href;
}

/**
 * Runs `measure` with the site on a CPU of its own, as it is deployed against a hosted Supabase project
 * (its own machine): the site (`node build/index.js` started by this process) on the last CPU, and
 * everything else on the others: this process (autocannon and the /rest/v1 gateway), PostgREST and the
 * PostgreSQL server's processes (new backends inherit the postmaster's CPUs). Linux's taskset does it;
 * every process gets all CPUs back afterwards, also when measuring fails.
 */
export async function withSiteOnItsOwnCpu<T>(measure: () => Promise<T>): Promise<T> {
	const { spawnSync } = await import('node:child_process');
	const { availableParallelism } = await import('node:os');
	const cpus = availableParallelism();
	if (cpus < 2) throw new Error('needs at least 2 CPUs');
	const all = `0-${cpus - 1}`;
	const rest = cpus === 2 ? '0' : `0-${cpus - 2}`;
	const site = String(cpus - 1);
	const { sites, postgrest, postgres } = await stackProcesses();
	const stack = [String(process.pid), ...postgrest, ...postgres];
	const pin = (cpuList: string, pids: string[]) => {
		for (const pid of pids) spawnSync('taskset', ['-a', '-p', '-c', cpuList, pid], { stdio: 'ignore' });
	};
	pin(site, sites);
	pin(rest, stack);
	try {
		return await measure();
	} finally {
		pin(all, [...sites, ...stack]);
	}
}

/** The processes of a figure: the site(s) and PostgREST this process started, and PostgreSQL's. */
async function stackProcesses(): Promise<{ sites: string[]; postgrest: string[]; postgres: string[] }> {
	const { readdirSync, readFileSync } = await import('node:fs');
	const processes = readdirSync('/proc').filter((p) => /^\d+$/.test(p)).flatMap((pid) => {
		try {
			const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
			const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
			const ppid = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1];
			const command = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
			return [{ pid, comm, mine: ppid === String(process.pid), command }];
		} catch {
			return [];
		}
	});
	const sites = processes.filter((p) => p.mine && p.command.includes('build/index.js')).map((p) => p.pid);
	if (!sites.length) throw new Error('no site started by this process');
	return {
		sites,
		postgrest: processes.filter((p) => p.mine && p.comm.startsWith('postgrest')).map((p) => p.pid),
		postgres: processes.filter((p) => p.comm === 'postgres').map((p) => p.pid)
	};
}

/** CPU milliseconds per answered request, per part of the stack, under one load (after its warm-up). */
export interface CpuCost {
	load: LoadResult;
	site: number;
	postgrest: number;
	postgres: number;
	/** This process: the /rest/v1 gateway (the stand-in for Supabase's) and autocannon. */
	bench: number;
}

/**
 * Loads `url` as `load` does and reads how much CPU each part of the stack spent on it, from
 * /proc/<pid>/stat (user + system). PostgreSQL's backends come and go; one that ends during the load
 * loses its part, so PostgreSQL's figure can only be an underestimate.
 */
export async function cpuPerRequest(name: string, url: string, headers: Record<string, string> = {}): Promise<CpuCost> {
	const { readFileSync } = await import('node:fs');
	const ticks = 100; // USER_HZ on Linux
	const cpuMs = (pid: string) => {
		try {
			const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
			return (Number(fields[11]) + Number(fields[12])) * (1000 / ticks);
		} catch {
			return 0;
		}
	};
	const readings = (pids: string[]) => new Map(pids.map((pid) => [pid, cpuMs(pid)]));
	// A backend that began during the load counts whole (it did nothing before); one that ended is lost.
	const spent = (before: Map<string, number>, pids: string[]) => pids.reduce((sum, pid) => sum + cpuMs(pid) - (before.get(pid) ?? 0), 0);
	onlyLoopback(url);
	await autocannon({ url, headers, connections: 25, duration: 1 });
	const parts = await stackProcesses();
	const before = { site: readings(parts.sites), postgrest: readings(parts.postgrest), postgres: readings(parts.postgres), bench: process.cpuUsage() };
	const result = await autocannon({ url, headers, connections: 25, duration: SECONDS });
	const bench = process.cpuUsage(before.bench);
	const after = await stackProcesses();
	const n = Math.max(1, result.requests.total);
	return {
		load: loadResult(name, result),
		site: spent(before.site, parts.sites) / n,
		postgrest: spent(before.postgrest, after.postgrest) / n,
		postgres: spent(before.postgres, after.postgres) / n,
		bench: (bench.user + bench.system) / 1000 / n
	};
}
