// The worker's werkplek and burenhulp for a resident who is not online, in a real browser at 390 px
// (the phone project) and 1280 px (desktop), with axe on every page.
import { expect, test, type Browser, type Page } from '@playwright/test';
import { asUser, demo, service } from '../support/clients.ts';
import { newResident, post } from '../support/burenhulp.ts';
import { expectAccessible, signIn, testEnv } from './support.ts';

const STADSHAGEN = 'WK019309';
const REPAIR_HOLTENBROEK = '10000000-0000-4000-8000-000000000001';

const width = () => (test.info().project.name === 'phone' ? 390 : 1280);

async function as(browser: Browser, userId: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: width(), height: 900 } });
	await signIn(context, userId);
	return context.newPage();
}

test('a worker sees everything waiting in the wijk with counts, each list paged on its own @phone', async ({ browser }) => {
	const env = testEnv();
	// A fresh worker of Stadshagen with eleven requests filed for residents who are not online.
	const worker = await newResident(env, `Wouter Werkplek ${width()}`, 'BU01930901');
	expect((await (await asUser(env, demo.coordinatorZwolle)).rpc('set_worker_wijken', { p_user: worker.id, p_wijken: [STADSHAGEN] })).error).toBeNull();
	const posts: string[] = [];
	for (let i = 1; i <= 11; i++) {
		const { data } = await worker.db.rpc('help_file_for_resident', {
			p_name: `Oma${String(i).padStart(2, '0')} de Vries`, p_buurt_code: 'BU01930901', p_phone: `038 41000${String(i).padStart(2, '0')}`,
			p_share_phone: false, p_category: 'gezelschap', p_description: 'Een wekelijkse wandeling samen', p_when_kind: 'wekelijks',
			p_on_date: null as unknown as string, p_slots: ['do-ochtend'], p_needs_care: false
		});
		posts.push(data as string);
	}
	const waiting = (await service(env).from('help_posts').select('id', { count: 'exact', head: true }).eq('kind', 'vraag').eq('status', 'open').eq('wijk_code', STADSHAGEN)).count!;

	try {
		const page = await as(browser, worker.id);
		await page.goto('/werkplek');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Werkplek');
		const summary = page.getByRole('navigation', { name: 'Wat wacht er?' });
		await expect(summary.getByRole('link', { name: `Wachtende hulpvragen (${waiting})` })).toBeVisible();
		await expect(summary.getByRole('link', { name: 'Initiatieven die ik begeleid (0)' })).toBeVisible();
		const section = page.getByRole('region', { name: `Wachtende hulpvragen (${waiting})` });
		await expect(section.getByRole('listitem')).toHaveCount(10);
		// The offline resident's full name and phone, and what to do next.
		const first = section.getByRole('listitem').filter({ hasText: 'Oma01 de Vries' });
		await expect(first.getByRole('link', { name: 'Bel 038 4100001' })).toHaveAttribute('href', 'tel:0384100001');
		await expect(first).toContainText('of bel Oma01 de Vries om te vragen of de vraag nog geldt');
		await expectAccessible(page);
		await page.screenshot({ path: `test-results/werkplek-${width()}.png`, fullPage: true });

		await section.getByRole('link', { name: 'Volgende' }).click();
		await expect(page).toHaveURL(/hulpvragen=2/);
		const next = page.getByRole('region', { name: `Wachtende hulpvragen (${waiting})` });
		await expect(next.getByRole('listitem')).toHaveCount(waiting - 10);
		await expect(next.getByText('Pagina 2 van 2')).toBeVisible();
		await expectAccessible(page);
	} finally {
		await service(env).from('help_posts').update({ status: 'gesloten' }).in('id', posts);
		await (await asUser(env, demo.coordinatorZwolle)).rpc('set_worker_wijken', { p_user: worker.id, p_wijken: [] });
	}
});

test('a resident reports a Repair Café; the worker opens it from the werkplek @phone', async ({ browser }) => {
	const env = testEnv();
	const reporter = await newResident(env, `Rosa Meldt ${width()}`);
	const resident = await as(browser, reporter.id);
	await resident.goto(`/repair-cafe/${REPAIR_HOLTENBROEK}`);
	await resident.getByText('Meld dit Repair Café').click();
	await resident.getByLabel('Wat is er mis?').selectOption({ label: 'Spam of reclame' });
	await resident.getByLabel('Toelichting (mag leeg blijven)').fill(`Hier wordt iets verkocht (${width()})`);
	await resident.getByRole('button', { name: 'Melding versturen' }).click();
	await expect(resident.getByText('Bedankt. Een opbouwwerker kijkt naar je melding.')).toBeVisible();
	await expectAccessible(resident);

	const sanne = await as(browser, demo.workerZwolle);
	await sanne.goto('/werkplek');
	const reports = () => sanne.locator('#meldingen');
	const card = () => reports().getByRole('listitem').filter({ hasText: `Hier wordt iets verkocht (${width()})` });
	// The queue is oldest first: the new report may be on a later page of its own list.
	while (!(await card().count())) await reports().getByRole('link', { name: 'Volgende' }).click();
	await expectAccessible(sanne);
	await card().getByRole('link', { name: 'Repair Café Holtenbroek' }).click();
	await expect(sanne).toHaveURL(new RegExp(`/repair-cafe/${REPAIR_HOLTENBROEK}$`));
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText('Repair Café Holtenbroek');
	await expectAccessible(sanne);
});

test('a neighbour reads whom to call for a resident who is not online, and ending the match is mutual @phone', async ({ browser }) => {
	const env = testEnv();
	const sanne = await as(browser, demo.workerZwolle);
	// Sanne files for Truus, who may be called directly.
	await sanne.goto('/werkplek/burenhulp/aanvraag');
	await expectAccessible(sanne);
	await sanne.getByLabel('Voor wie vraag je hulp?').fill('Truus Hendriks');
	await sanne.getByLabel('Telefoonnummer van de bewoner').fill('038 4567890');
	await sanne.getByRole('group', { name: 'Mag de buur het telefoonnummer zien na een match?' }).getByLabel('Ja, de bewoner vindt dat goed').check();
	await sanne.getByLabel('Waarbij?').selectOption({ label: 'vervoer' });
	await sanne.getByLabel('Vertel kort wat je zoekt of aanbiedt').fill(`Mevrouw zoekt vervoer naar de huisarts (${width()}).`);
	await sanne.getByLabel('donderdag ochtend').check();
	await sanne.getByLabel('Waar?').selectOption({ label: 'Holtenbroek II' });
	await sanne.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText('Hulpvraag: vervoer');
	await expect(sanne.getByText('Aangemeld voor: Truus Hendriks, telefoon 038 4567890')).toBeVisible();
	const request = new URL(sanne.url()).pathname.split('/').pop()!;

	// Nina, a neighbour, offers a ride and proposes; Sanne accepts for Truus.
	const nina = await newResident(env, `Nina Rijdt ${width()}`, 'BU01930602');
	const offer = await post(nina.db, { kind: 'aanbod', category: 'vervoer', slots: ['do-ochtend'], buurt_code: 'BU01930602' });
	const { data: matchId } = await nina.db.rpc('help_propose', { p_own_post: offer, p_other_post: request });
	await sanne.goto(`/burenhulp/match/${matchId}`);
	await sanne.getByRole('button', { name: 'Ja, graag' }).click();
	await expect(sanne.getByText('jullie zijn gekoppeld')).toBeVisible();

	// Nina reads whom to call: Sanne's work number, and Truus's own phone; never Truus's last name.
	const ninaPage = await as(browser, nina.id);
	await ninaPage.goto(`/burenhulp/match/${matchId}`);
	const contact = ninaPage.getByRole('region', { name: 'Contactgegevens van Truus' });
	await expect(contact).toContainText('Bel of mail de opbouwwerker, Sanne Opbouwwerker (038 4260000); die regelt het met Truus.');
	await expect(contact.getByRole('link', { name: '038 4260000' })).toHaveAttribute('href', 'tel:0384260000');
	await expect(contact.getByRole('link', { name: '038 4567890' })).toHaveAttribute('href', 'tel:0384567890');
	await expect(ninaPage.getByText('Hendriks')).toHaveCount(0);
	// "Afsluiten" and "Stoppen" are explained; stopping asks first.
	await expect(ninaPage.getByText('Afsluiten: de hulp is klaar.')).toBeVisible();
	await expect(ninaPage.getByText('Stoppen: de match gaat niet door.')).toBeVisible();
	await expect(ninaPage.getByRole('button', { name: 'Ja, stop deze match' })).toBeHidden();
	await expectAccessible(ninaPage);

	// Nina closes it; Sanne is told and gives Truus's side.
	await ninaPage.getByLabel('Ik ben geholpen / ik heb geholpen').check();
	await ninaPage.getByLabel('Wil je iets tegen je buur zeggen? (mag leeg blijven)').fill('Graag gedaan, Truus!');
	await ninaPage.getByRole('button', { name: 'Afsluiten' }).click();
	await expect(ninaPage.getByText('Afgesloten. Dank je wel!')).toBeVisible();
	await expect(ninaPage.getByText('Truus heeft nog niet verteld hoe het ging.')).toBeVisible();
	await expectAccessible(ninaPage);

	await sanne.goto('/meldingen');
	await sanne.getByRole('link', { name: /Nina heeft jullie match afgesloten/ }).first().click();
	await expect(sanne.getByText('Nina heeft de match afgesloten. Hoe ging het voor jou?')).toBeVisible();
	await expectAccessible(sanne);
	await sanne.getByLabel('We houden contact').check();
	await sanne.getByRole('button', { name: 'Afsluiten' }).click();
	await expect(sanne.getByText('Afgesloten. Dank je wel!')).toBeVisible();

	// Nina reads both outcomes, and finds the match in her history.
	await ninaPage.reload();
	await expect(ninaPage.getByText('We houden contact')).toBeVisible();
	await ninaPage.goto('/burenhulp');
	const history = ninaPage.getByRole('heading', { name: 'Geschiedenis' });
	await expect(history).toBeVisible();
	await expect(ninaPage.getByRole('link', { name: 'Burenhulp met Truus' }).first()).toBeVisible();
	await expectAccessible(ninaPage);
});
