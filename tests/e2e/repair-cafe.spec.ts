// Repair Cafés in a real browser: a resident finds one on the map and signs up; a worker records
// outcomes. Runs against a copy of the site with a local stand-in for PDOK Locatieserver.
import { expect, test } from '@playwright/test';
import { demo } from '../support/clients.ts';
import { expectAccessible, logIn, signIn, useGeocodingSite, showMap } from './support.ts';

const siteBase = useGeocodingSite();

test('a resident finds a Repair Café on the map, signs up with a broken toaster and sees it under "mine" @phone', async ({ page }) => {
	// The phone run is a second resident, so each signs up once.
	await logIn(page, test.info().project.name === 'phone' ? 'emre@buurtplein.test' : 'fatima@buurtplein.test', undefined, siteBase());
	await page.goto(`${siteBase()}/kaart`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Repair Cafés en Rommelroutes');
	// The map loads and draws; the list beside it carries the same points for keyboard users.
	await showMap(page);
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

test('a worker opens the new-series form and records outcomes after the day', async ({ page, context }) => {
	await signIn(context, demo.workerZwolle);
	await page.goto(`${siteBase()}/repair-cafe/nieuw`);
	await expectAccessible(page);
	await page.goto(`${siteBase()}/repair-cafe/10000000-0000-4000-8000-000000000001/beheer`);
	await expect(page.getByRole('cell', { name: 'Anna de Vries' })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Uitkomst Waterkoker').selectOption('repairable');
	await page.getByRole('button', { name: 'Opslaan' }).first().click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(page.getByLabel('Uitkomst Waterkoker')).toHaveValue('repairable');
});
