// Every auth flow, through the site as a browser without JavaScript uses it, with what lands in the
// database checked through PostgREST.
import { describe, expect, inject, it } from 'vitest';
import { anon, asUser, Browser, demo, DEMO_PASSWORD, fieldErrors, formError, lastMail, service, tokenFrom, uniqueEmail } from '../support/clients.ts';

const env = inject('env');
const db = () => service(env);

async function register(browser: Browser, email: string, extra: Record<string, string> = {}) {
	return browser.post('/registreren', {
		displayName: 'Test Bewoner',
		email,
		password: 'een lang wachtwoord',
		buurtCode: 'BU01930601',
		huisregels: 'on',
		...extra
	});
}

async function userCount() {
	const { count } = await db().from('users').select('id', { count: 'exact', head: true });
	return count ?? 0;
}

describe('registration', () => {
	it('creates the account, profile and private profile, and mails a verification link that works', async () => {
		const browser = new Browser(env);
		const email = uniqueEmail('nieuw');
		const response = await register(browser, email);
		expect(response.status).toBe(303);
		expect(response.location).toBe('/inloggen?aangemeld=1');

		const { data: user } = await db().from('users').select('id, email_verified_at, profiles(display_name, role), profile_private(phone)').eq('email', email).single();
		expect(user?.email_verified_at).toBeNull();
		expect(user?.profiles).toMatchObject({ display_name: 'Test Bewoner', role: 'bewoner' });
		expect(user?.profile_private).toMatchObject({ phone: '' });

		const mail = await lastMail(env, email);
		expect(mail?.kind).toBe('verify_email');
		const token = tokenFrom(mail!.body_text);
		// Opening the link does not use the token; pressing the button does, once.
		expect((await browser.get(`/e-mail-bevestigen?token=${token}`)).status).toBe(200);
		const confirm = await browser.post('/e-mail-bevestigen', { token });
		expect(confirm.body).toContain('Je e-mailadres is bevestigd');
		const { data: verified } = await db().from('users').select('email_verified_at').eq('email', email).single();
		expect(verified?.email_verified_at).not.toBeNull();
		const again = await browser.post('/e-mail-bevestigen', { token });
		expect(again.body).toContain('Deze link werkt niet meer');
	});

	it('answers an address that already has an account exactly like a new one, and tells its owner', async () => {
		const before = await userCount();
		const response = await register(new Browser(env), 'anna@buurtplein.test');
		expect(response.status).toBe(303);
		expect(response.location).toBe('/inloggen?aangemeld=1');
		expect(await userCount()).toBe(before);
		expect((await lastMail(env, 'anna@buurtplein.test'))?.kind).toBe('register_existing');
	});

	it('refuses missing, malformed and hostile input with a message per field and writes nothing', async () => {
		const before = await userCount();
		const browser = new Browser(env);
		const response = await browser.post('/registreren', {
			displayName: '<script>alert(1)</script>',
			email: 'geen-adres',
			password: 'kort',
			buurtCode: "BU1'; drop table users; --"
		});
		expect(response.status).toBe(400);
		const errors = fieldErrors(response.body);
		expect(errors.displayName).toBe('Gebruik geen HTML-code (tekens als &lt; en >).');
		expect(errors.email).toContain('geen geldig e-mailadres');
		expect(errors.password).toContain('minstens 10 tekens');
		expect(errors.buurtCode).toBe('Kies je buurt uit de lijst.');
		// What was typed comes back, except the password.
		expect(response.body).toContain('value="geen-adres"');
		expect(await userCount()).toBe(before);

		const empty = await browser.post('/registreren', {});
		expect(empty.status).toBe(400);
		expect(Object.keys(fieldErrors(empty.body)).sort()).toEqual(['buurtCode', 'displayName', 'email', 'huisregels', 'password']);

		const controls = await register(browser, uniqueEmail(), { displayName: 'Anna\u202Egnp.exe' });
		expect(controls.status).toBe(400);
		expect(fieldErrors(controls.body).displayName).toContain('onzichtbare of speciale tekens');
		expect(await userCount()).toBe(before);
	});

	it('refuses an unknown buurt that has the right format, without a half-made account', async () => {
		const before = await userCount();
		const response = await register(new Browser(env), uniqueEmail(), { buurtCode: 'BU99999999' });
		expect(response.status).toBe(400);
		expect(fieldErrors(response.body).buurtCode).toBe('Kies je buurt uit de lijst.');
		expect(await userCount()).toBe(before);
		// The same answer for a known address: the form must not tell which addresses have accounts.
		const known = await register(new Browser(env), 'anna@buurtplein.test', { buurtCode: 'BU99999999' });
		expect(known.status).toBe(400);
		expect(fieldErrors(known.body).buurtCode).toBe('Kies je buurt uit de lijst.');
	});

	it('refuses an oversized form with a clear message', async () => {
		const response = await new Browser(env).post('/registreren', `displayName=${'a'.repeat(200_000)}`);
		expect(response.status).toBe(400);
		expect(formError(response.body)).toContain('te groot');
	});

	it('answers in English when English is chosen', async () => {
		const response = await new Browser(env, undefined, 'en').post('/registreren', { email: 'nope' });
		expect(response.status).toBe(400);
		expect(fieldErrors(response.body).email).toContain('not a valid e-mail address');
		expect(response.body).toContain('<html lang="en"');
	});

	it('limits registrations per e-mail address, whatever the client address', async () => {
		const email = uniqueEmail('herhaald');
		for (let i = 0; i < 3; i++) expect((await register(new Browser(env), email)).status).toBe(303);
		const limited = await register(new Browser(env), email);
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
	});

	it('limits registrations per client address with 429 and Retry-After', async () => {
		const browser = new Browser(env);
		for (let i = 0; i < 10; i++) expect((await browser.post('/registreren', {})).status).toBe(400);
		const limited = await browser.post('/registreren', {});
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
	});
});

describe('log-in and sessions', () => {
	it('logs in with a session cookie that is HttpOnly and SameSite=Lax, storing only a hash', async () => {
		const browser = new Browser(env);
		const response = await browser.login('bram@buurtplein.test');
		expect(response.location).toBe('/');
		expect(response.cookie).toMatch(/HttpOnly/);
		expect(response.cookie).toMatch(/SameSite=Lax/);
		const [id, secret] = browser.sessionToken!.split('.');
		expect(secret.length).toBeGreaterThanOrEqual(43); // 32 random bytes
		const { data } = await db().from('sessions').select('secret_hash').eq('id', id).single();
		expect(data?.secret_hash).not.toContain(secret);
		expect((await browser.get('/profiel')).body).toContain('Bram Jansen');
	});

	it('the session lookup (session_lookup) is for the service role alone: visitors, residents and workers cannot read sessions through it', async () => {
		const anna = await new Browser(env).signIn(demo.anna);
		const [id] = anna.sessionToken!.split('.');
		for (const client of [anon(env), await asUser(env, demo.bram), await asUser(env, demo.workerZwolle)]) {
			const { data, error } = await client.rpc('session_lookup', { p_id: id });
			expect(data).toBeNull();
			expect(error?.code).toBe('42501');
		}
		const { data } = await db().rpc('session_lookup', { p_id: id }).single();
		expect(data).toMatchObject({ id, user_id: demo.anna, display_name: 'Anna de Vries' });
	});

	it('gives one message for a wrong password and for an unknown address', async () => {
		const wrong = await new Browser(env).post('/inloggen', { email: 'chantal@buurtplein.test', password: 'niet het wachtwoord' });
		const unknown = await new Browser(env).post('/inloggen', { email: uniqueEmail('onbekend'), password: 'niet het wachtwoord' });
		expect(wrong.status).toBe(400);
		expect(unknown.status).toBe(400);
		expect(formError(wrong.body)).toBe('Het e-mailadres of het wachtwoord klopt niet.');
		expect(formError(unknown.body)).toBe(formError(wrong.body));
	});

	it('refuses a forged or tampered session cookie', async () => {
		const browser = new Browser(env);
		await browser.login('bram@buurtplein.test');
		const [id] = browser.sessionToken!.split('.');
		browser.cookies.set('session', `${id}.${'A'.repeat(43)}`);
		const response = await browser.get('/profiel');
		expect(response.status).toBe(303);
		expect(response.location).toContain('/inloggen');
	});

	it('limits log-in attempts per account with 429 and Retry-After, whatever the address', async () => {
		const email = uniqueEmail('doelwit');
		for (let i = 0; i < 5; i++) {
			expect((await new Browser(env).post('/inloggen', { email, password: 'raden raden' })).status).toBe(400);
		}
		const limited = await new Browser(env).post('/inloggen', { email, password: 'raden raden' });
		expect(limited.status).toBe(429);
		expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
		expect(limited.body).toContain('te veel pogingen');
	});

	it('logs out with a POST, which ends the session in the database', async () => {
		const browser = new Browser(env);
		await browser.login('chantal@buurtplein.test');
		const [id] = browser.sessionToken!.split('.');
		const response = await browser.post('/uitloggen', {});
		expect(response.status).toBe(303);
		expect(browser.sessionToken).toBeUndefined();
		const { data } = await db().from('sessions').select('id').eq('id', id);
		expect(data).toEqual([]);
	});

	it('logs out everywhere', async () => {
		const laptop = new Browser(env);
		const phone = new Browser(env);
		await laptop.login('emre@buurtplein.test');
		await phone.login('emre@buurtplein.test');
		expect((await phone.get('/profiel/sessies')).body).toContain('dit apparaat');
		const unconfirmed = await phone.post('/profiel/sessies?/everywhere', {});
		expect(unconfirmed.status).toBe(400);
		expect(fieldErrors(unconfirmed.body).confirm).toBe('Zet eerst een vinkje om te bevestigen.');
		expect((await laptop.get('/profiel')).status).toBe(200);
		await phone.post('/profiel/sessies?/everywhere', { confirm: 'ja' });
		expect((await laptop.get('/profiel')).status).toBe(303);
		expect((await phone.get('/profiel')).status).toBe(303);
	});

	it('refuses a cross-site form post', async () => {
		const browser = new Browser(env);
		await browser.login('bram@buurtplein.test');
		const response = await browser.post('/profiel?/save', { displayName: 'Gekaapt', buurtCode: 'BU01930601' }, 'http://evil.example');
		expect(response.status).toBe(403);
		const { data } = await db().from('profiles').select('display_name').eq('id', '00000000-0000-4000-8000-000000000012').single();
		expect(data?.display_name).toBe('Bram Jansen');
	});
});

describe('passwords', () => {
	it('changing the password ends the other sessions and keeps this one', async () => {
		const email = uniqueEmail('wissel');
		const here = new Browser(env);
		await register(here, email);
		await here.login(email, 'een lang wachtwoord');
		const elsewhere = new Browser(env);
		await elsewhere.login(email, 'een lang wachtwoord');

		const wrong = await here.post('/profiel/wachtwoord', { currentPassword: 'fout fout fout', password: 'nog een lang wachtwoord', passwordRepeat: 'nog een lang wachtwoord' });
		expect(wrong.status).toBe(400);
		expect(fieldErrors(wrong.body).currentPassword).toBe('Dit is niet je huidige wachtwoord.');

		const differ = await here.post('/profiel/wachtwoord', { currentPassword: 'een lang wachtwoord', password: 'nog een lang wachtwoord', passwordRepeat: 'iets anders helemaal' });
		expect(fieldErrors(differ.body).passwordRepeat).toBe('De twee wachtwoorden zijn niet gelijk.');

		const ok = await here.post('/profiel/wachtwoord', { currentPassword: 'een lang wachtwoord', password: 'nog een lang wachtwoord', passwordRepeat: 'nog een lang wachtwoord' });
		expect(ok.status).toBe(200);
		expect(ok.body).toContain('Je wachtwoord is veranderd');
		expect((await here.get('/profiel')).status).toBe(200);
		expect((await elsewhere.get('/profiel')).status).toBe(303);
		await new Browser(env).login(email, 'nog een lang wachtwoord');
	});

	it('resets a forgotten password through the mailed link, once, ending every session', async () => {
		const email = uniqueEmail('vergeten');
		const browser = new Browser(env);
		await register(browser, email);
		const loggedIn = new Browser(env);
		await loggedIn.login(email, 'een lang wachtwoord');

		const unknown = await new Browser(env).post('/wachtwoord-vergeten', { email: uniqueEmail('niemand') });
		const known = await browser.post('/wachtwoord-vergeten', { email });
		expect(unknown.status).toBe(200);
		expect(known.status).toBe(200);
		const sent = 'Als dit adres een account heeft';
		expect(unknown.body).toContain(sent);
		expect(known.body).toContain(sent);

		const mail = await lastMail(env, email, 'reset_password');
		expect(mail?.kind).toBe('reset_password');
		const token = tokenFrom(mail!.body_text);
		const reset = await browser.post(`/wachtwoord-herstellen?token=${token}`, { token, password: 'een nieuw wachtwoord', passwordRepeat: 'een nieuw wachtwoord' });
		expect(reset.status).toBe(303);
		expect(reset.location).toBe('/inloggen?hersteld=1');
		expect((await loggedIn.get('/profiel')).status).toBe(303);
		await new Browser(env).login(email, 'een nieuw wachtwoord');

		const reuse = await browser.post(`/wachtwoord-herstellen?token=${token}`, { token, password: 'weer een wachtwoord', passwordRepeat: 'weer een wachtwoord' });
		expect(reuse.status).toBe(400);
		expect(formError(reuse.body)).toContain('Deze link werkt niet meer');
	});

	it('limits reset requests per account', async () => {
		for (let i = 0; i < 3; i++) expect((await new Browser(env).post('/wachtwoord-vergeten', { email: 'fatima@buurtplein.test' })).status).toBe(200);
		expect((await new Browser(env).post('/wachtwoord-vergeten', { email: 'fatima@buurtplein.test' })).status).toBe(429);
	});
});

describe('profile', () => {
	it('saves the profile and the private phone number together', async () => {
		const browser = new Browser(env);
		await browser.login('chantal@buurtplein.test');
		const response = await browser.post('/profiel?/save', {
			displayName: 'Chantal B.',
			buurtCode: 'BU01930902',
			interests: ['muziek', 'natuur'],
			talents: ['talen'],
			availability: ['ma-avond', 'za-ochtend'],
			about: 'Ik zing in een koor.\nEn ik wandel graag.',
			phone: '06 11112222'
		});
		expect(response.status).toBe(200);
		expect(response.body).toContain('Je profiel is opgeslagen');
		const chantal = '00000000-0000-4000-8000-000000000013';
		const { data: profile } = await db().from('profiles').select('display_name, buurt_code, interests, talents, availability, about').eq('id', chantal).single();
		expect(profile).toEqual({
			display_name: 'Chantal B.',
			buurt_code: 'BU01930902',
			interests: ['muziek', 'natuur'],
			talents: ['talen'],
			availability: ['ma-avond', 'za-ochtend'],
			about: 'Ik zing in een koor.\nEn ik wandel graag.'
		});
		const { data: contact } = await db().from('profile_private').select('phone').eq('user_id', chantal).single();
		expect(contact?.phone).toBe('06 11112222');
	});

	it('refuses bad profile input per field and keeps what was stored', async () => {
		const browser = new Browser(env);
		await browser.login('chantal@buurtplein.test');
		const before = await db().from('profiles').select('display_name, interests').eq('id', '00000000-0000-4000-8000-000000000013').single();
		const response = await browser.post('/profiel?/save', {
			displayName: 'Chantal',
			buurtCode: 'BU01930902',
			interests: ['muziek', 'hacken'],
			availability: ['ma-nacht'],
			about: 'x'.repeat(1001),
			phone: 'bel me maar'
		});
		expect(response.status).toBe(400);
		const errors = fieldErrors(response.body);
		expect(errors.interests).toBe('Kies uit de lijst.');
		expect(errors.availability).toBe('Kies uit de lijst.');
		expect(errors.about).toBe('Dit is te lang: maximaal 1000 tekens.');
		expect(errors.phone).toContain('geen geldig telefoonnummer');
		const after = await db().from('profiles').select('display_name, interests').eq('id', '00000000-0000-4000-8000-000000000013').single();
		expect(after.data).toEqual(before.data);
	});
});

describe('a blocked account', () => {
	it('is logged out at once and cannot log in, with the same message as a wrong password', async () => {
		const email = uniqueEmail('geblokkeerd');
		const browser = new Browser(env);
		await register(browser, email, { displayName: 'Gerrit Geblokkeerd' });
		await browser.login(email, 'een lang wachtwoord');
		const { data: user } = await db().from('users').select('id').eq('email', email).single();

		const coordinator = new Browser(env);
		await coordinator.login('coordinator.zwolle@buurtplein.test');
		// The coordinator searched for Gerrit; a failed form comes back to that same list, error beside the form.
		const noReason = await coordinator.post('/coordinator/werkers?/block&q=Gerrit', { userId: user!.id, reason: '' });
		expect(noReason.status).toBe(400);
		expect(fieldErrors(noReason.body)[`reason-${user!.id}`]).toBe('Vul dit in.');
		// Posted from another page of the list, the error shows above it instead of getting lost.
		const elsewhere = await coordinator.post('/coordinator/werkers?/block&q=Anna', { userId: user!.id, reason: '' });
		expect(formError(elsewhere.body)).toBe('Vul dit in.');
		const blocked = await coordinator.post('/coordinator/werkers?/block&q=Gerrit', { userId: user!.id, reason: 'Stuurt buren steeds spam' });
		expect(blocked.status).toBe(200);
		expect(blocked.body).toContain('Het account is geblokkeerd.');
		expect(blocked.body).toContain('Gerrit Geblokkeerd');

		expect((await browser.get('/profiel')).status).toBe(303);
		const again = await new Browser(env).post('/inloggen', { email, password: 'een lang wachtwoord' });
		expect(again.status).toBe(400);
		expect(formError(again.body)).toBe('Het e-mailadres of het wachtwoord klopt niet.');
	});
});
