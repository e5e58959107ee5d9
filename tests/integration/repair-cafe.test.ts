// Repair Cafés through PostgREST as each role, and through the site as a browser without JavaScript:
// capacity and the waiting list, who sees which sign-ups, a series' dates, the feed and the export.
import { beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { anon, asUser, Browser, demo, fieldErrors, service } from '../support/clients.ts';

const env = inject('env');
const db = () => service(env);
const HOLTENBROEK = '10000000-0000-4000-8000-000000000001'; // organised by workerZwolle, buurt Holtenbroek I
const ALMERE = '10000000-0000-4000-8000-000000000002'; // organised by workerAlmere

let day = 100;
/** A fresh date for a series, some days ahead (or behind), with the given capacity. */
async function newDate(series: string, capacity: number, daysAhead = (day += 1)): Promise<number> {
	const start = new Date(Date.now() + daysAhead * 86_400_000);
	const { data, error } = await db()
		.from('repair_cafe_dates')
		.insert({ series_id: series, starts_at: start.toISOString(), ends_at: new Date(start.getTime() + 3 * 3600_000).toISOString(), capacity })
		.select('id')
		.single();
	if (error) throw new Error(error.message);
	return data.id;
}

async function signUp(userId: string, date: number, waitlist = true) {
	const client = await asUser(env, userId);
	return client.rpc('repair_cafe_sign_up', { p_date: date, p_category: 'electrical', p_item: 'Broodrooster', p_problem: 'Wordt niet warm', p_waitlist: waitlist });
}

async function counts(date: number) {
	const { data } = await db().from('repair_cafe_dates').select('booked, waiting').eq('id', date).single();
	return data;
}

describe('Repair Café capacity and waiting list', () => {
	it('books until full, then puts people on the waiting list, and refuses without it', async () => {
		const date = await newDate(HOLTENBROEK, 2);
		expect((await signUp(demo.anna, date)).data).toBe('booked');
		expect((await signUp(demo.bram, date)).data).toBe('booked');
		expect((await signUp(demo.chantal, date)).data).toBe('waiting');
		const refused = await signUp(demo.emre, date, false);
		expect(refused.error?.hint).toBe('repair_full');
		expect(await counts(date)).toEqual({ booked: 2, waiting: 1 });
	});

	it('refuses a second sign-up for the same date', async () => {
		const date = await newDate(HOLTENBROEK, 5);
		await signUp(demo.anna, date);
		const twice = await signUp(demo.anna, date);
		expect(twice.error?.code).toBe('23505');
		expect(await counts(date)).toEqual({ booked: 1, waiting: 0 });
	});

	it('refuses sign-ups after the date has started, and for a cancelled date', async () => {
		const past = await newDate(HOLTENBROEK, 5, -1);
		expect((await signUp(demo.anna, past)).error?.hint).toBe('repair_closed');
		const cancelled = await newDate(HOLTENBROEK, 5);
		expect((await (await asUser(env, demo.workerZwolle)).rpc('cancel_repair_cafe_date', { p_date: cancelled })).error).toBeNull();
		expect((await signUp(demo.anna, cancelled)).error?.hint).toBe('repair_closed');
	});

	it('moves the first on the waiting list up when someone cancels, and mails them', async () => {
		const date = await newDate(HOLTENBROEK, 1);
		const { data: first } = await signUp(demo.anna, date);
		expect(first).toBe('booked');
		await signUp(demo.bram, date);
		await signUp(demo.chantal, date);
		const { data: annaSignup } = await db().from('repair_cafe_signups').select('id').eq('date_id', date).eq('resident_id', demo.anna).single();
		expect((await (await asUser(env, demo.anna)).rpc('repair_cafe_cancel', { p_signup: annaSignup!.id })).error).toBeNull();

		const { data: rows } = await db().from('repair_cafe_signups').select('resident_id, status').eq('date_id', date).order('id');
		expect(rows).toEqual([
			{ resident_id: demo.anna, status: 'cancelled' },
			{ resident_id: demo.bram, status: 'booked' },
			{ resident_id: demo.chantal, status: 'waiting' }
		]);
		expect(await counts(date)).toEqual({ booked: 1, waiting: 1 });
		// Told at once in the app; the mail is written by the site's job runner in Bram's language.
		const { data: told } = await (await asUser(env, demo.bram)).from('notifications').select('kind, link').eq('kind', 'repair_moved_up').order('id', { ascending: false }).limit(1).single();
		expect(told).toEqual({ kind: 'repair_moved_up', link: '/mijn' });
		const deadline = Date.now() + 20_000;
		let mail: { subject: string; body_text: string } | null = null;
		while (!mail?.body_text.includes('Broodrooster') && Date.now() < deadline) {
			({ data: mail } = await db().from('email_outbox').select('subject, body_text').eq('to_address', 'bram@buurtplein.test').eq('kind', 'repair_moved_up').order('id', { ascending: false }).limit(1).maybeSingle());
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		expect(mail?.subject).toContain('Repair Café Holtenbroek');
		expect(mail?.body_text).toContain('Broodrooster');
	});

	it('never lets a sign-up move from cancelled back to booked, nor lets a resident set an outcome', async () => {
		const date = await newDate(HOLTENBROEK, 3);
		await signUp(demo.anna, date);
		const { data: s } = await db().from('repair_cafe_signups').select('id').eq('date_id', date).eq('resident_id', demo.anna).single();
		const anna = await asUser(env, demo.anna);
		await anna.rpc('repair_cafe_cancel', { p_signup: s!.id });
		const back = await db().from('repair_cafe_signups').update({ status: 'booked' }).eq('id', s!.id);
		expect(back.error?.code).toBe('23514');
		expect((await anna.rpc('repair_cafe_record_outcome', { p_signup: s!.id, p_outcome: 'fixed' })).error?.code).toBe('42501');
	});

	it('refuses the counter past capacity even when written directly', async () => {
		const date = await newDate(HOLTENBROEK, 1);
		const { error } = await db().from('repair_cafe_dates').update({ booked: 2 }).eq('id', date);
		expect(error?.code).toBe('23514');
	});
});

describe.skipIf(env.backend !== 'postgres')('100 residents at once for the last place (PostgreSQL server)', () => {
	it('gives the place to exactly one of them', async () => {
		const date = await newDate(HOLTENBROEK, 3);
		await signUp(demo.anna, date);
		await signUp(demo.bram, date);
		// 100 residents who are not yet signed up (with a confirmed address: others may not sign up).
		const ids = Array.from({ length: 100 }, (_, i) => `00000000-0000-4000-9000-${String(i + 1).padStart(12, '0')}`);
		const verified = new Date().toISOString();
		await db().from('users').upsert(ids.map((id, i) => ({ id, email: `race${i}@example.test`, password_hash: 'x', email_verified_at: verified })), { onConflict: 'id' });
		await db().from('profiles').upsert(ids.map((id, i) => ({ id, display_name: `Racer ${i}`, buurt_code: 'BU01930601' })), { onConflict: 'id' });
		const clients = await Promise.all(ids.map((id) => asUser(env, id)));
		const results = await Promise.all(
			clients.map((c) => c.rpc('repair_cafe_sign_up', { p_date: date, p_category: 'other', p_item: 'Lamp', p_problem: 'Doet het niet', p_waitlist: false }))
		);
		expect(results.filter((r) => r.data === 'booked')).toHaveLength(1);
		expect(results.filter((r) => r.error?.hint === 'repair_full')).toHaveLength(99);
		expect(await counts(date)).toEqual({ booked: 3, waiting: 0 });
		const { count } = await db().from('repair_cafe_signups').select('id', { count: 'exact', head: true }).eq('date_id', date).eq('status', 'booked');
		expect(count).toBe(3);
	});
});

describe('who sees a Repair Café sign-up', () => {
	let signupId: number;
	beforeAll(async () => {
		const date = await newDate(HOLTENBROEK, 10);
		await signUp(demo.anna, date);
		const { data } = await db().from('repair_cafe_signups').select('id').eq('date_id', date).eq('resident_id', demo.anna).single();
		signupId = data!.id;
	});

	const canSee = {
		'the resident herself': demo.anna,
		'the organiser (a worker of the wijk)': demo.workerZwolle,
		"the coordinator of the wijk's gemeente": demo.coordinatorZwolle
	};
	const cannotSee = {
		'another resident': demo.bram,
		'a worker of another wijk, who organises another Repair Café': demo.workerAlmere,
		'the coordinator of another gemeente': demo.coordinatorAlmere
	};

	it.each(Object.entries(canSee))('%s sees it with the item', async (_who, id) => {
		const { data } = await (await asUser(env, id)).from('repair_cafe_signups').select('item, resident_id').eq('id', signupId);
		expect(data).toEqual([{ item: 'Broodrooster', resident_id: demo.anna }]);
	});

	it.each(Object.entries(cannotSee))('%s does not', async (_who, id) => {
		const { data } = await (await asUser(env, id)).from('repair_cafe_signups').select('item').eq('id', signupId);
		expect(data).toEqual([]);
	});

	it('an unpublished series is hidden from the public but not from its organiser', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const { data: made } = await worker.rpc('create_repair_cafe_series', {
			p_buurt_code: 'BU01930602', p_name: 'Repair Café Verborgen', p_venue: 'Buurthuis', p_address: 'Kamperweg 10, Zwolle',
			p_lat: 52.53, p_lng: 6.09, p_description: '', p_rule: '', p_dates: ['2031-04-05'], p_start: '10:00', p_end: '13:00', p_capacity: 8
		});
		expect((await worker.from('repair_cafe_series').update({ published: false }).eq('id', made!).select('id')).data).toHaveLength(1);
		expect((await anon(env).from('repair_cafe_series').select('id').eq('id', made!)).data).toEqual([]);
		expect((await anon(env).from('repair_cafe_dates').select('id').eq('series_id', made!)).data).toEqual([]);
		expect((await worker.from('repair_cafe_dates').select('id').eq('series_id', made!)).data).toHaveLength(1);
		const { data: date } = await worker.from('repair_cafe_dates').select('id').eq('series_id', made!).single();
		expect((await signUp(demo.anna, date!.id)).error?.code).toBe('P0002');
	});

	it('a resident reports a Repair Café; the report lands with the workers of its wijk', async () => {
		const { data, error } = await (await asUser(env, demo.chantal))
			.from('reports')
			.insert({ subject_type: 'repair_cafe', subject_id: HOLTENBROEK, subject_label: 'Repair Café Holtenbroek', reason: 'anders', details: 'test' } as never)
			.select('wijk_code')
			.single();
		expect(error).toBeNull();
		expect(data).toEqual({ wijk_code: 'WK019306' });
	});

	it('a visitor cannot read sign-ups at all, but sees dates and free places', async () => {
		const { error } = await anon(env).from('repair_cafe_signups').select('item').limit(1);
		expect(error?.code).toBe('42501');
		const { data } = await anon(env).from('repair_cafe_dates').select('capacity, booked').eq('series_id', HOLTENBROEK).limit(1);
		expect(data?.length).toBe(1);
	});

	it("an organiser manages only their own series", async () => {
		const date = await newDate(HOLTENBROEK, 4);
		const other = await asUser(env, demo.workerAlmere);
		expect((await other.rpc('cancel_repair_cafe_date', { p_date: date })).error?.code).toBe('42501');
		expect((await other.rpc('repair_cafe_cancel', { p_signup: signupId })).error?.code).toBe('P0002');
		expect((await other.from('repair_cafe_series').update({ name: 'Overgenomen' }).eq('id', HOLTENBROEK).select('id')).data).toEqual([]);
		expect((await other.rpc('add_repair_cafe_date', { p_series: ALMERE, p_day: '2031-01-04', p_start: '10:00', p_end: '12:00', p_capacity: 5 })).error).toBeNull();
	});

	it('a resident cannot create a Repair Café, a worker of the buurt can', async () => {
		const args = {
			p_buurt_code: 'BU01930601', p_name: 'Repair Café Test', p_venue: 'Buurthuis', p_address: 'Kamperweg 10, Zwolle',
			p_lat: 52.53, p_lng: 6.09, p_description: '', p_rule: '', p_dates: ['2031-02-01', '2031-03-01'], p_start: '10:00', p_end: '13:00', p_capacity: 8
		};
		expect((await (await asUser(env, demo.bram)).rpc('create_repair_cafe_series', args)).error?.code).toBe('42501');
		const made = await (await asUser(env, demo.workerZwolle)).rpc('create_repair_cafe_series', args);
		expect(made.error).toBeNull();
		// The worker organises it: a colleague puts it online (see security.test.ts).
		expect((await anon(env).from('repair_cafe_dates').select('id').eq('series_id', made.data!)).data).toEqual([]);
		expect((await (await asUser(env, demo.coordinatorZwolle)).rpc('review_repair_cafe_series', { p_series: made.data!, p_decision: 'goedkeuren' })).error).toBeNull();
		const { data: dates } = await anon(env).from('repair_cafe_dates').select('starts_at').eq('series_id', made.data!).order('starts_at');
		// 10:00 in Zwolle in winter is 09:00 UTC.
		expect(dates?.map((d) => new Date(d.starts_at).toISOString())).toEqual(['2031-02-01T09:00:00.000Z', '2031-03-01T09:00:00.000Z']);
	});
});

describe('through the site, without JavaScript', () => {
	const site = env;
	let resident: Browser;
	let worker: Browser;
	beforeAll(async () => {
		resident = await new Browser(site).signIn(demo.fatima);
		worker = await new Browser(site).signIn(demo.workerZwolle);
	});

	it('a resident signs up for a Repair Café without JavaScript and sees it under "mine"', async () => {
		const date = await newDate(HOLTENBROEK, 4);
		const browser = resident;
		const bad = await browser.post(`/repair-cafe/${HOLTENBROEK}?/signup`, { dateId: String(date), category: 'weapon', item: '', problem: 'x' });
		expect(bad.status).toBe(400);
		expect(Object.keys(fieldErrors(bad.body)).sort()).toEqual(['category', 'item', 'problem']);
		const ok = await browser.post(`/repair-cafe/${HOLTENBROEK}?/signup`, { dateId: String(date), category: 'electrical', item: 'Tosti-ijzer', problem: 'Wordt niet warm', waitlist: 'on' });
		expect(ok.status).toBe(200);
		const mine = await browser.get('/mijn');
		expect(mine.body).toContain('Tosti-ijzer');
	});

	it('offers an iCal feed and, to the organiser only, the outcomes as Open Repair Data CSV', async () => {
		const ics = await new Browser(site).get(`/repair-cafe/${HOLTENBROEK}/agenda.ics`);
		expect(ics.headers.get('content-type')).toContain('text/calendar');
		expect(ics.body).toContain('BEGIN:VEVENT');
		const csv = await worker.get(`/repair-cafe/${HOLTENBROEK}/beheer/reparaties.csv`);
		expect(csv.status).toBe(200);
		expect(csv.body.split('\r\n')[0]).toContain('repair_status');
		expect(csv.body).toContain('Waterkoker');
		expect(csv.body).toContain(',Fixed,');
		const other = await new Browser(site).signIn(demo.anna);
		expect((await other.get(`/repair-cafe/${HOLTENBROEK}/beheer/reparaties.csv`)).status).toBe(403);
	});
});
