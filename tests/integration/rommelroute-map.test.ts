// The Rommelroute map's clusters through the site (issue 15, point 4): /rommelroute/[id]/punten answers
// a viewport with clusters and single stands — only approved stands, the counts adding up to all of
// them — and refuses a malformed viewport with a 400.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { asUser, Browser, demo, service } from '../support/clients.ts';
import { freePort } from '../../scripts/stack/index.ts';
import { startApp, stopApp, type TestEnv } from '../support/env.ts';

const env = inject('env');
const WORLD = 'bbox=-180,-90,180,90';

type Feature = { properties: { cluster?: boolean; point_count?: number; expansion_zoom?: number; title?: string }; geometry: { coordinates: number[] } };
const counted = (features: Feature[]) => features.reduce((n, f) => n + (f.properties.cluster ? f.properties.point_count! : 1), 0);

describe('the Rommelroute map by viewport', () => {
	let app: ChildProcess;
	let site: TestEnv;
	let edition: string;

	beforeAll(async () => {
		const port = await freePort();
		app = await startApp(port, {
			SUPABASE_URL: env.supabaseUrl,
			SUPABASE_ANON_KEY: env.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
			SUPABASE_JWT_SECRET: env.jwtSecret
		});
		site = { ...env, appUrl: `http://127.0.0.1:${port}` };
		const { data, error } = await service(env)
			.from('rommelroute_editions')
			.insert({ wijk_code: 'WK019306', title: 'Kaarttest', day: '2031-06-01', starts: '10:00', ends: '15:00', registration_opens: '2020-01-01T00:00:00Z', registration_closes: '2031-05-01T00:00:00Z', created_by: demo.workerZwolle })
			.select('id')
			.single();
		expect(error).toBeNull();
		edition = data!.id;
		// Twelve stands close together and one across town, approved by the wijk's worker; one more waits.
		const chantal = await asUser(env, demo.chantal);
		const worker = await asUser(env, demo.workerZwolle);
		const place = (i: number) => (i < 12 ? { lat: 52.532 + i * 0.0001, lng: 6.093 + i * 0.0001 } : { lat: 52.51, lng: 6.05 });
		for (let i = 0; i < 14; i++) {
			const { data: stand, error: failed } = await chantal
				.from('rommelroute_stands')
				.insert({ edition_id: edition, postcode: '8024AB', huisnummer: 700 + i, street: 'Kaartstraat', city: 'Zwolle', ...place(i), sells: ['boeken'], description: '', show_name: false })
				.select('id')
				.single();
			expect(failed).toBeNull();
			if (i < 13) expect((await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' })).error).toBeNull();
		}
	});
	afterAll(async () => {
		await stopApp(app);
	});

	const get = async (query: string, browser = new Browser(site)) => browser.get(`/rommelroute/${edition}/punten?${query}`);

	it('the counts of the clusters add up to the approved stands; the waiting one is not there', async () => {
		for (const zoom of [0, 10, 14, 17]) {
			const response = await get(`${WORLD}&zoom=${zoom}`);
			expect(response.status).toBe(200);
			const body = JSON.parse(response.body) as { total: number; features: Feature[] };
			expect(body.total).toBe(13);
			expect(counted(body.features)).toBe(13);
		}
		const near = JSON.parse((await get(`${WORLD}&zoom=20`)).body) as { features: Feature[] };
		const titles = near.features.map((f) => f.properties.title);
		expect(titles).toHaveLength(13);
		expect(titles).not.toContain('Kaartstraat 713');
		// Not to a resident who is not its household either.
		const resident = await new Browser(site).signIn(demo.fatima);
		const theirs = JSON.parse((await get(`${WORLD}&zoom=20`, resident)).body) as { features: Feature[] };
		expect(theirs.features.map((f) => f.properties.title)).not.toContain('Kaartstraat 713');
	});

	it('zoomed out the stands are clusters that say where they fall apart; only the box is sent', async () => {
		const far = JSON.parse((await get(`${WORLD}&zoom=7`)).body) as { features: Feature[] };
		expect(far.features).toHaveLength(1);
		expect(far.features[0].properties).toMatchObject({ cluster: true, point_count: 13 });
		expect(far.features[0].properties.expansion_zoom).toBeGreaterThan(7);
		// A box around the twelve close together, at a zoom where they are single: the one across town is not sent.
		const box = JSON.parse((await get('bbox=6.09,52.53,6.1,52.54&zoom=20')).body) as { features: Feature[] };
		expect(box.features).toHaveLength(12);
		expect(box.features.every((f) => !f.properties.cluster)).toBe(true);
	});

	it.each([
		['no viewport', ''],
		['a box of three numbers', 'bbox=6,52,7&zoom=12'],
		['a zoom that is a word', 'bbox=6,52,7,53&zoom=ver'],
		['west east of east', 'bbox=7,52,6,53&zoom=12'],
		['a zoom too deep', 'bbox=6,52,7,53&zoom=99']
	])('refuses %s with a 400', async (_what, query) => {
		expect((await get(query)).status).toBe(400);
	});

	it('the overview map answers a viewport the same way, for its filters', async () => {
		const query = 'type=rommelroute&from=2031-05-15&until=2031-06-15';
		const all = JSON.parse((await new Browser(site).get(`/kaart/punten.geojson?${query}`)).body) as { features: Feature[] };
		for (const zoom of [3, 12, 20]) {
			const body = JSON.parse((await new Browser(site).get(`/kaart/punten.geojson?${query}&${WORLD}&zoom=${zoom}`)).body) as { total: number; features: Feature[] };
			expect(body.total).toBe(all.features.length);
			expect(counted(body.features)).toBe(all.features.length);
		}
		const near = JSON.parse((await new Browser(site).get(`/kaart/punten.geojson?${query}&${WORLD}&zoom=20`)).body) as { features: Feature[] };
		const titles = near.features.map((f) => f.properties.title);
		expect(titles).toContain('Kaartstraat 712');
		expect(titles).not.toContain('Kaartstraat 713');
		expect((await new Browser(site).get(`/kaart/punten.geojson?${query}&bbox=1,2,3&zoom=4`)).status).toBe(400);
	});

	it('an edition that does not exist is a 404', async () => {
		expect((await new Browser(site).get(`/rommelroute/00000000-0000-4000-8000-00000000dead/punten?${WORLD}&zoom=3`)).status).toBe(404);
	});
});
