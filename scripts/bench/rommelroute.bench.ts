// The Rommelroute map's benchmark: 20k approved stands in one Rommelroute on a PostgreSQL server, then
//   1. the size of the map's data over the wire (gzip and plain), app endpoint vs raw PostgREST;
//   2. time to first render of the map with all stands, in headless Chromium;
//   3. the JavaScript each map and non-map page loads (gzipped);
//   4. throughput and latency of the stand list page and the GeoJSON vs raw PostgREST (autocannon).
// Run `npx vite build` first, then `node scripts/bench/rommelroute.bench.ts`.
import autocannon from 'autocannon';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { SignJWT } from 'jose';
import { startTestEnv } from '../../tests/support/env.ts';
import { wireSize } from './lib.ts';
import { EDITION, seedStands, STAND_LIST, STANDS } from './rommelroute-map.bench.ts';

const SERIES = '10000000-0000-4000-8000-000000000001';
const DURATION = 8;

const running = await startTestEnv('postgres', { RATE_LIMITS: 'off' });
const { env } = running;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

try {
	console.log(`Seeding ${STANDS} approved stands…`);
	await seedStands(running);

	// 1. Size over the wire.
	const appGeo = `${env.appUrl}/rommelroute/${EDITION}/kramen.geojson`;
	const rawGeo = `${env.supabaseUrl}/rest/v1/rpc/rommelroute_map?p_edition=${EDITION}`;
	const anonHeaders = { apikey: env.anonKey, authorization: `Bearer ${env.anonKey}` };
	const appGzip = await wireSize(appGeo);
	const appPlain = await wireSize(appGeo, {});
	const rawPlain = await wireSize(rawGeo, { ...anonHeaders, 'accept-encoding': 'gzip' });
	const features = JSON.parse(await (await fetch(appGeo)).text()).features.length;
	const timed = async (url: string, headers: Record<string, string>) => {
		const started = performance.now();
		await (await fetch(url, { headers })).arrayBuffer();
		return performance.now() - started;
	};
	// The app's first request after a decision builds the document; later ones within 30 s are cached.
	const appTimes = [await timed(appGeo, {}), await timed(appGeo, {}), await timed(appGeo, {})];
	const rawTimes = [await timed(rawGeo, anonHeaders), await timed(rawGeo, anonHeaders), await timed(rawGeo, anonHeaders)];
	console.log(`\n1. Map data for ${features} stands`);
	console.log(`   app /kramen.geojson: ${kb(appGzip.bytes)} (${appGzip.encoding}), ${kb(appPlain.bytes)} plain`);
	console.log(`   raw PostgREST rpc:   ${kb(rawPlain.bytes)} (${rawPlain.encoding})`);
	console.log(`   one request at a time: app ${appTimes.map((t) => t.toFixed(0)).join(', ')} ms; raw PostgREST ${rawTimes.map((t) => t.toFixed(0)).join(', ')} ms`);

	// 2 and 3. In headless Chromium: time to first render, and JavaScript per page.
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking']
	});
	const renders: number[] = [];
	for (let i = 0; i < 3; i++) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
		const page = await context.newPage();
		const started = performance.now();
		await page.goto(`${env.appUrl}/rommelroute/${EDITION}`);
		await page.waitForSelector('.map[data-rendered]', { timeout: 60_000 });
		renders.push(performance.now() - started);
		await context.close();
	}
	console.log(`\n2. Time to first render of the map with ${features} stands (navigation → all points drawn)`);
	console.log(`   ${renders.map((ms) => `${ms.toFixed(0)} ms`).join(', ')} (median ${[...renders].sort((a, b) => a - b)[1].toFixed(0)} ms)`);

	const pages: [string, string, boolean][] = [
		['home (no map)', '/', false],
		['repair café (no map)', `/repair-cafe/${SERIES}`, false],
		['route list (no map)', `/rommelroute/${EDITION}/routelijst`, false],
		['overview map', '/kaart', true],
		['rommelroute map', `/rommelroute/${EDITION}`, true]
	];
	console.log('\n3. JavaScript per page, gzipped (worker included where the map starts one)');
	for (const [name, path, map] of pages) {
		const context = await browser.newContext();
		const scripts = new Map<string, number>();
		const library = new Set<string>();
		context.on('response', async (response) => {
			const type = response.headers()['content-type'] ?? '';
			if (!/javascript/.test(type)) return;
			try {
				const body = await response.body();
				scripts.set(response.url(), gzipSync(body).length);
				if (/maplibre/i.test(response.url()) || body.includes('maplibregl-')) library.add(response.url());
			} catch {
				// a body that is gone (navigation) is not counted
			}
		});
		const page = await context.newPage();
		await page.goto(`${env.appUrl}${path}`);
		if (map) await page.waitForSelector('.map[data-rendered]', { timeout: 60_000 });
		await page.waitForLoadState('networkidle');
		const total = [...scripts.values()].reduce((a, b) => a + b, 0);
		const maplibre = [...scripts.entries()].filter(([url]) => library.has(url)).reduce((a, [, b]) => a + b, 0);
		console.log(`   ${name.padEnd(22)} ${kb(total).padStart(9)}  (${scripts.size} files${maplibre ? `; maplibre-gl and its worker ${kb(maplibre)}, the rest ${kb(total - maplibre)}` : ''})`);
		await context.close();
	}
	await browser.close();

	// 4. The list page and the GeoJSON under load, against raw PostgREST for the same query.
	// The same kind of token the app signs per request (tests/support/clients.ts signJwt; that file
	// uses TypeScript that Node's type stripping cannot run).
	const token = await new SignJWT({ role: 'authenticated', sub: '00000000-0000-4000-8000-000000000012' })
		.setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
		.setIssuedAt()
		.setExpirationTime('10m')
		.sign(new TextEncoder().encode(env.jwtSecret));
	const userHeaders = { apikey: env.anonKey, authorization: `Bearer ${token}` };
	const runs: [string, string, Record<string, string>][] = [
		['app list page (50 stands)', `${env.appUrl}/rommelroute/${EDITION}`, {}],
		[
			'raw PostgREST list (50)',
			`${env.supabaseUrl}${STAND_LIST.raw}`,
			{ ...userHeaders, prefer: STAND_LIST.prefer }
		],
		['app GeoJSON (20k, gzip)', appGeo, { 'accept-encoding': 'gzip' }],
		['raw PostgREST rpc (20k)', rawGeo, userHeaders]
	];
	console.log(`\n4. Under load: autocannon, 25 connections, ${DURATION} s each`);
	for (const [name, url, headers] of runs) {
		const result = await autocannon({ url, connections: 25, duration: DURATION, headers });
		const errors = result.errors + result.non2xx;
		console.log(`   ${name.padEnd(26)} ${result.requests.average.toFixed(0).padStart(6)} req/s  p50 ${result.latency.p50} ms  p99 ${result.latency.p99} ms  errors ${errors}`);
	}
} finally {
	await running.stop();
}
