// Statements, house rules and retention (issue 14, points 4 and 5), through the built site and
// PostgREST as the app reaches them: the statement pages and their footer links, registration that
// needs the house rules and keeps when they were accepted, a resident asked again before posting,
// the acceptances readable only by their owner, and each retention rule removing exactly what
// /privacy says, for rows just inside and just outside its limit (times relative to the job's slot).
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobRunner } from '../../src/lib/server/jobs/runner.ts';
import { mailDelivery, type MailDelivery } from '../../src/lib/server/mail/deliver.ts';
import { HUISREGELS_VERSIE } from '../../src/lib/huisregels/version.ts';
import { anon, asUser, Browser, demo, fieldErrors, service, uniqueEmail } from '../support/clients.ts';
import { newResident, post, type Resident } from '../support/burenhulp.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const env = inject('env');
const db = () => service(env);
const partnerDemo = '00000000-0000-4000-8000-000000000021'; // deltaWonen, Zwolle
const MINUTE = 60_000;
const DAY = 86_400_000;

function minus(slot: Date, ms: number): string {
	return new Date(slot.getTime() - ms).toISOString();
}
/** The slot minus whole calendar months, as PostgreSQL's `interval 'n months'` counts them (UTC). */
function minusMonths(slot: Date, months: number, extraMs = 0): string {
	const d = new Date(slot);
	d.setUTCMonth(d.getUTCMonth() - months);
	return new Date(d.getTime() + extraMs).toISOString();
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

/** Runs a scheduled job for a slot as the scheduler does (the site's own runner picks it up). */
async function runJob(kind: string, slot: Date): Promise<void> {
	const { data: id, error } = await db().rpc('enqueue_job', { p_kind: kind, p_payload: { slot: slot.toISOString() } });
	if (error || !id) throw new Error(`enqueue ${kind}: ${error?.message}`);
	const job = await until(async () => (await db().from('jobs').select('status, last_error').eq('id', id).single()).data!, (j) => j.status === 'done' || j.status === 'dead');
	expect(job).toEqual({ status: 'done', last_error: '' });
}

async function exists(table: 'users' | 'profiles' | 'sessions' | 'auth_tokens', column: string, value: string): Promise<boolean> {
	const { data, error } = await db().from(table).select(column).eq(column, value);
	if (error) throw error;
	return (data ?? []).length > 0;
}

describe('the statements', () => {
	it('are public pages in Dutch and English, with the retention rules stated', async () => {
		const nl = new Browser(env);
		const privacy = await nl.get('/privacy');
		expect(privacy.status).toBe(200);
		for (const rule of ['30 dagen na het aanmaken', '1 jaar nadat een match is beëindigd', 'er 3 maanden niets mee gebeurd', '14 dagen daarna', 'na 30 dagen, of na 7 dagen niet gebruiken', 'na 1 dag', 'Autoriteit Persoonsgegevens', 'href="/mijn-gegevens"', 'href="/profiel"', 'Verwerkingsregister']) {
			expect(privacy.body, rule).toContain(rule);
		}
		const toegankelijkheid = await nl.get('/toegankelijkheid');
		expect(toegankelijkheid.status).toBe(200);
		for (const part of ['WCAG', 'EN 301 549', 'Status C', 'axe', 'toetsenbord', '360 pixels', 'Zonder JavaScript', 'De kaart']) expect(toegankelijkheid.body, part).toContain(part);
		const huisregels = await nl.get('/huisregels');
		expect(huisregels.status).toBe(200);
		expect(huisregels.body).toContain(`Versie ${HUISREGELS_VERSIE}`);

		const en = new Browser(env, undefined, 'en');
		expect((await en.get('/privacy')).body).toContain('1 year after a match ended');
		expect((await en.get('/toegankelijkheid')).body).toContain('Status C: first measures taken');
		expect((await en.get('/huisregels')).body).toContain('Neighbour help is free');
	});

	it('are linked from the footer of every page, for visitors and logged-in people', async () => {
		const visitor = new Browser(env);
		const resident = await new Browser(env).signIn(demo.anna);
		for (const [browser, path] of [[visitor, '/'], [visitor, '/initiatieven'], [visitor, '/inloggen'], [resident, '/'], [resident, '/burenhulp'], [resident, '/profiel']] as const) {
			const page = await browser.get(path);
			expect(page.status, path).toBe(200);
			const footer = page.body.slice(page.body.indexOf('<footer'));
			for (const href of ['/privacy', '/toegankelijkheid', '/huisregels']) expect(footer, `${path} ${href}`).toContain(`href="${href}"`);
		}
	});

	it('name the responsible parties generically when the environment names none', async () => {
		const body = (await new Browser(env).get('/privacy')).body;
		expect(body).toContain('de gemeente die het opbouwwerk in jouw wijk betaalt');
	});
});

describe('accepting the house rules at registration', () => {
	const fields = (email: string, extra: Record<string, string> = {}) => ({
		displayName: 'Hanna Huisregel',
		email,
		password: 'een lang wachtwoord',
		buurtCode: 'BU01930601',
		...extra
	});

	it('refuses a registration without the tick, keeps what was typed and writes nothing', async () => {
		const email = uniqueEmail('zonder');
		const response = await new Browser(env).post('/registreren', fields(email));
		expect(response.status).toBe(400);
		expect(fieldErrors(response.body).huisregels).toBe('Ga akkoord met de huisregels om verder te gaan.');
		expect(response.body).toContain(`value="${email}"`);
		expect(response.body).toContain('value="Hanna Huisregel"');
		expect(response.body).not.toContain('een lang wachtwoord');
		expect(await exists('users', 'email', email)).toBe(false);

		const english = await new Browser(env, undefined, 'en').post('/registreren', fields(uniqueEmail('zonder')));
		expect(fieldErrors(english.body).huisregels).toBe('Accept the house rules to go on.');
	});

	it('keeps the accepted version and the time with the new account', async () => {
		const email = uniqueEmail('met');
		const before = Date.now();
		const response = await new Browser(env).post('/registreren', fields(email, { huisregels: 'on' }));
		expect(response.status).toBe(303);
		const { data: user } = await db().from('users').select('id').eq('email', email).single();
		const { data: accepted } = await db().from('huisregels_acceptaties').select('versie, geaccepteerd_op').eq('user_id', user!.id);
		expect(accepted).toEqual([{ versie: HUISREGELS_VERSIE, geaccepteerd_op: expect.any(String) }]);
		const at = Date.parse(accepted![0].geaccepteerd_op);
		expect(at).toBeGreaterThanOrEqual(before - 5_000);
		expect(at).toBeLessThanOrEqual(Date.now() + 5_000);
	});
});

describe('a new version of the house rules', () => {
	let resident: Resident;
	let browser: Browser;
	beforeAll(async () => {
		resident = await newResident(env, 'Vera Versie');
		// A new version: what the resident accepted is no longer the current one.
		await db().from('huisregels_acceptaties').delete().eq('user_id', resident.id);
		if (HUISREGELS_VERSIE > 1) await db().from('huisregels_acceptaties').insert({ user_id: resident.id, versie: HUISREGELS_VERSIE - 1 });
		browser = await new Browser(env).signIn(resident.id);
	});

	it('asks the resident again before a page of theirs, and brings them back', async () => {
		const page = await browser.get('/burenhulp?tab=1');
		expect(page.status).toBe(303);
		expect(page.location).toBe('/huisregels/accepteren?redirectTo=%2Fburenhulp%3Ftab%3D1');
		const ask = await browser.get(page.location!);
		expect(ask.status).toBe(200);
		expect(ask.body).toContain(HUISREGELS_VERSIE > 1 ? 'De huisregels zijn veranderd' : 'Lees en accepteer de huisregels');
		// Their profile, their data and logging out stay open meanwhile.
		expect((await browser.get('/profiel')).status).toBe(200);
	});

	it('lets nothing be posted until they accept', async () => {
		const before = await db().from('help_posts').select('id', { count: 'exact', head: true }).eq('buurt_code', 'BU01930601');
		const posted = await browser.post('/burenhulp/nieuw', {
			kind: 'vraag', category: 'boodschappen', description: 'Wie helpt met de boodschappen?', whenKind: 'wekelijks', slots: 'di-middag', buurtCode: 'BU01930601'
		});
		expect(posted.status).toBe(303);
		expect(posted.location).toMatch(/^\/huisregels\/accepteren\?redirectTo=/);
		const after = await db().from('help_posts').select('id', { count: 'exact', head: true }).eq('buurt_code', 'BU01930601');
		expect(after.count).toBe(before.count);
	});

	it('answers a form sent by JavaScript with SvelteKit\'s own redirect to the rules, back to the form\'s page', async () => {
		const response = await fetch(`${env.appUrl}/burenhulp/nieuw`, {
			method: 'POST',
			redirect: 'manual',
			body: new URLSearchParams({ kind: 'vraag' }),
			headers: {
				origin: env.appUrl,
				referer: `${env.appUrl}/burenhulp/nieuw?soort=vraag`,
				'content-type': 'application/x-www-form-urlencoded',
				'x-sveltekit-action': 'true',
				accept: 'application/json',
				'x-forwarded-for': browser.address,
				cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
			}
		});
		expect(response.status).toBe(200);
		expect(await response.json()).toEqual({ type: 'redirect', status: 303, location: '/huisregels/accepteren?redirectTo=%2Fburenhulp%2Fnieuw%3Fsoort%3Dvraag' });
	});

	it('refuses the acceptance without the tick, then records it and returns', async () => {
		const refused = await browser.post('/huisregels/accepteren', { redirectTo: '/burenhulp' });
		expect(refused.status).toBe(400);
		expect(fieldErrors(refused.body).huisregels).toBe('Ga akkoord met de huisregels om verder te gaan.');
		const accepted = await browser.post('/huisregels/accepteren', { redirectTo: '/burenhulp', huisregels: 'on' });
		expect(accepted.status).toBe(303);
		expect(accepted.location).toBe('/burenhulp');
		const { data } = await db().from('huisregels_acceptaties').select('versie').eq('user_id', resident.id).eq('versie', HUISREGELS_VERSIE);
		expect(data).toHaveLength(1);
		expect((await browser.get('/burenhulp')).status).toBe(200);
		// An open redirect is not followed.
		await db().from('huisregels_acceptaties').delete().eq('user_id', resident.id);
		const evil = await browser.post('/huisregels/accepteren', { redirectTo: '//evil.example', huisregels: 'on' });
		expect(evil.location).toBe('/');
	});

	it('does not ask staff', async () => {
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		expect((await worker.get('/burenhulp')).status).toBe(200);
	});
});

describe('who reads an acceptance', () => {
	it('only its owner; nobody writes one directly', async () => {
		const own = await (await asUser(env, demo.anna)).from('huisregels_acceptaties').select('user_id, versie');
		expect(own.data).toEqual([{ user_id: demo.anna, versie: HUISREGELS_VERSIE }]);
		const others = { visitor: anon(env), resident: await asUser(env, demo.bram), worker: await asUser(env, demo.workerZwolle), coordinator: await asUser(env, demo.coordinatorZwolle), partner: await asUser(env, partnerDemo), admin: await asUser(env, demo.admin) };
		for (const [who, client] of Object.entries(others)) {
			const { data } = await client.from('huisregels_acceptaties').select('user_id').eq('user_id', demo.anna);
			expect(data ?? [], who).toEqual([]);
			const insert = await client.from('huisregels_acceptaties').insert({ user_id: demo.anna, versie: 999 });
			expect(insert.error, who).not.toBeNull();
		}
		expect((await anon(env).rpc('accept_huisregels', { p_versie: HUISREGELS_VERSIE })).error).not.toBeNull();
		// accept_huisregels writes the caller's own row only, with the server's time.
		const { data: at } = await (await asUser(env, demo.bram)).rpc('accept_huisregels', { p_versie: HUISREGELS_VERSIE });
		expect(Date.parse(at as string)).toBeLessThanOrEqual(Date.now() + 5_000);
	});

	it('the retention functions are the service role\'s only', async () => {
		for (const client of [anon(env), await asUser(env, demo.anna), await asUser(env, demo.admin)]) {
			for (const fn of ['retention_unconfirmed_accounts', 'retention_help_messages', 'retention_help_posts', 'retention_purge_expired'] as const) {
				const { error } = await client.rpc(fn, { p_slot: new Date().toISOString() });
				expect(error?.code, fn).toBe('42501');
			}
		}
	});
});

describe('retention', () => {
	let smtp: TestSmtp;
	let runner: JobRunner;
	let delivery: MailDelivery;
	beforeAll(async () => {
		smtp = await startSmtp();
		delivery = mailDelivery({ smtpUrl: smtp.url, from: 'Buurtplein <noreply@buurtplein.test>', origin: env.appUrl, secret: env.jwtSecret });
		runner = new JobRunner({ db: service(env), handlers: { 'mail.send': delivery.handler }, workerId: `retention-${randomBytes(3).toString('hex')}`, pollMs: 50, log: () => {} });
		runner.start();
	});
	afterAll(async () => {
		await runner.stop();
		delivery.close();
		await smtp.close();
	});

	async function account(name: string, createdAt: string, verified: boolean): Promise<string> {
		const { data: id, error } = await db().rpc('create_account', { p_email: uniqueEmail(name), p_password_hash: 'x', p_display_name: name, p_buurt_code: 'BU01930601' });
		if (error || !id) throw new Error(`create_account: ${error?.message}`);
		await db().from('users').update({ created_at: createdAt, email_verified_at: verified ? createdAt : null }).eq('id', id);
		return id;
	}

	it('removes an unconfirmed account 30 days after registration, and skips one that others\' rows refer to', async () => {
		const slot = new Date();
		const old = await account('Oud Onbevestigd', minus(slot, 30 * DAY + MINUTE), false);
		const young = await account('Jong Onbevestigd', minus(slot, 30 * DAY - MINUTE), false);
		const confirmed = await account('Oud Bevestigd', minus(slot, 60 * DAY), true);
		const withContent = await account('Oud Met Vraag', minus(slot, 30 * DAY + MINUTE), false);
		await post(await asUser(env, withContent), { kind: 'vraag' });
		await db().from('sessions').insert({ id: `oud${randomBytes(12).toString('hex')}`, user_id: old, secret_hash: '\\x00', expires_at: new Date(slot.getTime() + DAY).toISOString() });

		const { data, error } = await db().rpc('retention_unconfirmed_accounts', { p_slot: slot.toISOString() });
		expect(error).toBeNull();
		const result = data as { removed: number; skipped: string[] };
		expect(result.removed).toBeGreaterThanOrEqual(1);
		expect(result.skipped).toContain(withContent);
		expect(await exists('users', 'id', old)).toBe(false);
		expect(await exists('profiles', 'id', old)).toBe(false);
		expect(await exists('sessions', 'user_id', old)).toBe(false);
		for (const kept of [young, confirmed, withContent]) expect(await exists('users', 'id', kept), kept).toBe(true);

		// Through the scheduled job, with the same slot: nothing more to do, and it does not fail.
		await runJob('retention.unconfirmed_accounts', slot);
		expect(await exists('users', 'id', withContent)).toBe(true);
	});

	it('deletes the messages of a match that ended more than a year ago, keeping the match and reported messages', async () => {
		const slot = new Date();
		const [asker, helper] = await Promise.all([newResident(env, 'Ria Retentie'), newResident(env, 'Henk Retentie')]);
		const offer = await post(helper.db, { kind: 'aanbod' });
		async function endedMatch(closedAt: string, status: 'gestopt' | 'afgewezen' | 'afgesloten'): Promise<{ match: string; messages: number[] }> {
			const request = await post(asker.db, { kind: 'vraag' });
			const { data: match, error } = await db().from('help_matches').insert({
				request_id: request, offer_id: offer, request_owner: asker.id, offer_owner: helper.id, proposed_by: asker.id, wijk_code: 'WK019306'
			}).select('id').single();
			if (error) throw error;
			const { data: messages } = await db().from('help_messages').insert([
				{ match_id: match.id, sender_id: asker.id, body: 'Hallo buur' },
				{ match_id: match.id, sender_id: helper.id, body: 'Hallo terug' }
			]).select('id');
			// Ended with its time set directly: the service role writes what the job will find.
			const ending = status === 'afgesloten'
				? { status, outcome: 'geholpen', request_outcome: 'geholpen', closed_at: closedAt }
				: { status, closed_at: closedAt };
			if (status === 'afgesloten') {
				const active = await db().from('help_matches').update({ status: 'actief', request_accepted_at: closedAt, offer_accepted_at: closedAt }).eq('id', match.id);
				expect(active.error).toBeNull();
			}
			const closing = await db().from('help_matches').update(ending).eq('id', match.id);
			expect(closing.error).toBeNull();
			return { match: match.id, messages: (messages ?? []).map((m) => m.id) };
		}
		const old = await endedMatch(minus(slot, 365 * DAY + MINUTE), 'afgesloten');
		const recent = await endedMatch(minus(slot, 365 * DAY - MINUTE), 'gestopt');
		const reported = await endedMatch(minus(slot, 400 * DAY), 'gestopt');
		// The asker reports the helper's message (the trigger fills in the wijk).
		const report = await asker.db.from('reports').insert({ subject_type: 'help_message', subject_id: String(reported.messages[1]), reason: 'ongepast' } as never);
		expect(report.error).toBeNull();

		for (const m of [old, recent, reported]) {
			const { data } = await db().from('help_matches').select('closed_at').eq('id', m.match).single();
			expect(data?.closed_at, 'the test set the end time').not.toBeNull();
		}
		await runJob('retention.help_messages', slot);
		const left = async (ids: number[]) => ((await db().from('help_messages').select('id').in('id', ids)).data ?? []).map((r) => r.id).sort();
		expect(await left(old.messages)).toEqual([]);
		expect(await left(recent.messages)).toEqual([...recent.messages].sort());
		expect(await left(reported.messages)).toEqual([...reported.messages].sort());
		// The match itself stays, with its outcome, for both parties' history.
		expect((await db().from('help_matches').select('status, outcome').eq('id', old.match).single()).data).toEqual({ status: 'afgesloten', outcome: 'geholpen' });
	});

	it('warns the owner of an open post without activity for 3 months by notification and mail, and closes it 14 days later', async () => {
		const slot = new Date();
		const owner = await newResident(env, 'Olle Oudpost');
		await db().from('profiles').update({ locale: 'en' }).eq('id', owner.id);
		const quiet = await post(owner.db, { kind: 'vraag', category: 'tuin' });
		const lively = await post(owner.db, { kind: 'aanbod', category: 'klussen' });
		const warnedLongAgo = await post(owner.db, { kind: 'vraag' });
		const warnedLately = await post(owner.db, { kind: 'vraag', category: 'vervoer' });
		const keptOpen = await post(owner.db, { kind: 'vraag', category: 'taal' });
		const set = (id: string, fields: { last_activity_at: string; inactive_warned_at?: string }) => db().from('help_posts').update(fields).eq('id', id);
		await set(quiet, { last_activity_at: minusMonths(slot, 3, -MINUTE) });
		await set(lively, { last_activity_at: minusMonths(slot, 3, MINUTE) });
		await set(warnedLongAgo, { last_activity_at: minusMonths(slot, 4), inactive_warned_at: minus(slot, 14 * DAY + MINUTE) });
		await set(warnedLately, { last_activity_at: minusMonths(slot, 4), inactive_warned_at: minus(slot, 14 * DAY - MINUTE) });
		await set(keptOpen, { last_activity_at: minusMonths(slot, 4), inactive_warned_at: minus(slot, 20 * DAY) });
		// The owner chose "keep open" after that warning.
		expect((await owner.db.rpc('help_keep_open', { p_post: keptOpen })).error).toBeNull();

		await runJob('retention.help_posts', slot);
		await runJob('retention.help_posts', slot);
		const state = async (id: string) => (await db().from('help_posts').select('status, inactive_warned_at').eq('id', id).single()).data!;
		expect(await state(quiet)).toEqual({ status: 'open', inactive_warned_at: expect.any(String) });
		expect(Date.parse((await state(quiet)).inactive_warned_at!)).toBe(slot.getTime());
		expect(await state(lively)).toEqual({ status: 'open', inactive_warned_at: null });
		expect((await state(warnedLongAgo)).status).toBe('gesloten');
		expect((await state(warnedLately)).status).toBe('open');
		expect((await state(keptOpen)).status).toBe('open');
		expect(Date.parse((await state(keptOpen)).inactive_warned_at!)).toBe(slot.getTime() - 20 * DAY);

		// One notification (twice run, once made) for the quiet post only, with the closing day.
		const { data: notes } = await owner.db.from('notifications').select('kind, link, params').eq('kind', 'help_post_inactive');
		expect(notes).toEqual([{ kind: 'help_post_inactive', link: `/burenhulp/${quiet}`, params: expect.objectContaining({ kind: 'vraag', category: 'tuin' }) }]);

		// The mail goes through the outbox in the recipient's language, and is delivered.
		const outbox = await until(async () => (await db().from('email_outbox').select('subject, body_text').eq('to_address', owner.email).eq('kind', 'help_post_inactive')).data ?? [], (rows) => rows.length > 0);
		expect(outbox).toHaveLength(1);
		expect(outbox[0].subject).toContain('Do you still need help with');
		const mail = await smtp.waitFor(owner.email, (m) => m.subject.includes('Do you still need help with'));
		expect(mail.text).toContain('Otherwise we close it on');

		// The owner's page says when it closes and offers to keep it open.
		const page = await (await new Browser(env).signIn(owner.id)).get(`/burenhulp/${quiet}`);
		expect(page.body).toContain('Houd open');

		// Fourteen days after the warning, with no activity since, it is closed.
		await runJob('retention.help_posts', new Date(slot.getTime() + 14 * DAY));
		expect((await state(quiet)).status).toBe('gesloten');
	});

	it('purges ended sessions, expired tokens, day-old rate-limit counters and month-old copies of mail', async () => {
		const slot = new Date();
		const user = (await newResident(env, 'Sanne Sessie')).id;
		const session = async (expiresAt: string, lastActiveAt: string) => {
			const id = `s${randomBytes(12).toString('hex')}`;
			const { error } = await db().from('sessions').insert({ id, user_id: user, secret_hash: '\\x00', expires_at: expiresAt, last_active_at: lastActiveAt });
			if (error) throw error;
			return id;
		};
		const expired = await session(minus(slot, MINUTE), minus(slot, DAY));
		const live = await session(minus(slot, -MINUTE), minus(slot, DAY));
		const idle = await session(minus(slot, -DAY), minus(slot, 7 * DAY + MINUTE));
		const used = await session(minus(slot, -DAY), minus(slot, 7 * DAY - MINUTE));
		const token = async (expiresAt: string) => {
			const hash = `\\x${randomBytes(32).toString('hex')}`;
			const { error } = await db().from('auth_tokens').insert({ token_hash: hash, user_id: user, kind: 'reset_password', expires_at: expiresAt });
			if (error) throw error;
			return hash;
		};
		const oldToken = await token(minus(slot, MINUTE));
		const freshToken = await token(minus(slot, -MINUTE));
		const bucket = `test:${randomBytes(4).toString('hex')}`;
		await db().from('rate_limits').insert([
			{ bucket, key: 'old', window_start: minus(slot, DAY + MINUTE), hits: 3 },
			{ bucket, key: 'recent', window_start: minus(slot, DAY - MINUTE), hits: 3 }
		]);

		const mail = async (to: string, createdAt: string) => {
			const { data, error } = await db().from('email_outbox').insert({ to_address: to, subject: 'Oud', body_text: 'Oud', kind: 'test_retention', created_at: createdAt, sent_at: createdAt }).select('id').single();
			if (error) throw error;
			return data.id;
		};
		const oldMail = await mail('oud@example.test', minus(slot, 30 * DAY + MINUTE));
		const recentMail = await mail('recent@example.test', minus(slot, 30 * DAY - MINUTE));

		await runJob('retention.purge_expired', slot);
		const mails = ((await db().from('email_outbox').select('id').in('id', [oldMail, recentMail])).data ?? []).map((r) => r.id);
		expect(mails).toEqual([recentMail]);
		expect(await exists('sessions', 'id', expired)).toBe(false);
		expect(await exists('sessions', 'id', idle)).toBe(false);
		expect(await exists('sessions', 'id', live)).toBe(true);
		expect(await exists('sessions', 'id', used)).toBe(true);
		const tokens = (await db().from('auth_tokens').select('expires_at').eq('user_id', user)).data ?? [];
		expect(tokens.map((t) => Date.parse(t.expires_at))).toEqual([Date.parse(minus(slot, -MINUTE))]);
		expect(oldToken).not.toBe(freshToken);
		const { data: counters } = await db().from('rate_limits').select('key').eq('bucket', bucket);
		expect(counters).toEqual([{ key: 'recent' }]);
	});
});
