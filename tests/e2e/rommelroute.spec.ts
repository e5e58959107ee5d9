// The Rommelroute in a real browser: a household registers a stand, a worker approves it, it is on
// the map and in the route list; a worker opens an edition. Runs against a copy of the site with a
// local stand-in for PDOK Locatieserver.
import { expect, test } from '@playwright/test';
import { demo } from '../support/clients.ts';
import { expectAccessible, logIn, signIn, useGeocodingSite, showMap } from './support.ts';

const siteBase = useGeocodingSite();

test('a resident registers a stand, a worker approves it, and it appears on the map', async ({ page, browser }) => {
	const edition = '20000000-0000-4000-8000-000000000001';
	await logIn(page, 'chantal@buurtplein.test', undefined, siteBase());
	await page.goto(`${siteBase()}/rommelroute/${edition}`);
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
	await signIn(workerContext, demo.workerZwolle);
	const worker = await workerContext.newPage();
	await worker.goto(`${siteBase()}/rommelroute/${edition}/beheer`);
	await expectAccessible(worker);
	await worker.getByRole('button', { name: 'Goedkeuren: Wielewaalstraat 21' }).click();
	await expect(worker.getByText('Goedgekeurd, staat op de kaart')).toBeVisible();
	await workerContext.close();

	await page.goto(`${siteBase()}/rommelroute/${edition}`);
	await showMap(page);
	await expect(page.locator('.map[data-ready]')).toBeVisible();
	await expect(page.getByRole('button', { name: 'Toon Wielewaalstraat 21 op de kaart' })).toBeVisible();
	await page.getByRole('button', { name: 'Toon Wielewaalstraat 21 op de kaart' }).click();
	await expect(page.locator('.maplibregl-popup')).toContainText('Wielewaalstraat 21');
	await expectAccessible(page);

	await page.goto(`${siteBase()}/rommelroute/${edition}/routelijst`);
	await expect(page.getByRole('heading', { name: 'Wielewaalstraat' })).toBeVisible();
	await expectAccessible(page);
});

test('a worker opens a Rommelroute', async ({ page, context }) => {
	await signIn(context, demo.workerZwolle);
	await page.goto(`${siteBase()}/rommelroute`);
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
});
