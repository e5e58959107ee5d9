// Issue 12's figures: the public list of groups (/groepen) and its Dutch full-text search with 5,000
// published groups seeded, at 25 connections on the PostgreSQL server, beside raw PostgREST answering
// the same query (same select, filters, order, page and exact count) in the same run.
import { Browser, demo, signJwt } from '../../tests/support/clients.ts';
import { startTestEnv } from '../../tests/support/env.ts';
import { load, loadRows, table } from './lib.ts';

// Written as the owner with the guard off, so that publication times differ as they would in use.
const SEED = `
alter table public.groepen disable trigger groepen_guard;
insert into public.groepen (name, purpose, kind, themes, buurt_code, wijk_code, gemeente_code, join_mode, join_question, visibility,
  status, stage, created_by, facilitator_id, submitted_at, published_at, opstart_at, last_activity_at, member_count)
select (array['Moestuin', 'Bewonerscommissie', 'Buurtpreventie', 'Koffieclub', 'Wandelgroep', 'Vrijwilligers buurthuis', 'Kookclub', 'Taalcafé'])[1 + g % 8] || ' ' || g,
  'Buren die samen ' || (array['groente kweken', 'meepraten met de corporatie', 'door de wijk lopen', 'koffie drinken', 'wandelen', 'het buurthuis draaien'])[1 + g % 6]
    || '. Iedereen uit de buurt is welkom, ook als je weinig tijd hebt. Nummer ' || g || '.',
  (array['bewonerscommissie', 'buurtpreventieteam', 'vrijwilligers', 'thema_groep', 'anders'])[1 + g % 5],
  array[(array['armoede', 'eenzaamheid', 'sociale_cohesie', 'gezondheid', 'veiligheid', 'leefbaarheid', 'duurzaamheid'])[1 + g % 7]],
  case when g % 4 = 0 then null else b.code end, b.wijk_code, w.gemeente_code,
  case when g % 3 = 0 then 'op_verzoek' else 'open' end, case when g % 3 = 0 then 'Waar woon je?' else '' end,
  case when g % 10 = 0 then 'leden' else 'openbaar' end,
  'gepubliceerd', (array['opstart', 'samen_op_weg', 'zelfstandig'])[1 + g % 3],
  (array['${demo.anna}', '${demo.bram}', '${demo.chantal}', '${demo.emre}']::uuid[])[1 + g % 4], '${demo.workerZwolle}',
  now() - make_interval(mins => g + 60), now() - make_interval(mins => g), now() - make_interval(mins => g), now() - make_interval(mins => g), 1 + g % 30
from generate_series(1, 5000) g
join lateral (select code, wijk_code from public.buurten order by code offset (g % 12) limit 1) b on true
join public.wijken w on w.code = b.wijk_code;
alter table public.groepen enable trigger groepen_guard;
`;

// The query the list page sends for one page (listPublished in src/lib/groepen/queries.server.ts).
const SELECT = 'id,name,summary,kind,themes,stage,join_mode,visibility,member_count,published_at,buurten(naam),wijken(naam),fotos(id,alt,width,height,widths,hash)';
const rawList = (extra = '') => `/rest/v1/groepen?select=${SELECT}&status=eq.gepubliceerd${extra}&order=published_at.desc,id.asc&offset=0&limit=20`;

export async function run(): Promise<void> {
	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
	try {
		const { env } = running;
		const started = performance.now();
		await running.stack.db.exec(SEED);
		// As autovacuum leaves a table in steady use: the visibility map lets counts use the index alone.
		await running.stack.db.exec('vacuum analyze public.groepen');
		const [{ count }] = await running.stack.db.query<{ count: string }>(`select count(*) from public.groepen where status = 'gepubliceerd'`);
		console.log(`Seeded ${count} published groups in ${Math.round(performance.now() - started)} ms`);

		const browser = await new Browser(env).signIn(demo.bram);
		const cookie = `session=${browser.sessionToken}`;
		const userJwt = await signJwt(env.jwtSecret, { role: 'authenticated', sub: demo.bram }, 3600);
		const anon = { apikey: env.anonKey, authorization: `Bearer ${env.anonKey}`, prefer: 'count=estimated' };
		const user = { apikey: env.anonKey, authorization: `Bearer ${userJwt}`, prefer: 'count=estimated' };
		const search = `&search=wfts(dutch).${encodeURIComponent('moestuin')}`;
		const filter = '&kind=eq.buurtpreventieteam&themes=cs.%7Bveiligheid%7D&gemeente_code=eq.GM0193';

		const results = [
			await load('app: /groepen (visitor)', `${env.appUrl}/groepen`),
			await load('PostgREST: same page + count (anon)', `${env.supabaseUrl}${rawList()}`, { headers: anon }),
			await load('app: /groepen (logged in)', `${env.appUrl}/groepen`, { headers: { cookie } }),
			await load('PostgREST: same page + count (user JWT)', `${env.supabaseUrl}${rawList()}`, { headers: user }),
			await load('app: /groepen?q=moestuin (visitor)', `${env.appUrl}/groepen?q=moestuin`),
			await load('PostgREST: same search + count (anon)', `${env.supabaseUrl}${rawList(search)}`, { headers: anon }),
			await load('app: /groepen?soort&thema&gemeente (visitor)', `${env.appUrl}/groepen?soort=buurtpreventieteam&thema=veiligheid&gemeente=GM0193`),
			await load('PostgREST: same filters + count (anon)', `${env.supabaseUrl}${rawList(filter)}`, { headers: anon })
		];
		console.log('\nThroughput at 25 connections on PostgreSQL, 5,000 published groups (8 s each, same run)');
		console.log(table(loadRows(results)));
		for (const [app, raw] of [[0, 1], [2, 3], [4, 5], [6, 7]]) {
			const a = results[app];
			const r = results[raw];
			console.log(`${a.name}: ${a.rps} req/s = ${((a.rps / r.rps) * 100).toFixed(0)}% of raw PostgREST (budget ≥ 25%), p99 ${a.p99} ms (budget < 100 ms)`);
		}
	} finally {
		await running.stop();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
