// Places by address (issue 11, point 4), through the built site as a browser without JavaScript and
// through PostgREST as each role, with a local stand-in for PDOK Locatieserver that can be taken down.
// This file runs its own stack and site: the shared site's job runner has no stand-in (its PDOK is a
// closed port) and would claim the geocode jobs this file follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asUser, Browser, demo, fieldErrors, formError, service } from '../support/clients.ts';
import { startTestEnv, type Backend, type Running, type TestEnv } from '../support/env.ts';
import { startFakePdok, type FakePdok } from '../support/pdok.ts';

const EDITION = '20000000-0000-4000-8000-000000000001'; // Holtenbroek, registration open
let pdok: FakePdok;
let running: Running;
let site: TestEnv;
let anna: Browser;
let worker: Browser;

beforeAll(async () => {
	pdok = await startFakePdok();
	running = await startTestEnv((process.env.TEST_BACKEND ?? 'pglite') as Backend, { PDOK_LOCATIESERVER_URL: pdok.url });
	site = running.env;
	anna = await new Browser(site).signIn(demo.anna);
	worker = await new Browser(site).signIn(demo.workerZwolle);
}, 120_000);
afterAll(async () => {
	await running?.stop();
	await pdok?.close();
});

const db = () => service(site);
const proposal = (fields: Record<string, string>) => ({
	title: 'Bankje bij de speeltuin',
	body: 'We zetten samen een bankje neer bij de speeltuin, zodat ouders kunnen zitten.',
	themes: ['sociale_cohesie'],
	buurtCode: 'BU01930601',
	needs: [] as string[],
	intent: 'indienen',
	...fields
});
async function newest(author: string) {
	const { data } = await db().from('initiatieven').select('id, address, lat, lng, place_status, status').eq('author_id', author).order('created_at', { ascending: false }).limit(1).single();
	return data!;
}
async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 20_000): Promise<T> {
	const deadline = Date.now() + ms;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`waited ${ms} ms for ${what}`);
		await new Promise((r) => setTimeout(r, 250));
	}
}
async function jobFor(kind: string, id: string | number) {
	const { data } = await db().from('jobs').select('id, status, attempts, max_attempts').eq('kind', kind).eq('payload->>id', String(id)).order('id', { ascending: false }).limit(1).maybeSingle();
	return data;
}
/**
 * Waits for the job's first (failed) attempt, sets PDOK up or down, then lets the job run again at
 * once; with `die` that next attempt is its last.
 */
async function runAgain(kind: string, id: string | number, { die = false, pdokDown = false } = {}) {
	const job = await until('a failed attempt', async () => {
		const j = await jobFor(kind, id);
		return j && j.attempts >= 1 && j.status === 'queued' ? j : null;
	});
	pdok.down = pdokDown;
	await db().from('jobs').update({ run_at: new Date().toISOString(), ...(die ? { max_attempts: job.attempts + 1 } : {}) }).eq('id', job.id);
}

describe('the initiative form asks for an address', () => {
	it('places "Holtenbroekerweg 5" through PDOK, in the gemeente of the buurt', async () => {
		const response = await anna.post('/initiatieven/nieuw', proposal({ address: 'Holtenbroekerweg 5' }));
		expect(response.status).toBe(303);
		expect(response.location).not.toContain('plek=later');
		expect(await newest(demo.anna)).toMatchObject({ address: 'Holtenbroekerweg 5, 8025AB Zwolle', lat: 52.5305, lng: 6.0951, place_status: null });
	});

	it('suggests addresses to a logged-in person, through our own server', async () => {
		const answer = await anna.get('/adres/suggesties?q=holtenbroekerweg&buurt=BU01930601');
		expect(answer.status).toBe(200);
		const { suggestions } = JSON.parse(answer.body);
		expect(suggestions).toContainEqual({ id: 'adr-8025AB-5', label: 'Holtenbroekerweg 5, 8025AB Zwolle' });
		expect((await new Browser(site).get('/adres/suggesties?q=holtenbroekerweg')).status).toBe(401);
		expect((await anna.get('/adres/suggesties?q=ho')).status).toBe(400);
		pdok.down = true;
		try {
			expect((await anna.get('/adres/suggesties?q=holtenbroekerweg')).status).toBe(503);
		} finally {
			pdok.down = false;
		}
	});

	it('limits suggestions to 120 a minute per person', async () => {
		const bram = await new Browser(site).signIn(demo.bram);
		// The windows are whole minutes of the clock: start early in one, so all 121 fall in it.
		const second = new Date().getSeconds();
		if (second > 45) await new Promise((r) => setTimeout(r, (61 - second) * 1000));
		const statuses: number[] = [];
		for (let i = 0; i < 121; i += 1) statuses.push((await bram.get(`/adres/suggesties?q=kamperweg+${i}`)).status);
		expect(statuses.slice(0, 120).every((s) => s === 200)).toBe(true);
		expect(statuses[120]).toBe(429);
	});

	it('uses the picked suggestion as it is (lookup by its id)', async () => {
		const response = await anna.post('/initiatieven/nieuw', proposal({ address: 'iets anders', addressId: 'adr-8025AB-7' }));
		expect(response.status).toBe(303);
		expect(await newest(demo.anna)).toMatchObject({ address: 'Holtenbroekerweg 7, 8025AB Zwolle', lat: 52.5306 });
	});

	it('takes a pin as it is, and refuses a pin outside the gemeente', async () => {
		const pinned = await anna.post('/initiatieven/nieuw', proposal({ address: '', lat: '52.531', lng: '6.0931', placeOf: '' }));
		expect(pinned.status).toBe(303);
		expect(await newest(demo.anna)).toMatchObject({ address: '', lat: 52.531, lng: 6.0931, place_status: null });
		const almere = await anna.post('/initiatieven/nieuw', proposal({ lat: '52.3702', lng: '5.2155', placeOf: '' }));
		expect(almere.status).toBe(400);
		expect(fieldErrors(almere.body).address).toContain('niet in de gemeente');
	});

	it('answers an unknown address, one in another gemeente and bad input with a 400 per field', async () => {
		const unknown = await anna.post('/initiatieven/nieuw', proposal({ address: 'Holtenbroekerweg 999' }));
		expect(unknown.status).toBe(400);
		expect(fieldErrors(unknown.body).address).toBe('We kennen dit adres niet. Kijk de straat en het huisnummer na, of tik op de kaart.');
		expect(unknown.body).toContain('Holtenbroekerweg 999');
		const elsewhere = await anna.post('/initiatieven/nieuw', proposal({ address: 'Stadhuisplein 5, Almere' }));
		expect(fieldErrors(elsewhere.body).address).toBe('Dit adres ligt niet in de gemeente Zwolle. Kies een adres daar, of een andere buurt.');
		const bad = await anna.post('/initiatieven/nieuw', proposal({ address: '<b>'.padEnd(250, 'x'), lat: 'noord', lng: '6' }));
		expect(bad.status).toBe(400);
		expect(Object.keys(fieldErrors(bad.body))).toEqual(['address']);
	});

	it('has no latitude or longitude field a person types in', async () => {
		const page = await anna.get('/initiatieven/nieuw');
		expect(page.body).not.toMatch(/<input[^>]*name="lat"[^>]*type="text"/);
		expect(page.body).toMatch(/<input type="hidden" name="lat"/);
		expect(page.body).not.toContain('Breedtegraad');
		expect(page.body).toContain('role="combobox"');
	});
});

describe('when PDOK cannot be reached', () => {
	it('saves the address, says the place is looked up later, and the job places it once PDOK is back', async () => {
		pdok.down = true;
		const response = await anna.post('/initiatieven/nieuw', proposal({ address: 'Kamperweg 10' }));
		expect(response.status).toBe(303);
		expect(response.location).toContain('plek=later');
		expect((await anna.get(response.location!)).body).toContain('We zoeken de plek later op');
		const row = await newest(demo.anna);
		expect(row).toMatchObject({ address: 'Kamperweg 10', lat: null, place_status: 'zoeken', status: 'ingediend' });
		expect(await jobFor('geocode.initiatief', row.id)).toBeTruthy();
		// Not on the map meanwhile (the list shows it to those who may see it).
		await runAgain('geocode.initiatief', row.id);
		const placed = await until('the job to place it', async () => {
			const r = await newest(demo.anna);
			return r.lat !== null ? r : null;
		});
		expect(placed).toMatchObject({ lat: 52.5318, lng: 6.0921, place_status: null, address: 'Kamperweg 10' });
	});

	it('a dead job hands it to the workers of the wijk, who place it; nobody else can', async () => {
		pdok.down = true;
		await anna.post('/initiatieven/nieuw', proposal({ title: 'Plek die niemand vindt', address: 'Merelstraat 5' }));
		const row = await newest(demo.anna);
		await runAgain('geocode.initiatief', row.id, { die: true, pdokDown: true });
		await until('the job to die', async () => (await jobFor('geocode.initiatief', row.id))?.status === 'dead');
		pdok.down = false;
		expect((await newest(demo.anna)).place_status).toBe('plaatsen');

		const werkplek = await worker.get('/werkplek?plekken=1');
		expect(werkplek.body).toContain('Plekken om te plaatsen');
		expect(werkplek.body).toContain(`/werkplek/plekken/initiatief/${row.id}`);
		const otherWijk = await new Browser(site).signIn(demo.workerAlmere);
		expect((await otherWijk.get('/werkplek')).body).not.toContain(`/werkplek/plekken/initiatief/${row.id}`);

		for (const who of [demo.workerAlmere, demo.anna, demo.bram]) {
			const { error } = await (await asUser(site, who)).rpc('place_initiatief', { p_id: row.id, p_lat: 52.53, p_lng: 6.09 });
			expect(error?.code, who).toBe('42501');
		}
		const bad = await worker.post(`/werkplek/plekken/initiatief/${row.id}`, { lat: 'x', lng: '', address: '' });
		expect(bad.status).toBe(400);
		expect(fieldErrors(bad.body)).toHaveProperty('lat');
		const far = await worker.post(`/werkplek/plekken/initiatief/${row.id}`, { lat: '52.3702', lng: '5.2155' });
		expect(fieldErrors(far.body).lat).toContain('niet in de gemeente');
		const placed = await worker.post(`/werkplek/plekken/initiatief/${row.id}`, { lat: '52.5301', lng: '6.0941' });
		expect(placed.status).toBe(200);
		expect(placed.body).toContain('De plek is opgeslagen');
		expect(await newest(demo.anna)).toMatchObject({ lat: 52.5301, lng: 6.0941, place_status: null });
		expect((await (await asUser(site, demo.workerZwolle)).rpc('place_initiatief', { p_id: row.id, p_lat: 52.53, p_lng: 6.09 })).error?.hint).toBe('place_done');
	});

	it("a resident cannot set the coordinates of someone else's initiative", async () => {
		const own = await newest(demo.anna);
		const bram = await asUser(site, demo.bram);
		const save = await bram.rpc('save_initiatief', {
			p_id: own.id, p_title: 'Overgenomen', p_body: 'Dit initiatief is nu van iemand anders geworden.', p_themes: ['armoede'],
			p_buurt_code: 'BU01930601', p_lat: 52.53, p_lng: 6.09, p_needs: [], p_hands_count: null as unknown as number, p_materials: '',
			p_space: '', p_money_amount: null as unknown as number, p_starts_on: null as unknown as string, p_when_text: '', p_submit: false
		});
		expect(save.error?.code).toBe('42501');
		const direct = await bram.from('initiatieven').update({ lat: 52.5, lng: 6.1 }).eq('id', own.id);
		expect(direct.error?.code).toBe('42501');
	});

	it('a Rommelroute stand can always be registered; the job fills in street and place when PDOK is back', async () => {
		pdok.down = true;
		const fatima = await new Browser(site).signIn(demo.fatima);
		const response = await fatima.post(`/rommelroute/${EDITION}?/register`, { postcode: '8025BJ', huisnummer: '10', toevoeging: '', sells: ['boeken'], description: 'Strips' });
		expect([response.status, formError(response.body), fieldErrors(response.body)]).toEqual([200, null, {}]);
		expect(response.body).toContain('We zoeken de plek van je adres later op');
		const { data: stand } = await db().from('rommelroute_stands').select('id, street, lat, place_status').eq('edition_id', EDITION).eq('resident_id', demo.fatima).single();
		expect(stand).toMatchObject({ street: '', lat: null, place_status: 'zoeken' });
		await runAgain('geocode.kraam', stand!.id);
		const placed = await until('the stand placed', async () => {
			const { data } = await db().from('rommelroute_stands').select('street, city, lat, lng, place_status').eq('id', stand!.id).single();
			return data?.lat ? data : null;
		});
		expect(placed).toMatchObject({ street: 'Kamperweg', city: 'Zwolle', lat: 52.5318, lng: 6.0921, place_status: null });
		// A household cannot move its stand itself.
		expect((await (await asUser(site, demo.fatima)).from('rommelroute_stands').update({ lat: 52.5 }).eq('id', stand!.id)).error?.code).toBe('42501');
	});

	it('a stand whose job died is placed by a worker of the wijk, with its street; it is in the list but not on the map until then', async () => {
		pdok.down = true;
		const bram = await new Browser(site).signIn(demo.bram);
		await bram.post(`/rommelroute/${EDITION}?/register`, { postcode: '8024AD', huisnummer: '21', toevoeging: '', sells: ['kleding'], description: '' });
		const { data: stand } = await db().from('rommelroute_stands').select('id').eq('edition_id', EDITION).eq('resident_id', demo.bram).eq('postcode', '8024AD').single();
		await runAgain('geocode.kraam', stand!.id, { die: true, pdokDown: true });
		await until('the stand job to die', async () => (await jobFor('geocode.kraam', stand!.id))?.status === 'dead');
		pdok.down = false;
		const colleague = await new Browser(site).signIn(demo.workerZwolle);
		expect((await colleague.post(`/rommelroute/${EDITION}/beheer?/review`, { standId: String(stand!.id), decision: 'goedgekeurd', reason: '' })).status).toBe(200);
		const map = JSON.parse((await new Browser(site).get(`/rommelroute/${EDITION}/kramen.geojson`)).body);
		expect(map.features.map((f: { properties: { id: string } }) => f.properties.id)).not.toContain(`s${stand!.id}`);
		expect((await new Browser(site).get(`/rommelroute/${EDITION}`)).body).toContain('8024AD 21');
		expect((await colleague.get('/werkplek')).body).toContain(`/werkplek/plekken/kraam/${stand!.id}`);
		const placed = await colleague.post(`/werkplek/plekken/kraam/${stand!.id}`, { lat: '52.5291', lng: '6.0951', street: 'Wielewaalstraat', city: 'Zwolle' });
		expect(placed.body).toContain('De plek is opgeslagen');
		const { data } = await db().from('rommelroute_stands').select('street, lat, place_status').eq('id', stand!.id).single();
		expect(data).toMatchObject({ street: 'Wielewaalstraat', lat: 52.5291, place_status: null });
	});
});
