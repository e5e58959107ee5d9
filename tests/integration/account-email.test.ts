// Changing the e-mail address and logging in with a code (issue 14, point 3), through the site as a
// browser without JavaScript uses it; what lands in the database is read through PostgREST, and the
// mail is delivered by a job runner to a real SMTP server started here.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { JobRunner } from '../../src/lib/server/jobs/runner.ts';
import { ACCOUNT_KINDS, mailDelivery, type MailDelivery } from '../../src/lib/server/mail/deliver.ts';
import { Browser, DEMO_PASSWORD, fieldErrors, formError, lastMail, service, tokenFrom, uniqueEmail } from '../support/clients.ts';
import { newResident } from '../support/burenhulp.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';

const env = inject('env');
const db = () => service(env);
let smtp: TestSmtp;
let runner: JobRunner;
let delivery: MailDelivery;

beforeAll(async () => {
	smtp = await startSmtp();
	delivery = mailDelivery({ smtpUrl: smtp.url, from: 'Buurtplein <noreply@buurtplein.test>', origin: env.appUrl, secret: env.jwtSecret });
	runner = new JobRunner({
		db: service(env),
		handlers: { 'mail.send': delivery.handler },
		workerId: `account-email-${randomBytes(3).toString('hex')}`,
		pollMs: 50,
		backoff: { baseSeconds: 0.1, maxSeconds: 0.5 },
		log: () => {}
	});
	runner.start();
});
afterAll(async () => {
	await runner.stop();
	delivery.close();
	await smtp.close();
});

async function mails(to: string) {
	const { data } = await db().from('email_outbox').select('kind, subject, body_text').eq('to_address', to).order('id');
	return data ?? [];
}

async function emailOf(userId: string) {
	return (await db().from('users').select('email').eq('id', userId).single()).data?.email;
}

describe('changing the e-mail address', () => {
	it('mails a link to the new address, tells the old one, and changes only when the link is used', async () => {
		const resident = await newResident(env, 'Willem Wissel');
		const here = await new Browser(env).signIn(resident.id);
		const elsewhere = await new Browser(env).signIn(resident.id);
		const next = uniqueEmail('nieuw.adres');
		expect((await here.get('/profiel/e-mail')).body).toContain(resident.email);

		const response = await here.post('/profiel/e-mail', { newEmail: next.toUpperCase(), currentPassword: DEMO_PASSWORD });
		expect(response.status).toBe(200);
		expect(response.body).toContain('Kijk in de mail van je nieuwe adres');
		expect(await emailOf(resident.id)).toBe(resident.email);

		const verify = await lastMail(env, next, 'email_change_verify');
		const requested = await lastMail(env, resident.email, 'email_change_requested');
		expect(verify?.body_text).toContain('/e-mail-wijzigen?token=');
		// The old address learns that a change was asked for, not where to.
		expect(requested?.body_text).not.toContain(next);
		expect(requested?.body_text).toContain(`${next[0]}•••@e•••.test`);
		const token = tokenFrom(verify!.body_text);
		const { data: stored } = await db().from('auth_tokens').select('token_hash, new_email, expires_at').eq('user_id', resident.id).eq('kind', 'change_email');
		expect(stored).toHaveLength(1);
		expect(stored![0].new_email).toBe(next);
		expect(stored![0].token_hash).not.toContain(Buffer.from(token).toString('hex'));
		expect(Date.parse(stored![0].expires_at) - Date.now()).toBeLessThanOrEqual(24 * 3600_000);

		// Opening the link (a mail scanner does) changes nothing; pressing the button does.
		expect((await here.get(`/e-mail-wijzigen?token=${token}`)).status).toBe(200);
		expect(await emailOf(resident.id)).toBe(resident.email);
		const confirm = await here.post('/e-mail-wijzigen', { token });
		expect(confirm.body).toContain('Je e-mailadres is gewijzigd');
		expect(await emailOf(resident.id)).toBe(next);
		expect((await here.get('/profiel')).status).toBe(200);
		expect((await elsewhere.get('/profiel')).status).toBe(303);

		const done = await lastMail(env, resident.email, 'email_change_done');
		expect(done?.body_text).not.toContain(next);
		expect(done?.body_text).toContain('Was jij dit niet?');

		// Both mails reach the SMTP server, as account mail (no unsubscribe).
		const arrivedNew = await smtp.waitFor(next, (m) => m.subject === verify!.subject);
		const arrivedOld = await smtp.waitFor(resident.email, (m) => m.subject === done!.subject);
		await smtp.waitFor(resident.email, (m) => m.subject === requested!.subject);
		expect(arrivedNew.headers.has('list-unsubscribe')).toBe(false);
		expect(arrivedOld.headers.has('list-unsubscribe')).toBe(false);

		// Logging in now takes the new address; the old one gets the ordinary refusal.
		expect((await new Browser(env).post('/inloggen', { email: next, password: DEMO_PASSWORD })).status).toBe(303);
		const old = await new Browser(env).post('/inloggen', { email: resident.email, password: DEMO_PASSWORD });
		expect(formError(old.body)).toBe('Het e-mailadres of het wachtwoord klopt niet.');

		// The link works once.
		const again = await here.post('/e-mail-wijzigen', { token });
		expect(again.body).toContain('Deze link werkt niet meer');
	});

	it('refuses an expired link and changes nothing', async () => {
		const resident = await newResident(env, 'Els Verlopen');
		const browser = await new Browser(env).signIn(resident.id);
		const next = uniqueEmail('verlopen');
		expect((await browser.post('/profiel/e-mail', { newEmail: next, currentPassword: DEMO_PASSWORD })).status).toBe(200);
		const token = tokenFrom((await lastMail(env, next, 'email_change_verify'))!.body_text);
		await db().from('auth_tokens').update({ expires_at: new Date(Date.now() - 1000).toISOString() }).eq('user_id', resident.id).eq('kind', 'change_email');
		const confirm = await browser.post('/e-mail-wijzigen', { token });
		expect(confirm.body).toContain('Deze link werkt niet meer');
		expect(await emailOf(resident.id)).toBe(resident.email);
		expect((await mails(resident.email)).map((m) => m.kind)).not.toContain('email_change_done');
	});

	it('a newer request withdraws the earlier link', async () => {
		const resident = await newResident(env, 'Nina Nogmaals');
		const browser = await new Browser(env).signIn(resident.id);
		const first = uniqueEmail('eerste');
		const second = uniqueEmail('tweede');
		await browser.post('/profiel/e-mail', { newEmail: first, currentPassword: DEMO_PASSWORD });
		await browser.post('/profiel/e-mail', { newEmail: second, currentPassword: DEMO_PASSWORD });
		const old = tokenFrom((await lastMail(env, first, 'email_change_verify'))!.body_text);
		expect((await browser.post('/e-mail-wijzigen', { token: old })).body).toContain('Deze link werkt niet meer');
		const current = tokenFrom((await lastMail(env, second, 'email_change_verify'))!.body_text);
		expect((await browser.post('/e-mail-wijzigen', { token: current })).body).toContain('Je e-mailadres is gewijzigd');
		expect(await emailOf(resident.id)).toBe(second);
	});

	it('answers an address that has an account exactly like a free one, and tells its owner instead', async () => {
		const resident = await newResident(env, 'Tim Bezet');
		const other = await newResident(env, 'Olga Ander');
		const browser = await new Browser(env).signIn(resident.id);
		const free = await browser.post('/profiel/e-mail', { newEmail: uniqueEmail('vrij'), currentPassword: DEMO_PASSWORD });
		const taken = await browser.post('/profiel/e-mail', { newEmail: other.email, currentPassword: DEMO_PASSWORD });
		expect(taken.status).toBe(free.status);
		expect(formError(taken.body)).toBeNull();
		expect(taken.body).toContain('Kijk in de mail van je nieuwe adres');
		// No link for the taken address exists: nobody can move onto another's address.
		const { data: open } = await db().from('auth_tokens').select('new_email').eq('user_id', resident.id).eq('kind', 'change_email').is('used_at', null);
		expect(open).toEqual([]);
		const toOther = await mails(other.email);
		expect(toOther.map((m) => m.kind)).toEqual(['email_change_taken']);
		expect(toOther[0].body_text).not.toContain(resident.email);
		expect((await mails(resident.email)).map((m) => m.kind)).toEqual(['email_change_requested', 'email_change_requested']);
		expect(await emailOf(other.id)).toBe(other.email);
		expect(await emailOf(resident.id)).toBe(resident.email);
	});

	it('refuses an invalid address, a wrong password and the same address per field, writing nothing', async () => {
		const resident = await newResident(env, 'Fien Fout');
		const browser = await new Browser(env).signIn(resident.id);
		const invalid = await browser.post('/profiel/e-mail', { newEmail: 'geen-adres', currentPassword: '' });
		expect(invalid.status).toBe(400);
		expect(fieldErrors(invalid.body).newEmail).toContain('geen geldig e-mailadres');
		expect(fieldErrors(invalid.body).currentPassword).toBe('Vul dit in.');
		expect(invalid.body).toContain('value="geen-adres"');
		const wrong = await browser.post('/profiel/e-mail', { newEmail: uniqueEmail('fout'), currentPassword: 'niet mijn wachtwoord' });
		expect(wrong.status).toBe(400);
		expect(fieldErrors(wrong.body).currentPassword).toBe('Dit is niet je huidige wachtwoord.');
		const same = await browser.post('/profiel/e-mail', { newEmail: resident.email, currentPassword: DEMO_PASSWORD });
		expect(same.status).toBe(400);
		expect(fieldErrors(same.body).newEmail).toBe('Dit is al je e-mailadres.');
		const english = await new Browser(env, undefined, 'en').signIn(resident.id);
		expect(fieldErrors((await english.post('/profiel/e-mail', { newEmail: resident.email, currentPassword: DEMO_PASSWORD })).body).newEmail).toBe('This already is your e-mail address.');
		expect(await mails(resident.email)).toEqual([]);
		expect((await db().from('auth_tokens').select('kind').eq('user_id', resident.id)).data).toEqual([]);
		// Only a logged-in person reaches the form.
		expect((await new Browser(env).post('/profiel/e-mail', { newEmail: uniqueEmail(), currentPassword: DEMO_PASSWORD })).status).toBe(303);
	});
});

const SENT = 'Als dit adres een account heeft, staat er nu een mail met een code voor je klaar';
const INVALID = 'Deze code klopt niet of werkt niet meer.';

async function newestMailId(to: string): Promise<number> {
	const { data } = await db().from('email_outbox').select('id').eq('to_address', to).order('id', { ascending: false }).limit(1).maybeSingle();
	return data?.id ?? 0;
}

/** Asks for a code and waits for its mail (written after the answer), newer than any before. */
async function askCode(browser: Browser, email: string, query = '') {
	const before = await newestMailId(email);
	const response = await browser.post(`/inloggen/code?/send${query}`, { email });
	expect(response.status).toBe(200);
	expect(response.body).toContain(SENT);
	const deadline = Date.now() + 5000;
	for (;;) {
		const { data: mail } = await db().from('email_outbox').select('subject, body_text').eq('to_address', email).eq('kind', 'login_code').gt('id', before).order('id', { ascending: false }).limit(1).maybeSingle();
		if (mail) return { mail, code: /(\d{6})/.exec(mail.subject)![1], token: tokenFrom(mail.body_text) };
		if (Date.now() > deadline) throw new Error(`no log-in code mail to ${email}`);
		await new Promise((resolve) => setTimeout(resolve, 50));
	}
}

describe('logging in with a code', () => {
	it('the mailed code logs in once, back where the person came from, stored only as a keyed hash', async () => {
		const resident = await newResident(env, 'Cor Code');
		const browser = new Browser(env);
		const { mail, code } = await askCode(browser, resident.email, '&redirectTo=%2Fgroepen');
		expect(mail.body_text).toContain(code);
		const { data: rows } = await db().from('auth_tokens').select('code_hash, expires_at').eq('user_id', resident.id).eq('kind', 'login_code');
		expect(rows).toHaveLength(1);
		expect(rows![0].code_hash).not.toContain(Buffer.from(code).toString('hex'));
		expect(Date.parse(rows![0].expires_at) - Date.now()).toBeLessThanOrEqual(15 * 60_000);

		const login = await browser.post('/inloggen/code?/verify&redirectTo=%2Fgroepen', { email: resident.email, code: `${code.slice(0, 3)} ${code.slice(3)}` });
		expect(login.status).toBe(303);
		expect(login.location).toBe('/groepen');
		expect(login.cookie).toMatch(/HttpOnly/);
		expect((await browser.get('/profiel')).body).toContain('Cor Code');

		const again = await new Browser(env).post('/inloggen/code?/verify', { email: resident.email, code });
		expect(again.status).toBe(400);
		expect(fieldErrors(again.body).code).toContain(INVALID);
		// The mail arrives, as account mail.
		const arrived = await smtp.waitFor(resident.email, (m) => m.subject === mail.subject);
		expect(arrived.headers.has('list-unsubscribe')).toBe(false);
	});

	it('counts wrong codes and after three the code is dead, even the right one', async () => {
		const resident = await newResident(env, 'Raad Maar');
		const browser = new Browser(env);
		const { code } = await askCode(browser, resident.email);
		const wrong = code === '000000' ? '111111' : '000000';
		for (let i = 1; i <= 3; i += 1) {
			const response = await browser.post('/inloggen/code?/verify', { email: resident.email, code: wrong });
			expect(response.status).toBe(400);
			expect(fieldErrors(response.body).code).toContain(INVALID);
			// The address typed survives the error.
			expect(response.body).toContain(`value="${resident.email}"`);
			const { data } = await db().from('auth_tokens').select('attempts, used_at').eq('user_id', resident.id).eq('kind', 'login_code').single();
			expect(data?.attempts).toBe(i);
			expect(data?.used_at === null).toBe(i < 3);
		}
		const right = await browser.post('/inloggen/code?/verify', { email: resident.email, code });
		expect(right.status).toBe(400);
		expect(browser.sessionToken).toBeUndefined();
	});

	it('refuses an expired code, and a new code replaces the one before', async () => {
		const resident = await newResident(env, 'Oud Code');
		const browser = new Browser(env);
		const first = await askCode(browser, resident.email);
		await db().from('auth_tokens').update({ expires_at: new Date(Date.now() - 1000).toISOString() }).eq('user_id', resident.id).eq('kind', 'login_code');
		expect((await browser.post('/inloggen/code?/verify', { email: resident.email, code: first.code })).status).toBe(400);
		const second = await askCode(browser, resident.email);
		const third = await askCode(browser, resident.email);
		if (second.code !== third.code) expect((await browser.post('/inloggen/code?/verify', { email: resident.email, code: second.code })).status).toBe(400);
		expect((await browser.post('/inloggen/code?/verify', { email: resident.email, code: third.code })).status).toBe(303);
	});

	it('the link asks for a press of the button first, then logs in once', async () => {
		const resident = await newResident(env, 'Lien Link');
		const { token, mail } = await askCode(new Browser(env), resident.email, '&redirectTo=%2Finitiatieven');
		expect(mail.body_text).toContain('redirectTo=%2Finitiatieven');
		const browser = new Browser(env);
		const page = await browser.get(`/inloggen/code?token=${token}&redirectTo=%2Finitiatieven`);
		expect(page.status).toBe(200);
		expect(page.cookie).toBeNull();
		const { data } = await db().from('auth_tokens').select('used_at').eq('user_id', resident.id).eq('kind', 'login_code').single();
		expect(data?.used_at).toBeNull();
		const login = await browser.post('/inloggen/code?/link&redirectTo=%2Finitiatieven', { token });
		expect(login.status).toBe(303);
		expect(login.location).toBe('/initiatieven');
		const again = await new Browser(env).post('/inloggen/code?/link', { token });
		expect(again.status).toBe(400);
		expect(again.body).toContain('Deze link werkt niet meer');
		// A link never leads off the site.
		const evil = await askCode(new Browser(env), resident.email, '&redirectTo=%2F%2Fevil.example');
		expect((await new Browser(env).post('/inloggen/code?/link&redirectTo=%2F%2Fevil.example', { token: evil.token })).location).toBe('/');
	});

	it('answers an unknown address exactly like a known one and writes nothing for it', async () => {
		const unknown = uniqueEmail('niemand');
		const known = await newResident(env, 'Kees Bekend');
		const a = await new Browser(env).post('/inloggen/code?/send', { email: unknown });
		const b = await new Browser(env).post('/inloggen/code?/send', { email: known.email });
		expect(a.status).toBe(200);
		expect(b.status).toBe(200);
		const same = (html: string, email: string) => html.replaceAll(email, "X").replace(/nonce="[^"]*"/g, "");
		expect(same(a.body, unknown)).toBe(same(b.body, known.email));
		await lastMail(env, known.email, 'login_code');
		expect(await mails(unknown)).toEqual([]);
		const guess = await new Browser(env).post('/inloggen/code?/verify', { email: unknown, code: '123456' });
		expect(guess.status).toBe(400);
		expect(fieldErrors(guess.body).code).toContain(INVALID);
	});

	it('refuses bad input per field, keeping the address typed', async () => {
		const browser = new Browser(env);
		const bad = await browser.post('/inloggen/code?/send', { email: 'geen-adres' });
		expect(bad.status).toBe(400);
		expect(fieldErrors(bad.body).email).toContain('geen geldig e-mailadres');
		expect(bad.body).toContain('value="geen-adres"');
		const letters = await browser.post('/inloggen/code?/verify', { email: 'iemand@example.test', code: 'abc' });
		expect(letters.status).toBe(400);
		expect(fieldErrors(letters.body).code).toBe('Vul de zes cijfers uit de mail in.');
		expect(letters.body).toContain('value="iemand@example.test"');
	});

	it('limits codes per address and per client address with 429 and Retry-After', async () => {
		const email = uniqueEmail('veel.codes');
		for (let i = 0; i < 3; i += 1) expect((await new Browser(env).post('/inloggen/code?/send', { email })).status).toBe(200);
		const perAccount = await new Browser(env).post('/inloggen/code?/send', { email });
		expect(perAccount.status).toBe(429);
		expect(Number(perAccount.headers.get('retry-after'))).toBeGreaterThan(0);

		const browser = new Browser(env);
		for (let i = 0; i < 10; i += 1) expect((await browser.post('/inloggen/code?/send', { email: uniqueEmail('ip') })).status).toBe(200);
		const perClient = await browser.post('/inloggen/code?/send', { email: uniqueEmail('ip') });
		expect(perClient.status).toBe(429);

		// Typing codes counts as log-in attempts: five per account, like a password.
		const target = uniqueEmail('doelwit.code');
		for (let i = 0; i < 5; i += 1) expect((await new Browser(env).post('/inloggen/code?/verify', { email: target, code: '123456' })).status).toBe(400);
		expect((await new Browser(env).post('/inloggen/code?/verify', { email: target, code: '123456' })).status).toBe(429);
	});

	it('does not log in a blocked account', async () => {
		const resident = await newResident(env, 'Bo Blok');
		const { code } = await askCode(new Browser(env), resident.email);
		await db().from('users').update({ blocked_at: new Date().toISOString() }).eq('id', resident.id);
		expect((await new Browser(env).post('/inloggen/code?/verify', { email: resident.email, code })).status).toBe(400);
	});
});

describe('account mail', () => {
	it('every new kind is sent even to an address that unsubscribed from it, without unsubscribe headers', async () => {
		const address = uniqueEmail('afgemeld');
		const kinds = ['email_change_verify', 'email_change_requested', 'email_change_taken', 'email_change_done', 'login_code'];
		// The app's list and the database's (app.is_account_mail, read by begin_mail) agree.
		for (const kind of kinds) expect(ACCOUNT_KINDS.has(kind)).toBe(true);
		await db().from('email_suppressions').insert(kinds.map((kind) => ({ address, kind })));
		const tag = randomBytes(3).toString('hex');
		await db().from('email_outbox').insert(kinds.map((kind) => ({ to_address: address, kind, subject: `${kind} ${tag}`, body_text: 'Hallo' })));
		for (const kind of kinds) {
			const mail = await smtp.waitFor(address, (m) => m.subject === `${kind} ${tag}`);
			expect(mail.headers.has('list-unsubscribe')).toBe(false);
		}
		const { data } = await db().from('email_outbox').select('suppressed_at').eq('to_address', address);
		expect(data!.every((row) => row.suppressed_at === null)).toBe(true);
	});
});
