// Issue 15 ("Speed on a cheap phone and under load") in one run and one table: every figure it asks for,
// each beside its raw PostgREST figure from the same run or its target, and whether the target is met.
//   lists:      10,000 initiatives, 5,000 groups and 20,000 stands seeded on the PostgreSQL server;
//               raw PostgREST's list query with a resident's and a worker's JWT beside anonymous; each
//               public list page with paging (visitor, logged in) beside raw PostgREST for the same rows
//               (the very request the page was seen to send); PostgREST round trips per page view;
//   split:      the same list pages beside raw PostgREST with the site on a CPU of its own (taskset; see
//               withSiteOnItsOwnCpu in lib.ts), as when it runs against a hosted Supabase project;
//   cpu:        where the CPU of one /initiatieven request goes (site, PostgREST, PostgreSQL, the gateway
//               and autocannon), raw PostgREST beside the page: on one shared machine the page's share of
//               raw PostgREST can be at most raw's CPU per request over the page's;
//   map:        the Rommelroute map with those 20,000 stands in headless Chromium, beside the same page
//               without stands: navigation to first drawn points, and the first view's map data;
//   lighthouse: Lighthouse mobile over home, a list, a detail page, the map pages and the logged-in
//               overview, on a second stack with the demo data only (as lighthouse.bench.ts).
// Each figure is measured by the bench that owns it (initiatieven, groepen, rommelroute-map, lighthouse
// and lib.ts); this file seeds once, calls them and judges. SPEED=lists,split,cpu,map,lighthouse picks sections,
// BENCH_SECONDS shortens the load (8 s a figure) while developing.
// Run `npx vite build` first, then `node scripts/bench/speed.bench.ts` (or `npm run bench -- speed`).
import { demo } from '../../tests/support/clients.ts';
import { startTestEnv, type TestEnv } from '../../tests/support/env.ts';
import * as groepen from './groepen.bench.ts';
import * as initiatieven from './initiatieven.bench.ts';
import { lighthouseOnDemoData, TARGET_SCORE, TARGET_TBT_MS, type PageScore } from './lighthouse.bench.ts';
import { cpuPerRequest, listBesideRaw, median, person, withSiteOnItsOwnCpu, roundTrips, SECONDS, sameRequest, sentList, table, type BesideRaw, type CpuCost, type ListPage, type LoadResult, type Sent } from './lib.ts';
import { measureMap, seedStands, STAND_LIST, STANDS, type MapFigures } from './rommelroute-map.bench.ts';

const TARGET_JWT_SHARE = 80;
const TARGET_APP_SHARE = 200 / 3;
const TARGET_P99_RATIO = 1.5;
const TARGET_TRIPS_LOGGED_IN = 2;
/** "The session and the page": a visitor has no session, so only the page's own query. */
const TARGET_TRIPS_VISITOR = 1;
const TARGET_FIRST_DRAW_MS = 1200;
const TARGET_MAP_KB = 60;
/** Web Vitals' "good" (the issue names no figure for these two). */
const GOOD_LCP_MS = 2500;
const GOOD_CLS = 0.1;

const sections = new Set((process.env.SPEED ?? 'lists,split,cpu,map,lighthouse').split(',').map((s) => s.trim()));
const rows: { figure: string; measured: string; beside: string; target: string; 'met?': string }[] = [];
const row = (figure: string, measured: string, beside: string, target: string, met?: boolean) =>
	rows.push({ figure, measured, beside, target, 'met?': met === undefined ? '—' : met ? 'yes' : 'no' });
/** A load with failed or non-2xx answers is no figure: it says so, and meets nothing. */
const failures = (...results: LoadResult[]) => results.reduce((n, r) => n + r.errors + r.non2xx, 0);
const flagged = (text: string, ...results: LoadResult[]) => (failures(...results) ? `${text} (${failures(...results)} failed!)` : text);
const pct = (a: number, b: number) => (a / b) * 100;
const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
const started = performance.now();

/** What the site sends for each list page, visitor and logged in: the request for its rows, and how many. */
async function tripsAndRequests(env: TestEnv, lists: ListPage[], cookie: string) {
	const views = lists.flatMap((l) => [{ path: l.path }, { path: l.path, cookie }]);
	const sent = await roundTrips(env, views);
	return lists.map((list, i) => {
		const [visitor, loggedIn] = [sent[2 * i], sent[2 * i + 1]];
		const seen = sentList(list, loggedIn);
		if (!seen) throw new Error(`${list.name}: the page sent no request for ${list.raw.split('?')[0]}: ${loggedIn.map((s) => s.url).join(', ')}`);
		if (!sameRequest(seen.raw, list.raw) || seen.prefer !== list.prefer)
			console.log(`note: ${list.name} sends ${seen.raw} (Prefer: ${seen.prefer}), not the bench's ${list.raw} (Prefer: ${list.prefer}); the page's is used`);
		return { list: seen, visitor, loggedIn };
	});
}

function listRows(name: string, who: 'visitor' | 'logged in' | 'visitor, site on its own CPU' | 'logged in, site on its own CPU', { app, raw }: BesideRaw) {
	const role = who.startsWith('visitor') ? 'anon' : 'resident JWT';
	const share = pct(app.rps, raw.rps);
	row(`${name} ${who}: req/s vs raw PostgREST`, flagged(`${share.toFixed(0)}% (${app.rps} req/s)`, app, raw), `raw ${raw.rps} req/s (${role})`, `≥ ${TARGET_APP_SHARE.toFixed(1)}%`, !failures(app, raw) && share >= TARGET_APP_SHARE);
	const ratio = app.p99 / raw.p99;
	row(`${name} ${who}: p99 vs raw PostgREST`, `${ratio.toFixed(2)}× (${app.p99} ms)`, `raw p99 ${raw.p99} ms`, `≤ ${TARGET_P99_RATIO}×`, !failures(app, raw) && ratio <= TARGET_P99_RATIO);
}

function tripRows(name: string, visitor: Sent[], loggedIn: Sent[]) {
	row(`${name} logged in: PostgREST round trips`, String(loggedIn.length), `visitor ${visitor.length}`, `≤ ${TARGET_TRIPS_LOGGED_IN}`, loggedIn.length <= TARGET_TRIPS_LOGGED_IN);
	row(`${name} visitor: PostgREST round trips`, String(visitor.length), '—', `≤ ${TARGET_TRIPS_VISITOR}`, visitor.length <= TARGET_TRIPS_VISITOR);
}

function mapRows({ runs, empty }: MapFigures) {
	const draw = median(runs.map((r) => r.ms));
	row(`${STANDS.toLocaleString('en')} stands: navigation → first drawn points (median of ${runs.length})`, `${draw.toFixed(0)} ms`, `without stands ${median(empty.map((r) => r.ms)).toFixed(0)} ms`, `< ${TARGET_FIRST_DRAW_MS} ms`, draw < TARGET_FIRST_DRAW_MS);
	const data = median(runs.map((r) => r.data));
	row(`${STANDS.toLocaleString('en')} stands: first view's map data, gzipped`, `${kB(data)} in ${runs[0].dataRequests} request(s)`, `without stands ${kB(median(empty.map((r) => r.data)))}`, `< ${TARGET_MAP_KB} kB`, data < TARGET_MAP_KB * 1024);
}

const ms = (n: number) => n.toFixed(2);
const totalCpu = (c: CpuCost) => c.site + c.postgrest + c.postgres + c.bench;

function cpuRows(costs: CpuCost[]) {
	for (const c of costs)
		row(`CPU per request: ${c.load.name}`, flagged(`${ms(totalCpu(c))} ms`, c.load), `site ${ms(c.site)} · PostgREST ${ms(c.postgrest)} · PostgreSQL ${ms(c.postgres)} · gateway+load ${ms(c.bench)} ms`, '—');
}

/**
 * On one machine whose CPUs are all busy, throughput is CPUs over CPU per request: the page's share of
 * raw PostgREST can be at most raw's CPU per request over the page's. For 2/3 the page may cost 1.5× raw;
 * what the site itself may spend is that less the rest of the page's request.
 */
function ceilingRows(who: string, raw: CpuCost, page: CpuCost) {
	const ceiling = pct(totalCpu(raw), totalCpu(page));
	row(`/initiatieven ${who}: highest share of raw PostgREST one shared machine allows`, `${ceiling.toFixed(0)}%`, `raw ${ms(totalCpu(raw))} ms against the page's ${ms(totalCpu(page))} ms of CPU a request`, `≥ ${TARGET_APP_SHARE.toFixed(1)}%`, ceiling >= TARGET_APP_SHARE);
	const allowed = totalCpu(raw) * (100 / TARGET_APP_SHARE) - (totalCpu(page) - page.site);
	row(`/initiatieven ${who}: the site's own CPU per page`, `${ms(page.site)} ms`, `the rest of the page's request ${ms(totalCpu(page) - page.site)} ms`, `≤ ${ms(Math.max(0, allowed))} ms for 2/3`, page.site <= allowed);
}

function lighthouseRows(scores: PageScore[]) {
	for (const p of scores) {
		const page = `Lighthouse ${p.name.startsWith('map ') ? p.path : `${p.path} ${p.name}`}${p.status === 200 ? '' : ` HTTP ${p.status}`}${p.error ? ` ${p.error}` : ''}`;
		row(`${page}: performance`, String(p.performance), '—', p.map ? `≥ ${TARGET_SCORE}` : '— (not a map page)', p.map ? p.performance >= TARGET_SCORE : undefined);
		row(`${page}: TBT`, `${Math.round(p.tbtMs)} ms`, '—', `< ${TARGET_TBT_MS} ms`, p.tbtMs < TARGET_TBT_MS);
		row(`${page}: LCP`, `${(p.lcpMs / 1000).toFixed(2)} s`, p.lcpElement, `≤ ${GOOD_LCP_MS / 1000} s (Web Vitals)`, p.lcpMs <= GOOD_LCP_MS);
		row(`${page}: CLS`, p.cls.toFixed(3), '—', `≤ ${GOOD_CLS} (Web Vitals)`, p.cls <= GOOD_CLS);
		row(`${page}: transferred`, kB(p.bytes), '—', '—');
	}
}

if (sections.has('lists') || sections.has('split') || sections.has('cpu') || sections.has('map')) {
	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off', PUBLIC_MAP_STYLE_URL: 'offline' });
	try {
		const seeding = performance.now();
		const counts = [await initiatieven.seed(running), await groepen.seed(running)];
		await seedStands(running, { empty: true });
		console.log(`Seeded ${counts[0]} published initiatives, ${counts[1]} published groups and ${STANDS} approved stands in ${Math.round(performance.now() - seeding)} ms`);

		if (sections.has('lists')) {
			const resident = await person(running.env, demo.bram);
			const [ini, gro, stands] = await tripsAndRequests(running.env, [initiatieven.LIST, groepen.LIST, STAND_LIST], resident.cookie);
			for (const { list, loggedIn } of [ini, gro, stands]) console.log(`${list.name} logged in sends: ${loggedIn.map((s) => `${s.method} ${s.url.split('?')[0]}`).join(', ')}`);
			console.log(`Load: autocannon, 25 connections, 1 s warm-up then ${SECONDS} s a figure, loopback only`);
			const i = await initiatieven.measure(running.env, { list: ini.list, search: false });
			const [gVisitor, gLoggedIn] = await groepen.measure(running.env, { list: gro.list, more: false });
			const s = await listBesideRaw(running.env, stands.list, resident);

			for (const [jwt, label] of [[i.loggedIn.raw, "a resident's"], [i.worker, "a worker's"]] as const) {
				const share = pct(jwt.rps, i.visitor.raw.rps);
				row(`raw PostgREST list (/initiatieven) with ${label} JWT: req/s`, flagged(`${share.toFixed(0)}% of anonymous (${jwt.rps} req/s)`, jwt), `anonymous ${i.visitor.raw.rps} req/s`, `≥ ${TARGET_JWT_SHARE}%`, !failures(jwt, i.visitor.raw) && share >= TARGET_JWT_SHARE);
			}
			for (const [name, visitor, loggedIn] of [
				[initiatieven.LIST.name, i.visitor, i.loggedIn],
				[groepen.LIST.name, gVisitor, gLoggedIn],
				[STAND_LIST.name, s.visitor, s.loggedIn]
			] as const) {
				listRows(name, 'visitor', visitor);
				listRows(name, 'logged in', loggedIn);
			}
			for (const { list, visitor, loggedIn } of [ini, gro, stands]) tripRows(list.name, visitor, loggedIn);
		}
		if (sections.has('split')) {
			// The same pages with the site on a CPU of its own (see withSiteOnItsOwnCpu): what the site costs
			// when its rendering does not take CPU from PostgREST, as against a hosted Supabase project.
			const resident = await person(running.env, demo.bram);
			const [ini, gro, stands] = await tripsAndRequests(running.env, [initiatieven.LIST, groepen.LIST, STAND_LIST], resident.cookie);
			const split = await withSiteOnItsOwnCpu(async () => [
				[ini.list.name, await listBesideRaw(running.env, ini.list, resident)],
				[gro.list.name, await listBesideRaw(running.env, gro.list, resident)],
				[stands.list.name, await listBesideRaw(running.env, stands.list, resident)]
			] as const);
			for (const [name, { visitor, loggedIn }] of split) {
				listRows(name, 'visitor, site on its own CPU', visitor);
				listRows(name, 'logged in, site on its own CPU', loggedIn);
			}
		}
		if (sections.has('cpu')) {
			const resident = await person(running.env, demo.bram);
			const [ini] = await tripsAndRequests(running.env, [initiatieven.LIST], resident.cookie);
			const raw = (jwt: string) => ({ apikey: running.env.anonKey, authorization: `Bearer ${jwt}`, prefer: ini.list.prefer });
			const costs = [
				await cpuPerRequest('raw PostgREST list (anon)', running.env.supabaseUrl + ini.list.raw, raw(running.env.anonKey)),
				await cpuPerRequest('/initiatieven visitor', running.env.appUrl + ini.list.path),
				await cpuPerRequest("raw PostgREST list (resident's JWT)", running.env.supabaseUrl + ini.list.raw, raw(resident.jwt)),
				await cpuPerRequest('/initiatieven logged in', running.env.appUrl + ini.list.path, { cookie: resident.cookie })
			];
			cpuRows(costs);
			ceilingRows('visitor', costs[0], costs[1]);
			ceilingRows('logged in', costs[2], costs[3]);
		}
		if (sections.has('map')) mapRows(await measureMap(running.env));
	} finally {
		await running.stop();
	}
}

// On a stack of its own with the demo data only, so the figures are those of lighthouse.bench.ts.
if (sections.has('lighthouse')) lighthouseRows(await lighthouseOnDemoData());

const missed = rows.filter((r) => r['met?'] === 'no').length;
console.log(`\nIssue 15, one run (${[...sections].join(', ')}; PostgreSQL, 25 connections, ${SECONDS} s a load figure; ${Math.round((performance.now() - started) / 1000)} s in all)`);
console.log(table(rows));
console.log(`\n${missed ? `${missed} figure(s) miss their target` : 'every figure meets its target'}. Only comparable within one run on an otherwise idle machine.`);
