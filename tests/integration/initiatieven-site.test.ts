// The initiatieven pages through the built site, as a browser without JavaScript: bad input gets a
// 400 with a Dutch message per field and writes nothing; pages refuse what RLS refuses.
import { describe, expect, inject, it } from 'vitest';
import { asUser, Browser, demo, fieldErrors, formError, service } from '../support/clients.ts';
import { createInitiatief, published } from '../support/initiatieven.ts';
import { allReportPages } from '../support/werkplek.ts';

const env = inject('env');

// One logged-in browser per account for the whole file: logging in again and again would trip the
// per-account login rate limit that the auth tests check.
const sessions = new Map<string, Promise<Browser>>();
function loggedIn(email: string): Promise<Browser> {
	if (!sessions.has(email)) sessions.set(email, (async () => {
		const browser = new Browser(env);
		await browser.login(email);
		return browser;
	})());
	return sessions.get(email)!;
}

async function countBy(author: string) {
	const { count } = await service(env).from('initiatieven').select('id', { count: 'exact', head: true }).eq('author_id', author);
	return count ?? 0;
}

const good = {
	title: 'Buurtbibliotheek in een kast',
	body: 'We zetten een boekenkast bij de ingang van de flat, waar iedereen boeken kan ruilen.',
	themes: ['sociale_cohesie'],
	buurtCode: 'BU01930602',
	needs: ['materialen'],
	materials: 'Een oude boekenkast',
	intent: 'indienen'
};

describe('proposing through the site', () => {
	it('saves a valid initiative as submitted and shows it in "Mijn initiatieven"', async () => {
		const browser = await loggedIn('bram@buurtplein.test');
		const response = await browser.post('/initiatieven/nieuw', good);
		expect(response.status).toBe(303);
		expect(response.location).toMatch(/^\/mijn-initiatieven\?ingediend=/);
		const page = await browser.get(response.location!);
		expect(page.body).toContain('Buurtbibliotheek in een kast');
		expect(page.body).toContain('Ingediend, wacht op een opbouwwerker');
	});

	it('answers missing, malformed and hostile input with a 400 and a Dutch message per field, and saves nothing', async () => {
		const browser = await loggedIn('anna@buurtplein.test');
		const before = await countBy(demo.anna);
		const response = await browser.post('/initiatieven/nieuw', {
			title: '<script>alert(1)</script>',
			body: 'te kort',
			themes: ['reclame'],
			buurtCode: 'BU9999',
			lat: '48.85',
			lng: '2.35',
			handsCount: '2.5',
			moneyAmount: '-10',
			startsOn: '2026-13-45',
			needs: ['handen', 'geld']
		});
		expect(response.status).toBe(400);
		const errors = fieldErrors(response.body);
		expect(errors).toMatchObject({
			title: expect.stringContaining('Gebruik geen HTML-code'),
			body: 'Dit is te kort: minstens 20 tekens.',
			themes: 'Kies uit de lijst.',
			buurtCode: 'Kies je buurt uit de lijst.',
			address: expect.stringContaining('niet in Nederland'),
			handsCount: 'Vul een heel getal in van 0 tot 1000.',
			moneyAmount: 'Vul een bedrag in van 0 tot 1.000.000 euro.',
			startsOn: 'Dit is geen geldige datum.'
		});
		// What was typed stays in the form.
		expect(response.body).toContain('value="48.85"');
		expect(await countBy(demo.anna)).toBe(before);

		const empty = await browser.post('/initiatieven/nieuw', {});
		expect(empty.status).toBe(400);
		expect(fieldErrors(empty.body)).toMatchObject({ title: 'Vul dit in.', body: 'Vul dit in.', themes: 'Kies minstens één thema.' });

		const huge = await browser.post('/initiatieven/nieuw', `title=${'a'.repeat(70_000)}`);
		expect(huge.status).toBe(400);
		expect(formError(huge.body)).toContain('te groot');
		expect(await countBy(demo.anna)).toBe(before);
	});

	it('refuses to edit someone else\'s concept', async () => {
		const id = await createInitiatief(await asUser(env, demo.anna));
		const bram = await loggedIn('bram@buurtplein.test');
		expect((await bram.get(`/initiatieven/${id}/bewerken`)).status).toBe(404);
		// The database refuses the write; the page then answers as for any initiative Bram cannot see.
		const response = await bram.post(`/initiatieven/${id}/bewerken`, { ...good, title: 'Van Bram nu' });
		expect(response.status).toBe(404);
		const { data } = await service(env).from('initiatieven').select('title, status').eq('id', id).single();
		expect(data).toEqual({ title: 'Samen bloembakken maken', status: 'concept' });
	});
});

describe('pages and access', () => {
	it('a visitor is sent to log in before proposing, and gets a 404 for a concept', async () => {
		const visitor = new Browser(env);
		const response = await visitor.get('/initiatieven/nieuw');
		expect(response.status).toBe(303);
		expect(response.location).toBe('/inloggen?redirectTo=%2Finitiatieven%2Fnieuw');
		const id = await createInitiatief(await asUser(env, demo.anna));
		expect((await visitor.get(`/initiatieven/${id}`)).status).toBe(404);
		expect((await visitor.get('/initiatieven/niet-een-id')).status).toBe(404);
	});

	it('a visitor reads a published initiative with its updates, but not the coaching log or who joined', async () => {
		const page = await new Browser(env).get('/initiatieven/10000000-0000-4000-8000-000000000001');
		expect(page.status).toBe(200);
		expect(page.body).toContain('Moestuin achter de flat');
		expect(page.body).toContain('De gemeente heeft toestemming gegeven');
		expect(page.body).not.toContain('subsidieaanvraag');
		expect(page.body).not.toContain('06 23456789');
	});

	it('the worker of the wijk sees the coaching log and the joiners; a worker of another wijk does not', async () => {
		const sanne = await loggedIn('werker.zwolle@buurtplein.test');
		const own = await sanne.get('/initiatieven/10000000-0000-4000-8000-000000000001');
		expect(own.body).toContain('subsidieaanvraag');
		expect(own.body).toContain('06 23456789');
		const kees = await loggedIn('werker.almere@buurtplein.test');
		const other = await kees.get('/initiatieven/10000000-0000-4000-8000-000000000001');
		expect(other.status).toBe(200);
		expect(other.body).not.toContain('subsidieaanvraag');
		expect(other.body).not.toContain('06 23456789');
		expect(other.body).not.toContain('Voor de opbouwwerker');
	});

	it('a resident gets a 403 at /werkplek; a worker sees submitted initiatives and reports of their wijken only', async () => {
		const anna = await loggedIn('anna@buurtplein.test');
		expect((await anna.get('/werkplek')).status).toBe(403);
		const id = await published(await asUser(env, demo.anna), await asUser(env, demo.workerZwolle), { p_title: 'Pleintje vegen met z\'n allen' });
		const chantal = await loggedIn('chantal@buurtplein.test');
		const reported = await chantal.post(`/initiatieven/${id}?/report`, { subjectType: 'initiatief', subjectId: id, reason: 'spam', details: 'Reclame voor een bedrijf' });
		expect(reported.status).toBe(200);
		const sanne = await loggedIn('werker.zwolle@buurtplein.test');
		const queue = await sanne.get('/werkplek');
		expect(queue.body).toContain('Koffieochtend voor ouderen');
		expect(await allReportPages(sanne)).toContain('Reclame voor een bedrijf');
		expect(await allReportPages(sanne)).toContain(`href="/initiatieven/${id}"`);
		const kees = await loggedIn('werker.almere@buurtplein.test');
		const other = await kees.get('/werkplek');
		expect(other.body).not.toContain('Koffieochtend voor ouderen');
		expect(await allReportPages(kees)).not.toContain('Reclame voor een bedrijf');
	});

	it('a report without a reason gets a message; the same report twice is refused kindly', async () => {
		const chantal = await loggedIn('chantal@buurtplein.test');
		const id = '10000000-0000-4000-8000-000000000001';
		const missing = await chantal.post(`/initiatieven/${id}?/report`, { subjectType: 'initiatief', subjectId: id, reason: '' });
		expect(missing.status).toBe(400);
		expect(missing.body).toContain('Kies een reden uit de lijst.');
		expect((await chantal.post(`/initiatieven/${id}?/report`, { subjectType: 'initiatief', subjectId: id, reason: 'ongepast' })).status).toBe(200);
		const twice = await chantal.post(`/initiatieven/${id}?/report`, { subjectType: 'initiatief', subjectId: id, reason: 'ongepast' });
		expect(twice.status).toBe(400);
		expect(twice.body).toContain('Je hebt dit al gemeld.');
	});

	it('the list finds an initiative by a Dutch word form and pages through results', async () => {
		const page = await new Browser(env).get('/initiatieven?q=moestuinen');
		expect(page.body).toContain('Moestuin achter de flat');
		expect(page.body).not.toContain('Zwerfafval prikken');
		const filtered = await new Browser(env).get('/initiatieven?thema=leefbaarheid&gemeente=GM0193&wijk=WK019309');
		expect(filtered.body).toContain('Zwerfafval prikken');
		expect(filtered.body).not.toContain('Moestuin achter de flat');
		const past = await new Browser(env).get('/initiatieven?pagina=999');
		expect(past.status).toBe(200);
		const junk = await new Browser(env).get('/initiatieven?thema=%3Cx%3E&pagina=-4&q=' + encodeURIComponent("'); drop table x; --"));
		expect(junk.status).toBe(200);
	});
});
