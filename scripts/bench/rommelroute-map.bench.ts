// The Rommelroute map with many stands (issue 15, point 4): 20,000 approved stands in one edition on a
// PostgreSQL server, the map page loaded in headless Chromium (offline basemap), and printed:
//   - time from navigation to the first drawn points (the map's `data-rendered`: the first 'idle' with
//     the map's data in its source), target < 1.2 s;
//   - bytes over the wire for that first view (the responses' encoded sizes, so gzipped where the
//     server compresses), all of it and the map data alone, target < 60 kB for the map data;
//   - the map data of one request: the viewport endpoint vs all stands at once (/kramen.geojson).
// The same file runs against main's code for the "before" figure (copy it into a checkout of main).
// Run `npx vite build` first, then `node scripts/bench/rommelroute-map.bench.ts`. Its seed and
// measureMap() serve rommelroute.bench.ts and speed.bench.ts too.
import { chromium } from 'playwright-core';
import { startTestEnv, type Running, type TestEnv } from '../../tests/support/env.ts';
import { isMain, median, wireSize, type ListPage } from './lib.ts';

export const STANDS = 20_000;
export const EDITION = '20000000-0000-4000-8000-000000000001';
/** An edition without stands: the same page and map, to tell MapLibre's own start from the points'. */
const EMPTY = '20000000-0000-4000-8000-0000000000ee';
const RUNS = 5;

/** The edition's page lists its stands, 50 a page with an exact count (src/routes/(public)/rommelroute/[id]/+page.server.ts). */
export const STAND_LIST: ListPage = {
	name: '/rommelroute/:id',
	path: `/rommelroute/${EDITION}`,
	// The edition, a page of its stands (counted exactly up to 1000) and one's own, in one call (see
	// rommelroute_edition_page); before issue 15 the page read stands_public with count=exact after the edition.
	raw: `/rest/v1/rpc/rommelroute_edition_page?p_edition=${EDITION}&p_offset=0&p_limit=50`,
	prefer: ''
};

/** 20,000 approved stands in the demo edition, and (with empty) a second edition of the same wijk without any. */
export async function seedStands(running: Running, { empty = false } = {}): Promise<void> {
	// Bulk seeding skips the guard trigger (registration window, review by a worker): it is data, not a flow.
	await running.stack.db.exec(`
		alter table public.rommelroute_stands disable trigger rommelroute_stands_guard;
		insert into public.rommelroute_stands (edition_id, resident_id, postcode, huisnummer, street, city, lat, lng, sells, description, status)
		select '${EDITION}', '00000000-0000-4000-8000-000000000011', '8024ZZ', g, 'Straat ' || lpad((g % 400)::text, 3, '0'), 'Zwolle',
		       52.50 + random() * 0.06, 6.04 + random() * 0.08, '{boeken,kleding}', 'Van alles', 'goedgekeurd'
		  from generate_series(1, ${STANDS}) g;
		alter table public.rommelroute_stands enable trigger rommelroute_stands_guard;
		analyze public.rommelroute_stands;`);
	if (empty)
		await running.stack.db.exec(`
			insert into public.rommelroute_editions (id, wijk_code, title, day, starts, ends, registration_opens, registration_closes, created_by)
			values ('${EMPTY}', 'WK019306', 'Leeg', '2031-06-01', '10:00', '15:00', '2020-01-01', '2031-05-01', '00000000-0000-4000-8000-000000000004');`);
}

/** One timed load of the map page. Bytes are as sent over the wire (gzipped where the server compresses). */
export interface MapLoad {
	/** Navigation to the first drawn points (`data-rendered`). */
	ms: number;
	/** Navigation to the map's 'load' (MapLibre, style, layers). */
	styleMs: number;
	total: number;
	/** The map data alone (/punten, /kramen.geojson). */
	data: number;
	dataRequests: number;
	features: number;
}

export interface MapFigures {
	/** With the stands; then the same page and map without stands. */
	runs: MapLoad[];
	empty: MapLoad[];
	/** The map data of one request: all stands at once, and one viewport at zoom 13. */
	all: { status: number; bytes: number; encoding: string };
	view: { status: number; bytes: number; encoding: string };
}

/** The map page with the stands and without (after seedStands with empty), RUNS loads each after one warm-up. */
export async function measureMap(env: TestEnv): Promise<MapFigures> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking']
	});
	// One warm-up load (the server builds and caches the edition's data), then timed loads.
	const load = async (edition: string) => {
		const runs: MapLoad[] = [];
		for (let i = 0; i <= RUNS; i++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const sizes: Promise<{ url: string; bytes: number }>[] = [];
			page.on('requestfinished', (request) =>
				sizes.push(request.sizes().then((s) => ({ url: request.url(), bytes: s.responseBodySize + s.responseHeadersSize })))
			);
			const started = performance.now();
			await page.goto(`${env.appUrl}/rommelroute/${edition}`);
			await page.waitForSelector('.map[data-ready]', { timeout: 60_000 });
			const styleMs = performance.now() - started;
			await page.waitForSelector('.map[data-rendered]', { timeout: 60_000 });
			const ms = performance.now() - started;
			const features = await page.evaluate(() => document.querySelectorAll('.map-cluster-count').length);
			const done = await Promise.all(sizes);
			const isData = (url: string) => /\/(punten|kramen\.geojson)/.test(url);
			if (i > 0)
				runs.push({
					ms,
					styleMs,
					total: done.reduce((n, r) => n + r.bytes, 0),
					data: done.filter((r) => isData(r.url)).reduce((n, r) => n + r.bytes, 0),
					dataRequests: done.filter((r) => isData(r.url)).length,
					features
				});
			await context.close();
		}
		return runs;
	};
	try {
		const runs = await load(EDITION);
		const empty = await load(EMPTY);
		// The map data of one request, gzipped, for the view of the page and for all stands at once.
		const all = await wireSize(`${env.appUrl}/rommelroute/${EDITION}/kramen.geojson`);
		const view = await wireSize(`${env.appUrl}/rommelroute/${EDITION}/punten?bbox=6.02,52.49,6.14,52.57&zoom=13`);
		return { runs, empty, all, view };
	} finally {
		await browser.close();
	}
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

export function printMap({ runs, empty, all, view }: MapFigures): void {
	console.log(`\nRommelroute map, ${STANDS} stands, headless Chromium 1280×900, offline basemap (${RUNS} loads after one warm-up)`);
	console.log(`   navigation → first drawn points: ${runs.map((r) => `${r.ms.toFixed(0)} ms`).join(', ')}; median ${median(runs.map((r) => r.ms)).toFixed(0)} ms (target < 1200 ms)`);
	console.log(`   of which to the map's 'load' (MapLibre, style, layers): median ${median(runs.map((r) => r.styleMs)).toFixed(0)} ms`);
	console.log(`   the same page and map without stands: median ${median(empty.map((r) => r.ms)).toFixed(0)} ms to drawn (MapLibre's own start)`);
	console.log(`   first view over the wire: ${kb(median(runs.map((r) => r.total)))} in all (page, scripts, map library), of which map data ${kb(median(runs.map((r) => r.data)))} in ${runs[0].dataRequests} request(s) (target < 60 kB)`);
	console.log(`   cluster labels drawn: ${runs[0].features}`);
	console.log(`   all stands at once (/kramen.geojson): ${kb(all.bytes)} (${all.encoding})`);
	if (view.status === 200) console.log(`   one viewport, zoom 13 (/punten): ${kb(view.bytes)} (${view.encoding})`);
}

if (isMain(import.meta.url)) {
	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off', PUBLIC_MAP_STYLE_URL: 'offline' });
	try {
		console.log(`Seeding ${STANDS} approved stands…`);
		await seedStands(running, { empty: true });
		printMap(await measureMap(running.env));
	} finally {
		await running.stop();
	}
}
