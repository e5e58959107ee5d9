// Lighthouse (the npm package, mobile profile: its default, a mid-range phone on a slow 4G line with
// simulated throttling) over the built site on a local stack with the demo data, in Debian's Chromium
// (headless). One page at a time, each in a fresh Chromium, and a table of performance, LCP, TBT, CLS
// and transferred bytes per page beside the targets of issue 15 (performance ≥ 90 on every map page,
// total blocking time < 300 ms).
// Run `npx vite build` first, then `node scripts/bench/lighthouse.bench.ts` (or `npm run bench -- lighthouse`).
// Maps use the built-in style (PUBLIC_MAP_STYLE_URL=offline): there is no internet here, so PDOK's
// basemap is not part of the figures. measureLighthouse() serves speed.bench.ts too.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { startTestEnv, type TestEnv } from '../../tests/support/env.ts';
import { Browser, service } from '../../tests/support/clients.ts';
import { isMain, table } from './lib.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const EDITION = '20000000-0000-4000-8000-000000000001';
export const TARGET_SCORE = 90;
export const TARGET_TBT_MS = 300;

/** What the largest paint was, shortly: "h2 Repair Cafés en …" (the list should be it on map pages). */
function lcpElement(details: unknown): string {
	// Lighthouse 13: the LCP breakdown insight is a list of a table (its subparts) and the node.
	const list = details as { items?: { type?: string; nodeLabel?: string; selector?: string }[] } | undefined;
	const node = list?.items?.find((item) => item.type === 'node');
	if (!node) return '-';
	const tag = (node.selector ?? '').split(/\s*>\s*/).pop()?.split(/[.#:[]/)[0] ?? '';
	const label = (node.nodeLabel ?? '').replace(/\s+/g, ' ').trim();
	return `${tag} ${label.length > 28 ? `${label.slice(0, 27)}…` : label}`.trim();
}

/** One page's Lighthouse figures. */
export interface PageScore {
	name: string;
	/** The path, with ids as :id. */
	path: string;
	/** A map page: its target is performance ≥ TARGET_SCORE. */
	map: boolean;
	status: number;
	performance: number;
	lcpMs: number;
	tbtMs: number;
	cls: number;
	bytes: number;
	lcpElement: string;
	error?: string;
}

/** Whether a page meets issue 15's targets: performance ≥ 90 on a map page, TBT < 300 ms on every page. */
export const meetsTargets = (p: PageScore) => p.performance >= (p.map ? TARGET_SCORE : 0) && p.tbtMs < TARGET_TBT_MS;

/** Lighthouse over the pages of issue 15 on a running site with the demo data, one page at a time. */
export async function measureLighthouse(env: TestEnv): Promise<PageScore[]> {
	const { data: initiative } = await service(env).from('initiatieven').select('id').eq('status', 'gepubliceerd').limit(1).maybeSingle();
	const resident = new Browser(env, '10.250.0.2');
	await resident.login('anna@buurtplein.test');
	const cookie = [...resident.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
	const overview = await resident.get('/');
	if (!overview.body.includes('/uitloggen')) throw new Error('the session cookie does not log in');

	const pages: { name: string; path: string; map: boolean; cookie?: string }[] = [
		{ name: 'home', path: '/', map: false },
		{ name: 'list', path: '/initiatieven', map: false },
		{ name: 'detail (initiative)', path: initiative ? `/initiatieven/${initiative.id}` : '/initiatieven', map: true },
		{ name: 'map /kaart', path: '/kaart', map: true },
		{ name: 'map /initiatieven/kaart', path: '/initiatieven/kaart', map: true },
		{ name: 'map Rommelroute edition', path: `/rommelroute/${EDITION}`, map: true },
		{ name: 'overview (logged in)', path: '/', map: false, cookie }
	];

	const scores: PageScore[] = [];
	for (const page of pages) {
		const url = env.appUrl + page.path;
		const status = (await fetch(url, { headers: { 'x-forwarded-for': '10.250.0.3', ...(page.cookie ? { cookie: page.cookie } : {}) }, redirect: 'manual' })).status;
		// A fresh browser per page, so no cache or service state carries over.
		const chrome = await chromeLauncher.launch({
			chromePath: CHROMIUM,
			chromeFlags: [
				'--headless=new',
				'--no-sandbox',
				// Software WebGL, so the map draws as it would on a phone without a GPU driver here.
				'--enable-unsafe-swiftshader',
				'--use-angle=swiftshader',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run'
			]
		});
		try {
			const result = await lighthouse(url, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance'],
				extraHeaders: { 'x-forwarded-for': '10.250.0.4', ...(page.cookie ? { cookie: page.cookie } : {}) }
			});
			const lhr = result!.lhr;
			const audit = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
			scores.push({
				name: page.name,
				path: page.path.replace(/[0-9a-f-]{36}/, ':id'),
				map: page.map,
				status,
				performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
				lcpMs: audit('largest-contentful-paint'),
				tbtMs: audit('total-blocking-time'),
				cls: audit('cumulative-layout-shift'),
				bytes: audit('total-byte-weight'),
				lcpElement: lcpElement(lhr.audits['lcp-breakdown-insight']?.details),
				...(lhr.runtimeError ? { error: lhr.runtimeError.code } : {})
			});
		} finally {
			await chrome.kill();
		}
	}
	return scores;
}

export function printLighthouse(scores: PageScore[]): void {
	const rows = scores.map((p) => ({
		page: p.name,
		path: p.path,
		HTTP: p.status,
		performance: p.performance,
		'LCP s': (p.lcpMs / 1000).toFixed(2),
		'TBT ms': Math.round(p.tbtMs),
		CLS: p.cls.toFixed(3),
		'kB transferred': (p.bytes / 1024).toFixed(1),
		'LCP element': p.lcpElement,
		target: p.map ? `≥ ${TARGET_SCORE}, TBT < ${TARGET_TBT_MS}` : `TBT < ${TARGET_TBT_MS}`,
		met: meetsTargets(p) ? 'yes' : 'NO',
		...(p.error ? { error: p.error } : {})
	}));
	const misses = scores.filter((p) => !meetsTargets(p)).length;
	console.log(`\n${table(rows)}`);
	console.log(`\n${misses ? `${misses} page(s) miss a target` : 'every page meets its target'} (targets: performance ≥ ${TARGET_SCORE} on every map page, TBT < ${TARGET_TBT_MS} ms on every page).`);
}

/** Lighthouse on a stack of its own with the demo data only (what this file prints alone). */
export async function lighthouseOnDemoData(): Promise<PageScore[]> {
	const running = await startTestEnv('postgres', { RATE_LIMITS: 'off', PUBLIC_MAP_STYLE_URL: 'offline' });
	try {
		console.log('Lighthouse, mobile profile (simulated throttling), Debian Chromium headless; maps on PUBLIC_MAP_STYLE_URL=offline (no internet here).');
		return await measureLighthouse(running.env);
	} finally {
		await running.stop();
	}
}

if (isMain(import.meta.url)) printLighthouse(await lighthouseOnDemoData());
