// "Mijn buurtplein", the home page of a logged-in person, through the built site: what waits for them
// first (a change the worker asked for, with the worker's message; a notification), their own things in
// each block, nothing of another resident's, and the visitor's landing page without any of it.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newResident, post, type Resident } from '../support/burenhulp.ts';
import { asUser, Browser, demo, service } from '../support/clients.ts';
import { submitted } from '../support/initiatieven.ts';

const env = inject('env');

let owner: Resident;
let other: Resident;

beforeAll(async () => {
	[owner, other] = await Promise.all([newResident(env, 'Olga Overzicht'), newResident(env, 'Otto Ander')]);
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/\s+/g, ' ');
const region = (html: string, heading: string) => {
	const start = html.indexOf(`>${heading}</h2>`);
	expect(start, `a block "${heading}"`).toBeGreaterThan(-1);
	return text(html.slice(start, html.indexOf('</section>', start)));
};

describe('the overview', () => {
	it('a visitor gets the landing page, not an overview', async () => {
		const home = await new Browser(env).get('/');
		expect(home.status).toBe(200);
		expect(home.body).toContain('Samen maken we de buurt');
		expect(home.body).not.toContain('Mijn buurtplein</h1>');
	});

	it('a new resident sees every block with what it will hold, and that nothing waits', async () => {
		const fresh = await newResident(env, 'Nina Nieuw');
		const home = await (await new Browser(env).signIn(fresh.id)).get('/');
		expect(home.status).toBe(200);
		expect(home.body).toContain('Mijn buurtplein</h1>');
		expect(text(home.body)).toContain('Er wacht nu niets op jou.');
		expect(region(home.body, 'Mijn initiatieven')).toContain('Je hebt nog geen initiatief voorgesteld');
		expect(region(home.body, 'Burenhulp')).toContain('Je hebt geen open hulpvraag');
		expect(region(home.body, 'Mijn groepen')).toBeTruthy();
		expect(region(home.body, 'Mijn aanmeldingen')).toContain('Je bent niet aangemeld');
		expect(region(home.body, 'Nieuwe meldingen')).toContain('Geen nieuwe meldingen.');
	});

	it("shows the change a worker asked for with the worker's message first, the open help request and the notification — and nothing of someone else's", async () => {
		const title = `Bankjes bij de speeltuin ${Date.now()}`;
		const id = await submitted(owner.db, { p_title: title });
		const worker = await asUser(env, demo.workerZwolle);
		const { error } = await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'aanpassen', p_message: 'Zet er nog bij wanneer het klaar moet zijn.' });
		expect(error).toBeNull();
		await post(owner.db, { kind: 'vraag', description: 'Wie helpt mij met de boodschappen op dinsdag?' });
		await submitted(other.db, { p_title: 'Een plan van Otto' });

		const home = await (await new Browser(env).signIn(owner.id)).get('/');
		const initiatives = region(home.body, 'Mijn initiatieven');
		expect(initiatives).toContain(title);
		expect(initiatives).toContain('Aanpassing gevraagd');
		expect(initiatives).toContain('Zet er nog bij wanneer het klaar moet zijn.');
		expect(home.body).toContain(`href="/initiatieven/${id}/bewerken"`);
		expect(initiatives).not.toContain('Een plan van Otto');
		expect(region(home.body, 'Burenhulp')).toContain('Hulpvraag: boodschappen');
		// The worker's decision notified the owner; it waits unread, and both count as waiting.
		const unread = await service(env).from('notifications').select('id').eq('user_id', owner.id).is('read_at', null);
		expect(unread.data?.length).toBeGreaterThan(0);
		expect(home.body).toContain(`href="/meldingen/${unread.data![0].id}"`);
		expect(text(home.body)).toMatch(/Er wacht iets op jou \(\d+\)/);
	});
});
