// Benchmark: the wijkbeeld of one gemeente (Zwolle) with 100,000 signals over three years. Prints the
// plan of the signals figure (EXPLAIN ANALYZE: index-backed, no rollup), database time p50/p99 of
// wijkbeeld_signalen and wijkbeeld_stijgers for the last 12 months and for three years, and the
// page's HTTP p50/p99 (every figure, nine functions) beside raw PostgREST for the signals figure.
// Usage: npx vite build && node scripts/bench/wijkbeeld.bench.ts      (PostgreSQL at 127.0.0.1:5432)
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { startTestEnv } from '../../tests/support/env.ts';
import { load, loadRows, table } from './lib.ts';

const SIGNALS = 100_000;
const DB_RUNS = 200;
const COORDINATOR = '00000000-0000-4000-8000-000000000002';
const WORKER = '00000000-0000-4000-8000-000000000004';

/** PostgREST's RPC by POST (a null argument cannot be written in a query string). */
async function rpcLoad(name: string, url: string, { body, ...headers }: Record<string, string>) {
	const opts = { url, method: 'POST' as const, body, headers: { ...headers, 'content-type': 'application/json' }, connections: 10 };
	await autocannon({ ...opts, duration: 1 });
	const r = await autocannon({ ...opts, duration: 8 });
	return { name, rps: Math.round(r.requests.average), p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
const db = running.stack.db;
try {
	const started = Date.now();
	// Three years back: older than the form allows (a year), so the stamp trigger is off while seeding
	// and wijk and gemeente are written as it would write them.
	await db.exec(`
		alter table public.signalen disable trigger signalen_stamp;
		insert into public.signalen (buurt_code, wijk_code, gemeente_code, theme, body, source, urgency, observed_on, created_by)
		select b.code, b.wijk_code, 'GM0193',
		       (array['armoede','eenzaamheid','sociale_cohesie','gezondheid','veiligheid','leefbaarheid','duurzaamheid'])[1 + (g / 6) % 7],
		       'Signaal over de buurt nummer ' || g, 'eigen_waarneming', 'normaal',
		       current_date - (g % 1095), '${WORKER}'
		  from generate_series(1, ${SIGNALS}) g
		  join lateral (select bb.code, bb.wijk_code from public.buurten bb join public.wijken w on w.code = bb.wijk_code
		                 where w.gemeente_code = 'GM0193' order by bb.code offset (g % 6) limit 1) b on true;
		alter table public.signalen enable trigger signalen_stamp;
	`);
	await db.exec('vacuum analyze public.signalen');
	const [{ count }] = await db.query<{ count: string }>(`select count(*) from public.signalen where gemeente_code = 'GM0193'`);
	console.log(`seeded ${count} signals in Zwolle over 3 years in ${((Date.now() - started) / 1000).toFixed(1)} s`);

	await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: COORDINATOR, role: 'authenticated' })]);
	const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
	const [y, m] = today.split('-').map(Number);
	const year = m === 12 ? `${y}-01-01` : `${y - 1}-${String(m + 1).padStart(2, '0')}-01`;
	const threeYears = `${y - 3}-${String(m).padStart(2, '0')}-${today.slice(8)}`;

	const [{ prosrc }] = await db.query<{ prosrc: string }>(`select prosrc from pg_proc where proname = 'wijkbeeld_signalen'`);
	const body = prosrc
		.replace(/\bp_gemeente\b/g, `'GM0193'`)
		.replace(/\bp_wijk\b/g, 'null::text')
		.replace(/\bp_from\b/g, `'${year}'::date`)
		.replace(/\bp_to\b/g, `'${today}'::date`);
	const plan = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${body}`);
	console.log('\nEXPLAIN ANALYZE of wijkbeeld_signalen (whole gemeente, 12 months):');
	for (const row of plan) console.log(`  ${row['QUERY PLAN']}`);

	const rows: Record<string, string | number>[] = [];
	for (const [fn, from, label] of [
		['wijkbeeld_signalen', year, '12 months'],
		['wijkbeeld_signalen', threeYears, '3 years'],
		['wijkbeeld_stijgers', year, '12 months'],
		['wijkbeeld_bereik', year, '12 months']
	] as const) {
		const times: number[] = [];
		for (let i = 0; i < DB_RUNS; i++) {
			const [row] = await db.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
				`explain (analyze, format json) select * from public.${fn}('GM0193', null, '${from}', '${today}')`
			);
			times.push(row['QUERY PLAN'][0]['Execution Time']);
		}
		times.sort((a, b) => a - b);
		rows.push({ figure: fn, period: label, 'p50 ms': percentile(times, 50).toFixed(2), 'p99 ms': percentile(times, 99).toFixed(2), runs: DB_RUNS });
	}
	console.log('\ndatabase time (the coordinator, whole gemeente):');
	console.log(table(rows));

	const login = await fetch(`${running.env.appUrl}/inloggen`, {
		method: 'POST',
		body: new URLSearchParams({ email: 'coordinator.zwolle@buurtplein.test', password: 'buurtplein-demo' }),
		headers: { origin: running.env.appUrl, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.9.0.1' },
		redirect: 'manual'
	});
	const session = login.headers.getSetCookie().find((c) => c.startsWith('session='))?.split(';')[0];
	if (!session) throw new Error(`login failed: ${login.status}`);
	const check = await fetch(`${running.env.appUrl}/wijkbeeld`, { headers: { cookie: session, 'x-forwarded-for': '10.9.0.1' } });
	if (check.status !== 200 || !(await check.text()).includes('signalen in deze periode')) throw new Error(`the wijkbeeld page did not render (${check.status})`);

	const jwt = await new SignJWT({ role: 'authenticated', sub: COORDINATOR })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt()
		.setExpirationTime('10m')
		.sign(new TextEncoder().encode(running.env.jwtSecret));
	const results = [
		await load('page /wijkbeeld (gemeente, 12 months), 1 connection', `${running.env.appUrl}/wijkbeeld`, { headers: { cookie: session, 'x-forwarded-for': '10.9.0.1' }, connections: 1 }),
		await load('page /wijkbeeld (gemeente, 12 months)', `${running.env.appUrl}/wijkbeeld`, { headers: { cookie: session, 'x-forwarded-for': '10.9.0.1' }, connections: 10 }),
		await load('page /wijkbeeld (gemeente, 3 years)', `${running.env.appUrl}/wijkbeeld?van=${threeYears}&tot=${today}`, { headers: { cookie: session, 'x-forwarded-for': '10.9.0.1' }, connections: 10 }),
		await rpcLoad('PostgREST rpc/wijkbeeld_signalen (12 months)', `${running.env.supabaseUrl}/rest/v1/rpc/wijkbeeld_signalen`, {
			apikey: running.env.anonKey,
			authorization: `Bearer ${jwt}`,
			body: JSON.stringify({ p_gemeente: 'GM0193', p_wijk: null, p_from: year, p_to: today })
		})
	];
	console.log('\nHTTP (10 connections unless said, 8 s):');
	console.log(table(loadRows(results)));
} finally {
	await running.stop();
}
