// Benchmark: suggestions for one help request among 100 000 open offers spread over Zwolle and Almere.
// Prints the plan of the candidate search (EXPLAIN ANALYZE: which indexes, how many rows), database
// time p50/p99 of help_suggestions, and HTTP p50/p99 of the page versus raw PostgREST for the same call.
// Usage: npx vite build && node scripts/bench/burenhulp.bench.ts      (PostgreSQL at 127.0.0.1:5432)
import autocannon from 'autocannon';
import { SignJWT } from 'jose';
import { startTestEnv } from '../../tests/support/env.ts';

const OFFERS = 100_000;
const OWNERS = 2_000;
const DB_RUNS = 300;
const ANNA = '00000000-0000-4000-8000-000000000011';
const REQUEST = '00000000-0000-4000-b000-000000000001';
const categories = ['boodschappen', 'klussen', 'gezelschap', 'vervoer', 'administratie', 'digitaal', 'taal', 'tuin', 'huisdieren', 'anders'];
const slots = ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'].flatMap((d) => ['ochtend', 'middag', 'avond'].map((p) => `${d}-${p}`));

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
const db = running.stack.db;
try {
	const started = Date.now();
	const sqlArray = (items: string[]) => `array[${items.map((c) => `'${c}'`).join(',')}]`;
	await db.exec(`
		insert into public.users (id, email, password_hash)
		select ('00000000-0000-4000-a000-' || lpad(g::text, 12, '0'))::uuid, 'buur' || g || '@bench.test', 'x'
		  from generate_series(1, ${OWNERS}) g;
		insert into public.profiles (id, display_name, buurt_code, interests, talents)
		select ('00000000-0000-4000-a000-' || lpad(g::text, 12, '0'))::uuid, 'Buur ' || g,
		       case when g % 2 = 0 then 'BU01930601' else 'BU00340101' end,
		       array[(array['tuinieren','koken','muziek','sport','lezen','klussen'])[1 + g % 6]],
		       array[(array['techniek','talen','computers','handwerk'])[1 + g % 4]]
		  from generate_series(1, ${OWNERS}) g;
		-- Spread the offers over both gemeenten, not just the demo buurt centres: the fill trigger (which
		-- copies the buurt centre) is off while seeding.
		alter table public.help_posts disable trigger help_posts_fill;
		insert into public.help_posts (kind, owner_id, first_name, category, description, when_kind, slots, buurt_code, wijk_code, lat, lng)
		select 'aanbod', ('00000000-0000-4000-a000-' || lpad((1 + g % ${OWNERS})::text, 12, '0'))::uuid, 'Buur',
		       (${sqlArray(categories)})[1 + (g * 7) % 10], 'Ik help graag een buur, bel me maar', 'wekelijks',
		       array[(${sqlArray(slots)})[1 + g % 21], (${sqlArray(slots)})[1 + (g * 5) % 21]],
		       case when g % 2 = 0 then 'BU01930601' else 'BU00340101' end,
		       case when g % 2 = 0 then 'WK019306' else 'WK003401' end,
		       case when g % 2 = 0 then 52.46 + random() * 0.10 else 52.32 + random() * 0.10 end,
		       case when g % 2 = 0 then 6.03 + random() * 0.15 else 5.13 + random() * 0.20 end
		  from generate_series(1, ${OFFERS}) g;
		alter table public.help_posts enable trigger help_posts_fill;
		insert into public.help_posts (id, kind, owner_id, category, description, when_kind, slots, buurt_code)
		values ('${REQUEST}', 'vraag', '${ANNA}', 'boodschappen', 'Wie neemt mijn boodschappen mee?', 'wekelijks', '{di-middag}', 'BU01930601');
		-- As autovacuum would: the visibility map lets the search read only the index.
	`);
	await db.exec('vacuum analyze public.help_posts');
	await db.exec('analyze');
	const [{ count }] = await db.query<{ count: string }>(`select count(*) from public.help_posts where kind = 'aanbod' and status = 'open'`);
	console.log(`seeded ${count} open offers in ${((Date.now() - started) / 1000).toFixed(1)} s`);

	// EXPLAIN of the query inside help_suggestions, as Anna, to show the index ranges it uses.
	await db.query(`select set_config('request.jwt.claims', $1, false)`, [JSON.stringify({ sub: ANNA, role: 'authenticated' })]);
	const [{ prosrc }] = await db.query<{ prosrc: string }>(`select prosrc from pg_proc where proname = 'help_suggestions'`);
	const body = prosrc.replace(/\bp_post\b/g, `'${REQUEST}'::uuid`).replace(/\bp_limit\b/g, '40');
	const plan = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers, costs off) ${body}`);
	console.log('\nEXPLAIN ANALYZE of the candidate search:');
	for (const row of plan) console.log(`  ${row['QUERY PLAN']}`);

	// Database time of the function itself, many runs.
	const times: number[] = [];
	for (let i = 0; i < DB_RUNS; i++) {
		const [row] = await db.query<{ 'QUERY PLAN': [{ 'Execution Time': number }] }>(
			`explain (analyze, format json) select * from public.help_suggestions('${REQUEST}', 40)`
		);
		times.push(row['QUERY PLAN'][0]['Execution Time']);
	}
	times.sort((a, b) => a - b);
	const [{ n }] = await db.query<{ n: number }>(`select count(*)::int as n from public.help_suggestions('${REQUEST}', 40)`);
	console.log(`\ndatabase: help_suggestions → ${n} candidates; p50 ${percentile(times, 50).toFixed(2)} ms, p99 ${percentile(times, 99).toFixed(2)} ms over ${DB_RUNS} runs (target < 20 ms)`);

	// HTTP: the page as Anna (session cookie) versus PostgREST's RPC with her JWT.
	const login = await fetch(`${running.env.appUrl}/inloggen`, {
		method: 'POST',
		body: new URLSearchParams({ email: 'anna@buurtplein.test', password: 'buurtplein-demo' }),
		headers: { origin: running.env.appUrl, 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': '10.9.0.1' },
		redirect: 'manual'
	});
	const session = login.headers.getSetCookie().find((c) => c.startsWith('session='))?.split(';')[0];
	if (!session) throw new Error(`login failed: ${login.status}`);
	const pageCheck = await fetch(`${running.env.appUrl}/burenhulp/${REQUEST}`, { headers: { cookie: session, 'x-forwarded-for': '10.9.0.1' } });
	if (!(await pageCheck.text()).includes('Buur ·')) throw new Error(`the page shows no suggestions (${pageCheck.status})`);

	// Signed as the app signs per request (tests/support/clients.ts cannot be imported by plain node).
	const jwt = await new SignJWT({ role: 'authenticated', sub: ANNA })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt()
		.setExpirationTime('10m')
		.sign(new TextEncoder().encode(running.env.jwtSecret));
	const run = (title: string, opts: autocannon.Options) =>
		new Promise<autocannon.Result>((resolve, reject) =>
			autocannon({ connections: 25, duration: 10, ...opts, title }, (err, result) => (err ? reject(err) : resolve(result)))
		);
	const page = await run('page', { url: `${running.env.appUrl}/burenhulp/${REQUEST}`, headers: { cookie: session, 'x-forwarded-for': '10.9.0.1' } });
	const rest = await run('postgrest', {
		url: `${running.env.supabaseUrl}/rest/v1/rpc/help_suggestions`,
		method: 'POST',
		body: JSON.stringify({ p_post: REQUEST, p_limit: 40 }),
		headers: { apikey: running.env.anonKey, authorization: `Bearer ${jwt}`, 'content-type': 'application/json' }
	});
	for (const [name, r] of [['page /burenhulp/[id]', page], ['PostgREST rpc/help_suggestions', rest]] as const) {
		console.log(
			`http ${name}: p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${Math.round(r.requests.average)} req/s, ${r.non2xx} non-2xx, ${r.errors} errors (25 connections, 10 s)`
		);
	}
} finally {
	await running.stop();
}
