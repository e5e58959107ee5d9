// Repair Cafés and the Rommelroute in a real browser, against a second copy of the built site that
// looks addresses up in a local stand-in for PDOK Locatieserver (the shared e2e site has no
// geocoder configured).
import { expect, test, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../scripts/stack/index.ts';
import { startApp, stopApp } from '../support/env.ts';
import { startFakePdok, type FakePdok } from '../support/pdok.ts';
import { expectAccessible, testEnv } from './support.ts';

let pdok: FakePdok;
let app: ChildProcess;
let base: string;

test.beforeAll(async () => {
	const env = testEnv();
	pdok = await startFakePdok();
	const port = await freePort();
	app = await startApp(port, {
		SUPABASE_URL: env.supabaseUrl,
		SUPABASE_ANON_KEY: env.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
		SUPABASE_JWT_SECRET: env.jwtSecret,
		PDOK_LOCATIESERVER_URL: pdok.url
	});
	base = `http://127.0.0.1:${port}`;
});

test.afterAll(async () => {
	await stopApp(app);
	await pdok.close();
});

async function logIn(page: Page, email: string) {
	await page.goto(`${base}/inloggen`);
	// Typing before the page has hydrated can be lost; wait until it is quiet.
	await page.waitForLoadState('networkidle');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('buurtplein-demo');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/profiel/);
}

test('a resident finds a Repair Café on the map, signs up with a broken toaster and sees it under "mine" @phone', async ({ page }) => {
	// The phone run is a second resident, so each signs up once.
	await logIn(page, test.info().project.name === 'phone' ? 'emre@buurtplein.test' : 'fatima@buurtplein.test');
	await page.goto(`${base}/kaart`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repair Cafés en Rommelroutes');
	// The map loads and draws; the list beside it carries the same points for keyboard users.
	await expect(page.locator('.map[data-ready]')).toBeVisible();
	await expectAccessible(page);

	await page.getByLabel('Wat').selectOption('repair_cafe');
	await page.getByRole('button', { name: 'Toon', exact: true }).click();
	await expect(page.getByRole('link', { name: 'Rommelroute Holtenbroek' })).toHaveCount(0);
	await page.getByRole('button', { name: 'Toon Repair Café Holtenbroek op de kaart' }).click();
	await expect(page.locator('.maplibregl-popup')).toContainText('Repair Café Holtenbroek');

	await page.getByRole('link', { name: 'Repair Café Holtenbroek' }).first().click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repair Café Holtenbroek');
	await expectAccessible(page);

	await page.getByLabel('Wat voor spullen?').selectOption('electrical');
	await page.getByLabel('Wat neem je mee?').fill('Broodrooster');
	await page.getByLabel('Wat is er kapot?').fill('Hij wordt niet meer warm');
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByText('Je bent aangemeld. Tot dan!')).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Naar mijn aanmeldingen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn aanmeldingen');
	await expect(page.getByText('Broodrooster', { exact: true })).toBeVisible();
	await expect(page.getByRole('button', { name: 'Afmelden (Broodrooster)' })).toBeVisible();
	await expectAccessible(page);
});

test('a resident registers a stand, a worker approves it, and it appears on the map', async ({ page, browser }) => {
	const edition = '20000000-0000-4000-8000-000000000001';
	await logIn(page, 'chantal@buurtplein.test');
	await page.goto(`${base}/rommelroute/${edition}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rommelroute Holtenbroek');
	await expectAccessible(page);

	// An address that does not exist first: the message says so and the form keeps what was typed.
	await page.getByLabel('Postcode').fill('8024 AD');
	await page.getByLabel('Huisnummer').fill('99');
	await page.getByLabel('Planten').check();
	await page.getByLabel('Korte tekst').fill('Stekjes van mijn vetplanten');
	await page.getByRole('button', { name: 'Kraam aanmelden' }).click();
	await expect(page.getByText('We kennen dit adres niet.')).toBeVisible();
	await expect(page.getByLabel('Korte tekst')).toHaveValue('Stekjes van mijn vetplanten');
	await expectAccessible(page);

	await page.getByLabel('Huisnummer').fill('21');
	await page.getByRole('button', { name: 'Kraam aanmelden' }).click();
	await expect(page.getByText('Je kraam op Wielewaalstraat 21, Zwolle is aangemeld.')).toBeVisible();

	const workerContext = await browser.newContext();
	const worker = await workerContext.newPage();
	await logIn(worker, 'werker.zwolle@buurtplein.test');
	await worker.goto(`${base}/rommelroute/${edition}/beheer`);
	await expectAccessible(worker);
	await worker.getByRole('button', { name: 'Goedkeuren: Wielewaalstraat 21' }).click();
	await expect(worker.getByText('Goedgekeurd, staat op de kaart')).toBeVisible();
	await workerContext.close();

	await page.goto(`${base}/rommelroute/${edition}`);
	await expect(page.locator('.map[data-ready]')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Toon Wielewaalstraat 21 op de kaart' })).toBeVisible();
	await page.getByRole('button', { name: 'Toon Wielewaalstraat 21 op de kaart' }).click();
	await expect(page.locator('.maplibregl-popup')).toContainText('Wielewaalstraat 21');
	await expectAccessible(page);

	await page.goto(`${base}/rommelroute/${edition}/routelijst`);
	await expect(page.getByRole('heading', { name: 'Wielewaalstraat' })).toBeVisible();
	await expectAccessible(page);
});

test('a worker opens a Rommelroute and a Repair Café series, and records outcomes after the day', async ({ page }) => {
	await logIn(page, 'werker.zwolle@buurtplein.test');
	await page.goto(`${base}/rommelroute`);
	await expect(page.getByRole('link', { name: 'Rommelroute Holtenbroek' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Nieuwe Rommelroute' }).click();
	await expectAccessible(page);
	await page.getByLabel('Naam').fill('Rommelroute Holtenbroek voorjaar');
	await page.getByLabel('Datum').fill('2031-04-12');
	await page.getByLabel('Aanmelden kan vanaf').fill('2031-03-01');
	await page.getByLabel('Aanmelden kan tot en met').fill('2031-04-20');
	await page.getByRole('button', { name: 'Rommelroute openen' }).click();
	// Registration may not close after the day of the route: the form says so and keeps the rest.
	await expect(page.getByText('Aanmelden moet sluiten op of voor de dag van de route.')).toBeVisible();
	await expect(page.getByLabel('Naam')).toHaveValue('Rommelroute Holtenbroek voorjaar');
	await expectAccessible(page);
	await page.getByLabel('Aanmelden kan tot en met').fill('2031-04-10');
	await page.getByRole('button', { name: 'Rommelroute openen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Rommelroute Holtenbroek voorjaar');

	await page.goto(`${base}/repair-cafe/nieuw`);
	await expectAccessible(page);
	await page.goto(`${base}/repair-cafe/10000000-0000-4000-8000-000000000001/beheer`);
	await expect(page.getByRole('cell', { name: 'Anna de Vries' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Uitkomst Waterkoker').selectOption('repairable');
	await page.getByRole('button', { name: 'Opslaan' }).first().click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(page.getByLabel('Uitkomst Waterkoker')).toHaveValue('repairable');
});
