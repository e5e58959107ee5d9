// Issue 3's figures: the public list of initiatives and its Dutch full-text search with 10,000
// published initiatives seeded, at 25 connections on the PostgreSQL server, beside raw PostgREST
// answering the same query (same select, filters, order, page and count: estimated, exact up to 1000) in the same run.
import { Browser, demo, signJwt } from '../../tests/support/clients.ts';
import { startTestEnv } from '../../tests/support/env.ts';
import { load, loadRows, table } from './lib.ts';

const SEED = `
alter table public.initiatieven disable trigger initiatieven_guard;
insert into public.initiatieven (author_id, title, body, themes, buurt_code, wijk_code, gemeente_code, lat, lng, needs,
  hands_count, status, stage, submitted_at, published_at)
select (array['${demo.anna}', '${demo.bram}', '${demo.chantal}', '${demo.emre}']::uuid[])[1 + g % 4],
  (array['Moestuin', 'Koffieochtend', 'Zwerfafval prikken', 'Buurtfeest', 'Huiswerkhulp', 'Repair Café', 'Speeltuin opknappen', 'Bankjes'])[1 + g % 8] || ' ' || g,
  'Bewoners van de buurt werken samen aan ' || (array['een groene straat', 'minder eenzaamheid', 'een schone buurt', 'ontmoeting', 'hulp bij geldzaken'])[1 + g % 5]
    || '. Iedereen is welkom om mee te doen, ook als je weinig tijd hebt. Nummer ' || g || '.',
  array[(array['armoede', 'eenzaamheid', 'sociale_cohesie', 'gezondheid', 'veiligheid', 'leefbaarheid', 'duurzaamheid'])[1 + g % 7]],
  b.code, b.wijk_code, w.gemeente_code,
  case when g % 3 = 0 then b.lat + (g % 50) * 0.0001 end, case when g % 3 = 0 then b.lng + (g % 50) * 0.0001 end,
  case g % 4 when 0 then '{handen}'::text[] when 1 then '{materialen}'::text[] when 2 then '{handen,geld}'::text[] else '{}'::text[] end,
  case when g % 4 in (0, 2) then 1 + g % 10 end,
  'gepubliceerd', (array['idee', 'plan', 'uitvoering', 'zelfstandig', 'afgerond'])[1 + g % 5],
  now() - make_interval(mins => g + 60), now() - make_interval(mins => g)
from generate_series(1, 10000) g
join lateral (select code, wijk_code, lat, lng from public.buurten order by code offset (g % 12) limit 1) b on true
join public.wijken w on w.code = b.wijk_code;
alter table public.initiatieven enable trigger initiatieven_guard;
`;

// The query the list page sends for one page (see listPublished in src/lib/server/initiatieven.ts).
const SELECT = 'id,title,summary,themes,stage,needs,joiner_count,published_at,lat,lng,buurten(naam,lat,lng),fotos(id,alt,width,height,widths,hash)';
const rawList = (extra = '') => `/rest/v1/initiatieven?select=${SELECT}&status=eq.gepubliceerd${extra}&order=published_at.desc,id.asc&offset=0&limit=20`;

export async function run(): Promise<void> {
	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
	try {
		const { env } = running;
		const started = performance.now();
		await running.stack.db.exec(SEED);
		// As autovacuum leaves a table in steady use: the visibility map lets counts use the index alone.
		await running.stack.db.exec('vacuum analyze public.initiatieven');
		const [{ count }] = await running.stack.db.query<{ count: string }>(`select count(*) from public.initiatieven where status = 'gepubliceerd'`);
		console.log(`Seeded ${count} published initiatives in ${Math.round(performance.now() - started)} ms`);

		const browser = new Browser(env);
		await browser.login('bram@buurtplein.test');
		const cookie = `session=${browser.sessionToken}`;
		const userJwt = await signJwt(env.jwtSecret, { role: 'authenticated', sub: demo.bram }, 3600);
		const workerJwt = await signJwt(env.jwtSecret, { role: 'authenticated', sub: demo.workerZwolle }, 3600);
		const worker = { apikey: env.anonKey, authorization: `Bearer ${workerJwt}`, prefer: 'count=estimated' };
		const anon = { apikey: env.anonKey, authorization: `Bearer ${env.anonKey}`, prefer: 'count=estimated' };
		const user = { apikey: env.anonKey, authorization: `Bearer ${userJwt}`, prefer: 'count=estimated' };
		const search = `&search=wfts(dutch).${encodeURIComponent('moestuin')}`;

		const results = [
			await load('app: /initiatieven (visitor)', `${env.appUrl}/initiatieven`),
			await load('PostgREST: same page + count (anon)', `${env.supabaseUrl}${rawList()}`, { headers: anon }),
			await load('app: /initiatieven (logged in)', `${env.appUrl}/initiatieven`, { headers: { cookie } }),
			await load('PostgREST: same page + count (user JWT)', `${env.supabaseUrl}${rawList()}`, { headers: user }),
			await load('app: /initiatieven?q=moestuin (visitor)', `${env.appUrl}/initiatieven?q=moestuin`),
			await load('PostgREST: same search + count (anon)', `${env.supabaseUrl}${rawList(search)}`, { headers: anon }),
			await load('PostgREST: same page + count (worker JWT)', `${env.supabaseUrl}${rawList()}`, { headers: worker })
		];
		console.log('\nThroughput at 25 connections on PostgreSQL, 10,000 published initiatives (8 s each, same run)');
		console.log(table(loadRows(results)));
		for (const [app, raw] of [[0, 1], [2, 3], [4, 5]]) {
			const a = results[app];
			const r = results[raw];
			console.log(`${a.name}: ${a.rps} req/s = ${((a.rps / r.rps) * 100).toFixed(0)}% of raw PostgREST (budget ≥ 25%), p99 ${a.p99} ms (budget < 100 ms)`);
		}
		// Issue 15: the row policies' cost, the same list query with a JWT beside anonymous.
		for (const [jwt, label] of [[3, "a resident's"], [6, "a worker's"]] as const) {
			const share = (results[jwt].rps / results[1].rps) * 100;
			console.log(`raw PostgREST with ${label} JWT: ${results[jwt].rps} req/s = ${share.toFixed(0)}% of anonymous (target ≥ 80%), p99 ${results[jwt].p99} vs ${results[1].p99} ms`);
		}
	} finally {
		await running.stop();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
