import { expect, test, type Browser, type Page } from '@playwright/test';
import { demo } from '../support/clients.ts';
import { expectAccessible, logIn, signIn } from './support.ts';

async function as(browser: Browser, userId: string): Promise<Page> {
	const context = await browser.newContext();
	await signIn(context, userId);
	return context.newPage();
}

async function logSignal(page: Page, body: string, buurt: string, theme: string): Promise<void> {
	await page.goto('/signalen/nieuw', { waitUntil: 'networkidle' });
	await page.getByLabel('Wat speelt er').fill(body);
	await page.getByLabel('Thema').selectOption(theme);
	await page.getByLabel('Buurt', { exact: true }).selectOption(buurt);
	await page.getByLabel('Van een bewoner').check();
	await page.getByRole('button', { name: 'Signaal opslaan' }).click();
	await expect(page.getByText('Het signaal is opgeslagen.')).toBeVisible();
}

test('a worker logs three signals on a phone, bundles two onto the woningcorporatie’s agenda; the partner logs in and answers; the worker closes it @phone', async ({ browser }, info) => {
	test.setTimeout(240_000);
	const run = `${info.project.name}-${Date.now() % 100000}`;
	const sanne = await as(browser, demo.workerZwolle);

	// The form warns about personal data as it is typed, and the server does so too without the tick.
	await sanne.goto('/signalen/nieuw', { waitUntil: 'networkidle' });
	await expectAccessible(sanne);
	await sanne.getByLabel('Wat speelt er').fill('Mevrouw Jansen op nummer 12 belt steeds, 06-12345678.');
	await expect(sanne.getByText(/Het lijkt erop dat hier persoonsgegevens in staan \(een naam, een telefoonnummer\)/)).toBeVisible();
	await sanne.getByLabel('Thema').selectOption('eenzaamheid');
	await sanne.getByLabel('Buurt', { exact: true }).selectOption('BU01930601');
	await sanne.getByRole('button', { name: 'Signaal opslaan' }).click();
	await expect(sanne.getByText(/Het lijkt erop dat hier persoonsgegevens in staan/)).toBeVisible();
	await expect(sanne.getByLabel('Wat speelt er')).toHaveValue('Mevrouw Jansen op nummer 12 belt steeds, 06-12345678.');
	await expectAccessible(sanne);

	const first = `Kapotte portiekdeuren in de flats, ${run}.`;
	const second = `Vocht in de kelderboxen van de flats, ${run}.`;
	const third = `Weinig animo voor de buurtbarbecue, ${run}.`;
	await logSignal(sanne, first, 'BU01930601', 'leefbaarheid');
	await logSignal(sanne, second, 'BU01930601', 'leefbaarheid');
	await logSignal(sanne, third, 'BU01930602', 'sociale_cohesie');
	await expectAccessible(sanne);

	// Bundle the two about the flats and put them on deltaWonen's agenda.
	await sanne.goto('/signalen', { waitUntil: 'networkidle' });
	await sanne.getByRole('checkbox', { name: `Kies ${first.slice(0, 40)}` }).check();
	await sanne.getByRole('checkbox', { name: `Kies ${second.slice(0, 40)}` }).check();
	await sanne.getByLabel('Partner', { exact: true }).selectOption({ label: 'Woningcorporatie deltaWonen' });
	await sanne.getByLabel('Wat vraag je de partner').fill(`Kunnen jullie de flats in Holtenbroek I nalopen? (${run})`);
	await sanne.getByRole('button', { name: 'Op de agenda zetten' }).click();
	await expect(sanne.getByRole('heading', { level: 1 })).toHaveText('Agendapunt bij Woningcorporatie deltaWonen');
	await expect(sanne.getByText(first)).toBeVisible();
	await expect(sanne.getByText(second)).toBeVisible();
	await expect(sanne.getByText('Open', { exact: true })).toBeVisible();
	const itemPath = new URL(sanne.url()).pathname;
	const itemId = itemPath.split('/').pop()!;
	await expectAccessible(sanne);

	// The partner logs in (once per run: log-ins are rate-limited), sees it in the bell and on its agenda, and answers.
	const partnerContext = await browser.newContext();
	const partner = await partnerContext.newPage();
	if (info.project.name === 'desktop') await logIn(partner, 'partner.deltawonen@buurtplein.test');
	else await signIn(partnerContext, '00000000-0000-4000-8000-000000000021');
	await partner.goto('/meldingen');
	await expect(partner.getByText('Nieuw op jullie agenda: 2 signalen uit Holtenbroek').first()).toBeVisible();
	await expectAccessible(partner);
	await partner.goto('/partner');
	await expect(partner.getByRole('heading', { level: 1 })).toHaveText('Agenda van Woningcorporatie deltaWonen');
	await expectAccessible(partner);
	await partner.goto(`/partner/${itemId}`, { waitUntil: 'networkidle' });
	await expect(partner.getByText(first)).toBeVisible();
	await expectAccessible(partner);
	await partner.getByRole('button', { name: 'In behandeling nemen' }).click();
	await expect(partner.getByText('Het agendapunt is in behandeling.')).toBeVisible();
	await partner.getByLabel('Jullie antwoord').fill('We lopen de flats volgende week na en repareren de deuren.');
	await partner.getByRole('button', { name: 'Antwoord versturen' }).click();
	await expect(partner.getByText('Het antwoord is verstuurd.')).toBeVisible();
	await expectAccessible(partner);

	// The worker reads the answer and closes the item.
	await sanne.goto(itemPath, { waitUntil: 'networkidle' });
	await expect(sanne.getByText('We lopen de flats volgende week na en repareren de deuren.')).toBeVisible();
	await sanne.getByLabel('Ja, dit agendapunt is af').check();
	await sanne.getByRole('button', { name: 'Afsluiten' }).click();
	await expect(sanne.getByText('Het agendapunt is afgesloten.')).toBeVisible();
	await expect(sanne.getByText('Afgesloten', { exact: true }).first()).toBeVisible();
	await expectAccessible(sanne);
	await sanne.goto('/signalen/agenda');
	await expectAccessible(sanne);
});

test('the coordinator adds a partner organisation and invites a contact person', async ({ browser }) => {
	const wilma = await as(browser, demo.coordinatorZwolle);
	await wilma.goto('/signalen/partners', { waitUntil: 'networkidle' });
	await expectAccessible(wilma);
	const name = `Stichting Welzijn ${Date.now() % 100000}`;
	await wilma.getByLabel('Naam', { exact: true }).last().fill(name);
	await wilma.getByLabel('Soort').selectOption('welzijn');
	await wilma.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(wilma.getByText('De organisatie is toegevoegd.')).toBeVisible();
	const card = wilma.getByRole('listitem').filter({ has: wilma.getByRole('heading', { name }) });
	await card.getByText('Contactpersoon toevoegen').click();
	await card.getByLabel('Naam').fill('Jet Welzijn');
	await card.getByLabel('E-mailadres').fill(`jet.${Date.now()}@example.test`);
	await card.getByRole('button', { name: 'Account maken en uitnodigen' }).click();
	await expect(wilma.getByText(/Het account is gemaakt/)).toBeVisible();
	await expect(card.getByText('Jet Welzijn')).toBeVisible();
	await expectAccessible(wilma);
});

test('a resident raises a zorg over de buurt; the worker answers it and makes it a signal; the resident reads the answer', async ({ browser }) => {
	const env = (await import('./support.ts')).testEnv();
	const { newResident } = await import('../support/burenhulp.ts');
	const rita = await newResident(env, 'Rita Zorg');
	const page = await as(browser, rita.id);
	const body = `Op het speelveld ligt 's avonds veel glas, ${Date.now() % 100000}.`;
	await page.goto('/mijn');
	await page.getByRole('link', { name: 'Zorg over de buurt? Meld het de opbouwwerker' }).click();
	await page.waitForLoadState('networkidle');
	await expectAccessible(page);
	await page.getByLabel('Thema').selectOption('veiligheid');
	await page.getByLabel('Waar maak je je zorgen over').fill(body);
	await page.getByRole('button', { name: 'Versturen naar de opbouwwerker' }).click();
	await expect(page.getByText('Je zorg is verstuurd.')).toBeVisible();
	await expect(page.getByText(body)).toBeVisible();

	const sanne = await as(browser, demo.workerZwolle);
	await sanne.goto('/signalen/zorgen', { waitUntil: 'networkidle' });
	await expectAccessible(sanne);
	const card = sanne.getByRole('listitem').filter({ hasText: body });
	await card.getByLabel('Antwoord aan de bewoner').fill('Dank je! We nemen het mee naar de gemeente.');
	await card.getByRole('button', { name: 'Signaal maken en antwoorden' }).click();
	await expect(sanne.getByText('De zorg is behandeld.')).toBeVisible();

	await page.reload();
	await expect(page.getByText('Dank je! We nemen het mee naar de gemeente.')).toBeVisible();
	await expect(page.getByText('Opgepakt als signaal')).toBeVisible();
	await expectAccessible(page);
});

test('the coordinator opens the wijkbeeld and prints the report @phone', async ({ browser }) => {
	const wilma = await as(browser, demo.coordinatorZwolle);
	await wilma.goto('/wijkbeeld', { waitUntil: 'networkidle' });
	await expect(wilma.getByRole('heading', { level: 1 })).toHaveText('Wijkbeeld Zwolle');
	await expect(wilma.getByRole('table').first()).toBeVisible();
	await expect(wilma.locator('figure svg').first()).toBeVisible();
	// The buurten coloured by count: a named picture, each buurt with its count, and a legend.
	const map = wilma.getByRole('img', { name: 'Kaart: signalen per buurt' });
	await expect(map).toBeVisible();
	expect(await map.locator('path[data-count]').count()).toBeGreaterThan(1);
	expect(await map.locator('path:not([data-count="0"])').count()).toBeGreaterThan(0);
	await expect(wilma.getByRole('list', { name: 'Legenda' })).toBeVisible();
	await expectAccessible(wilma);
	await wilma.getByLabel('Wijk').selectOption('WK019306');
	await wilma.getByRole('button', { name: 'Toon' }).click();
	await expect(wilma.getByRole('heading', { level: 1 })).toHaveText('Wijkbeeld Holtenbroek');
	await expect(wilma.getByRole('link', { name: 'Signalen (CSV)' })).toHaveAttribute('href', /signalen\.csv\?wijk=WK019306/);

	await wilma.getByRole('link', { name: 'Rapport voor de gemeente' }).click();
	await wilma.waitForLoadState('networkidle');
	await expect(wilma.getByRole('heading', { level: 1 })).toHaveText('Rapport opbouwwerk Holtenbroek');
	await wilma.getByLabel('Toelichting van de coördinator').fill('Dit jaar speelde vooral de staat van de flats in Holtenbroek.');
	await wilma.getByRole('button', { name: 'Zet in het rapport' }).click();
	await expect(wilma.locator('.report').getByText('Dit jaar speelde vooral de staat van de flats in Holtenbroek.')).toBeVisible();
	await expectAccessible(wilma);
	// Printing hides everything but the report.
	await wilma.emulateMedia({ media: 'print' });
	await expect(wilma.getByRole('button', { name: 'Zet in het rapport' })).toBeHidden();
	await expect(wilma.locator('.site-header')).toBeHidden();
	await expect(wilma.locator('.report h1')).toBeVisible();
	await wilma.emulateMedia({ media: 'screen' });
	await wilma.evaluate(() => {
		(window as unknown as { printed: boolean }).printed = false;
		window.print = () => ((window as unknown as { printed: boolean }).printed = true);
	});
	await wilma.getByRole('button', { name: 'Printen of als pdf bewaren' }).click();
	expect(await wilma.evaluate(() => (window as unknown as { printed: boolean }).printed)).toBe(true);
});
