// Issue 2's figures: cold start of the embedded stack to the first page, and requests per second and
// p99 for the home page and a logged-in profile page at 25 connections on the PostgreSQL server, beside
// raw PostgREST answering the same queries in the same run.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { freePort } from '../stack/index.ts';
import { Browser, demo, signJwt } from '../../tests/support/clients.ts';
import { startTestEnv } from '../../tests/support/env.ts';
import { javascriptPerPage, load, loadRows, table } from './lib.ts';

const root = new URL('../../', import.meta.url).pathname;

/** Starts `npm start`'s launcher on a PGlite directory and times it until `/` answers 200. */
async function coldStart(dataDir: string, reset: boolean): Promise<number> {
	const [port, stackPort] = await Promise.all([freePort(), freePort()]);
	if (reset) rmSync(dataDir, { recursive: true, force: true });
	const started = performance.now();
	const child = spawn(process.execPath, ['scripts/dev.ts', '--production'], {
		cwd: root,
		env: { ...process.env, PORT: String(port), STACK_PORT: String(stackPort), BUURTPLEIN_DATA_DIR: dataDir },
		stdio: 'ignore'
	});
	try {
		while (performance.now() - started < 60_000) {
			try {
				const response = await fetch(`http://127.0.0.1:${port}/`);
				if (response.status === 200) return Math.round(performance.now() - started);
			} catch {
				// not up yet
			}
			await new Promise((r) => setTimeout(r, 25));
		}
		throw new Error('no first page within 60 s');
	} finally {
		child.kill('SIGTERM');
		await new Promise((r) => child.once('exit', r));
	}
}

export async function run(): Promise<void> {
	const dataDir = `${root}.data/bench-pglite`;
	const fresh = await coldStart(dataDir, true);
	const warm = await coldStart(dataDir, false);
	rmSync(dataDir, { recursive: true, force: true });
	console.log('\nCold start of the embedded stack (PGlite + PostgREST + node build) to the first page');
	console.log(table([
		{ case: 'new database (migrate + seed)', ms: fresh },
		{ case: 'existing database', ms: warm }
	]));

	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
	try {
		const { env } = running;
		const browser = new Browser(env);
		await browser.login('anna@buurtplein.test');
		const cookie = `session=${browser.sessionToken}`;
		const sessionId = browser.sessionToken!.split('.')[0];
		const userJwt = await signJwt(env.jwtSecret, { role: 'authenticated', sub: demo.anna }, 3600);
		const rest = `${env.supabaseUrl}/rest/v1`;
		const asUser = { apikey: env.anonKey, authorization: `Bearer ${userJwt}` };
		const asService = { apikey: env.serviceRoleKey, authorization: `Bearer ${env.serviceRoleKey}` };
		const results = [
			await load('app: home page (visitor)', `${env.appUrl}/`),
			await load('app: home page (logged in)', `${env.appUrl}/`, { headers: { cookie } }),
			await load('app: profile page (logged in)', `${env.appUrl}/profiel`, { headers: { cookie } }),
			await load('PostgREST: session lookup (service role)', `${rest}/sessions?select=id,secret_hash,last_active_at,expires_at,users!inner(id,email,email_verified_at,blocked_at,profiles(display_name,role,buurt_code,locale))&id=eq.${sessionId}`, { headers: asService }),
			await load('PostgREST: profile row (user JWT)', `${rest}/profiles?select=display_name,buurt_code,interests,talents,interests_other,talents_other,availability,about&id=eq.${demo.anna}`, { headers: asUser }),
			await load('PostgREST: buurten list (user JWT)', `${rest}/buurten?select=code,naam,wijken!inner(naam,gemeenten!inner(naam))&order=code`, { headers: asUser })
		];
		console.log('\nThroughput at 25 connections on PostgreSQL (8 s each, same run)');
		console.log(table(loadRows(results)));
		const profile = results[2];
		const rawProfile = Math.min(results[3].rps, results[4].rps, results[5].rps);
		console.log('\nJavaScript per page (Chromium, gzipped; budget ≤ 60 kB on pages without a map)');
		console.log(table(await javascriptPerPage([
			{ name: '/ (visitor)', url: `${env.appUrl}/` },
			{ name: '/registreren', url: `${env.appUrl}/registreren` },
			{ name: '/inloggen', url: `${env.appUrl}/inloggen` },
			{ name: '/profiel', url: `${env.appUrl}/profiel`, cookie },
			{ name: '/profiel/sessies', url: `${env.appUrl}/profiel/sessies`, cookie }
		])));
		console.log(`\nProfile page: ${profile.rps} req/s = ${((profile.rps / rawProfile) * 100).toFixed(0)}% of the slowest of the four PostgREST queries it makes (budget ≥ 25%), p99 ${profile.p99} ms (budget < 100 ms).`);
	} finally {
		await running.stop();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
