// Notifications: every kind arrives for the right person from its real source event (a function a
// resident or worker calls, or a scheduled job run for a slot), mail at once or in a digest follows
// the person's choice, each person reads only their own, and the bell, /meldingen, the preferences
// and the calendar feed work in the site without JavaScript.
import { randomBytes } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { anon, asUser, Browser, demo, fieldErrors, service } from '../support/clients.ts';
import { newResident, post, type Resident } from '../support/burenhulp.ts';
import { published, submitted } from '../support/initiatieven.ts';
import { addDays, today } from '../../src/lib/format.ts';

const env = inject('env');
const db = () => service(env);
const HOLTENBROEK_CAFE = '10000000-0000-4000-8000-000000000001'; // organised by workerZwolle
const DAY = 86_400_000;

interface Note { id: number; kind: string; link: string; params: Record<string, unknown>; count: number; read_at: string | null }

async function notes(who: Resident | string, kind?: string): Promise<Note[]> {
	const client = typeof who === 'string' ? await asUser(env, who) : who.db;
	let query = client.from('notifications').select('id, kind, link, params, count, read_at').order('id');
	if (kind) query = query.eq('kind', kind);
	const { data, error } = await query;
	if (error) throw error;
	return data as Note[];
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (ok(value)) return value;
		if (Date.now() > deadline) throw new Error(`not reached in time: ${JSON.stringify(value).slice(0, 300)}`);
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
}

/** Runs a scheduled job for a slot the way the scheduler does (the site's own runner picks it up). */
async function runJob(kind: string, slot: Date): Promise<void> {
	const { data: id, error } = await db().rpc('enqueue_job', { p_kind: kind, p_payload: { slot: slot.toISOString() } });
	if (error || !id) throw new Error(`enqueue ${kind}: ${error?.message}`);
	const job = await until(async () => (await db().from('jobs').select('status, last_error').eq('id', id).single()).data!, (j) => j.status === 'done' || j.status === 'dead');
	expect(job).toEqual({ status: 'done', last_error: '' });
}

async function outbox(to: string, kind: string) {
	const { data } = await db().from('email_outbox').select('subject, body_text, body_html, kind').eq('to_address', to).eq('kind', kind).order('id');
	return data ?? [];
}

async function newDate(daysAhead: number, capacity = 5): Promise<number> {
	const start = new Date(Date.now() + daysAhead * DAY);
	const { data, error } = await db().from('repair_cafe_dates')
		.insert({ series_id: HOLTENBROEK_CAFE, starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 3 * 3600_000).toISOString(), capacity })
		.select('id').single();
	if (error) throw error;
	return data.id;
}

describe('burenhulp notifications', () => {
	it('tells the other side of a proposal, of the acceptance, of messages (collapsed) and of the check-in', async () => {
		const vraag = await newResident(env, 'Vera Vraag');
		const aanbod = await newResident(env, 'Arie Aanbod');
		const request = await post(vraag.db, { kind: 'vraag', category: 'tuin' });
		// A new offer in the category nearby: the request's owner hears of it.
		const offer = await post(aanbod.db, { kind: 'aanbod', category: 'tuin' });
		expect(await notes(vraag, 'help_suggestion')).toEqual([expect.objectContaining({ link: `/burenhulp/${request}`, params: expect.objectContaining({ category: 'tuin', name: 'Arie' }) })]);

		const { data: match } = await vraag.db.rpc('help_propose', { p_own_post: request, p_other_post: offer });
		expect(await notes(aanbod, 'help_match_proposed')).toEqual([expect.objectContaining({ link: `/burenhulp/match/${match}`, params: { name: 'Vera', category: 'tuin' } })]);
		expect(await notes(vraag, 'help_match_proposed')).toEqual([]);

		expect((await aanbod.db.rpc('help_respond', { p_match: match!, p_accept: true })).data).toBe('actief');
		expect(await notes(vraag, 'help_match_accepted')).toEqual([expect.objectContaining({ params: { name: 'Arie' } })]);
		expect(await notes(aanbod, 'help_match_accepted')).toEqual([]);

		// Mail at once (the default for this kind), written by the site's job runner.
		const [mail] = await until(() => outbox(vraag.email, 'help_match_accepted'), (rows) => rows.length > 0);
		expect(mail.subject).toBe('Je match met Arie is rond');
		expect(mail.body_text).toContain('Hallo Vera,');
		expect(mail.body_text).toContain(`${env.appUrl}/burenhulp/match/${match}`);

		for (const body of ['Hoi Vera!', 'Zaterdag kan ik.']) {
			expect((await aanbod.db.from('help_messages').insert({ match_id: match!, body })).error).toBeNull();
		}
		expect(await notes(vraag, 'help_message')).toEqual([expect.objectContaining({ count: 2, params: { name: 'Arie' } })]);
		// Two messages, one mail: the second joined the unread notification of the first.
		await until(() => outbox(vraag.email, 'help_message'), (rows) => rows.length === 1);
		await new Promise((resolve) => setTimeout(resolve, 1500));
		expect(await outbox(vraag.email, 'help_message')).toHaveLength(1);

		// Two weeks on, the scheduled check-in asks both, once.
		await db().from('help_matches').update({ checkin_due_at: new Date(Date.now() - DAY).toISOString() }).eq('id', match!);
		await runJob('reminders.help_checkins', new Date());
		await runJob('reminders.help_checkins', new Date());
		expect(await notes(vraag, 'help_checkin')).toEqual([expect.objectContaining({ params: { name: 'Arie' } })]);
		expect(await notes(aanbod, 'help_checkin')).toEqual([expect.objectContaining({ params: { name: 'Vera' } })]);
	});

	it('tells both parties when the worker approves an introduction that needs care', async () => {
		const vraag = await newResident(env, 'Zorg Vraag');
		const aanbod = await newResident(env, 'Zorg Aanbod');
		const request = await post(vraag.db, { kind: 'vraag', category: 'gezelschap', needs_care: true });
		const offer = await post(aanbod.db, { kind: 'aanbod', category: 'gezelschap' });
		const { data: match } = await aanbod.db.rpc('help_propose', { p_own_post: offer, p_other_post: request });
		await vraag.db.rpc('help_respond', { p_match: match!, p_accept: true });
		expect((await (await asUser(env, demo.workerZwolle)).rpc('help_approve_care', { p_match: match! })).data).toBe('actief');
		for (const [who, other] of [[vraag, 'Zorg'], [aanbod, 'Zorg']] as const) {
			expect(await notes(who, 'help_care_approved')).toEqual([expect.objectContaining({ params: { name: other } })]);
			expect(await notes(who, 'help_match_accepted')).toHaveLength(1);
		}
	});
});

describe('initiatieven notifications', () => {
	it('tells the author of each decision, with the worker\'s message', async () => {
		const author = await newResident(env, 'Ines Initiatief');
		const worker = await asUser(env, demo.workerZwolle);
		const id = await submitted(author.db, { p_title: 'Bankjes in het park' });
		await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'aanpassen', p_message: 'Welk park bedoel je?' });
		expect(await notes(author, 'initiatief_changes_requested')).toEqual([
			expect.objectContaining({ link: `/initiatieven/${id}/bewerken`, params: { title: 'Bankjes in het park', message: 'Welk park bedoel je?' } })
		]);
		await author.db.rpc('save_initiatief', {
			p_id: id, p_title: 'Bankjes in het park', p_body: 'Drie bankjes in het Holtenbroekpark, zodat ouderen kunnen uitrusten.', p_themes: ['leefbaarheid'],
			p_buurt_code: 'BU01930601', p_lat: 52.532, p_lng: 6.0925, p_needs: [], p_hands_count: null as unknown as number, p_materials: '', p_space: '',
			p_money_amount: null as unknown as number, p_starts_on: null as unknown as string, p_when_text: '', p_submit: true
		});
		await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'publiceren', p_message: '' });
		expect(await notes(author, 'initiatief_published')).toEqual([expect.objectContaining({ link: `/initiatieven/${id}` })]);

		const other = await submitted(author.db, { p_title: 'Vuurwerk op het plein' });
		await worker.rpc('moderate_initiatief', { p_id: other, p_decision: 'afwijzen', p_message: 'Dat mag hier niet.' });
		expect(await notes(author, 'initiatief_declined')).toEqual([expect.objectContaining({ params: { title: 'Vuurwerk op het plein', message: 'Dat mag hier niet.' } })]);
	});

	it('tells organisers who joined, and organisers and joiners of comments and updates, never the writer', async () => {
		const author = await newResident(env, 'Olga Organisator');
		const joiner = await newResident(env, 'Jan Joiner');
		const commenter = await newResident(env, 'Cor Commentaar');
		const id = await published(author.db, await asUser(env, demo.workerZwolle), { p_title: 'Buurtmoestuin' });
		await joiner.db.rpc('join_initiatief', { p_id: id, p_brings: ['handen'], p_note: '', p_contact: '06 12345678' });
		expect(await notes(author, 'initiatief_joined')).toEqual([expect.objectContaining({ params: { title: 'Buurtmoestuin', name: 'Jan Joiner' } })]);

		await commenter.db.from('initiatief_reacties').insert({ initiatief_id: id, body: 'Mooi plan!' });
		for (const who of [author, joiner]) expect(await notes(who, 'initiatief_comment')).toEqual([expect.objectContaining({ params: { title: 'Buurtmoestuin', name: 'Cor Commentaar' } })]);
		expect(await notes(commenter, 'initiatief_comment')).toEqual([]);

		await author.db.from('initiatief_updates').insert({ initiatief_id: id, body: 'Zaterdag beginnen we!' });
		expect(await notes(joiner, 'initiatief_update')).toEqual([expect.objectContaining({ link: `/initiatieven/${id}` })]);
		expect(await notes(author, 'initiatief_update')).toEqual([]);
	});
});

describe('Repair Café notifications', () => {
	it('confirms a sign-up, tells who moves up and who loses a cancelled date', async () => {
		const first = await newResident(env, 'Eerste Bewoner');
		const second = await newResident(env, 'Tweede Bewoner');
		const date = await newDate(30, 1);
		await first.db.rpc('repair_cafe_sign_up', { p_date: date, p_category: 'electrical', p_item: 'Waterkoker', p_problem: 'Lekt' });
		await second.db.rpc('repair_cafe_sign_up', { p_date: date, p_category: 'electrical', p_item: 'Radio', p_problem: 'Geen geluid' });
		expect(await notes(first, 'repair_signup_confirmed')).toEqual([expect.objectContaining({ link: '/mijn', params: expect.objectContaining({ name: 'Repair Café Holtenbroek', item: 'Waterkoker', waiting: false }) })]);
		expect(await notes(second, 'repair_signup_confirmed')).toEqual([expect.objectContaining({ params: expect.objectContaining({ waiting: true }) })]);

		const { data: signup } = await first.db.from('repair_cafe_signups').select('id').eq('date_id', date).single();
		await first.db.rpc('repair_cafe_cancel', { p_signup: signup!.id });
		expect(await notes(second, 'repair_moved_up')).toEqual([expect.objectContaining({ params: expect.objectContaining({ item: 'Radio' }) })]);

		await (await asUser(env, demo.workerZwolle)).rpc('cancel_repair_cafe_date', { p_date: date });
		expect(await notes(second, 'repair_date_cancelled')).toEqual([expect.objectContaining({ link: `/repair-cafe/${HOLTENBROEK_CAFE}` })]);
		expect(await notes(first, 'repair_date_cancelled')).toEqual([]);
		// No more Dutch-only mail straight from the function: the notification's mail is the one.
		const mails = await until(() => outbox(second.email, 'repair_date_cancelled'), (rows) => rows.length > 0);
		expect(mails).toHaveLength(1);
	});

	it('reminds everyone with a place the day before, with address and item, and the organiser the day after', async () => {
		const resident = await newResident(env, 'Morgen Bewoner');
		// A date tomorrow (Dutch time) and one yesterday with a booked repair but no outcome.
		const tomorrow = await newDate(1);
		await resident.db.rpc('repair_cafe_sign_up', { p_date: tomorrow, p_category: 'bicycle', p_item: 'Fiets', p_problem: 'Lekke band' });
		const slot = new Date((await db().from('repair_cafe_dates').select('starts_at').eq('id', tomorrow).single()).data!.starts_at);
		await runJob('reminders.repair_day_before', new Date(slot.getTime() - DAY));
		await runJob('reminders.repair_day_before', new Date(slot.getTime() - DAY));
		expect(await notes(resident, 'repair_reminder')).toEqual([
			expect.objectContaining({ params: expect.objectContaining({ venue: 'Buurthuis De Kroon', address: 'Kamperweg 10, Zwolle', item: 'Fiets' }) })
		]);

		await db().from('repair_cafe_signups').update({ status: 'booked' }).eq('date_id', tomorrow);
		await runJob('reminders.repair_outcomes', new Date(slot.getTime() + DAY));
		const organiser = await notes(demo.workerZwolle, 'repair_outcomes_reminder');
		expect(organiser.filter((n) => n.link === `/repair-cafe/${HOLTENBROEK_CAFE}/beheer` && n.params.open === 1)).toHaveLength(1);
	});
});

describe('Rommelroute notifications', () => {
	async function edition(title: string, daysAhead: number, closesInDays: number): Promise<string> {
		const { data, error } = await db().from('rommelroute_editions').insert({
			wijk_code: 'WK019306', title, day: addDays(today(), daysAhead), starts: '10:00', ends: '15:00',
			registration_opens: new Date(Date.now() - DAY).toISOString(), registration_closes: new Date(Date.now() + closesInDays * DAY).toISOString(),
			created_by: demo.workerZwolle
		}).select('id').single();
		if (error) throw error;
		return data.id;
	}
	async function stand(resident: Resident, editionId: string, huisnummer: number): Promise<number> {
		const { data, error } = await resident.db.from('rommelroute_stands').insert({
			edition_id: editionId, postcode: '8031AB', huisnummer, street: 'Kamperweg', city: 'Zwolle', lat: 52.53, lng: 6.09, sells: ['boeken']
		}).select('id').single();
		if (error) throw error;
		return data.id;
	}

	it('tells the household of approval and of refusal with the reason', async () => {
		const a = await newResident(env, 'Kraam Een');
		const b = await newResident(env, 'Kraam Twee');
		const id = await edition(`Route ${randomBytes(2).toString('hex')}`, 30, 20);
		const worker = await asUser(env, demo.workerZwolle);
		await worker.rpc('rommelroute_review_stand', { p_stand: await stand(a, id, 1), p_status: 'goedgekeurd' });
		await worker.rpc('rommelroute_review_stand', { p_stand: await stand(b, id, 2), p_status: 'afgewezen', p_reason: 'Dit adres ligt buiten de route.' });
		expect(await notes(a, 'rommel_stand_approved')).toEqual([expect.objectContaining({ params: expect.objectContaining({ address: 'Kamperweg 1' }) })]);
		expect(await notes(b, 'rommel_stand_refused')).toEqual([expect.objectContaining({ params: expect.objectContaining({ reason: 'Dit adres ligt buiten de route.' }) })]);
	});

	it('reminds residents of the wijk without a stand before registration closes, and stands the day before', async () => {
		const without = await newResident(env, 'Zonder Kraam', 'BU01930602');
		const withStand = await newResident(env, 'Met Kraam', 'BU01930601');
		const elsewhere = await newResident(env, 'Andere Wijk', 'BU01930901');
		const id = await edition(`Route ${randomBytes(2).toString('hex')}`, 2, 1);
		await (await asUser(env, demo.workerZwolle)).rpc('rommelroute_review_stand', { p_stand: await stand(withStand, id, 7), p_status: 'goedgekeurd' });
		await runJob('reminders.rommel_closing', new Date());
		await runJob('reminders.rommel_closing', new Date());
		expect((await notes(without, 'rommel_registration_closing')).filter((n) => n.link === `/rommelroute/${id}`)).toHaveLength(1);
		expect(await notes(withStand, 'rommel_registration_closing')).toEqual([]);
		expect(await notes(elsewhere, 'rommel_registration_closing')).toEqual([]);

		await runJob('reminders.rommel_day_before', new Date(Date.now() + DAY));
		expect(await notes(withStand, 'rommel_route_reminder')).toEqual([expect.objectContaining({ params: expect.objectContaining({ address: 'Kamperweg 7', starts: '10:00', ends: '15:00' }) })]);
	});
});

describe('reports and the workers\' digest', () => {
	it('tells the reporter their report was handled', async () => {
		const reporter = await newResident(env, 'Melder Bewoner');
		const id = await published(await asUser(env, demo.bram), await asUser(env, demo.workerZwolle), { p_title: 'Iets om te melden' });
		const { data: report } = await reporter.db.from('reports').insert({ subject_type: 'initiatief', subject_id: id, subject_label: 'Iets om te melden', reason: 'spam' }).select('id').single();
		await (await asUser(env, demo.workerZwolle)).from('reports').update({ status: 'afgehandeld', resolution: 'We hebben met de maker gesproken.' }).eq('id', report!.id);
		expect(await notes(reporter, 'report_handled')).toEqual([expect.objectContaining({ link: `/initiatieven/${id}`, params: { label: 'Iets om te melden', resolution: 'We hebben met de maker gesproken.' } })]);
	});

	it('gives each worker one morning digest of their wijken, only workers', async () => {
		const author = await newResident(env, 'Digest Maker');
		await submitted(author.db, { p_title: 'Nieuw voor de werkplek' });
		const slot = new Date(Date.now() + 60_000);
		await runJob('reminders.werker_digest', slot);
		await runJob('reminders.werker_digest', slot);
		const digests = await notes(demo.workerZwolle, 'werker_digest');
		const today = digests.filter((n) => n.link === '/werkplek');
		expect(today.length).toBeGreaterThanOrEqual(1);
		expect(today.at(-1)!.params.initiatieven).toBeGreaterThanOrEqual(1);
		expect(await notes(author, 'werker_digest')).toEqual([]);
	});
});

describe('e-mail choices and digests', () => {
	it('groups a day\'s notifications into one digest mail, sent once', async () => {
		const author = await newResident(env, 'Dora Digest');
		await author.db.rpc('set_notification_preferences', { p_choices: { initiatief_comment: 'daily', initiatief_joined: 'daily' } });
		const id = await published(author.db, await asUser(env, demo.workerZwolle), { p_title: 'Buurtbieb' });
		const joiner = await newResident(env, 'Bea Boek');
		await joiner.db.rpc('join_initiatief', { p_id: id, p_brings: ['handen'], p_note: '', p_contact: 'bea@example.test' });
		await joiner.db.from('initiatief_reacties').insert({ initiatief_id: id, body: 'Ik heb nog boeken!' });
		// Published goes at once (its default); the other two wait for the digest.
		await until(() => outbox(author.email, 'initiatief_published'), (rows) => rows.length === 1);
		expect(await outbox(author.email, 'initiatief_joined')).toEqual([]);

		const slot = new Date(Date.now() + 1000);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		await runJob('digest.daily', slot);
		const [digest] = await until(() => outbox(author.email, 'digest_daily'), (rows) => rows.length > 0);
		expect(digest.subject).toBe('Je dagoverzicht van Buurtplein');
		expect(digest.body_text).toContain('Bea Boek doet mee met ‘Buurtbieb’');
		expect(digest.body_text).toContain('Bea Boek reageerde op ‘Buurtbieb’');
		expect(digest.body_html).toContain('Buurtbieb');
		await runJob('digest.daily', slot);
		await new Promise((resolve) => setTimeout(resolve, 1000));
		expect(await outbox(author.email, 'digest_daily')).toHaveLength(1);
	});

	it('sends no mail for a kind set to "none", but still shows it in the app', async () => {
		const author = await newResident(env, 'Stille Bewoner');
		await author.db.rpc('set_notification_preferences', { p_choices: { initiatief_published: 'none' } });
		await published(author.db, await asUser(env, demo.workerZwolle), { p_title: 'Stil initiatief' });
		expect(await notes(author, 'initiatief_published')).toHaveLength(1);
		await new Promise((resolve) => setTimeout(resolve, 2000));
		expect(await outbox(author.email, 'initiatief_published')).toEqual([]);
	});

	it('refuses unknown kinds, unknown choices and staff kinds for residents', async () => {
		const resident = await newResident(env, 'Foute Keuze');
		for (const choices of [{ nonsense: 'daily' }, { help_message: 'hourly' }, { werker_digest: 'none' }]) {
			const { error } = await resident.db.rpc('set_notification_preferences', { p_choices: choices });
			expect(error?.hint).toBe('melding_choice');
		}
		expect((await (await asUser(env, demo.workerZwolle)).rpc('set_notification_preferences', { p_choices: { werker_digest: 'daily' } })).error).toBeNull();
	});
});

describe('who reads notifications', () => {
	it('each person reads and marks only their own; nobody writes them directly', async () => {
		const owner = await newResident(env, 'Eigen Melding');
		const date = await newDate(31);
		await owner.db.rpc('repair_cafe_sign_up', { p_date: date, p_category: 'other', p_item: 'Lamp', p_problem: 'Flikkert' });
		const [mine] = await notes(owner);
		for (const other of [demo.anna, demo.workerZwolle, demo.coordinatorZwolle, demo.admin]) {
			const client = await asUser(env, other);
			expect((await client.from('notifications').select('id').eq('id', mine.id)).data).toEqual([]);
			await client.from('notifications').update({ read_at: new Date().toISOString() }).eq('id', mine.id);
			expect((await client.rpc('mark_notifications_read', { p_ids: [mine.id] })).data).toBe(0);
			expect((await client.from('notification_preferences').select('kind').eq('user_id', owner.id)).data).toEqual([]);
		}
		expect((await anon(env).from('notifications').select('id')).data ?? []).toEqual([]);
		expect((await notes(owner))[0].read_at).toBeNull();
		const forged = await owner.db.from('notifications').insert({ user_id: owner.id, kind: 'report_handled', link: '/x' } as never);
		expect(forged.error?.code).toBe('42501');
		expect((await owner.db.rpc('mark_notifications_read', {})).data).toBe(1);
	});
});

describe('the bell, /meldingen and the preferences page (no JavaScript)', () => {
	it('shows the unread count in the header, lists newest first, and following one marks it read', async () => {
		const resident = await newResident(env, 'Bel Bewoner');
		for (const days of [32, 33]) {
			await resident.db.rpc('repair_cafe_sign_up', { p_date: await newDate(days), p_category: 'other', p_item: `Ding ${days}`, p_problem: 'Stuk' });
		}
		const browser = await new Browser(env).signIn(resident.id);
		const home = await browser.get('/');
		expect(home.body).toContain('aria-label="Meldingen, 2 ongelezen"');

		const list = await browser.get('/meldingen');
		expect(list.status).toBe(200);
		const titles = [...list.body.matchAll(/<a href="\/meldingen\/(\d+)"[^>]*>([^<]+)<\/a>/g)];
		expect(titles).toHaveLength(2);
		const [newest] = await notes(resident).then((rows) => rows.slice(-1));
		expect(Number(titles[0][1])).toBe(newest.id);

		const follow = await browser.get(`/meldingen/${newest.id}`);
		expect(follow.status).toBe(303);
		expect(follow.location).toBe('/mijn');
		expect((await browser.get('/')).body).toContain('aria-label="Meldingen, 1 ongelezen"');
		const other = await new Browser(env).signIn(demo.anna);
		expect((await other.get(`/meldingen/${newest.id}`)).status).toBe(404);

		const all = await browser.post('/meldingen?/readAll', {});
		expect(all.status).toBe(200);
		expect((await browser.get('/')).body).toContain('aria-label="Meldingen"');
		expect((await new Browser(env).get('/meldingen')).status).toBe(303);
	});

	it('shows an empty list kindly, and saves choices with a message per wrong field', async () => {
		const resident = await newResident(env, 'Nieuwe Bewoner');
		const browser = await new Browser(env).signIn(resident.id);
		expect((await browser.get('/meldingen')).body).toContain('Je hebt nog geen meldingen.');
		const page = await browser.get('/profiel/meldingen');
		expect(page.body).toContain('name="help_message"');
		expect(page.body).not.toContain('name="werker_digest"');

		const bad = await browser.post('/profiel/meldingen?/save', { help_message: 'elk-uur', repair_reminder: 'none' });
		expect(bad.status).toBe(400);
		expect(fieldErrors(bad.body)).toEqual({ help_message: 'Kies voor elke soort een van de keuzes.' });

		const good = await browser.post('/profiel/meldingen?/save', { help_message: 'weekly', repair_reminder: 'none' });
		expect(good.status).toBe(200);
		const { data } = await resident.db.from('notification_preferences').select('kind, email').order('kind');
		expect(data).toEqual([{ kind: 'help_message', email: 'weekly' }, { kind: 'repair_reminder', email: 'none' }]);
		expect((await browser.get('/profiel/meldingen')).body).toMatch(/<option value="weekly" selected[^>]*>Weekoverzicht<\/option>/);
	});
});

describe('the personal calendar feed', () => {
	it('serves a resident\'s sign-ups behind an unguessable token that a new one or a stop revokes', async () => {
		const resident = await newResident(env, 'Agenda Bewoner');
		await resident.db.rpc('repair_cafe_sign_up', { p_date: await newDate(34), p_category: 'textile', p_item: 'Jas', p_problem: 'Knoop eraf' });
		const browser = await new Browser(env).signIn(resident.id);
		const made = await browser.post('/profiel/meldingen?/newFeed', {});
		const url = new RegExp(`value="(${env.appUrl}/agenda/[\\w-]+\\.ics)"`).exec(made.body)?.[1];
		expect(url).toBeTruthy();

		const feed = await fetch(url!);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const ics = await feed.text();
		expect(ics).toContain('SUMMARY:Repair Café Holtenbroek');
		expect(ics).toContain('LOCATION:Buurthuis De Kroon\\, Kamperweg 10\\, Zwolle');

		const renewed = await browser.post('/profiel/meldingen?/newFeed', {});
		const second = new RegExp(`value="(${env.appUrl}/agenda/[\\w-]+\\.ics)"`).exec(renewed.body)?.[1];
		expect((await fetch(url!)).status).toBe(404);
		expect((await fetch(second!)).status).toBe(200);
		await browser.post('/profiel/meldingen?/stopFeed', {});
		expect((await fetch(second!)).status).toBe(404);
		expect((await fetch(`${env.appUrl}/agenda/${randomBytes(32).toString('base64url')}.ics`)).status).toBe(404);
	});
});

describe('the list of kinds', () => {
	it('is the same in the database as in the code, with a default for each', async () => {
		const { notificationKinds } = await import('../../src/lib/meldingen/codes.ts');
		const { data } = await (await asUser(env, demo.anna)).from('notification_kinds').select('kind, default_email').order('position');
		expect(data!.map((k) => k.kind)).toEqual(notificationKinds);
		expect(data!.every((k) => ['direct', 'daily', 'weekly', 'none'].includes(k.default_email))).toBe(true);
	});
});

describe('the functions behind jobs and mail', () => {
	it('are the service role\'s only: visitors and residents cannot call them', async () => {
		const calls: [string, Record<string, unknown>][] = [
			['begin_mail', { p_id: 1, p_worker: 'x' }],
			['mark_mail_sent', { p_id: 1, p_message_id: 'x' }],
			['unsubscribe_mail', { p_address: 'anna@buurtplein.test', p_kind: 'help_message' }],
			['enqueue_job', { p_kind: 'mail.send' }],
			['notify_werker_digest', { p_slot: new Date().toISOString() }],
			['queue_digest', { p_user: demo.anna, p_mode: 'daily', p_key: 'x', p_ids: [], p_subject: 'x', p_text: 'x', p_html: 'x' }],
			['notification_mail_data', { p_id: 1 }]
		];
		for (const client of [anon(env), await asUser(env, demo.anna), await asUser(env, demo.admin)]) {
			for (const [fn, args] of calls) {
				const { error } = await client.rpc(fn as never, args as never);
				expect(error?.code, fn).toBe('42501');
			}
		}
	});
});
