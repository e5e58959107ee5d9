// Issue 9, tried as an attacker would: through PostgREST with the site's own kind of token, and through
// the built site as a browser without JavaScript. Each block is one finding; each test asserts the
// refusal a person would notice (and failed before the fix).
import { describe, expect, inject, it } from 'vitest';
import { freePort } from '../../scripts/stack/index.ts';
import { apiKey } from '../../scripts/stack/keys.ts';
import { anon, asUser, Browser, demo, formError, lastMail, service } from '../support/clients.ts';
import { newResident, post, type Resident } from '../support/burenhulp.ts';
import { submitted, validInitiatief } from '../support/initiatieven.ts';
import { startApp, stopApp } from '../support/env.ts';

const env = inject('env');
const db = () => service(env);

/** A resident who registered but has not confirmed their e-mail address. */
async function unverifiedResident(name: string): Promise<Resident> {
	const resident = await newResident(env, name);
	await db().from('users').update({ email_verified_at: null }).eq('id', resident.id);
	return resident;
}

/** A fresh opbouwwerker of Holtenbroek (WK019306), with a private phone and address of their own. */
async function newWorker(name: string): Promise<Resident> {
	const worker = await newResident(env, name, 'BU01930101');
	const { error } = await (await asUser(env, demo.coordinatorZwolle)).rpc('set_worker_wijken', { p_user: worker.id, p_wijken: ['WK019306'] });
	if (error) throw new Error(`set_worker_wijken: ${error.message}`);
	return worker;
}

const fileArgs = {
	p_name: 'Gerda Offline',
	p_buurt_code: 'BU01930601',
	p_phone: '038 1234567',
	p_share_phone: true,
	p_category: 'boodschappen',
	p_description: 'Boodschappen op dinsdag, meneer loopt slecht',
	p_when_kind: 'wekelijks',
	p_on_date: null as unknown as string,
	p_slots: ['di-middag'],
	p_needs_care: false
};

/** A neighbour's offer proposed to the request, accepted by the request's owner: an active match. */
async function activeMatch(requestOwner: Resident['db'], request: string, neighbour: Resident) {
	const offer = await post(neighbour.db, { kind: 'aanbod' });
	const { data: id, error } = await neighbour.db.rpc('help_propose', { p_own_post: offer, p_other_post: request });
	if (error) throw new Error(`propose: ${error.message}`);
	const accepted = await requestOwner.rpc('help_respond', { p_match: id as string, p_accept: true });
	return { id: id as string, status: accepted.data, offer };
}

describe('1. production refuses development settings', () => {
	const base = () => ({ SUPABASE_URL: env.supabaseUrl, NODE_ENV: 'production' });

	/** Starts the built site; returns what it printed when it refused, or 'started' (and stops it). */
	async function startOrRefusal(settings: Record<string, string>): Promise<string> {
		return startApp(await freePort(), settings).then(
			async (app) => {
				await stopApp(app);
				return 'started';
			},
			(error: Error) => error.message
		);
	}

	it('the built site refuses to start in production with the local stack\'s secret and keys, saying why', async () => {
		const outcome = await startOrRefusal({
			...base(),
			SUPABASE_ANON_KEY: env.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
			SUPABASE_JWT_SECRET: env.jwtSecret
		});
		expect(outcome).toMatch(/refuses to start[\s\S]*SUPABASE_JWT_SECRET is the well-known secret[\s\S]*SUPABASE_SERVICE_ROLE_KEY is a key of the local stack/);
	});

	it('and refuses an origin without https', async () => {
		const secret = 'a-production-secret-for-this-test-only-0123456789';
		const outcome = await startOrRefusal({
			...base(),
			SUPABASE_ANON_KEY: await apiKey('anon', secret),
			SUPABASE_SERVICE_ROLE_KEY: await apiKey('service_role', secret),
			SUPABASE_JWT_SECRET: secret,
			ORIGIN: 'http://buurtplein.example.nl'
		});
		expect(outcome).toMatch(/ORIGIN \(http:\/\/buurtplein\.example\.nl\) is not https/);
	});

	it('starts with proper settings: https origin with HSTS, and no developers\' mailbox whatever the environment says', async () => {
		const secret = 'a-production-secret-for-this-test-only-0123456789';
		const port = await freePort();
		const app = await startApp(port, {
			...base(),
			SUPABASE_ANON_KEY: await apiKey('anon', secret),
			SUPABASE_SERVICE_ROLE_KEY: await apiKey('service_role', secret),
			SUPABASE_JWT_SECRET: secret,
			ORIGIN: 'https://buurtplein.example.nl',
			DEV_MAILBOX: '1'
		});
		try {
			const home = await fetch(`http://127.0.0.1:${port}/`);
			expect(home.status).toBe(200);
			expect(home.headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
			expect((await fetch(`http://127.0.0.1:${port}/dev/mail`)).status).toBe(404);
		} finally {
			await stopApp(app);
		}
	});

	it('the built site on the local stack (as `npm start`, without NODE_ENV=production) starts, without a mailbox either', async () => {
		const port = await freePort();
		const app = await startApp(port, {
			SUPABASE_URL: env.supabaseUrl, SUPABASE_ANON_KEY: env.anonKey, SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
			SUPABASE_JWT_SECRET: env.jwtSecret, DEV_MAILBOX: '1'
		});
		try {
			expect((await fetch(`http://127.0.0.1:${port}/inloggen`)).status).toBe(200);
			expect((await fetch(`http://127.0.0.1:${port}/dev/mail`)).status).toBe(404);
		} finally {
			await stopApp(app);
		}
	});
});

describe('2. a worker\'s message to an author stays between them', () => {
	it('is in the decision history for the author, co-organisers and the wijk\'s workers, never in the public row or page', async () => {
		const author = await asUser(env, demo.anna);
		const worker = await asUser(env, demo.workerZwolle);
		const id = await submitted(author, { p_title: 'Bankjes langs het water' });
		const message = 'Vertrouwelijk: de eigenaar van het grasveld wil eerst praten.';
		expect((await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'aanpassen', p_message: message })).error).toBeNull();
		await author.rpc('save_initiatief', { ...validInitiatief, p_id: id, p_title: 'Bankjes langs het water', p_submit: true });
		expect((await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'publiceren', p_message: '' })).error).toBeNull();

		// The public row has no message column any more; visitors and other residents read no history.
		expect((await anon(env).from('initiatieven').select('moderator_message' as 'id').eq('id', id)).error?.code).toBe('42703');
		expect(JSON.stringify((await anon(env).from('initiatieven').select('*').eq('id', id)).data)).not.toContain('Vertrouwelijk');
		for (const outsider of [demo.chantal, demo.workerAlmere, demo.coordinatorAlmere]) {
			expect((await (await asUser(env, outsider)).from('initiatief_beslissingen').select('message').eq('initiatief_id', id)).data, outsider).toEqual([]);
		}
		expect((await anon(env).from('initiatief_beslissingen').select('message')).error?.code).toBe('42501');
		const own = await author.from('initiatief_beslissingen').select('decision, message').eq('initiatief_id', id).order('id');
		expect(own.data).toEqual([{ decision: 'aanpassing_gevraagd', message }, { decision: 'gepubliceerd', message: '' }]);

		// The pages: visitors and neighbours do not see it; the author does, on both of their pages.
		expect((await new Browser(env).get(`/initiatieven/${id}`)).body).not.toContain('Vertrouwelijk');
		expect((await (await new Browser(env).signIn(demo.chantal)).get(`/initiatieven/${id}`)).body).not.toContain('Vertrouwelijk');
		const anna = await new Browser(env).signIn(demo.anna);
		expect((await anna.get(`/initiatieven/${id}`)).body).toContain('Vertrouwelijk');
		expect((await anna.get(`/initiatieven/${id}/__data.json`)).body).toContain('Vertrouwelijk');
		expect((await new Browser(env).get(`/initiatieven/${id}/__data.json`)).body).not.toContain('Vertrouwelijk');
	});

	it('the author reads a change request on "Mijn initiatieven"', async () => {
		const id = await submitted(await asUser(env, demo.bram), { p_title: 'Speeltuin opknappen', p_buurt_code: 'BU01930602' });
		await (await asUser(env, demo.workerZwolle)).rpc('moderate_initiatief', { p_id: id, p_decision: 'aanpassen', p_message: 'Welke speeltoestellen precies?' });
		const page = await (await new Browser(env).signIn(demo.bram)).get('/mijn-initiatieven');
		expect(page.body).toContain('Welke speeltoestellen precies?');
	});
});

describe('3. an offline resident\'s contact is the resident\'s, not the worker\'s', () => {
	it('the neighbour gets the resident\'s own phone (agreed) and the worker\'s work contact, never the worker\'s private details', async () => {
		const worker = await newWorker('Wim Werker');
		await db().from('profile_private').update({ phone: '06 99990000', address: 'Privéstraat 1' }).eq('user_id', worker.id);
		expect((await worker.db.rpc('set_my_work_contact', { p_phone: '038 4260001', p_email: 'wim.werk@buurtplein.test' })).error).toBeNull();
		const { data: request, error } = await worker.db.rpc('help_file_for_resident', fileArgs);
		expect(error).toBeNull();
		const neighbour = await newResident(env, 'Nora Buur');
		const match = await activeMatch(worker.db, request as string, neighbour);
		expect(match.status).toBe('actief');

		const { data: contact } = await neighbour.db.rpc('help_match_contact', { p_match: match.id }).single();
		expect(contact).toEqual({
			first_name: 'Gerda', phone: '038 1234567', email: '', address: '',
			carried_by: 'Wim Werker', work_phone: '038 4260001', work_email: 'wim.werk@buurtplein.test'
		});
		expect((await neighbour.db.rpc('help_partner_email', { p_match: match.id })).data).toBe('wim.werk@buurtplein.test');
		// The worker's own phone, address and e-mail stay private.
		expect((await neighbour.db.from('profile_private').select('phone, address').eq('user_id', worker.id)).data).toEqual([]);
		expect((await neighbour.db.from('users').select('email').eq('id', worker.id)).data).toEqual([]);
		const page = await (await new Browser(env).signIn(neighbour.id)).get(`/burenhulp/match/${match.id}`);
		expect(page.body).toContain('038 1234567');
		expect(page.body).toContain('038 4260001');
		expect(page.body).not.toContain('06 99990000');
		expect(page.body).not.toContain('Privéstraat');
		expect(page.body).not.toContain(worker.email);
		// The worker carrying the match reads the neighbour's contact, to arrange the help.
		expect((await worker.db.rpc('help_match_contact', { p_match: match.id }).single()).data?.phone).toBe(neighbour.phone);
	});

	it('without the resident\'s consent the neighbour gets no phone number, only the work contact', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const { data: request } = await worker.rpc('help_file_for_resident', { ...fileArgs, p_name: 'Henk Offline', p_share_phone: false });
		const neighbour = await newResident(env, 'Olga Buur');
		const match = await activeMatch(worker, request as string, neighbour);
		const { data: contact } = await neighbour.db.rpc('help_match_contact', { p_match: match.id }).single();
		expect(contact).toMatchObject({ first_name: 'Henk', phone: '', carried_by: 'Sanne Opbouwwerker' });
	});

	it('the filing form records the consent', async () => {
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		const response = await worker.post('/werkplek/burenhulp/aanvraag', {
			name: 'Ineke Offline', phone: '038 7654321', sharePhone: 'on', category: 'vervoer',
			description: 'Vervoer naar de huisarts op donderdag', whenKind: 'wekelijks', slots: ['do-ochtend'], buurtCode: 'BU01930601'
		});
		expect(response.status).toBe(303);
		const id = response.location!.split('/')[2].split('?')[0];
		expect((await db().from('help_post_private').select('share_phone, phone').eq('post_id', id).single()).data).toEqual({ share_phone: true, phone: '038 7654321' });
		const noPhone = await worker.post('/werkplek/burenhulp/aanvraag', {
			name: 'Ineke Offline', sharePhone: 'on', category: 'vervoer', description: 'Vervoer naar de huisarts op donderdag',
			whenKind: 'wekelijks', slots: ['do-ochtend'], buurtCode: 'BU01930601'
		});
		expect(noPhone.status).toBe(400);
	});
});

describe('4. no identity before consent', () => {
	it('the proposer reads no user id of the other party, in rows or in page data, and finds no profile by first name and buurt', async () => {
		const asker = await newResident(env, 'Anja Geheim', 'BU01930601');
		const helper = await newResident(env, 'Bert Zoekt', 'BU01930602');
		const request = await post(asker.db, { kind: 'vraag' });
		const offer = await post(helper.db, { kind: 'aanbod', buurt_code: 'BU01930602' });
		const { data: id } = await helper.db.rpc('help_propose', { p_own_post: offer, p_other_post: request });
		const matchId = id as string;

		for (const column of ['request_owner', 'offer_owner', 'proposed_by'] as const) {
			expect((await helper.db.from('help_matches').select(column).eq('id', matchId)).error?.code, column).toBe('42501');
		}
		expect((await helper.db.from('my_help_matches').select('my_side, proposed_by_me').eq('id', matchId).single()).data).toEqual({ my_side: 'aanbod', proposed_by_me: true });
		expect(JSON.stringify((await helper.db.from('my_help_matches').select('*').eq('id', matchId)).data)).not.toContain(asker.id);
		const byName = await helper.db.from('profiles').select('id, display_name, availability').like('display_name', 'Anja%').eq('buurt_code', 'BU01930601');
		expect(byName.data).toEqual([]);
		expect((await helper.db.from('profile_names').select('id').eq('id', asker.id)).data).toEqual([]);

		const helperBrowser = await new Browser(env).signIn(helper.id);
		for (const path of [`/burenhulp/match/${matchId}/__data.json`, `/burenhulp/${request}/__data.json`, '/burenhulp/__data.json']) {
			const page = await helperBrowser.get(path);
			expect(page.status, path).toBe(200);
			expect(page.body, path).not.toContain(asker.id);
		}
		const askerPage = await (await new Browser(env).signIn(asker.id)).get(`/burenhulp/match/${matchId}/__data.json`);
		expect(askerPage.body).not.toContain(helper.id);

		// Once both accept there is a reason: they read each other's profile.
		await asker.db.rpc('help_respond', { p_match: matchId, p_accept: true });
		expect((await helper.db.from('profiles').select('display_name').eq('id', asker.id)).data).toEqual([{ display_name: 'Anja Geheim' }]);
	});

	it('residents read other residents\' profiles only with a reason; staff profiles are public to the logged-in', async () => {
		const stranger = await newResident(env, 'Sven Vreemd');
		expect((await stranger.db.from('profiles').select('id').eq('id', demo.anna)).data).toEqual([]);
		expect((await stranger.db.from('profiles').select('id').eq('role', 'bewoner').neq('id', stranger.id)).data).toEqual([]);
		expect((await stranger.db.from('profiles').select('display_name').eq('id', demo.workerZwolle)).data).toEqual([{ display_name: 'Sanne Opbouwwerker' }]);
		// Bram joined Anna's initiative: the joiner reads the organiser, the organiser the joiner.
		expect((await (await asUser(env, demo.bram)).from('profiles').select('id').eq('id', demo.anna)).data).toHaveLength(1);
		expect((await (await asUser(env, demo.anna)).from('profiles').select('id').eq('id', demo.bram)).data).toHaveLength(1);
		// The name that comes with a published comment is readable; the rest of that profile is not.
		expect((await stranger.db.from('profile_names').select('display_name').eq('id', demo.fatima)).data).toEqual([{ display_name: 'Fatima El Amrani' }]);
		expect((await stranger.db.from('profiles').select('availability').eq('id', demo.fatima)).data).toEqual([]);
	});

	it('a block made from a post does not tell whom it blocks', async () => {
		const author = await newResident(env, 'Paul Auteur');
		const blocker = await newResident(env, 'Quirine Blok');
		const theirPost = await post(author.db, { kind: 'aanbod' });
		expect((await blocker.db.rpc('help_block_author', { p_post: theirPost })).error).toBeNull();
		expect((await blocker.db.from('help_blocks').select('blocked_id')).error?.code).toBe('42501');
		expect((await blocker.db.from('help_blocks').select('label')).data).toEqual([{ label: 'Paul (Holtenbroek I)' }]);
		const page = await (await new Browser(env).signIn(blocker.id)).get('/burenhulp/__data.json');
		expect(page.body).not.toContain(author.id);
	});

	it('matches only between neighbours: the same gemeente and within 15 km', async () => {
		const zwolle = await newResident(env, 'Rik Zwolle', 'BU01930601');
		const almere = await newResident(env, 'Sara Almere', 'BU00340101');
		const request = await post(zwolle.db, { kind: 'vraag' });
		const offer = await post(almere.db, { kind: 'aanbod', buurt_code: 'BU00340101' });
		const { error } = await almere.db.rpc('help_propose', { p_own_post: offer, p_other_post: request });
		expect(error?.code).toBe('23514');
		expect(error?.hint).toBe('help_too_far');
	});
});

describe('5. the audit log is append-only and scoped', () => {
	it('no user writes an entry directly, not even backdated in their own wijk', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const forged = await worker.from('audit_log').insert({ actor_id: demo.workerZwolle, action: 'report_note', subject_type: 'report', subject_id: '1', wijk_code: 'WK019306', created_at: '2001-01-01T00:00:00Z' } as never);
		expect(forged.error?.code).toBe('42501');
	});

	it('the server\'s clock is used whoever writes, and nobody changes or removes an entry, the service role included', async () => {
		const { data } = await db().from('audit_log').insert({ action: 'test', subject_type: 'test', subject_id: 'x', created_at: '2001-01-01T00:00:00Z' }).select('id, created_at').single();
		expect(new Date(data!.created_at).getFullYear()).toBeGreaterThanOrEqual(2025);
		expect((await db().from('audit_log').update({ reason: 'anders' }).eq('id', data!.id)).error?.code).toBe('42501');
		expect((await db().from('audit_log').delete().eq('id', data!.id)).error?.code).toBe('42501');
		expect((await db().from('audit_log').select('id').eq('id', data!.id)).data).toHaveLength(1);
	});

	it('a coordinator reads the block reasons of their own gemeente only', async () => {
		const resident = await newResident(env, 'Tom Geblokt', 'BU01930901');
		await (await asUser(env, demo.coordinatorZwolle)).rpc('set_account_blocked', { p_user: resident.id, p_blocked: true, p_reason: 'Bedreigde een buur' });
		const read = async (who: string) => (await (await asUser(env, who)).from('audit_log').select('reason, gemeente_code').eq('subject_id', resident.id)).data;
		expect(await read(demo.coordinatorZwolle)).toEqual([{ reason: 'Bedreigde een buur', gemeente_code: 'GM0193' }]);
		expect(await read(demo.coordinatorAlmere)).toEqual([]);
		expect(await read(demo.workerAlmere)).toEqual([]);
		expect(await read(demo.admin)).toHaveLength(1);
	});

	it('a worker\'s note on a report is written by the database in their name', async () => {
		const reporter = await newResident(env, 'Xander Meldt');
		const { data: report } = await reporter.db.from('reports').insert({ subject_type: 'person', subject_id: demo.anna, reason: 'anders' } as never).select('id').single();
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		expect((await worker.post('/werkplek?/note', { id: String(report!.id), note: 'Gebeld met Anna' })).status).toBe(200);
		const { data } = await (await asUser(env, demo.workerZwolle)).from('audit_log').select('actor_id, reason').eq('subject_type', 'report').eq('subject_id', String(report!.id)).eq('action', 'report_note');
		expect(data).toEqual([{ actor_id: demo.workerZwolle, reason: 'Gebeld met Anna' }]);
	});
});

describe('6. nobody decides alone on their own thing', () => {
	it('a worker who is a party of a match does not approve its care introduction; a colleague does', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const { data: request } = await worker.rpc('help_file_for_resident', { ...fileArgs, p_name: 'Jan Zorg', p_needs_care: true });
		const neighbour = await newResident(env, 'Ursula Zorg');
		const match = await activeMatch(worker, request as string, neighbour);
		expect(match.status).toBe('voorgesteld');
		const own = await worker.rpc('help_approve_care', { p_match: match.id });
		expect(own.error?.code).toBe('42501');
		expect(own.error?.hint).toBe('own_decision');
		expect((await (await asUser(env, demo.coordinatorZwolle)).rpc('help_approve_care', { p_match: match.id })).data).toBe('actief');
	});

	it('a worker does not approve their own Rommelroute stand', async () => {
		const edition = '20000000-0000-4000-8000-000000000001';
		const worker = await asUser(env, demo.workerZwolle);
		const { data: stand } = await worker.from('rommelroute_stands').insert({ edition_id: edition, postcode: '8024AB', huisnummer: 901, street: 'Aalscholverstraat', city: 'Zwolle', lat: 52.5321, lng: 6.0931, sells: ['boeken'] }).select('id').single();
		const own = await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' });
		expect(own.error?.hint).toBe('own_decision');
		expect((await worker.from('rommelroute_stands').update({ status: 'goedgekeurd' }).eq('id', stand!.id)).error?.code).toBe('42501');
		expect((await (await asUser(env, demo.coordinatorZwolle)).rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' })).error).toBeNull();
	});

	it('a worker\'s own Repair Café goes online only when a colleague puts it there', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const { data: id } = await worker.rpc('create_repair_cafe_series', {
			p_buurt_code: 'BU01930601', p_name: 'Repair Café Eigen', p_venue: 'Buurthuis', p_address: 'Kamperweg 10, Zwolle',
			p_lat: 52.53, p_lng: 6.09, p_description: '', p_rule: '', p_dates: ['2031-06-07'], p_start: '10:00', p_end: '13:00', p_capacity: 8
		});
		expect((await anon(env).from('repair_cafe_series').select('id').eq('id', id!)).data).toEqual([]);
		const self = await worker.from('repair_cafe_series').update({ published: true }).eq('id', id!);
		expect(self.error?.hint).toBe('repair_needs_review');
		expect((await worker.rpc('review_repair_cafe_series', { p_series: id!, p_decision: 'goedkeuren' })).error?.hint).toBe('own_decision');
		expect((await (await asUser(env, demo.coordinatorZwolle)).rpc('review_repair_cafe_series', { p_series: id!, p_decision: 'goedkeuren' })).error).toBeNull();
		expect((await anon(env).from('repair_cafe_series').select('id').eq('id', id!)).data).toHaveLength(1);
	});
});

describe('7. approved stays approved only as reviewed', () => {
	it('a household\'s change to an approved stand waits for review; the public keeps the approved text', async () => {
		const household = await newResident(env, 'Vera Kraam');
		const { data: stand } = await household.db.from('rommelroute_stands').insert({ edition_id: '20000000-0000-4000-8000-000000000001', postcode: '8024AB', huisnummer: 902, street: 'Aalscholverstraat', city: 'Zwolle', lat: 52.5321, lng: 6.0931, sells: ['boeken'], description: 'Kinderboeken' }).select('id').single();
		const worker = await asUser(env, demo.workerZwolle);
		await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' });
		const publicText = async () => (await anon(env).from('rommelroute_stands_public').select('description').eq('id', stand!.id).single()).data?.description;
		expect(await publicText()).toBe('Kinderboeken');

		expect((await household.db.from('rommelroute_stands').update({ description: 'Alles gratis, bel 0900-NEPLOTERIJ' }).eq('id', stand!.id)).error).toBeNull();
		expect(await publicText()).toBe('Kinderboeken');
		const waiting = await worker.from('rommelroute_stands').select('status, pending_description').eq('id', stand!.id).single();
		expect(waiting.data).toEqual({ status: 'goedgekeurd', pending_description: 'Alles gratis, bel 0900-NEPLOTERIJ' });
		expect((await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'wijziging_afgewezen', p_reason: 'Geen reclame' })).error).toBeNull();
		expect(await publicText()).toBe('Kinderboeken');

		await household.db.from('rommelroute_stands').update({ description: 'Kinderboeken en puzzels' }).eq('id', stand!.id);
		await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' });
		expect(await publicText()).toBe('Kinderboeken en puzzels');
	});

	it('an organiser cannot lift a worker\'s unpublish, and their change of the text waits for review', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const organiser = await newResident(env, 'Bram Organiseert');
		const bram = organiser.db;
		const { data: id } = await worker.rpc('create_repair_cafe_series', {
			p_buurt_code: 'BU01930601', p_name: 'Repair Café Bram', p_venue: 'Garage', p_address: 'Kamperweg 12, Zwolle',
			p_lat: 52.53, p_lng: 6.09, p_description: 'Fietsen en lampen', p_rule: '', p_dates: ['2031-06-14'], p_start: '10:00', p_end: '13:00',
			p_capacity: 8, p_organiser: organiser.id
		});
		const publicRow = async () => (await anon(env).from('repair_cafe_series').select('description').eq('id', id!)).data;
		expect(await publicRow()).toEqual([{ description: 'Fietsen en lampen' }]);

		expect((await bram.from('repair_cafe_series').update({ description: 'Koop hier goedkope fietsen!' }).eq('id', id!)).error).toBeNull();
		expect(await publicRow()).toEqual([{ description: 'Fietsen en lampen' }]);
		expect((await worker.from('repair_cafe_series_changes').select('description').eq('series_id', id!)).data).toEqual([{ description: 'Koop hier goedkope fietsen!' }]);
		expect((await worker.rpc('review_repair_cafe_series', { p_series: id!, p_decision: 'afwijzen', p_reason: 'Geen verkoop' })).error).toBeNull();
		expect(await publicRow()).toEqual([{ description: 'Fietsen en lampen' }]);

		expect((await worker.from('repair_cafe_series').update({ published: false }).eq('id', id!)).error).toBeNull();
		const lift = await bram.from('repair_cafe_series').update({ published: true }).eq('id', id!);
		expect(lift.error?.hint).toBe('repair_unpublished_by_worker');
		expect(await publicRow()).toEqual([]);
		expect((await worker.from('repair_cafe_series').update({ published: true }).eq('id', id!)).error).toBeNull();
		expect(await publicRow()).toHaveLength(1);
	});
});

describe('8. calendar feeds cannot be injected', () => {
	it('a carriage return in a description stays inside DESCRIPTION', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const organiser = await newResident(env, 'Olaf Agenda');
		const { data: id } = await worker.rpc('create_repair_cafe_series', {
			p_buurt_code: 'BU01930601', p_name: 'Repair Café Agenda', p_venue: 'Buurthuis', p_address: 'Kamperweg 10, Zwolle',
			p_lat: 52.53, p_lng: 6.09, p_description: 'Welkom\rBEGIN:VALARM\rTRIGGER:-PT5M\rEND:VALARM', p_rule: '', p_dates: ['2031-06-21'],
			p_start: '10:00', p_end: '13:00', p_capacity: 8, p_organiser: organiser.id
		});
		const ics = await new Browser(env).get(`/repair-cafe/${id}/agenda.ics`);
		expect(ics.status).toBe(200);
		const lines = ics.body.split(/\r\n|\r|\n/).map((line) => line.replace(/^ /, ''));
		expect(lines.filter((line) => line.startsWith('BEGIN:'))).toEqual(['BEGIN:VCALENDAR', 'BEGIN:VEVENT']);
		expect(ics.body).toContain('DESCRIPTION:Welkom\\nBEGIN:VALARM');
	});

	it('every text field refuses a carriage return on its own', async () => {
		const browser = await new Browser(env).signIn(demo.chantal);
		const comment = await browser.post('/initiatieven/10000000-0000-4000-8000-000000000001?/comment', { body: 'Mooi plan\rBEGIN:VALARM' });
		expect(comment.status).toBe(400);
		expect(comment.body).toContain('onzichtbare of speciale tekens');
	});
});

describe('9. headers', () => {
	it('every page has a Content-Security-Policy with a nonce for each inline script, and a Permissions-Policy', async () => {
		const page = await new Browser(env).get('/initiatieven');
		const policy = page.headers.get('content-security-policy') ?? '';
		const nonce = /script-src 'self' 'nonce-([^']+)'/.exec(policy)?.[1];
		expect(nonce).toBeTruthy();
		expect(policy).toContain("object-src 'none'");
		expect(policy).toContain("frame-ancestors 'none'");
		expect(policy).toMatch(/worker-src 'self' blob:/);
		const inline = [...page.body.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
		expect(inline.length).toBeGreaterThan(0);
		for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`);
		expect(page.headers.get('permissions-policy')).toContain('camera=()');
		// Plain http (a local test site) gets no HSTS; the https site above does.
		expect(page.headers.get('strict-transport-security')).toBeNull();
	});
});

describe('10. unverified accounts read, but do not act', () => {
	it('cannot propose, message, join, sign up or register a stand; the database says why', async () => {
		const uma = await unverifiedResident('Uma Onbevestigd');
		const neighbour = await newResident(env, 'Victor Buur');
		const theirOffer = await post(neighbour.db, { kind: 'aanbod' });
		const myRequest = await post(uma.db, { kind: 'vraag' });
		const attempts = {
			propose: await uma.db.rpc('help_propose', { p_own_post: myRequest, p_other_post: theirOffer }),
			join: await uma.db.rpc('join_initiatief', { p_id: '10000000-0000-4000-8000-000000000001', p_brings: ['handen'], p_note: '', p_contact: '0612345678' }),
			signUp: await uma.db.rpc('repair_cafe_sign_up', { p_date: (await db().from('repair_cafe_dates').select('id').eq('series_id', '10000000-0000-4000-8000-000000000001').gt('starts_at', new Date().toISOString()).limit(1).single()).data!.id, p_category: 'bicycle', p_item: 'Fiets', p_problem: 'Lekke band' }),
			stand: await uma.db.from('rommelroute_stands').insert({ edition_id: '20000000-0000-4000-8000-000000000001', postcode: '8024AB', huisnummer: 903, street: 'Aalscholverstraat', city: 'Zwolle', lat: 52.5321, lng: 6.0931, sells: ['boeken'] })
		};
		for (const [what, result] of Object.entries(attempts)) {
			expect(result.error?.code, what).toBe('42501');
			expect(result.error?.hint, what).toBe('unverified');
		}
		// A neighbour proposes to her request; she may accept, but a message waits for her address.
		const { data: match } = await neighbour.db.rpc('help_propose', { p_own_post: theirOffer, p_other_post: myRequest });
		expect((await uma.db.rpc('help_respond', { p_match: match as string, p_accept: true })).data).toBe('actief');
		expect((await uma.db.from('help_messages').insert({ match_id: match as string, body: 'Hallo!' })).error?.hint).toBe('unverified');
		// A match partner is never given an unconfirmed address.
		expect((await neighbour.db.rpc('help_match_contact', { p_match: match as string }).single()).data?.email).toBe('');
		expect((await neighbour.db.rpc('help_partner_email', { p_match: match as string })).data).toBeNull();
		expect((await uma.db.rpc('help_partner_email', { p_match: match as string })).data).toBe(neighbour.email);
	});

	it('the site says why, with a button to send the mail again', async () => {
		const uma = await unverifiedResident('Ulla Onbevestigd');
		const browser = await new Browser(env).signIn(uma.id);
		const joined = await browser.post('/initiatieven/10000000-0000-4000-8000-000000000001?/join', { brings: 'handen', note: '', contact: '0612345678' });
		expect(joined.status).toBe(400);
		expect(formError(joined.body) ?? joined.body).toContain('Bevestig eerst je e-mailadres');
		expect(joined.body).toContain('action="/profiel?/resend"');
		const resend = await browser.post('/profiel?/resend', {});
		expect(resend.status).toBe(200);
		expect((await db().from('email_outbox').select('kind').eq('to_address', uma.email).order('id', { ascending: false }).limit(1).single()).data?.kind).toBe('verify_email');
	});
});

describe('11. timing: the account flows do the same work for known and unknown addresses', () => {
	it('a reset request answers the same, and writes a token and mail only for a known address', async () => {
		const known = await newResident(env, 'Wendy Weet');
		const unknownAddress = `niemand.${Date.now()}@example.test`;
		const answers = [];
		for (const email of [known.email, unknownAddress]) {
			const response = await new Browser(env).post('/wachtwoord-vergeten', { email });
			answers.push({ status: response.status, told: response.body.includes('Als dit adres een account heeft, staat er nu een mail voor je klaar') });
		}
		expect(answers).toEqual([{ status: 200, told: true }, { status: 200, told: true }]);
		expect(await lastMail(env, known.email, 'reset_password')).not.toBeNull();
		expect((await db().from('email_outbox').select('kind').eq('to_address', known.email).eq('kind', 'reset_password')).data).toHaveLength(1);
		expect((await db().from('email_outbox').select('kind').eq('to_address', unknownAddress)).data).toEqual([]);
	});
});
