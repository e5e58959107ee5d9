// The groups pages through the built site, as a browser without JavaScript: finding groups (filters,
// Dutch full-text search, paging), what a visitor is told about joining, every form's 400 with a
// message per field (Dutch, or English when chosen) that writes nothing, the database's refusals as
// messages, the calendar feeds, and pages that refuse whom RLS refuses.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newResident, type Resident } from '../support/burenhulp.ts';
import { anon, asUser, Browser, demo, fieldErrors, service } from '../support/clients.ts';
import { groepName, join, planMeeting, publishedGroep } from '../support/groepen.ts';
import { published } from '../support/initiatieven.ts';

const env = inject('env');
const db = () => service(env);
const COMMISSIE = '40000000-0000-4000-8000-000000000001'; // seed: public, op verzoek, Anna trekker
const PREVENTIE = '40000000-0000-4000-8000-000000000002'; // seed: members only

let trekker: Resident;
let neighbour: Resident;
let worker: Awaited<ReturnType<typeof asUser>>;

beforeAll(async () => {
	[trekker, neighbour] = await Promise.all([newResident(env, 'Greet Groep'), newResident(env, 'Henk Buur')]);
	worker = await asUser(env, demo.workerZwolle);
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('finding groups', () => {
	it('a visitor sees published public groups only, found with Dutch full-text search and filters', async () => {
		const browser = new Browser(env);
		// Other test files add groups to the same database: look at the seeded ones through filters.
		const list = await browser.get('/groepen?wijk=WK019306&soort=bewonerscommissie');
		expect(list.status).toBe(200);
		expect(list.body).toContain('Bewonerscommissie Holtenbroek I');
		expect((await browser.get('/groepen?soort=buurtpreventieteam&wijk=WK019306')).body).not.toContain('Buurtpreventie Holtenbroek');
		expect((await browser.get('/groepen?q=koken')).body).not.toContain('Samen koken in Holtenbroek II');
		// "flat" finds "flats" (the Dutch stemmer, as on the initiatives list), and both words must be in it.
		const search = await browser.get('/groepen?q=woningcorporatie+flat');
		expect(search.body).toContain('Bewonerscommissie Holtenbroek I');
		expect(text(search.body)).toContain('Gevonden: 1');
		const filtered = await browser.get('/groepen?soort=vrijwilligers&gemeente=GM0034');
		expect(filtered.body).toContain('Vrijwilligers Stedenwijk');
		expect(filtered.body).not.toContain('Bewonerscommissie Holtenbroek I');
		const empty = await browser.get('/groepen?q=zzzgeenzoekwoord');
		expect(text(empty.body)).toContain('Geen groepen gevonden');
	});

	it('pages through many groups, twenty at a time', async () => {
		const word = `kweekbak${Date.now() % 100000}`;
		const rows = Array.from({ length: 23 }, (_, n) => ({
			name: `Tuingroep ${n} ${word}`, purpose: `Samen tuinieren met een ${word} op het plein, iedereen welkom.`, kind: 'thema_groep',
			themes: ['duurzaamheid'], buurt_code: 'BU01930601', wijk_code: 'WK019306', gemeente_code: 'GM0193', status: 'gepubliceerd'
		}));
		expect((await db().from('groepen').insert(rows)).error).toBeNull();
		const browser = new Browser(env);
		const first = await browser.get(`/groepen?q=${word}`);
		expect(text(first.body)).toContain('Gevonden: 23');
		expect(first.body.match(/<li class="card">/g)).toHaveLength(20);
		expect(first.body).toContain('rel="next"');
		const second = await browser.get(`/groepen?q=${word}&pagina=2`);
		expect(second.body.match(/<li class="card">/g)).toHaveLength(3);
		expect(text(second.body)).toContain('Pagina 2 van 2');
	});

	it("a group's page tells a visitor how to join; a members-only group does not exist for them", async () => {
		const browser = new Browser(env);
		const page = await browser.get(`/groepen/${COMMISSIE}`);
		expect(page.status).toBe(200);
		const words = text(page.body);
		expect(words).toContain('Je vraagt om mee te doen en beantwoordt één vraag');
		expect(words).toContain('In welke straat woon je?');
		expect(words).toContain('Log in om mee te doen');
		expect(words).toContain('Bewonersavond voorjaar');
		expect(words).not.toContain('Enquête groenstrook'); // actiepunten are for members
		expect((await browser.get(`/groepen/${PREVENTIE}`)).status).toBe(404);
		expect((await browser.get('/groepen/niet-een-id')).status).toBe(404);
	});
});

describe('the forms, without JavaScript', () => {
	it('proposing: a 400 with a message per field that writes nothing, then a proposal that waits for a worker', async () => {
		const browser = await new Browser(env).signIn(trekker.id);
		const before = (await db().from('groepen').select('id', { count: 'exact', head: true }).eq('created_by', trekker.id)).count;
		const bad = await browser.post('/groepen/nieuw', { name: 'X', purpose: '<b>hoi</b>', kind: 'club', area: 'Zwolle', joinMode: 'op_verzoek', joinQuestion: '', visibility: 'openbaar' });
		expect(bad.status).toBe(400);
		expect(fieldErrors(bad.body)).toMatchObject({
			name: 'Dit is te kort: minstens 3 tekens.',
			purpose: expect.stringContaining('HTML'),
			kind: 'Kies wat voor groep het is.',
			themes: 'Kies minstens één thema.',
			area: 'Kies een buurt of een hele wijk.'
		});
		expect(bad.body).toContain('value="X"'); // what was typed comes back
		expect((await db().from('groepen').select('id', { count: 'exact', head: true }).eq('created_by', trekker.id)).count).toBe(before);

		// The question to join on request, once the rest is right.
		const noQuestion = await browser.post('/groepen/nieuw', { name: 'Buurtcommissie', purpose: 'Wij praten mee over de buurt met de gemeente.', kind: 'bewonerscommissie', themes: ['leefbaarheid'], area: 'WK019306', joinMode: 'op_verzoek', joinQuestion: '', visibility: 'openbaar' });
		expect(fieldErrors(noQuestion.body)).toEqual({ joinQuestion: 'Schrijf de vraag voor wie wil meedoen (minstens 5 tekens).' });

		const english = new Browser(env, undefined, 'en');
		await english.signIn(trekker.id);
		const en = await english.post('/groepen/nieuw', { name: 'X', purpose: '', kind: '', area: '', joinMode: 'open', visibility: 'openbaar' });
		expect(fieldErrors(en.body)).toMatchObject({ kind: 'Choose what kind of group it is.', area: 'Choose a neighbourhood or a whole district.' });

		const name = groepName('Moestuin');
		const good = await browser.post('/groepen/nieuw', { name, purpose: 'Samen groente kweken achter de flat, elke zaterdag.', kind: 'thema_groep', themes: ['duurzaamheid'], area: 'BU01930601', joinMode: 'open', visibility: 'openbaar' });
		expect(good.status).toBe(303);
		const id = /^\/groepen\/([\w-]+)\?gestart=1$/.exec(good.location ?? '')?.[1];
		expect(id).toBeTruthy();
		const page = text((await browser.get(good.location!)).body);
		expect(page).toContain('Je voorstel is ingediend');
		expect(page).toContain('Ingediend, wacht op een opbouwwerker');
		// It waits in the worker's queue.
		const queue = await (await new Browser(env).signIn(demo.workerZwolle)).get('/werkplek');
		expect(queue.body).toContain(name);
	});

	it('joining on request without an answer: the database refuses, the form says why on the field', async () => {
		const browser = await new Browser(env).signIn(neighbour.id);
		const refused = await browser.post(`/groepen/${COMMISSIE}?/join`, { answer: '', contact: '' });
		expect(refused.status).toBe(400);
		expect(fieldErrors(refused.body).answer).toBe('Beantwoord de vraag van de groep.');
		const asked = await browser.post(`/groepen/${COMMISSIE}?/join`, { answer: 'Holtenbroekerweg', contact: '06 99990000' });
		expect(asked.status).toBe(200);
		expect(text(asked.body)).toContain('Je verzoek is verstuurd');
		const twice = await browser.post(`/groepen/${COMMISSIE}?/join`, { answer: 'Nog eens', contact: '' });
		expect(text(twice.body)).toContain('Je hebt al gevraagd om mee te doen');
		await neighbour.db.rpc('withdraw_groep_request', { p_id: COMMISSIE });
	});

	it('planning a meeting in the past and minutes with an actiepunt without owner come back with a message', async () => {
		const id = await publishedGroep(trekker.db, worker);
		const browser = await new Browser(env).signIn(trekker.id);
		const past = await browser.post(`/groepen/${id}/bijeenkomsten/nieuw`, { kind: 'vergadering', title: 'Terugblik', day: '2020-01-01', start: '19:00', end: '20:00', placeKind: 'adres', place: 'Hier', agenda: '' });
		expect(past.status).toBe(400);
		expect(fieldErrors(past.body).day).toBe('Een bijeenkomst plan je vooruit: deze datum en tijd zijn al voorbij.');
		const order = await browser.post(`/groepen/${id}/bijeenkomsten/nieuw`, { kind: 'vergadering', title: 'Terugblik', day: '2031-01-01', start: '20:00', end: '19:00', placeKind: 'adres', place: 'Hier' });
		expect(fieldErrors(order.body).end).toBeTruthy();

		const planned = await browser.post(`/groepen/${id}/bijeenkomsten/nieuw`, { kind: 'vergadering', title: 'Kennismaken', day: '2031-01-01', start: '19:00', end: '20:30', placeKind: 'buurthuis', place: 'De Sprengen', agenda: '1. Wie zijn we' });
		expect(planned.status).toBe(303);
		const meeting = planned.location!.split('?')[0];
		const minutes = await browser.post(`${meeting}?/minutes`, { body: 'Fijn overleg', besluiten: 'We gaan door', apBody: ['Zaden kopen', '', ''], apOwner: ['', '', ''], apDue: ['2031-01-10', '', ''] });
		expect(minutes.status).toBe(400);
		expect(fieldErrors(minutes.body).actiepunten).toBe('Kies voor elk actiepunt wie het doet.');
		expect(minutes.body).toContain('Fijn overleg');
		expect((await db().from('groep_verslagen').select('bijeenkomst_id').eq('bijeenkomst_id', Number(meeting.split('/').pop()))).data).toEqual([]);

		const saved = await browser.post(`${meeting}?/minutes`, { body: 'Fijn overleg', besluiten: 'We gaan door', apBody: ['Zaden kopen', '', ''], apOwner: [trekker.id, '', ''], apDue: ['2031-01-10', '', ''] });
		expect(saved.status).toBe(200);
		const page = text((await browser.get(meeting)).body);
		expect(page).toContain('We gaan door');
		expect(page).toContain('Zaden kopen – Greet');
	});

	it('removing a member needs a reason, on the field; a lid cannot manage members', async () => {
		const id = await publishedGroep(trekker.db, worker);
		await join(neighbour.db, id);
		const browser = await new Browser(env).signIn(trekker.id);
		const noReason = await browser.post(`/groepen/${id}/leden?/remove`, { userId: neighbour.id, reason: '' });
		expect(noReason.status).toBe(400);
		expect(fieldErrors(noReason.body)[`remove-${neighbour.id}`]).toBe('Vul dit in.');
		const lid = await new Browser(env).signIn(neighbour.id);
		const refused = await lid.post(`/groepen/${id}/leden?/remove`, { userId: trekker.id, reason: 'Zomaar eruit' });
		expect(refused.status).toBe(400);
		expect(text(refused.body)).toContain('Dat mag je niet doen');
		expect((await db().from('groep_leden').select('user_id', { count: 'exact', head: true }).eq('groep_id', id)).count).toBe(2);
	});
});

describe('pages that refuse whom the database refuses', () => {
	it('members, board and meetings are for insiders; the worker list for staff', async () => {
		const stranger = await new Browser(env).signIn(neighbour.id);
		expect((await stranger.get(`/groepen/${COMMISSIE}/leden`)).status).toBe(403);
		expect((await stranger.get(`/groepen/${COMMISSIE}/prikbord`)).status).toBe(403);
		expect((await stranger.get(`/groepen/${COMMISSIE}/bijeenkomsten/nieuw`)).status).toBe(403);
		expect((await stranger.get('/werkplek/groepen')).status).toBe(403);
		expect((await new Browser(env).get(`/groepen/${COMMISSIE}/leden`)).status).toBe(303);

		const sanne = await new Browser(env).signIn(demo.workerZwolle);
		const list = text((await sanne.get('/werkplek/groepen')).body);
		expect(list).toContain('Groepen die ik begeleid');
		expect(list).toContain('Vrijwilligers buurthuis Kamperpoort');
		expect(list).toMatch(/Stille groepen \(\d+\)/);
		expect((await sanne.get(`/groepen/${COMMISSIE}/leden`)).status).toBe(200);
	});
});

describe('an initiative of a group', () => {
	it("shows its group, and a second trekker of the group gets the organisers' tools on it", async () => {
		const id = await publishedGroep(trekker.db, worker);
		const second = await newResident(env, 'Stan Tweede');
		await join(second.db, id);
		await trekker.db.rpc('set_groep_role', { p_id: id, p_user: second.id, p_role: 'trekker' });
		const initiatief = await published(trekker.db, worker);
		const before = text((await (await new Browser(env).signIn(second.id)).get(`/initiatieven/${initiatief}`)).body);
		expect(before).not.toContain('Nieuws voor iedereen');
		expect((await trekker.db.rpc('set_initiatief_groep', { p_initiatief: initiatief, p_groep: id })).error).toBeNull();
		const page = text((await (await new Browser(env).signIn(second.id)).get(`/initiatieven/${initiatief}`)).body);
		expect(page).toContain('van de groep');
		expect(page).toContain('Nieuws voor iedereen');
	});
});

describe('calendar feeds', () => {
	it("a public group's feed has its meetings; a members-only group has none", async () => {
		const feed = await fetch(`${env.appUrl}/groepen/${COMMISSIE}/agenda.ics`);
		expect(feed.status).toBe(200);
		expect(feed.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
		const ics = await feed.text();
		expect(ics).toContain('SUMMARY:Bewonersavond voorjaar – Bewonerscommissie Holtenbroek I');
		expect((await fetch(`${env.appUrl}/groepen/${PREVENTIE}/agenda.ics`)).status).toBe(404);
	});

	it("a member's personal feed has their groups' meetings, not those they said no to", async () => {
		const member = await newResident(env, 'Karin Kalender');
		const id = await publishedGroep(trekker.db, worker);
		await join(member.db, id);
		const yes = await planMeeting(trekker.db, id, 72, { p_title: 'Zaaidag' });
		const no = await planMeeting(trekker.db, id, 96, { p_title: 'Oogstfeest' });
		await member.db.rpc('answer_groep_meeting', { p_meeting: no, p_answer: 'nee' });
		const browser = await new Browser(env).signIn(member.id);
		const made = await browser.post('/profiel/meldingen?/newFeed', {});
		const url = new RegExp(`value="(${env.appUrl}/agenda/[\\w-]+\\.ics)"`).exec(made.body)?.[1];
		const ics = await (await fetch(url!)).text();
		expect(ics).toContain(`UID:groep-bijeenkomst-${yes}@`);
		expect(ics).toContain('SUMMARY:Zaaidag');
		expect(ics).not.toContain('Oogstfeest');
		expect(ics).toContain('LOCATION:Buurthuis De Sprengen');
		// Nobody else's token reads it: the anonymous function answers only for the token's holder.
		expect(((await anon(env).rpc('calendar_feed_groepen', { p_token: 'x'.repeat(40) })).data as unknown[]).length).toBe(0);
	});
});
