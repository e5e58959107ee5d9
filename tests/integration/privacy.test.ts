// Mijn gegevens and erasure (issue 14, points 1-2), through PostgREST as the app calls it and
// through the site as a browser: the coverage of every column that points at a person (from the
// catalog), the export, the erasure, and who may do it.
import { createHash, randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { asUser, Browser, DEMO_PASSWORD, demo, fieldErrors, formError, service, writeSession } from '../support/clients.ts';
import { newResident, post, type Resident } from '../support/burenhulp.ts';

const env = inject('env');
const db = () => service(env);
const EDITION = '20000000-0000-4000-8000-000000000001'; // Rommelroute Holtenbroek, registration open
const REPAIR = '10000000-0000-4000-8000-000000000001'; // Repair Café in Holtenbroek I
const GROEP = '40000000-0000-4000-8000-000000000001'; // Bewonerscommissie Holtenbroek I

function ok<T extends { error: { message: string } | null }>(result: T, what: string): T {
	if (result.error) throw new Error(`${what}: ${result.error.message}`);
	return result;
}

const hash = () => `\\x${createHash('sha256').update(randomBytes(16)).digest('hex')}`;

let dateCounter = 200;
async function repairDate(capacity: number, daysAhead: number): Promise<number> {
	dateCounter += 1;
	const start = new Date(Date.now() + daysAhead * 86_400_000 + dateCounter * 60_000);
	const { data } = ok(await db().from('repair_cafe_dates')
		.insert({ series_id: REPAIR, starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 3 * 3600_000).toISOString(), capacity })
		.select('id').single(), 'date');
	return data!.id;
}

async function publishedInitiative(author: Resident, title: string): Promise<string> {
	const { data: id } = ok(await author.db.rpc('save_initiatief', {
		p_id: null as unknown as string, p_title: title, p_body: 'Samen de speeltuin opknappen met de buren uit de straat.',
		p_themes: ['leefbaarheid'], p_buurt_code: 'BU01930601', p_lat: null as unknown as number, p_lng: null as unknown as number,
		p_needs: ['handen'], p_hands_count: 4, p_materials: '', p_space: '', p_money_amount: null as unknown as number,
		p_starts_on: null as unknown as string, p_when_text: '', p_submit: true
	}), 'save initiatief');
	const worker = await asUser(env, demo.workerZwolle);
	ok(await worker.rpc('moderate_initiatief', { p_id: id as string, p_decision: 'publiceren', p_message: '' }), 'publish');
	return id as string;
}

/** A resident with a row in as many tables as a resident can reach, and neighbours around them. */
async function richResident(name: string) {
	const me = await newResident(env, name);
	// A phone number nobody else in this database has (the helper counts per test file).
	me.phone = `06 ${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
	ok(await db().from('profile_private').update({ phone: me.phone }).eq('user_id', me.id), 'phone');
	const other = await newResident(env, 'Olga Overbuur');
	const third = await newResident(env, 'Theo Derde');
	const admin = db();
	await writeSession(env, me.id);
	ok(await admin.from('auth_tokens').insert({ token_hash: hash(), user_id: me.id, kind: 'verify_email', expires_at: new Date(Date.now() + 3600_000).toISOString() }), 'token');
	ok(await admin.from('calendar_feeds').insert({ user_id: me.id, token_hash: hash() }), 'feed');
	ok(await admin.from('notification_preferences').insert({ user_id: me.id, kind: 'help_message', email: 'daily' }), 'preference');
	await admin.from('profiles').update({ about: `Ik ben ${name} en ik tuinier graag.` }).eq('id', me.id);

	// Burenhulp: a closed match with a conversation (stays), an active one (stops), an open post (goes).
	const myRequest = await post(me.db, { kind: 'vraag', description: 'Wie helpt mij met de boodschappen?' });
	const otherOffer = await post(other.db, { kind: 'aanbod', description: 'Ik doe graag boodschappen voor een buur' });
	const { data: closedMatch } = ok(await me.db.rpc('help_propose', { p_own_post: myRequest, p_other_post: otherOffer }), 'propose');
	ok(await other.db.rpc('help_respond', { p_match: closedMatch as string, p_accept: true }), 'accept');
	ok(await me.db.from('help_messages').insert({ match_id: closedMatch as string, body: 'Dank je, tot dinsdag!' }), 'message');
	ok(await other.db.from('help_messages').insert({ match_id: closedMatch as string, body: 'Graag gedaan, buurvrouw.' }), 'reply');
	ok(await me.db.rpc('help_close', { p_match: closedMatch as string, p_outcome: 'geholpen', p_thanks: 'Heel fijn' }), 'close');
	const myOffer = await post(me.db, { kind: 'aanbod', category: 'klussen', description: 'Ik kan kleine klussen in huis doen' });
	const thirdRequest = await post(third.db, { kind: 'vraag', category: 'klussen', description: 'Mijn kraan lekt, wie kan helpen?' });
	const { data: activeMatch } = ok(await third.db.rpc('help_propose', { p_own_post: thirdRequest, p_other_post: myOffer }), 'propose 2');
	ok(await me.db.rpc('help_respond', { p_match: activeMatch as string, p_accept: true }), 'accept 2');
	await post(me.db, { kind: 'vraag', category: 'tuin', description: 'Wie wil mijn heg snoeien?' });
	const blocked = await newResident(env, 'Bert Blok');
	ok(await admin.from('help_blocks').insert({ blocker_id: me.id, blocked_id: blocked.id, label: 'Bert, Holtenbroek I' }), 'block');
	const blocker = await newResident(env, 'Bea Blokker');
	ok(await admin.from('help_blocks').insert({ blocker_id: blocker.id, blocked_id: me.id, label: `${name.split(' ')[0]}, Holtenbroek I` }), 'blocked by');

	// Initiatives: a published one others joined (stays), a concept (goes), joining someone else's.
	const mine = await publishedInitiative(me, `Speeltuin opknappen ${dateCounter}`);
	ok(await other.db.rpc('join_initiatief', { p_id: mine, p_brings: ['handen'], p_note: '', p_contact: 'olga via de app' }), 'join mine');
	ok(await me.db.from('initiatief_updates').insert({ initiatief_id: mine, body: 'We beginnen zaterdag om tien uur.' }), 'update');
	ok(await me.db.from('initiatief_reacties').insert({ initiatief_id: mine, body: 'Wie neemt koffie mee?' }), 'comment');
	const theirs = await publishedInitiative(other, 'Buurtmoestuin aan het water');
	ok(await me.db.rpc('join_initiatief', { p_id: theirs, p_brings: ['handen'], p_note: 'Ik heb een schop', p_contact: me.phone }), 'join theirs');
	ok(await me.db.rpc('save_initiatief', {
		p_id: null as unknown as string, p_title: 'Een idee in concept', p_body: 'Dit is nog maar een idee van mij alleen.',
		p_themes: ['duurzaamheid'], p_buurt_code: 'BU01930601', p_lat: null as unknown as number, p_lng: null as unknown as number,
		p_needs: [], p_hands_count: null as unknown as number, p_materials: '', p_space: '', p_money_amount: null as unknown as number,
		p_starts_on: null as unknown as string, p_when_text: '', p_submit: false
	}), 'concept');

	// Repair Café: a coming sign-up for the last place (a neighbour waits), a past one with an outcome.
	const coming = await repairDate(1, 40);
	ok(await me.db.rpc('repair_cafe_sign_up', { p_date: coming, p_category: 'electrical', p_item: 'Broodrooster', p_problem: 'Wordt niet warm', p_waitlist: true }), 'sign up');
	ok(await other.db.rpc('repair_cafe_sign_up', { p_date: coming, p_category: 'textile', p_item: 'Jas', p_problem: 'Rits kapot', p_waitlist: true }), 'wait');
	const past = await repairDate(5, -10);
	ok(await admin.from('repair_cafe_signups').insert({ date_id: past, resident_id: me.id, category: 'bicycle', item: 'Fiets', problem: 'Lekke band', status: 'booked', outcome: 'fixed' }), 'past sign-up');
	const { data: series } = ok(await admin.from('repair_cafe_series').insert({
		organiser_id: me.id, buurt_code: 'BU01930601', name: `Repair Café Holtenbroek ${dateCounter}`, venue: 'Buurthuis', address: 'Aalscholverstraat 1',
		lat: 52.53, lng: 6.09, published: false
	}).select('id').single(), 'series');
	const { data: edition } = ok(await admin.from('rommelroute_editions').insert({
		wijk_code: 'WK019306', title: 'Rommelroute in het najaar', day: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
		starts: '10:00', ends: '15:00', registration_opens: new Date(Date.now() - 86_400_000).toISOString(),
		registration_closes: new Date(Date.now() + 50 * 86_400_000).toISOString(), created_by: me.id
	}).select('id').single(), 'edition');

	// Rommelroute stand, group, zorg, reports, audit entries about them.
	ok(await me.db.from('rommelroute_stands').insert({ edition_id: EDITION, postcode: '8024AB', huisnummer: 7000 + (dateCounter % 1000), street: 'Aalscholverstraat', city: 'Zwolle', lat: 52.532, lng: 6.093, sells: ['boeken'], description: 'Boeken', show_name: true }), 'stand');
	ok(await admin.from('groep_leden').insert({ groep_id: GROEP, user_id: me.id, role: 'lid' }), 'member');
	ok(await admin.from('groep_contacten').insert({ groep_id: GROEP, user_id: me.id, contact: me.phone }), 'group contact');
	ok(await admin.from('groep_berichten').insert({ groep_id: GROEP, author_id: me.id, body: 'Wie komt er donderdag?' }), 'board post');
	ok(await me.db.from('buurt_zorgen').insert({ buurt_code: 'BU01930601', theme: 'veiligheid', body: 'De lantaarn bij het speelveld is al weken stuk.' }), 'zorg');
	ok(await me.db.from('reports').insert({ subject_type: 'initiatief', subject_id: theirs, subject_label: 'Buurtmoestuin', reason: 'spam', details: 'Lijkt reclame' }), 'report');
	ok(await third.db.from('reports').insert({ subject_type: 'person', subject_id: me.id, subject_label: name, reason: 'ongepast', details: 'Onaardig' }), 'report about');
	const coordinator = await asUser(env, demo.coordinatorZwolle);
	ok(await coordinator.rpc('set_account_blocked', { p_user: me.id, p_blocked: true, p_reason: `Blokkade van ${name} om te testen` }), 'block account');
	ok(await coordinator.rpc('set_account_blocked', { p_user: me.id, p_blocked: false, p_reason: 'Weer open' }), 'unblock account');
	await writeSession(env, me.id);
	return { me, other, third, closedMatch: closedMatch as string, activeMatch: activeMatch as string, mine, theirs, coming, series: series!.id, edition: edition!.id, otherOffer, thirdRequest };
}

/** The value at a dotted path of the export. */
function at(data: Record<string, unknown>, path: string): unknown {
	return path.split('.').reduce<unknown>((v, key) => (v as Record<string, unknown> | null)?.[key], data);
}

async function rowsWith(table: string, column: string, id: string): Promise<number> {
	const { count, error } = await db().from(table as 'profiles').select('*', { count: 'exact', head: true }).eq(column as 'id', id);
	if (error) throw new Error(`${table}.${column}: ${error.message}`);
	return count ?? 0;
}

describe('every column that points at a person is covered', () => {
	it('the catalog and the list of personal_data_map() (export and erasure) are the same', async () => {
		const { data: catalog } = ok(await db().rpc('person_columns'), 'catalog');
		const { data: map } = ok(await db().rpc('personal_data_map'), 'map');
		const key = (r: { table_name: string; column_name: string }) => `${r.table_name}.${r.column_name}`;
		const covered = new Set(map!.map(key));
		const found = new Set(catalog!.map(key));
		const missing = [...found].filter((k) => !covered.has(k));
		expect(missing, 'add these to personal_data_map(), my_data() and erase_account()').toEqual([]);
		expect([...covered].filter((k) => !found.has(k)), 'listed but not in the catalog').toEqual([]);
		for (const row of map!) expect(['deleted', 'kept_anonymous', 'passed_on']).toContain(row.erasure);
		// Every table's export path exists in my_data() (checked on a real export below).
		expect(catalog!.length).toBeGreaterThan(50);
	});
});

describe('Mijn gegevens: the export', () => {
	let world: Awaited<ReturnType<typeof richResident>>;
	beforeAll(async () => {
		world = await richResident('Wessel Wisbaar');
	}, 60_000);

	it('holds the person\'s rows of every table that points at them', async () => {
		const { data } = ok(await world.me.db.rpc('my_data'), 'my_data');
		const exported = data as Record<string, unknown>;
		const { data: map } = ok(await db().rpc('personal_data_map'), 'map');
		let checked = 0;
		for (const entry of map!) {
			const rows = await rowsWith(entry.table_name, entry.column_name, world.me.id);
			if (rows === 0) continue;
			checked += 1;
			const value = entry.export_path === 'staff_actions'
				? (exported.staff_actions as Record<string, unknown[]>)[`${entry.table_name}.${entry.column_name}`]
				: at(exported, entry.export_path);
			expect(value, `${entry.table_name}.${entry.column_name} → ${entry.export_path}`).toBeTruthy();
			const length = Array.isArray(value) ? value.length : 1;
			expect(length, `${entry.table_name}.${entry.column_name}`).toBeGreaterThanOrEqual(rows);
		}
		expect(checked).toBeGreaterThanOrEqual(25);
	});

	it('says who the other side is only as the person saw them, and no secrets', async () => {
		const { data } = ok(await world.me.db.rpc('my_data'), 'my_data');
		const text = JSON.stringify(data);
		for (const other of [world.other, world.third]) {
			expect(text).not.toContain(other.id);
			expect(text).not.toContain(other.email);
			expect(text).not.toContain(other.phone);
		}
		// The match partner's surname: in burenhulp only the first name was shown.
		expect(JSON.stringify((data as Record<string, unknown>).burenhulp)).not.toContain('Overbuur');
		expect(text).toContain('"other_first_name":"Olga"');
		expect(text).not.toMatch(/argon2|secret_hash|token_hash/);
		const messages = at(data as Record<string, unknown>, 'burenhulp.messages') as { from: string; body: string }[];
		expect(messages.map((m) => m.from).sort()).toEqual(['ander', 'ik']);
		expect(at(data as Record<string, unknown>, 'profile.display_name')).toBe('Wessel Wisbaar');
		expect(at(data as Record<string, unknown>, 'private_contact.phone')).toBe(world.me.phone);
	});

	it('is only ever the logged-in person\'s own, and a visitor gets none', async () => {
		const { data } = ok(await (await asUser(env, demo.workerZwolle)).rpc('my_data'), 'worker');
		expect(JSON.stringify(data)).not.toContain(world.me.id);
		const { error } = await service(env).rpc('my_data');
		expect(error?.code).toBe('42501');
	});

	it('downloads as JSON and HTML from the site, not cached, to the owner only', async () => {
		const browser = await new Browser(env).signIn(world.me.id);
		const page = await browser.get('/mijn-gegevens');
		expect(page.status).toBe(200);
		expect(page.body).toContain('Wessel Wisbaar');
		const json = await browser.get('/mijn-gegevens/download?format=json');
		expect(json.status).toBe(200);
		expect(json.headers.get('content-disposition')).toMatch(/^attachment; filename="buurtplein-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
		expect(json.headers.get('cache-control')).toContain('no-store');
		expect(JSON.parse(json.body).profile.display_name).toBe('Wessel Wisbaar');
		const html = await browser.get('/mijn-gegevens/download?format=html');
		expect(html.headers.get('content-type')).toMatch(/^text\/html/);
		expect(html.headers.get('content-disposition')).toMatch(/\.html"$/);
		expect(html.body).toContain('Wessel Wisbaar');
		expect(html.body).not.toContain('<script');
		const visitor = await new Browser(env).get('/mijn-gegevens/download?format=json');
		expect(visitor.status).toBe(303);
		expect(visitor.location).toMatch(/^\/inloggen/);
	});
});

describe('erasure', () => {
	it('leaves no row with their id, e-mail, phone or name, while the others keep their history as "oud-bewoner"', async () => {
		const world = await richResident('Ellen Erasmus');
		const { me, other, third } = world;
		const browser = await new Browser(env).signIn(me.id);
		const response = await browser.post('/mijn-gegevens/verwijderen', { password: DEMO_PASSWORD, confirm: 'on' });
		expect(response.status).toBe(303);
		expect(response.location).toBe('/account-verwijderd');
		// Logged out: the old session opens nothing.
		expect((await browser.get('/mijn-gegevens')).status).toBe(303);

		// The confirmation is queued; once it is sent the address goes too.
		const { data: mail } = await db().from('email_outbox').select('id, to_address, body_text').eq('kind', 'account_erased').eq('to_address', me.email).single();
		expect(mail!.body_text).not.toContain('Ellen');
		ok(await db().rpc('mark_mail_sent', { p_id: mail!.id, p_message_id: '<x@test>' }), 'sent');
		const { data: traces } = ok(await db().rpc('personal_traces', { p_id: me.id, p_strings: [me.email, me.phone, 'Ellen Erasmus', 'Erasmus'] }), 'traces');
		expect(traces).toEqual([]);

		// The other side still reads the closed conversation, from "oud-bewoner".
		const { data: messages } = await other.db.from('help_messages').select('body, sender_id').eq('match_id', world.closedMatch).order('id');
		expect(messages!.map((m) => m.body)).toEqual(['Dank je, tot dinsdag!', 'Graag gedaan, buurvrouw.']);
		expect(messages![0].sender_id).toBeNull();
		const { data: mine } = await other.db.from('my_help_matches').select('status').eq('id', world.closedMatch).single();
		expect(mine!.status).toBe('afgesloten');
		const { data: theirPost } = await other.db.from('help_posts').select('first_name').eq('id', world.otherOffer).single();
		expect(theirPost).toBeTruthy();
		const { data: names } = await db().from('help_posts').select('first_name, status').in('id', [(await db().from('help_matches').select('request_id').eq('id', world.closedMatch).single()).data!.request_id]);
		expect(names).toEqual([{ first_name: 'oud-bewoner', status: 'gesloten' }]);
		// The active match stopped, and the neighbour's request is open again.
		const { data: active } = await db().from('help_matches').select('status').eq('id', world.activeMatch).single();
		expect(active!.status).toBe('gestopt');
		const { data: reopened } = await db().from('help_posts').select('status').eq('id', world.thirdRequest).single();
		expect(reopened!.status).toBe('open');
		// The published initiative stays for those who joined, with its update and comment.
		const { data: initiative } = await other.db.from('initiatieven').select('title, author_id').eq('id', world.mine).single();
		expect(initiative!.author_id).toBeNull();
		expect(initiative!.title).toMatch(/^Speeltuin opknappen/);
		// The place on the Repair Café went to the one waiting.
		const { data: signups } = await db().from('repair_cafe_signups').select('resident_id, status').eq('date_id', world.coming).order('id');
		expect(signups).toEqual([{ resident_id: null, status: 'cancelled' }, { resident_id: other.id, status: 'booked' }]);
		// The series and the edition passed to the worker of the wijk.
		expect((await db().from('repair_cafe_series').select('organiser_id').eq('id', world.series).single()).data!.organiser_id).toBe(demo.workerZwolle);
		expect((await db().from('rommelroute_editions').select('created_by').eq('id', world.edition).single()).data!.created_by).toBe(demo.workerZwolle);
		// The log keeps the decision and the block, without the person.
		const { data: log } = await db().from('audit_log').select('action, subject_id, reason').in('action', ['block_account', 'erase_own_account']).order('id', { ascending: false }).limit(3);
		expect(log![0]).toMatchObject({ action: 'erase_own_account', reason: '' });
		expect(log!.slice(1)).toContainEqual({ action: 'block_account', subject_id: 'gewist', reason: '' });
		void third;

		// Logging in fails with the ordinary message.
		const login = await new Browser(env).post('/inloggen', { email: me.email, password: DEMO_PASSWORD });
		expect(login.status).toBe(400);
		const unknown = await new Browser(env).post('/inloggen', { email: 'niemand.hier@example.test', password: DEMO_PASSWORD });
		expect(formError(login.body)).toBe(formError(unknown.body));
	}, 60_000);

	it('wants the password and the tick box, with a message per field', async () => {
		const me = await newResident(env, 'Pim Poging');
		const browser = await new Browser(env).signIn(me.id);
		const wrong = await browser.post('/mijn-gegevens/verwijderen', { password: 'niet-mijn-wachtwoord' , confirm: 'on' });
		expect(wrong.status).toBe(400);
		expect(fieldErrors(wrong.body).password).toBe('Dit wachtwoord klopt niet');
		const unticked = await browser.post('/mijn-gegevens/verwijderen', { password: '' });
		expect(unticked.status).toBe(400);
		expect(Object.keys(fieldErrors(unticked.body)).sort()).toEqual(['confirm', 'password']);
		expect((await db().from('users').select('id').eq('id', me.id)).data).toHaveLength(1);
	});

	it('a resident cannot erase someone else, nor a worker of another wijk; a worker of the wijk can, with a reason', async () => {
		const target = await newResident(env, 'Rosa Verzoek');
		const someone = await newResident(env, 'Sem Ander');
		expect((await someone.db.rpc('erase_account', { p_user: target.id, p_reason: 'Zomaar geprobeerd' })).error?.code).toBe('42501');
		const almere = await asUser(env, demo.workerAlmere);
		expect((await almere.rpc('erase_account', { p_user: target.id, p_reason: 'Verzoek per telefoon' })).error?.hint).toBe('erase_not_allowed');
		expect((await db().from('users').select('id').eq('id', target.id)).data).toHaveLength(1);

		const worker = await new Browser(env).signIn(demo.workerZwolle);
		const form = await worker.get(`/werkplek/persoon/${target.id}/verwijderen`);
		expect(form.status).toBe(200);
		const empty = await worker.post(`/werkplek/persoon/${target.id}/verwijderen`, { reason: 'kort' });
		expect(empty.status).toBe(400);
		expect(Object.keys(fieldErrors(empty.body)).sort()).toEqual(['confirm', 'reason']);
		const done = await worker.post(`/werkplek/persoon/${target.id}/verwijderen`, { reason: 'Verzoek per telefoon, gecontroleerd', confirm: 'on' });
		expect(done.status).toBe(303);
		expect(done.location).toMatch(/^\/werkplek\/verwijderd\?kenmerk=[0-9a-f-]{36}$/);
		expect((await worker.get(done.location!)).body).toContain('Kenmerk voor je dossier');
		expect((await db().from('users').select('id').eq('id', target.id)).data).toHaveLength(0);
		const { data: entry } = await db().from('audit_log').select('action, subject_type, reason, wijk_code, actor_id').eq('action', 'erase_account').order('id', { ascending: false }).limit(1).single();
		expect(entry).toMatchObject({ subject_type: 'erasure', reason: 'Verzoek per telefoon, gecontroleerd', wijk_code: 'WK019306', actor_id: demo.workerZwolle });
		const staff = await (await asUser(env, demo.coordinatorZwolle)).rpc('erase_account', { p_user: demo.workerZwolle, p_reason: 'Geen bewoner hoor' });
		expect(staff.error?.hint).toBe('erase_staff');
	});

	it('changes nothing when a step fails: an organiser with nobody in the wijk to take over', async () => {
		// A gemeente of its own without workers or a coordinator, so nobody can take the series over.
		ok(await db().from('gemeenten').upsert({ code: 'GM9990', naam: 'Proefgemeente' }), 'gemeente');
		ok(await db().from('wijken').upsert({ code: 'WK999001', gemeente_code: 'GM9990', naam: 'Proefwijk' }), 'wijk');
		ok(await db().from('buurten').upsert({ code: 'BU99900101', wijk_code: 'WK999001', naam: 'Proefbuurt', lat: 52.5, lng: 6.1 }), 'buurt');
		const me = await newResident(env, 'Ottla Organisator', 'BU99900101');
		await post(me.db, { kind: 'vraag', buurt_code: 'BU99900101', description: 'Wie helpt mij met de boodschappen?' });
		const { data: series } = ok(await db().from('repair_cafe_series').insert({ organiser_id: me.id, buurt_code: 'BU99900101', name: 'Repair Café Proefbuurt', venue: 'Buurthuis', address: 'Proeflaan 1', lat: 52.5, lng: 6.1, published: false }).select('id').single(), 'series');
		const { error } = await me.db.rpc('erase_account', { p_user: me.id });
		expect(error?.hint).toBe('erase_no_successor');
		expect((await db().from('users').select('id').eq('id', me.id)).data).toHaveLength(1);
		expect((await db().from('help_posts').select('id, status').eq('owner_id', me.id)).data).toEqual([expect.objectContaining({ status: 'open' })]);
		expect((await db().from('email_outbox').select('id').eq('kind', 'account_erased').eq('to_address', me.email)).data).toHaveLength(0);
		expect((await db().from('audit_log').select('id').eq('wijk_code', 'WK999001')).data).toHaveLength(0);
		// Without the series the same erasure completes.
		ok(await db().from('repair_cafe_series').delete().eq('id', series!.id), 'drop series');
		ok(await me.db.rpc('erase_account', { p_user: me.id }), 'erase');
		expect((await db().from('users').select('id').eq('id', me.id)).data).toHaveLength(0);
	});

	it('forgets the address of a confirmation that could not be delivered once its job is dead', async () => {
		const me = await newResident(env, 'Dirk Doodlopend');
		ok(await me.db.rpc('erase_account', { p_user: me.id }), 'erase');
		const { data: mail } = await db().from('email_outbox').select('id').eq('kind', 'account_erased').eq('to_address', me.email).single();
		const { data: job } = await db().from('jobs').select('id').eq('kind', 'mail.send').eq('dedupe_key', `mail:${mail!.id}`).single();
		ok(await db().from('jobs').update({ status: 'dead', finished_at: new Date().toISOString() }).eq('id', job!.id), 'dead');
		const { data: after } = await db().from('email_outbox').select('to_address').eq('id', mail!.id).single();
		expect(after!.to_address).toBe('gewist@buurtplein.invalid');
	});

	it('the audit log stays closed to everyone outside the erasure', async () => {
		const { data: entry } = await db().from('audit_log').select('id').limit(1).single();
		const { error } = await db().from('audit_log').update({ reason: '' }).eq('id', entry!.id);
		expect(error?.code).toBe('42501');
	});
});
