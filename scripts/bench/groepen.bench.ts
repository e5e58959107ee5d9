// Issue 12's figures: the public list of groups (/groepen) and its Dutch full-text search with 5,000
// published groups seeded, at 25 connections on the PostgreSQL server, beside raw PostgREST answering
// the same query (same select, filters, order, page and count) in the same run. Its seed and measure()
// serve speed.bench.ts too.
import { demo } from '../../tests/support/clients.ts';
import { startTestEnv, type Running, type TestEnv } from '../../tests/support/env.ts';
import { besideRaw, isMain, listBesideRaw, loadRows, person, printShares, SECONDS, seedPublished, table, type BesideRaw, type ListPage } from './lib.ts';

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
const SELECT = 'id,name,summary,kind,themes,stage,join_mode,visibility,member_count,buurten(naam),wijken(naam),fotos(id,alt,width,height,widths,hash)';
const rawList = (extra = '') => `/rest/v1/groepen?select=${SELECT}&status=eq.gepubliceerd${extra}&order=published_at.desc,id.asc&offset=0&limit=20`;
export const LIST: ListPage = { name: '/groepen', path: '/groepen', raw: rawList(), prefer: 'count=estimated' };

/** 5,000 published groups over the buurten; returns how many are published. */
export const seed = (running: Running) => seedPublished(running, SEED, 'groepen');

/**
 * The list page for a visitor and logged in (bram), beside raw PostgREST for the same rows, then (unless
 * more is false) its search and its filters. `list` may be the request the page was seen to send.
 */
export async function measure(env: TestEnv, { list = LIST, more = true }: { list?: ListPage; more?: boolean } = {}): Promise<BesideRaw[]> {
	const { visitor, loggedIn } = await listBesideRaw(env, list, await person(env, demo.bram));
	if (!more) return [visitor, loggedIn];
	const search = `&search=wfts(dutch).${encodeURIComponent('moestuin')}`;
	const filter = '&kind=eq.buurtpreventieteam&themes=cs.%7Bveiligheid%7D&gemeente_code=eq.GM0193';
	return [
		visitor,
		loggedIn,
		await besideRaw(env, ['app: /groepen?q=moestuin (visitor)', 'PostgREST: same search + count (anon)'], { page: '/groepen?q=moestuin', raw: rawList(search), prefer: list.prefer }),
		await besideRaw(env, ['app: /groepen?soort&thema&gemeente (visitor)', 'PostgREST: same filters + count (anon)'], {
			page: '/groepen?soort=buurtpreventieteam&thema=veiligheid&gemeente=GM0193',
			raw: rawList(filter),
			prefer: list.prefer
		})
	];
}

export async function run(): Promise<void> {
	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
	try {
		const started = performance.now();
		const count = await seed(running);
		console.log(`Seeded ${count} published groups in ${Math.round(performance.now() - started)} ms`);
		const pairs = await measure(running.env);
		console.log(`\nThroughput at 25 connections on PostgreSQL, 5,000 published groups (${SECONDS} s each, same run)`);
		console.log(table(loadRows(pairs.flatMap((p) => [p.app, p.raw]))));
		printShares(pairs);
	} finally {
		await running.stop();
	}
}

if (isMain(import.meta.url)) await run();
