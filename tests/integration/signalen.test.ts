// Signalen through PostgREST and the built site, as each role: partner organisations and their
// contact people (role partner), signals and the personal-data warning, the partners' agenda with its
// one-way status, audit log and notifications, and the reminder when an item waits two weeks.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newResident, post, type Resident } from '../support/burenhulp.ts';
import { anon, asUser, Browser, demo, fieldErrors, lastMail, service, tokenFrom, uniqueEmail } from '../support/clients.ts';
import { notes, runJob, until } from '../support/groepen.ts';

const env = inject('env');
const db = () => service(env);
const DAY = 86_400_000;

const partnerDemo = '00000000-0000-4000-8000-000000000021'; // deltaWonen, Zwolle
const deltaWonen = '00000000-0000-4000-8000-00000000a001';
const wijkteam = '00000000-0000-4000-8000-00000000a002'; // Zwolle, no contact people
const politieAlmere = '00000000-0000-4000-8000-00000000a003';
const onAgenda = '00000000-0000-4000-8000-00000000b001'; // Holtenbroek I, on deltaWonen's agenda
const holtenbroek2 = '00000000-0000-4000-8000-00000000b003'; // Holtenbroek II, on no agenda
const centrum = '00000000-0000-4000-8000-00000000b004'; // Centrum (Zwolle)

type Client = Awaited<ReturnType<typeof asUser>>;
let resident: Resident;
let otherResident: Resident;

const roles = () => ({
	visitor: () => Promise.resolve(anon(env)),
	resident: () => Promise.resolve(resident.db),
	'another resident': () => Promise.resolve(otherResident.db),
	'a worker of the wijk': () => asUser(env, demo.workerZwolle),
	'a worker of another wijk': () => asUser(env, demo.workerAlmere),
	'the coordinator': () => asUser(env, demo.coordinatorZwolle),
	'the coordinator of another gemeente': () => asUser(env, demo.coordinatorAlmere),
	admin: () => asUser(env, demo.admin),
	'the partner': () => asUser(env, partnerDemo)
});
type Role = keyof ReturnType<typeof roles>;

async function readers(table: string, column: string, value: string): Promise<Role[]> {
	const seen: Role[] = [];
	for (const [name, connect] of Object.entries(roles()) as [Role, () => Promise<Client>][]) {
		const { data } = await (await connect()).from(table as 'signalen').select('*').eq(column as 'id', value);
		if (data?.length) seen.push(name);
	}
	return seen;
}

/** A signal logged by the Zwolle worker through PostgREST, as the form does. */
async function signaal(buurt = 'BU01930602', body = 'Speeltuin in de buurt is al maanden kapot en onveilig.'): Promise<string> {
	const worker = await asUser(env, demo.workerZwolle);
	const { data, error } = await worker
		.from('signalen')
		.insert({ buurt_code: buurt, theme: 'leefbaarheid', body, source: 'eigen_waarneming', urgency: 'normaal' })
		.select('id')
		.single();
	if (error || !data) throw new Error(`signaal: ${error?.message}`);
	return data.id;
}

async function auditActions(id: string): Promise<string[]> {
	const { data } = await db().from('audit_log').select('action').eq('subject_type', 'agenda_item').eq('subject_id', id).order('id');
	return (data ?? []).map((e) => e.action);
}

beforeAll(async () => {
	[resident, otherResident] = await Promise.all([newResident(env, 'Rita Bewoner'), newResident(env, 'Otto Bewoner', 'BU00340101')]);
});

describe('partner organisations and their contact people', () => {
	it('are seen by staff of the gemeente and the contact people of the organisation only', async () => {
		expect(await readers('partner_organisaties', 'id', deltaWonen)).toEqual(['a worker of the wijk', 'the coordinator', 'admin', 'the partner']);
		expect(await readers('partner_organisaties', 'id', politieAlmere)).toEqual(['a worker of another wijk', 'the coordinator of another gemeente', 'admin']);
		expect(await readers('partner_contacten', 'user_id', partnerDemo)).toEqual(['the coordinator', 'the partner']);
	});

	it('are added by the coordinator of the gemeente only', async () => {
		const name = `Welzijn ${Date.now()}`;
		for (const id of [demo.workerZwolle, demo.coordinatorAlmere, partnerDemo, demo.anna]) {
			const { error } = await (await asUser(env, id)).from('partner_organisaties').insert({ gemeente_code: 'GM0193', name, kind: 'welzijn' });
			expect(error?.code, id).toBe('42501');
		}
		const { error } = await (await asUser(env, demo.coordinatorZwolle)).from('partner_organisaties').insert({ gemeente_code: 'GM0193', name, kind: 'welzijn' });
		expect(error).toBeNull();
	});

	it('the coordinator creates a partner account on the site; the invitation sets a password and the account is a partner', async () => {
		const coordinator = await new Browser(env).signIn(demo.coordinatorZwolle);
		const name = `Politie Zwolle ${Date.now()}`;
		const added = await coordinator.post('/signalen/partners?/addPartner', { name, kind: 'politie' });
		expect(added.status).toBe(200);
		const { data: org } = await db().from('partner_organisaties').select('id').eq('name', name).single();
		const email = uniqueEmail('agent');

		const bad = await coordinator.post('/signalen/partners?/addContact', { organisatieId: org!.id, displayName: '', email: 'geen-adres' });
		expect(bad.status).toBe(400);
		expect(Object.keys(fieldErrors(bad.body)).sort()).toEqual([`contact-${org!.id}-displayName`, `contact-${org!.id}-email`]);

		const invited = await coordinator.post('/signalen/partners?/addContact', { organisatieId: org!.id, displayName: 'Wijkagent Sanne', email });
		expect(invited.status).toBe(200);
		const mail = await lastMail(env, email, 'reset_password');
		expect(mail?.subject).toContain(name);
		const { data: account } = await db().from('users').select('id, email_verified_at').eq('email', email).single();
		const { data: profile } = await db().from('profiles').select('role').eq('id', account!.id).single();
		expect(profile!.role).toBe('partner');
		expect(account!.email_verified_at).toBeNull();

		const reset = await new Browser(env).post('/wachtwoord-herstellen', { token: tokenFrom(mail!.body_text), password: 'nieuw-wachtwoord-1', passwordRepeat: 'nieuw-wachtwoord-1' });
		expect(reset.status).toBe(303);
		expect(reset.location).toContain('/inloggen');

		// The same address twice is refused, and is no account for someone else to take over.
		const twice = await coordinator.post('/signalen/partners?/addContact', { organisatieId: org!.id, displayName: 'Nog Een', email });
		expect(twice.status).toBe(400);
		expect(fieldErrors(twice.body)[`contact-${org!.id}-email`]).toContain('al een account');
	});

	it('only the coordinator of the organisation’s gemeente gives it contact people', async () => {
		for (const id of [demo.coordinatorAlmere, demo.workerZwolle, partnerDemo, demo.admin]) {
			const { error } = await (await asUser(env, id)).rpc('add_partner_contact', {
				p_organisatie: deltaWonen, p_email: uniqueEmail('x'), p_display_name: 'Iemand', p_token_hash: '\\x00', p_subject: 's', p_body: 'b'
			});
			expect(error?.code, id).toBe('42501');
		}
	});

	it('a partner account reads no profiles, help posts, matches, messages or group boards', async () => {
		// A match with a message, so there is something to read.
		const asker = await newResident(env, 'Vera Vraag');
		const offerer = await newResident(env, 'Aart Aanbod');
		const request = await post(asker.db, { kind: 'vraag' });
		const offer = await post(offerer.db, { kind: 'aanbod' });
		const { data: match, error } = await asker.db.rpc('help_propose', { p_own_post: request, p_other_post: offer });
		expect(error).toBeNull();
		expect((await offerer.db.rpc('help_respond', { p_match: match as string, p_accept: true })).error).toBeNull();
		expect((await asker.db.from('help_messages').insert({ match_id: match as string, body: 'Hoi, wanneer past het?' })).error).toBeNull();

		const partner = await asUser(env, partnerDemo);
		const worker = await asUser(env, demo.workerZwolle);
		const { data: profiles } = await partner.from('profiles').select('id');
		expect(profiles!.map((p) => p.id)).toEqual([partnerDemo]);
		expect((await worker.from('profiles').select('id')).data!.length).toBeGreaterThan(1);
		expect((await partner.from('profile_private').select('user_id')).data!.map((p) => p.user_id)).toEqual([partnerDemo]);
		expect((await partner.from('help_posts').select('id')).data).toEqual([]);
		expect((await resident.db.from('help_posts').select('id')).data!.length).toBeGreaterThan(0);
		expect((await partner.from('help_matches').select('id')).data).toEqual([]);
		expect((await partner.from('help_messages').select('id')).data).toEqual([]);
		expect((await asker.db.from('help_messages').select('id')).data!.length).toBe(1);
		expect((await partner.from('groep_berichten').select('id')).data).toEqual([]);
		expect((await (await asUser(env, demo.anna)).from('groep_berichten').select('id')).data!.length).toBeGreaterThan(0);
		expect((await partner.from('users').select('id')).data!.map((u) => u.id)).toEqual([partnerDemo]);
	});

	it('a partner reaches its own pages, not the workers’', async () => {
		const partner = await new Browser(env).signIn(partnerDemo);
		expect((await partner.get('/partner')).status).toBe(200);
		expect((await partner.get('/signalen')).status).toBe(403);
		expect((await partner.get('/werkplek')).status).toBe(403);
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		expect((await worker.get('/partner')).status).toBe(403);
		expect((await new Browser(env).get('/partner')).status).toBe(303);
	});
});

describe('signals', () => {
	it('are read by workers of the wijk and the coordinator; a partner only those on its agenda', async () => {
		expect(await readers('signalen', 'id', holtenbroek2)).toEqual(['a worker of the wijk', 'the coordinator']);
		expect(await readers('signalen', 'id', onAgenda)).toEqual(['a worker of the wijk', 'the coordinator', 'the partner']);
	});

	it('are logged only in one’s own wijken, never by residents or partners', async () => {
		const row = { buurt_code: 'BU01930601', theme: 'armoede', body: 'Meer vragen om voedselpakketten.', source: 'bewoner', urgency: 'hoog' } as const;
		for (const id of [demo.anna, demo.workerAlmere, demo.coordinatorAlmere, partnerDemo, demo.admin]) {
			expect((await (await asUser(env, id)).from('signalen').insert(row)).error?.code, id).toBe('42501');
		}
		expect((await anon(env).from('signalen').insert(row)).error).not.toBeNull();
		const { data, error } = await (await asUser(env, demo.coordinatorZwolle)).from('signalen').insert(row).select('wijk_code, gemeente_code, created_by').single();
		expect(error).toBeNull();
		expect(data).toEqual({ wijk_code: 'WK019306', gemeente_code: 'GM0193', created_by: demo.coordinatorZwolle });
	});

	it('refuses a day outside the last year and a link to another wijk', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const base = { buurt_code: 'BU01930601', theme: 'armoede', body: 'Meer vragen om voedselpakketten.', source: 'bewoner', urgency: 'hoog' } as const;
		const future = new Date(Date.now() + 3 * DAY).toISOString().slice(0, 10);
		const old = new Date(Date.now() - 400 * DAY).toISOString().slice(0, 10);
		expect((await worker.from('signalen').insert({ ...base, observed_on: future })).error?.hint).toBe('signaal_date');
		expect((await worker.from('signalen').insert({ ...base, observed_on: old })).error?.hint).toBe('signaal_date');
		const { data: groep } = await db().from('groepen').select('id, wijk_code').neq('wijk_code', 'WK019306').limit(1).maybeSingle();
		if (groep) expect((await worker.from('signalen').insert({ ...base, groep_id: groep.id })).error?.hint).toBe('signaal_link');
	});

	it('the phone form saves a signal, and warns about personal data until the worker rewrites or confirms it', async () => {
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		const today = new Date().toISOString().slice(0, 10);
		const fields = { body: 'Bij de flat aan de Kerkstraat 12 woont mevrouw Jansen, bel 06-12345678.', theme: 'eenzaamheid', buurtCode: 'BU01930601', source: 'bewoner', urgency: 'normaal', observedOn: today };
		const warned = await worker.post('/signalen/nieuw', fields);
		expect(warned.status).toBe(400);
		expect(fieldErrors(warned.body).body).toMatch(/een naam, een telefoonnummer, een adres met huisnummer/);
		expect(warned.body).toContain('name="checked"');

		const body = `Ouderen in de flats komen de deur minder uit ${Date.now()}.`;
		const saved = await worker.post('/signalen/nieuw', { ...fields, body });
		expect(saved.status).toBe(303);
		expect(saved.location).toBe('/signalen?opgeslagen=1');
		const { data } = await db().from('signalen').select('theme, buurt_code, created_by').eq('body', body).single();
		expect(data).toEqual({ theme: 'eenzaamheid', buurt_code: 'BU01930601', created_by: demo.workerZwolle });

		const confirmed = await worker.post('/signalen/nieuw', { ...fields, body: 'Meneer en mevrouw uit portiek 3 vragen naar de Kerkstraat 12 ontmoetingsruimte.', checked: 'on' });
		expect(confirmed.status).toBe(303);

		const list = await worker.get('/signalen');
		expect(list.status).toBe(200);
		expect(list.body).toContain(body);
	});

	it('answers bad input with a 400 and a message per field, in English when chosen', async () => {
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		const empty = await worker.post('/signalen/nieuw', { body: '', theme: 'vrolijkheid', buurtCode: 'x', source: '', urgency: 'zeer', observedOn: 'gisteren' });
		expect(empty.status).toBe(400);
		expect(Object.keys(fieldErrors(empty.body)).sort()).toEqual(['body', 'buurtCode', 'observedOn', 'source', 'theme', 'urgency']);
		const long = await worker.post('/signalen/nieuw', { body: 'x'.repeat(501), theme: 'armoede', buurtCode: 'BU01930601', source: 'bewoner', urgency: 'laag', observedOn: '2026-01-01', initiatiefId: 'niet-een-id' });
		expect(long.status).toBe(400);
		expect(Object.keys(fieldErrors(long.body)).sort()).toEqual(['body', 'initiatiefId']);
		const hostile = await worker.post('/signalen/nieuw', { body: '<script>alert(1)</script> in de buurt', theme: 'armoede', buurtCode: 'BU01930601', source: 'bewoner', urgency: 'laag', observedOn: new Date().toISOString().slice(0, 10) });
		expect(hostile.status).toBe(400);
		// A buurt outside the worker's wijken: refused by the database, said of the buurt.
		const elsewhere = await worker.post('/signalen/nieuw', { body: 'Veel zwerfafval bij het winkelcentrum.', theme: 'leefbaarheid', buurtCode: 'BU00340101', source: 'bewoner', urgency: 'laag', observedOn: new Date().toISOString().slice(0, 10) });
		expect(elsewhere.status).toBe(400);
		expect(fieldErrors(elsewhere.body).buurtCode).toBeTruthy();
		const english = await new Browser(env, undefined, 'en').signIn(demo.workerZwolle);
		const future = await english.post('/signalen/nieuw', { body: 'Veel zwerfafval bij het winkelcentrum.', theme: 'leefbaarheid', buurtCode: 'BU01930601', source: 'bewoner', urgency: 'laag', observedOn: '2099-01-01' });
		expect(future.status).toBe(400);
		expect(fieldErrors(future.body).observedOn).toBe('Pick a day in the past year, not in the future.');
		const { count } = await db().from('signalen').select('id', { count: 'exact', head: true }).eq('body', 'Veel zwerfafval bij het winkelcentrum.');
		expect(count).toBe(0);
	});
});

describe('the partners’ agenda', () => {
	it('a bundle goes on the agenda of a partner of the same gemeente; the partner hears of it and reads it; every step is logged', async () => {
		const [a, b] = [await signaal('BU01930601'), await signaal('BU01930602')];
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		const none = await worker.post('/signalen?/agendeer', { organisatieId: '', question: '' });
		expect(none.status).toBe(400);
		expect(Object.keys(fieldErrors(none.body)).sort()).toEqual(['organisatieId', 'question', 'signalen']);

		const placed = await worker.post('/signalen?/agendeer', { organisatieId: deltaWonen, signalen: [a, b], question: 'Kunnen jullie de speeltuinen in Holtenbroek nakijken?' });
		expect(placed.status).toBe(303);
		const id = placed.location!.split('/').pop()!;
		const { data: item } = await db().from('agenda_items').select('status, wijk_code, gemeente_code, created_by').eq('id', id).single();
		expect(item).toEqual({ status: 'open', wijk_code: 'WK019306', gemeente_code: 'GM0193', created_by: demo.workerZwolle });

		const partner = await asUser(env, partnerDemo);
		expect((await notes(partner, 'agenda_item_new')).some((n) => n.link === `/partner/${id}` && n.params.count === 2)).toBe(true);
		expect((await partner.from('signalen').select('id').in('id', [a, b])).data!.length).toBe(2);
		expect(await readers('agenda_items', 'id', id)).toEqual(['a worker of the wijk', 'the coordinator', 'the partner']);
		expect(await readers('agenda_signalen', 'item_id', id)).toEqual(['a worker of the wijk', 'the coordinator', 'the partner']);
		const page = await new Browser(env).signIn(partnerDemo).then((p) => p.get(`/partner/${id}`));
		expect(page.status).toBe(200);
		expect(page.body).toContain('Kunnen jullie de speeltuinen');
		expect(await auditActions(id)).toEqual(['agenda_item_created']);
	});

	it('refuses a partner of another gemeente, a bundle of two wijken, and residents or partners who try', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const other = await worker.rpc('agendeer_signalen', { p_organisatie: politieAlmere, p_signalen: [holtenbroek2], p_question: 'Wat vinden jullie hiervan?' });
		expect(other.error?.hint).toBe('agenda_other_gemeente');
		const two = await worker.rpc('agendeer_signalen', { p_organisatie: deltaWonen, p_signalen: [holtenbroek2, centrum], p_question: 'Wat vinden jullie hiervan?' });
		expect(two.error?.hint).toBe('agenda_one_wijk');
		// Even the service role cannot put an item to a partner of another gemeente.
		const direct = await db().from('agenda_items').insert({ organisatie_id: politieAlmere, wijk_code: 'WK019306', gemeente_code: 'GM0193', question: 'Rechtstreeks in de tabel' });
		expect(direct.error?.hint).toBe('agenda_other_gemeente');
		for (const id of [demo.anna, partnerDemo, demo.workerAlmere, demo.coordinatorAlmere, demo.admin]) {
			const { error } = await (await asUser(env, id)).rpc('agendeer_signalen', { p_organisatie: deltaWonen, p_signalen: [holtenbroek2], p_question: 'Wat vinden jullie hiervan?' });
			expect(error?.code, id).toBe('42501');
		}
		expect((await anon(env).rpc('agendeer_signalen', { p_organisatie: deltaWonen, p_signalen: [holtenbroek2], p_question: 'Wat vinden jullie hiervan?' })).error).not.toBeNull();
		const { count } = await db().from('agenda_signalen').select('item_id', { count: 'exact', head: true }).eq('signaal_id', holtenbroek2);
		expect(count).toBe(0);
	});

	it('moves open → in behandeling → beantwoord → afgesloten by the right people, never back, with its dates kept', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const partner = await asUser(env, partnerDemo);
		const { data: id } = await worker.rpc('agendeer_signalen', { p_organisatie: deltaWonen, p_signalen: [await signaal()], p_question: 'Graag jullie reactie op dit signaal.' });
		const item = id as string;
		// Not the partner's to close, not the worker's to answer, not another partner's at all.
		expect((await partner.rpc('set_agenda_status', { p_item: item, p_status: 'afgesloten' })).error?.code).toBe('42501');
		expect((await worker.rpc('set_agenda_status', { p_item: item, p_status: 'beantwoord', p_answer: 'Zelf bedacht' })).error?.code).toBe('42501');
		expect((await resident.db.rpc('set_agenda_status', { p_item: item, p_status: 'in_behandeling' })).error?.code).toBe('42501');

		const browser = await new Browser(env).signIn(partnerDemo);
		expect((await browser.post(`/partner/${item}?/take`, {})).status).toBe(200);
		const empty = await browser.post(`/partner/${item}?/answer`, { answer: '' });
		expect(empty.status).toBe(400);
		expect(fieldErrors(empty.body).answer).toBeTruthy();
		expect((await browser.post(`/partner/${item}?/answer`, { answer: 'We vervangen de toestellen in maart.' })).status).toBe(200);
		expect((await notes(worker, 'agenda_item_answered')).some((n) => n.link === `/signalen/agenda/${item}`)).toBe(true);

		const close = await new Browser(env).signIn(demo.workerZwolle);
		expect((await close.post(`/signalen/agenda/${item}?/close`, {})).status).toBe(400);
		expect((await close.post(`/signalen/agenda/${item}?/close`, { confirm: 'on' })).status).toBe(200);

		const { data: row } = await db().from('agenda_items').select('status, answer, answered_by, in_behandeling_at, beantwoord_at, afgesloten_at').eq('id', item).single();
		expect(row).toMatchObject({ status: 'afgesloten', answer: 'We vervangen de toestellen in maart.', answered_by: partnerDemo });
		expect(row!.in_behandeling_at! <= row!.beantwoord_at! && row!.beantwoord_at! <= row!.afgesloten_at!).toBe(true);

		expect((await partner.rpc('set_agenda_status', { p_item: item, p_status: 'in_behandeling' })).error?.hint).toBe('agenda_backwards');
		expect((await db().from('agenda_items').update({ status: 'open' }).eq('id', item)).error?.hint).toBe('agenda_backwards');
		expect(await auditActions(item)).toEqual(['agenda_item_created', 'agenda_status', 'agenda_status', 'agenda_status']);
		const { data: log } = await worker.from('audit_log').select('details').eq('subject_id', item).eq('action', 'agenda_status').order('id');
		expect(log!.map((e) => (e.details as { to: string }).to)).toEqual(['in_behandeling', 'beantwoord', 'afgesloten']);
	});

	it('a partner sees only its own organisation’s items and signals', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const s = await signaal();
		const { data: id } = await worker.rpc('agendeer_signalen', { p_organisatie: wijkteam, p_signalen: [s], p_question: 'Voor het wijkteam: wat zien jullie?' });
		const partner = await asUser(env, partnerDemo);
		expect((await partner.from('agenda_items').select('id').eq('id', id as string)).data).toEqual([]);
		expect((await partner.from('signalen').select('id').eq('id', s)).data).toEqual([]);
		expect((await partner.rpc('set_agenda_status', { p_item: id as string, p_status: 'in_behandeling' })).error?.code).toBe('42501');
		expect((await new Browser(env).signIn(partnerDemo).then((b) => b.get(`/partner/${id}`))).status).toBe(404);
	});

	it('reminds the partner’s contact people once when an item waits more than two weeks, by notification and mail', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const { data: id } = await worker.rpc('agendeer_signalen', { p_organisatie: deltaWonen, p_signalen: [await signaal()], p_question: 'Dit wacht op jullie antwoord.' });
		const partner = await asUser(env, partnerDemo);
		await runJob(env, 'reminders.agenda_waiting', new Date(Date.now() + 13 * DAY));
		expect((await notes(partner, 'agenda_item_waiting')).filter((n) => n.link === `/partner/${id}`)).toHaveLength(0);
		await runJob(env, 'reminders.agenda_waiting', new Date(Date.now() + 15 * DAY));
		await runJob(env, 'reminders.agenda_waiting', new Date(Date.now() + 16 * DAY));
		expect((await notes(partner, 'agenda_item_waiting')).filter((n) => n.link === `/partner/${id}`)).toHaveLength(1);
		const mail = await until(
			async () => (await db().from('email_outbox').select('subject, kind').eq('to_address', 'partner.deltawonen@buurtplein.test').eq('kind', 'agenda_item_waiting')).data ?? [],
			(rows) => rows.length > 0
		);
		expect(mail[0].subject).toContain('wacht al meer dan twee weken');
	});
});

describe('a resident’s zorg over de buurt', () => {
	it('lands in the workers’ queue, is read by its author and the staff of the wijk only, and becomes a signal without the resident', async () => {
		const browser = await new Browser(env).signIn(resident.id);
		const body = `De straatverlichting bij het speelveld is kapot, ${Date.now()}.`;
		const bad = await browser.post('/zorg-over-de-buurt', { theme: '', buurtCode: 'BU01930601', body: 'kort' });
		expect(bad.status).toBe(400);
		expect(Object.keys(fieldErrors(bad.body)).sort()).toEqual(['body', 'theme']);
		const sent = await browser.post('/zorg-over-de-buurt', { theme: 'veiligheid', buurtCode: 'BU01930601', body });
		expect(sent.status).toBe(200);
		const { data: zorg } = await db().from('buurt_zorgen').select('id, author_id, wijk_code, status').eq('body', body).single();
		expect(zorg).toMatchObject({ author_id: resident.id, wijk_code: 'WK019306', status: 'nieuw' });

		const seen = await readers('buurt_zorgen', 'id', zorg!.id);
		expect(seen).toEqual(['resident', 'a worker of the wijk', 'the coordinator']);
		const queue = await new Browser(env).signIn(demo.workerZwolle).then((b) => b.get('/signalen/zorgen'));
		expect(queue.body).toContain(body);
		expect(queue.body).not.toContain('Rita Bewoner');

		// Only workers of the wijk handle it; residents and partners cannot.
		for (const id of [partnerDemo, demo.workerAlmere, demo.coordinatorAlmere, demo.anna]) {
			expect((await (await asUser(env, id)).rpc('handle_zorg', { p_zorg: zorg!.id, p_action: 'beantwoord', p_answer: 'Bedankt!' })).error?.code, id).toBe('42501');
		}
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		const noAnswer = await worker.post('/signalen/zorgen?/handle', { zorgId: zorg!.id, action: 'signaal', answer: '', body: '' });
		expect(noAnswer.status).toBe(400);
		expect(Object.keys(fieldErrors(noAnswer.body)).sort()).toEqual([`zorg-${zorg!.id}-answer`, `zorg-${zorg!.id}-body`]);
		const handled = await worker.post('/signalen/zorgen?/handle', { zorgId: zorg!.id, action: 'signaal', answer: 'Dank je, we geven het door aan de gemeente.', body: 'Straatverlichting bij het speelveld in Holtenbroek I is kapot.', urgency: 'hoog' });
		expect(handled.status).toBe(200);

		const { data: after } = await db().from('buurt_zorgen').select('status, answer, signaal_id').eq('id', zorg!.id).single();
		expect(after!.status).toBe('signaal');
		const { data: sig } = await db().from('signalen').select('body, source, urgency, theme, created_by, buurt_code').eq('id', after!.signaal_id!).single();
		expect(sig).toEqual({ body: 'Straatverlichting bij het speelveld in Holtenbroek I is kapot.', source: 'bewoner', urgency: 'hoog', theme: 'veiligheid', created_by: demo.workerZwolle, buurt_code: 'BU01930601' });

		// The resident reads the answer and is told; handling it twice is refused.
		expect((await notes(resident.db, 'zorg_beantwoord')).some((n) => n.link === '/zorg-over-de-buurt')).toBe(true);
		const mine = await browser.get('/zorg-over-de-buurt');
		expect(mine.body).toContain('Dank je, we geven het door aan de gemeente.');
		expect((await (await asUser(env, demo.workerZwolle)).rpc('handle_zorg', { p_zorg: zorg!.id, p_action: 'beantwoord', p_answer: 'Nog eens' })).error?.hint).toBe('zorg_handled');
		// Residents cannot answer their own zorg by writing the row.
		expect((await resident.db.from('buurt_zorgen').update({ status: 'beantwoord' } as never).eq('id', zorg!.id)).error).not.toBeNull();
	});

	it('is raised by residents only', async () => {
		for (const id of [partnerDemo, demo.workerZwolle]) {
			expect((await (await asUser(env, id)).from('buurt_zorgen').insert({ buurt_code: 'BU01930601', theme: 'armoede', body: 'Een zorg van iemand anders dan een bewoner.' })).error?.code, id).toBe('42501');
		}
		expect((await anon(env).from('buurt_zorgen').insert({ buurt_code: 'BU01930601', theme: 'armoede', body: 'Een zorg van een bezoeker zonder account.' })).error).not.toBeNull();
	});
});
