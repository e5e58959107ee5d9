// The Rommelroute through PostgREST as each role, and through the site as a browser without
// JavaScript: one stand per address, the registration window, review by a worker of the wijk, what the
// public sees, and what a resident reads when an address is wrong or the address service is down
// (the stand is registered anyway; tests/integration/adres.test.ts follows its geocode job).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { anon, asUser, Browser, demo, fieldErrors, formError, service } from '../support/clients.ts';
import { freePort } from '../../scripts/stack/index.ts';
import { startApp, stopApp, type TestEnv } from '../support/env.ts';
import { PDOK_FAILS, PDOK_HANGS, startFakePdok, type FakePdok } from '../support/pdok.ts';

const env = inject('env');
const db = () => service(env);
const EDITION = '20000000-0000-4000-8000-000000000001'; // Holtenbroek, registration open

describe('Rommelroute stands', () => {
	async function register(userId: string, huisnummer: number, edition = EDITION, showName = false) {
		return (await asUser(env, userId))
			.from('rommelroute_stands')
			.insert({ edition_id: edition, postcode: '8024AB', huisnummer, street: 'Aalscholverstraat', city: 'Zwolle', lat: 52.532, lng: 6.093, sells: ['boeken'], description: 'Test', show_name: showName })
			.select('id')
			.single();
	}

	it('one stand per address per edition', async () => {
		expect((await register(demo.chantal, 501)).error).toBeNull();
		expect((await register(demo.emre, 501)).error?.code).toBe('23505');
	});

	it('refuses registration outside the window', async () => {
		const { data: closed } = await db()
			.from('rommelroute_editions')
			.insert({ wijk_code: 'WK019306', title: 'Voorbij', day: '2031-06-01', starts: '10:00', ends: '15:00', registration_opens: '2020-01-01T00:00:00Z', registration_closes: '2020-02-01T00:00:00Z', created_by: demo.workerZwolle })
			.select('id')
			.single();
		const { error } = await register(demo.anna, 502, closed!.id);
		expect(error?.hint).toBe('rommel_closed');
	});

	it('shows a stand to the public only once approved, without who registered it', async () => {
		const { data: stand } = await register(demo.chantal, 503, EDITION, false);
		const visible = async () => (await anon(env).from('rommelroute_stands_public').select('*').eq('id', stand!.id)).data ?? [];
		expect(await visible()).toEqual([]);
		// A resident cannot approve her own stand; a worker of another wijk cannot either.
		const own = await (await asUser(env, demo.chantal)).from('rommelroute_stands').update({ status: 'goedgekeurd' }).eq('id', stand!.id);
		expect(own.error?.code).toBe('42501');
		expect((await (await asUser(env, demo.workerAlmere)).rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' })).error?.code).toBe('42501');
		expect((await (await asUser(env, demo.workerZwolle)).rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' })).error).toBeNull();
		const [row] = await visible();
		expect(row).toMatchObject({ street: 'Aalscholverstraat', huisnummer: 503, shown_name: '' });
		expect(Object.keys(row)).not.toContain('resident_id');
	});

	it('shows the name only when the household chose to', async () => {
		const { data: stand } = await register(demo.anna, 504, EDITION, true);
		await (await asUser(env, demo.workerZwolle)).rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' });
		const { data } = await anon(env).from('rommelroute_stands_public').select('shown_name').eq('id', stand!.id).single();
		expect(data?.shown_name).toBe('Anna de Vries');
	});

	it('a refused stand stays refused, and its household cannot move it elsewhere', async () => {
		const { data: stand } = await register(demo.bram, 506);
		const worker = await asUser(env, demo.workerZwolle);
		await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'afgewezen', p_reason: 'Buiten de route' });
		expect((await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' })).error?.code).toBe('23514');
		const { data: own } = await register(demo.bram, 507);
		const bram = await asUser(env, demo.bram);
		expect((await bram.from('rommelroute_stands').update({ huisnummer: 999 }).eq('id', own!.id)).error?.code).toBe('42501');
		const edited = await bram.from('rommelroute_stands').update({ description: 'Nu ook kleding', sells: ['kleding'] }).eq('id', own!.id).select('description, huisnummer');
		expect(edited.data).toEqual([{ description: 'Nu ook kleding', huisnummer: 507 }]);
	});

	it('a refusal needs a reason', async () => {
		const { data: stand } = await register(demo.bram, 505);
		const worker = await asUser(env, demo.workerZwolle);
		expect((await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'afgewezen', p_reason: '' })).error?.hint).toBe('rommel_reason');
		expect((await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'afgewezen', p_reason: 'Dit adres ligt buiten de route' })).error).toBeNull();
	});

	it.each([
		['a visitor', null],
		['another resident', demo.bram],
		['a worker of another wijk', demo.workerAlmere]
	])("%s cannot read a household's stand row", async (_who, id) => {
		const client = id ? await asUser(env, id) : anon(env);
		const { data, error } = await client.from('rommelroute_stands').select('resident_id').eq('edition_id', EDITION).eq('resident_id', demo.anna);
		if (id) expect(data).toEqual([]);
		else expect(error?.code).toBe('42501');
	});

	it('the worker of the wijk reads who registered', async () => {
		const { data } = await (await asUser(env, demo.workerZwolle)).from('rommelroute_stands').select('resident_id').eq('edition_id', EDITION).eq('resident_id', demo.anna);
		expect(data?.length).toBeGreaterThan(0);
	});
});

describe('through the site, with a stand-in for PDOK Locatieserver', () => {
	let pdok: FakePdok;
	let app: ChildProcess;
	let site: TestEnv;
	let resident: Browser;
	let worker: Browser;

	beforeAll(async () => {
		pdok = await startFakePdok();
		const port = await freePort();
		app = await startApp(port, {
			SUPABASE_URL: env.supabaseUrl,
			SUPABASE_ANON_KEY: env.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
			SUPABASE_JWT_SECRET: env.jwtSecret,
			PDOK_LOCATIESERVER_URL: pdok.url
		});
		site = { ...env, appUrl: `http://127.0.0.1:${port}` };
		resident = await new Browser(site).signIn(demo.fatima);
		worker = await new Browser(site).signIn(demo.workerZwolle);
	});
	afterAll(async () => {
		await stopApp(app);
		await pdok.close();
	});

	const stand = { postcode: '8024 ab', huisnummer: '14', toevoeging: '', sells: ['boeken', 'speelgoed'], description: 'Kinderboeken' };

	it('answers bad input with a message per field, before asking the address service', async () => {
		const browser = resident;
		const before = pdok.requests;
		const response = await browser.post(`/rommelroute/${EDITION}?/register`, { postcode: '12345', huisnummer: 'twaalf', toevoeging: '<b>', sells: ['wapens'], description: 'x'.repeat(301) });
		expect(response.status).toBe(400);
		const errors = fieldErrors(response.body);
		expect(Object.keys(errors).sort()).toEqual(['description', 'huisnummer', 'postcode', 'sells', 'toevoeging']);
		expect(errors.postcode).toContain('postcode');
		expect(pdok.requests).toBe(before);
	});

	it('says clearly when the address does not exist', async () => {
		const response = await resident.post(`/rommelroute/${EDITION}?/register`, { ...stand, huisnummer: '99' });
		expect(response.status).toBe(400);
		expect(fieldErrors(response.body).postcode).toBe('We kennen dit adres niet. Kijk de postcode en het huisnummer na.');
	});

	it.each([
		['fails', PDOK_FAILS],
		['does not answer in time', PDOK_HANGS]
	])('registers the stand anyway and says the place is looked up later when the address service %s', async (_what, postcode) => {
		const response = await resident.post(`/rommelroute/${EDITION}?/register`, { ...stand, postcode, description: 'Mijn tekst blijft' });
		expect(response.status).toBe(200);
		expect(response.body).toContain('We zoeken de plek van je adres later op');
		const { data: row } = await db().from('rommelroute_stands').select('street, lat, place_status, description').eq('edition_id', EDITION).eq('postcode', postcode).single();
		expect(row).toMatchObject({ street: '', lat: null, place_status: 'zoeken', description: 'Mijn tekst blijft' });
	});

	it('registers a stand at a found address; the worker approves it; it is on the map and in the route list', async () => {
		const response = await resident.post(`/rommelroute/${EDITION}?/register`, stand);
		expect(response.status).toBe(200);
		expect(response.body).toContain('Aalscholverstraat 14, Zwolle');
		const { data: row } = await db().from('rommelroute_stands').select('id, status, lat, lng').eq('edition_id', EDITION).eq('postcode', '8024AB').eq('huisnummer', 14).eq('resident_id', demo.fatima).single();
		expect(row).toMatchObject({ status: 'aangemeld', lat: 52.5322, lng: 6.0933 });

		const again = await resident.post(`/rommelroute/${EDITION}?/register`, stand);
		expect(formError(again.body)).toBe('Op dit adres staat al een kraam voor deze Rommelroute.');

		const reviewed = await worker.post(`/rommelroute/${EDITION}/beheer?/review`, { standId: String(row!.id), decision: 'goedgekeurd', reason: '' });
		expect(reviewed.status).toBe(200);

		const geo = JSON.parse((await new Browser(site).get(`/rommelroute/${EDITION}/kramen.geojson`)).body);
		expect(geo.features.map((f: { properties: { title: string } }) => f.properties.title)).toContain('Aalscholverstraat 14');
		const list = await new Browser(site).get(`/rommelroute/${EDITION}/routelijst`);
		expect(list.body).toContain('Aalscholverstraat');
		expect(list.body).not.toContain('Fatima');
	});
});
