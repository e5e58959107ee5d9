import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible } from './support.ts';

/** A separate browser per person, logged in. Waits for the form to be ready: on a busy machine a
 * field filled before hydration can come back empty. */
async function as(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await page.goto('/inloggen', { waitUntil: 'networkidle' });
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('buurtplein-demo');
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn buurtplein', { timeout: 15_000 });
	return page;
}

test('a resident proposes, a worker asks for a change, the resident resubmits, the worker publishes, a neighbour finds and joins it @phone', async ({ browser }) => {
	// Four people and axe on every page: longer than one page's worth of time on a shared 2-core machine.
	test.setTimeout(240_000);
	const title = `Bankjes langs de IJssel ${Date.now() % 100000}`;

	// Anna proposes; a first try with mistakes shows a message per field.
	const anna = await as(browser, 'anna@buurtplein.test');
	await anna.goto('/initiatieven/nieuw');
	await expectAccessible(anna);
	await anna.getByLabel('Titel').fill('Bank');
	await anna.getByLabel('Hoeveel geld (in euro)?').fill('-20');
	await anna.getByRole('button', { name: 'Indienen bij de opbouwwerker' }).click();
	await expect(anna.getByText('Dit is te kort: minstens 5 tekens.')).toBeVisible();
	await expect(anna.getByText('Kies minstens één thema.')).toBeVisible();
	await expect(anna.getByText('Vul een bedrag in van 0 tot 1.000.000 euro.')).toBeVisible();
	await expectAccessible(anna);

	await anna.getByLabel('Titel').fill(title);
	await anna.getByLabel('Wat wil je doen, en waarom?').fill('We zetten bankjes langs het water, zodat ouderen onderweg kunnen uitrusten en elkaar ontmoeten.');
	await anna.getByLabel('Eenzaamheid').check();
	await anna.getByLabel('Geld', { exact: true }).check();
	await anna.getByLabel('Hoeveel geld (in euro)?').fill('450');
	await anna.getByRole('button', { name: 'Indienen bij de opbouwwerker' }).click();
	await expect(anna).toHaveURL(/\/mijn-initiatieven/);
	const card = anna.getByRole('listitem').filter({ hasText: title });
	await expect(card.getByText('Ingediend, wacht op een opbouwwerker')).toBeVisible();
	await expectAccessible(anna);

	// Sanne, opbouwwerker of Holtenbroek, finds it in her queue and asks for a change.
	const sanne = await as(browser, 'werker.zwolle@buurtplein.test');
	await sanne.goto('/werkplek');
	await expectAccessible(sanne);
	await sanne.getByRole('link', { name: title }).click();
	await expectAccessible(sanne);
	await sanne.getByRole('button', { name: 'Ik pak dit op' }).click();
	await expect(sanne.getByText('In behandeling bij Sanne Opbouwwerker')).toBeVisible();
	await sanne.getByLabel('Vraag om een aanpassing').check();
	await sanne.getByRole('button', { name: 'Beslissing opslaan' }).click();
	await expect(sanne.getByText('Schrijf erbij waarom.')).toBeVisible();
	await sanne.getByLabel('Vraag om een aanpassing').check();
	await sanne.getByLabel('Bericht aan de bewoner').fill('Waar komen de bankjes precies te staan?');
	await sanne.getByRole('button', { name: 'Beslissing opslaan' }).click();
	await expect(sanne.getByText('De bewoner krijgt je vraag om aan te passen.')).toBeVisible();

	// Anna sees the question, edits and resubmits.
	await anna.reload();
	await expect(card.getByText('Waar komen de bankjes precies te staan?')).toBeVisible();
	await card.getByRole('link', { name: 'Aanpassen en opnieuw indienen' }).click();
	await expectAccessible(anna);
	const body = anna.getByLabel('Wat wil je doen, en waarom?');
	await body.fill((await body.inputValue()) + ' Drie bankjes bij de Twistvlietbrug.');
	await anna.getByRole('button', { name: 'Indienen bij de opbouwwerker' }).click();
	await expect(anna.getByText('Je initiatief is ingediend.')).toBeVisible();

	// Sanne publishes it.
	await sanne.reload();
	await sanne.getByLabel('Publiceren (ik word coach)').check();
	await sanne.getByRole('button', { name: 'Beslissing opslaan' }).click();
	await expect(sanne.getByText('Het initiatief is gepubliceerd.')).toBeVisible();
	await expect(sanne.getByText('Coach: Sanne Opbouwwerker')).toBeVisible();

	// Bram finds it by searching and joins.
	const bram = await as(browser, 'bram@buurtplein.test');
	await bram.goto('/initiatieven');
	await expectAccessible(bram);
	await bram.getByLabel('Zoeken', { exact: true }).fill('twistvlietbrug bankjes');
	await bram.getByRole('button', { name: 'Zoeken' }).click();
	await bram.getByRole('link', { name: title }).click();
	await expect(bram.getByRole('heading', { level: 1 })).toHaveText(title);
	await expectAccessible(bram);
	await bram.getByLabel('Ik help mee').check();
	await bram.getByLabel('Hoe kunnen de organisatoren je bereiken?').fill('06 11122233');
	await bram.getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(bram.getByText('Je doet mee!')).toBeVisible();

	// Anna sees who joined and how to reach him.
	await anna.goto('/mijn-initiatieven');
	await anna.getByRole('link', { name: title }).click();
	const row = anna.getByRole('row').filter({ hasText: 'Bram Jansen' });
	await expect(row).toContainText('06 11122233');
	await expect(row).toContainText('Ik help mee');
	await expectAccessible(anna);
});

test('a visitor sees published initiatives only, and a page that does not exist is a 404', async ({ page }) => {
	await page.goto('/initiatieven');
	await expect(page.getByRole('link', { name: 'Moestuin achter de flat' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Koffieochtend voor ouderen' })).toHaveCount(0);
	const response = await page.goto('/initiatieven/10000000-0000-4000-8000-000000000002');
	expect(response?.status()).toBe(404);
	await page.goto('/initiatieven/10000000-0000-4000-8000-000000000001');
	await expect(page.getByRole('link', { name: 'Log in om mee te doen' })).toBeVisible();
	await expectAccessible(page);
});
