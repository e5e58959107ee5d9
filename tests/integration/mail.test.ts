// Mail delivery through the job runner to a real SMTP server started here: every outbox row arrives,
// whoever wrote it (SQL included); an SMTP outage is retried and loses nothing; two runners send each
// mail once; every non-account mail carries RFC 8058 one-click unsubscribe, which stops that kind only.
// The site's own runner (no SMTP_URL in this run) composes notification mail; these runners send it.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobRunner } from '../../src/lib/server/jobs/runner.ts';
import { mailDelivery, type MailDelivery } from '../../src/lib/server/mail/deliver.ts';
import { asUser, demo, service } from '../support/clients.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const env = inject('env');
const db = () => service(env);
let smtp: TestSmtp;
const started: { runner: JobRunner; delivery: MailDelivery }[] = [];

function sender(workerId = `mail-${randomBytes(3).toString('hex')}`): JobRunner {
	const delivery = mailDelivery({ smtpUrl: smtp.url, from: 'Buurtplein <noreply@buurtplein.test>', origin: env.appUrl, secret: env.jwtSecret });
	const runner = new JobRunner({
		db: service(env),
		handlers: { 'mail.send': delivery.handler },
		workerId,
		pollMs: 50,
		backoff: { baseSeconds: 0.1, maxSeconds: 0.5 },
		log: () => {}
	});
	started.push({ runner, delivery });
	runner.start();
	return runner;
}

async function stopSenders() {
	await Promise.all(started.splice(0).map(async ({ runner, delivery }) => {
		await runner.stop();
		delivery.close();
	}));
}

async function queue(to: string, kind: string, subject: string, text = 'Hallo,\n\nDit is een test.') {
	const { data, error } = await db().from('email_outbox').insert({ to_address: to, subject, body_text: text, kind }).select('id').single();
	if (error) throw error;
	return data.id;
}

async function outboxRow(id: number) {
	const { data } = await db().from('email_outbox').select('sent_at, suppressed_at, last_error, attempts').eq('id', id).single();
	return data!;
}

beforeAll(async () => {
	smtp = await startSmtp();
});
afterAll(async () => {
	await stopSenders();
	await smtp.close();
});

describe('mail delivery', () => {
	it('delivers mail that an SQL function wrote, in the recipient\'s language, as text and HTML', async () => {
		sender();
		// Fatima reads English; the organiser cancels the date she signed up for.
		await db().from('profiles').update({ locale: 'en' }).eq('id', demo.fatima);
		const { data: date } = await db().from('repair_cafe_dates').insert({
			series_id: '10000000-0000-4000-8000-000000000002',
			starts_at: new Date(Date.now() + 40 * 86_400_000).toISOString(),
			ends_at: new Date(Date.now() + 40 * 86_400_000 + 7200_000).toISOString(),
			capacity: 5
		}).select('id').single();
		await (await asUser(env, demo.fatima)).rpc('repair_cafe_sign_up', { p_date: date!.id, p_category: 'textile', p_item: 'Winterjas', p_problem: 'Rits kapot' });
		await (await asUser(env, demo.workerAlmere)).rpc('cancel_repair_cafe_date', { p_date: date!.id });
		const mail = await smtp.waitFor('fatima@buurtplein.test', (m) => m.subject.includes('is cancelled'));
		expect(mail.text).toContain('Hello Fatima,');
		expect(mail.html).toContain('<html lang="en">');
		expect(mail.html).toContain('Hello Fatima,');
		await db().from('profiles').update({ locale: 'nl' }).eq('id', demo.fatima);

		// And a row written straight into the outbox by SQL, as any function may.
		const subject = `Rechtstreeks ${randomBytes(3).toString('hex')}`;
		await queue('chantal@buurtplein.test', 'repair_date_cancelled', subject, 'Hallo,\n\nKijk op https://buurtplein.test/x.');
		const raw = await smtp.waitFor('chantal@buurtplein.test', (m) => m.subject === subject);
		expect(raw.html).toContain('<a href="https://buurtplein.test/x">');
	});

	it('retries while the SMTP server is down and delivers once it is back, nothing lost', async () => {
		sender();
		smtp.refuse = '451 try again later';
		const subjects = [1, 2, 3].map((i) => `Storing ${i} ${randomBytes(3).toString('hex')}`);
		const ids = [];
		for (const subject of subjects) ids.push(await queue('bram@buurtplein.test', 'initiatief_update', subject));
		const deadline = Date.now() + 15_000;
		while ((await outboxRow(ids[0])).attempts < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		const failing = await outboxRow(ids[0]);
		expect(failing.sent_at).toBeNull();
		expect(failing.last_error).toContain('451');

		smtp.refuse = null;
		for (const subject of subjects) await smtp.waitFor('bram@buurtplein.test', (m) => m.subject === subject);
		await new Promise((r) => setTimeout(r, 500));
		for (const subject of subjects) expect(smtp.to('bram@buurtplein.test').filter((m) => m.subject === subject)).toHaveLength(1);
		for (const id of ids) expect((await outboxRow(id)).sent_at).not.toBeNull();
	});

	it('delivers once when the SMTP server is gone altogether for a while', async () => {
		await stopSenders();
		await smtp.close();
		sender();
		const subject = `Weg ${randomBytes(3).toString('hex')}`;
		const id = await queue('anna@buurtplein.test', 'initiatief_update', subject);
		const deadline = Date.now() + 15_000;
		while (!(await outboxRow(id)).last_error && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect((await outboxRow(id)).last_error).toBeTruthy();
		await smtp.reopen();
		await smtp.waitFor('anna@buurtplein.test', (m) => m.subject === subject);
		expect(smtp.to('anna@buurtplein.test').filter((m) => m.subject === subject)).toHaveLength(1);
	});

	it('sends each mail once with two runners sending side by side', async () => {
		await stopSenders();
		const tag = randomBytes(3).toString('hex');
		for (let i = 0; i < 60; i++) await queue(`twee.${tag}.${i % 6}@example.test`, 'initiatief_update', `Twee ${tag} ${i}`);
		sender('first');
		sender('second');
		const deadline = Date.now() + 30_000;
		const ours = () => smtp.mails.filter((m) => m.subject.startsWith(`Twee ${tag} `));
		while (ours().length < 60 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		await new Promise((r) => setTimeout(r, 500));
		const subjects = ours().map((m) => m.subject);
		expect(subjects).toHaveLength(60);
		expect(new Set(subjects).size).toBe(60);
		const { data: rows } = await db().from('email_outbox').select('sent_at').like('subject', `Twee ${tag} %`);
		expect(rows!.every((row) => row.sent_at)).toBe(true);
	});

	it('waits instead of sending twice while another instance may be sending the same mail', async () => {
		await stopSenders();
		const id = await queue('emre@buurtplein.test', 'initiatief_update', `Twijfel ${randomBytes(3).toString('hex')}`);
		// Another instance took it a moment ago and has not said whether the SMTP server accepted it.
		const { data: claimed } = await db().rpc('begin_mail', { p_id: id, p_worker: 'elsewhere' });
		expect(claimed).toHaveLength(1);
		const { error } = await db().rpc('begin_mail', { p_id: id, p_worker: 'here' });
		expect(error?.hint).toBe('mail_in_doubt');
		// It reports back: the mail went out. Whoever tries next finds it sent.
		await db().rpc('mark_mail_sent', { p_id: id, p_message_id: '<x@test>' });
		const { data: again } = await db().rpc('begin_mail', { p_id: id, p_worker: 'here' });
		expect(again).toEqual([]);
	});

	it('puts one-click unsubscribe headers on every non-account mail, and none on account mail', async () => {
		sender();
		const subject = `Kop ${randomBytes(3).toString('hex')}`;
		await queue('anna@buurtplein.test', 'help_message', subject);
		const mail = await smtp.waitFor('anna@buurtplein.test', (m) => m.subject === subject);
		expect(mail.headers.get('list-unsubscribe')).toMatch(new RegExp(`^<${env.appUrl}/afmelden/[\\w-]+\\.help_message\\.[\\w-]+>$`));
		expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		expect(mail.text).toContain(`${env.appUrl}/afmelden/`);

		const verify = `Bevestig ${randomBytes(3).toString('hex')}`;
		await queue('anna@buurtplein.test', 'verify_email', verify);
		const account = await smtp.waitFor('anna@buurtplein.test', (m) => m.subject === verify);
		expect(account.headers.has('list-unsubscribe')).toBe(false);
		expect(account.text).not.toContain('/afmelden/');
	});

	it('one-click unsubscribe works without logging in and stops that kind only', async () => {
		sender();
		const address = 'chantal@buurtplein.test';
		const first = `Voor ${randomBytes(3).toString('hex')}`;
		await queue(address, 'initiatief_comment', first);
		const mail = await smtp.waitFor(address, (m) => m.subject === first);
		const url = /^<(.+)>$/.exec(mail.headers.get('list-unsubscribe')!)![1];

		// A link checker that opens the link unsubscribes nobody.
		const opened = await fetch(url, { headers: { accept: 'text/html' } });
		expect(opened.status).toBe(200);
		expect(await opened.text()).toContain('Ja, meld me af');

		// The same token for another kind is refused (it is signed for this address and kind).
		const forged = url.replace('.initiatief_comment.', '.help_message.');
		const refused = await fetch(forged, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(refused.status).toBe(400);

		// The mail provider's one-click post: no session, no origin of ours.
		const post = await fetch(url, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
		expect(post.status).toBe(200);
		const { data: prefs } = await (await asUser(env, demo.chantal)).from('notification_preferences').select('kind, email');
		expect(prefs).toEqual([{ kind: 'initiatief_comment', email: 'none' }]);

		const stopped = `Na ${randomBytes(3).toString('hex')}`;
		const other = `Ander ${randomBytes(3).toString('hex')}`;
		const stoppedId = await queue(address, 'initiatief_comment', stopped);
		await queue(address, 'help_message', other);
		await smtp.waitFor(address, (m) => m.subject === other);
		const deadline = Date.now() + 10_000;
		while (!(await outboxRow(stoppedId)).suppressed_at && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		expect((await outboxRow(stoppedId)).suppressed_at).not.toBeNull();
		expect(smtp.to(address).some((m) => m.subject === stopped)).toBe(false);

		// A cross-site form post anywhere else is still refused.
		const csrf = await fetch(`${env.appUrl}/profiel/meldingen`, { method: 'POST', body: 'x=1', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.test' } });
		expect(csrf.status).toBe(403);

		// Choosing e-mail again on the profile lifts the stop.
		await (await asUser(env, demo.chantal)).rpc('set_notification_preferences', { p_choices: { initiatief_comment: 'daily' } });
		const again = `Weer ${randomBytes(3).toString('hex')}`;
		await queue(address, 'initiatief_comment', again);
		await smtp.waitFor(address, (m) => m.subject === again);
		await (await asUser(env, demo.chantal)).from('notification_preferences').delete().eq('kind', 'initiatief_comment');
	});
});

describe('a mail in flight when the database goes away', () => {
	it('is recorded once the database is back, and sent once', async () => {
		await stopSenders();
		const { startProxy } = await import('../support/proxy.ts');
		const { createClient } = await import('@supabase/supabase-js');
		const proxy = await startProxy(new URL(env.supabaseUrl));
		const delivery = mailDelivery({ smtpUrl: smtp.url, from: 'Buurtplein <noreply@buurtplein.test>', origin: env.appUrl, secret: env.jwtSecret });
		const runner = new JobRunner({
			db: createClient(proxy.url, env.serviceRoleKey, { auth: { persistSession: false } }) as never,
			handlers: { 'mail.send': delivery.handler },
			workerId: 'through-proxy',
			pollMs: 50,
			log: () => {}
		});
		started.push({ runner, delivery });
		try {
			smtp.delayMs = 1500;
			const subject = `Storing db ${randomBytes(3).toString('hex')}`;
			const id = await queue('bram@buurtplein.test', 'initiatief_update', subject);
			runner.start();
			// The runner has claimed the mail and is talking to the SMTP server: the database goes away.
			const deadline = Date.now() + 15_000;
			while (!(await db().from('email_outbox').select('sending_by').eq('id', id).single()).data?.sending_by && Date.now() < deadline) {
				await new Promise((r) => setTimeout(r, 50));
			}
			await proxy.cut();
			await smtp.waitFor('bram@buurtplein.test', (m) => m.subject === subject);
			await new Promise((r) => setTimeout(r, 1500));
			expect((await outboxRow(id)).sent_at).toBeNull();
			await proxy.restore();
			const recorded = Date.now() + 20_000;
			while (!(await outboxRow(id)).sent_at && Date.now() < recorded) await new Promise((r) => setTimeout(r, 100));
			expect((await outboxRow(id)).sent_at).not.toBeNull();
			const { data: job } = await db().from('jobs').select('status').eq('dedupe_key', `mail:${id}`).single();
			await new Promise((r) => setTimeout(r, 500));
			expect(smtp.to('bram@buurtplein.test').filter((m) => m.subject === subject)).toHaveLength(1);
			expect(['done', 'running']).toContain(job!.status);
		} finally {
			smtp.delayMs = 0;
			await stopSenders();
			await proxy.close();
		}
	});
});
