import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { newResident } from '../support/burenhulp.ts';
import { demo } from '../support/clients.ts';
import { expectAccessible, logIn, signIn, testEnv } from './support.ts';

test('a new resident sees and downloads their data, deletes the account with the password, and can no longer log in @phone', async ({ page }, testInfo) => {
	test.setTimeout(120_000);
	if (testInfo.project.name === 'phone') await page.setViewportSize({ width: 390, height: 844 });
	const me = await newResident(testEnv(), 'Dana Download');
	await logIn(page, me.email);

	// From Mijn buurtplein to Mijn gegevens: every part with who sees it.
	await page.getByRole('link', { name: 'Mijn gegevens' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn gegevens');
	await expect(page.getByRole('heading', { name: /^Telefoon en adres/ })).toBeVisible();
	await page.getByRole('heading', { name: /^Profiel/ }).locator('..').getByText('Bekijk wat er staat').click();
	await expect(page.getByText('Dana Download').first()).toBeVisible();
	await expectAccessible(page);

	// The JSON file, made now, for her.
	const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download als JSON (voor een computer)' }).click()]);
	expect(download.suggestedFilename()).toMatch(/^buurtplein-mijn-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
	const data = JSON.parse(await readFile((await download.path())!, 'utf8'));
	expect(data.profile.display_name).toBe('Dana Download');
	expect(data.account.email).toBe(me.email);
	expect(data.private_contact.phone).toBe(me.phone);

	// Delete: a wrong password first, then the right one and the tick box.
	await page.getByRole('link', { name: 'Mijn account verwijderen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account verwijderen');
	await expectAccessible(page);
	page.on('dialog', (dialog) => dialog.accept());
	await page.getByLabel('Wachtwoord', { exact: true }).fill('dit-is-het-niet');
	await page.getByLabel('Ja, verwijder mijn account en mijn gegevens definitief').check();
	await page.getByRole('button', { name: 'Account verwijderen' }).click();
	await expect(page.getByText('Dit wachtwoord klopt niet')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('buurtplein-demo');
	await page.getByLabel('Ja, verwijder mijn account en mijn gegevens definitief').check();
	await page.getByRole('button', { name: 'Account verwijderen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Je account is verwijderd');
	await expectAccessible(page);

	// Logged out, and logging in again fails with the ordinary message.
	await page.goto('/mijn-gegevens');
	await expect(page).toHaveURL(/\/inloggen/);
	await page.goto('/inloggen', { waitUntil: 'networkidle' });
	await page.getByLabel('E-mailadres').fill(me.email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('buurtplein-demo');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByText('Het e-mailadres of het wachtwoord klopt niet.')).toBeVisible();
});

test('a worker of the wijk deletes an offline resident\'s account on request, with a reason', async ({ browser }) => {
	test.setTimeout(90_000);
	const env = testEnv();
	const resident = await newResident(env, 'Karel Kantoor');
	const context = await browser.newContext();
	await signIn(context, demo.workerZwolle);
	const page = await context.newPage();
	await page.goto(`/werkplek/persoon/${resident.id}`);
	await page.getByRole('link', { name: 'Account verwijderen op verzoek van de bewoner' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account verwijderen op verzoek');
	await expectAccessible(page);
	page.on('dialog', (dialog) => dialog.accept());
	await page.getByRole('button', { name: 'Account verwijderen' }).click();
	await expect(page.getByText('Vink aan dat je het zeker weet')).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Reden en hoe het verzoek binnenkwam').fill('Telefonisch verzoek, teruggebeld ter controle');
	await page.getByLabel('De bewoner heeft hier zelf om gevraagd').check();
	await page.getByRole('button', { name: 'Account verwijderen' }).click();
	await expect(page.getByText(/Het account is verwijderd\. Kenmerk voor je dossier: [0-9a-f-]{36}/)).toBeVisible();
	await expectAccessible(page);
	await context.close();
});
