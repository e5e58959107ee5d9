// Issue 3's figures: the public list of initiatives and its Dutch full-text search with 10,000
// published initiatives seeded, at 25 connections on the PostgreSQL server, beside raw PostgREST
// answering the same query (same select, filters, order, page and count: estimated, exact up to 1000) in the same run.
// Its seed and measure() serve speed.bench.ts too.
import { demo, signJwt } from '../../tests/support/clients.ts';
import { startTestEnv, type Running, type TestEnv } from '../../tests/support/env.ts';
import { besideRaw, isMain, listBesideRaw, load, loadRows, person, printShares, SECONDS, seedPublished, table, type BesideRaw, type ListPage, type LoadResult } from './lib.ts';

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

// The query the list page sends for one page (see listPublished in src/lib/initiatieven/queries.server.ts).
const SELECT = 'id,title,summary,themes,stage,joiner_count,buurten(naam),fotos(id,alt,width,height,widths,hash)';
const rawList = (extra = '') => `/rest/v1/initiatieven?select=${SELECT}&status=eq.gepubliceerd${extra}&order=published_at.desc,id.asc&offset=0&limit=20`;
export const LIST: ListPage = { name: '/initiatieven', path: '/initiatieven', raw: rawList(), prefer: 'count=estimated' };

/** 10,000 published initiatives over the buurten; returns how many are published. */
export const seed = (running: Running) => seedPublished(running, SEED, 'initiatieven');

export interface Figures {
	visitor: BesideRaw;
	loggedIn: BesideRaw;
	search?: BesideRaw;
	/** Raw PostgREST, the same list query with a worker's JWT (beside visitor.raw, anonymous). */
	worker: LoadResult;
}

/**
 * The list page for a visitor and logged in (bram), beside raw PostgREST for the same rows; its search
 * (unless search is false); and the raw list query with a worker's JWT. `list` may be the request the
 * page was seen to send.
 */
export async function measure(env: TestEnv, { list = LIST, search = true }: { list?: ListPage; search?: boolean } = {}): Promise<Figures> {
	const { visitor, loggedIn } = await listBesideRaw(env, list, await person(env, demo.bram));
	const searched = search
		? await besideRaw(env, ['app: /initiatieven?q=moestuin (visitor)', 'PostgREST: same search + count (anon)'], {
				page: `${list.path}?q=moestuin`,
				raw: rawList(`&search=wfts(dutch).${encodeURIComponent('moestuin')}`),
				prefer: list.prefer
			})
		: undefined;
	const workerJwt = await signJwt(env.jwtSecret, { role: 'authenticated', sub: demo.workerZwolle }, 3600);
	const worker = await load('PostgREST: same page + count (worker JWT)', env.supabaseUrl + list.raw, {
		headers: { apikey: env.anonKey, authorization: `Bearer ${workerJwt}`, prefer: list.prefer }
	});
	return { visitor, loggedIn, search: searched, worker };
}

export async function run(): Promise<void> {
	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
	try {
		const started = performance.now();
		const count = await seed(running);
		console.log(`Seeded ${count} published initiatives in ${Math.round(performance.now() - started)} ms`);
		const f = await measure(running.env);
		const pairs = [f.visitor, f.loggedIn, f.search!];
		console.log(`\nThroughput at 25 connections on PostgreSQL, 10,000 published initiatives (${SECONDS} s each, same run)`);
		console.log(table(loadRows([...pairs.flatMap((p) => [p.app, p.raw]), f.worker])));
		printShares(pairs);
		// Issue 15: the row policies' cost, the same list query with a JWT beside anonymous.
		for (const [jwt, label] of [[f.loggedIn.raw, "a resident's"], [f.worker, "a worker's"]] as const) {
			const share = (jwt.rps / f.visitor.raw.rps) * 100;
			console.log(`raw PostgREST with ${label} JWT: ${jwt.rps} req/s = ${share.toFixed(0)}% of anonymous (target ≥ 80%), p99 ${jwt.p99} vs ${f.visitor.raw.p99} ms`);
		}
	} finally {
		await running.stop();
	}
}

if (isMain(import.meta.url)) await run();
