import { expect, test } from '@playwright/test';
import { expectAccessible, logIn, mainNav } from './support.ts';

test('a new resident registers, logs in, edits their profile and logs out @phone', async ({ page }) => {
	const email = `e2e.${Date.now()}@example.test`;
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Samen maken we de buurt');
	await expectAccessible(page);

	await page.getByRole('link', { name: 'Maak een account' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account maken');
	await expectAccessible(page);

	// First try with mistakes: every field says what is wrong, and what was typed stays.
	await page.getByLabel('Je naam').fill('<b>Noor</b>');
	await page.getByLabel('E-mailadres').fill('noor@');
	await page.getByLabel('Wachtwoord').fill('kort');
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page.getByText('Gebruik geen HTML-code')).toBeVisible();
	await expect(page.getByText('Dit is geen geldig e-mailadres')).toBeVisible();
	await expect(page.getByText('minstens 10 tekens', { exact: false }).last()).toBeVisible();
	await expect(page.getByText('Kies je buurt uit de lijst.')).toBeVisible();
	await expect(page.getByText('Ga akkoord met de huisregels om verder te gaan.')).toBeVisible();
	await expect(page.getByLabel('E-mailadres')).toHaveValue('noor@');
	await expect(page.getByLabel('E-mailadres')).toHaveAttribute('aria-invalid', 'true');
	await expectAccessible(page);

	await page.getByLabel('Je naam').fill('Noor');
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord').fill('mijn buurt is mooi');
	await page.getByLabel('Je buurt').selectOption({ label: 'Holtenbroek I' });
	await page.getByLabel('Ik ga akkoord met de huisregels').check();
	await page.getByRole('button', { name: 'Account maken' }).click();
	await expect(page).toHaveURL(/\/inloggen\?aangemeld=1/);
	await expect(page.getByText('Kijk in je mail')).toBeVisible();
	await expectAccessible(page);

	await logIn(page, email, 'mijn buurt is mooi');
	// A new resident's overview: nothing yet, and each block says what it will hold.
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByText('Er wacht nu niets op jou.')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Mijn initiatieven' })).toContainText('Je hebt nog geen initiatief voorgesteld');
	await expectAccessible(page);
	await (await mainNav(page)).getByRole('link', { name: 'Mijn profiel' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn profiel');
	await expectAccessible(page);

	await page.getByLabel('tuinieren').first().check();
	await page.getByLabel('dinsdag middag').check();
	await page.getByLabel('Telefoonnummer').fill('06 98765432');
	await page.getByLabel('Over jou').fill('Ik woon hier sinds kort.');
	await page.getByRole('button', { name: 'Profiel opslaan' }).click();
	await expect(page.getByText('Je profiel is opgeslagen.')).toBeVisible();
	await page.reload();
	await expect(page.getByLabel('Telefoonnummer')).toHaveValue('06 98765432');
	await expect(page.getByLabel('dinsdag middag')).toBeChecked();

	await page.getByRole('link', { name: 'Waar ben ik ingelogd?' }).click();
	await expect(page.getByRole('listitem').filter({ hasText: 'dit apparaat' })).toHaveCount(1);
	await expectAccessible(page);

	await (await mainNav(page)).getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page).toHaveURL(/\/\?uitgelogd=1$/);
	await expect(page.getByText('Je bent uitgelogd.')).toBeVisible();
	await expect((await mainNav(page)).getByRole('link', { name: 'Inloggen' })).toBeVisible();
	await page.goto('/profiel');
	await expect(page).toHaveURL(/\/inloggen\?redirectTo=%2Fprofiel/);
	// Logging in from there leads back to where the person wanted to go.
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill('mijn buurt is mooi');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn profiel');
});

test('the keyboard reaches the content through the skip link', async ({ page }) => {
	await page.goto('/');
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Naar de inhoud' });
	await expect(skip).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/#inhoud$/);
});

test('a coordinator makes a resident opbouwwerker of a wijk', async ({ page }) => {
	await logIn(page, 'coordinator.zwolle@buurtplein.test');
	await (await mainNav(page)).getByRole('link', { name: 'Opbouwwerkers' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Opbouwwerkers aanwijzen');
	await expectAccessible(page);
	await page.getByLabel('Zoek op naam').fill('Bram');
	await page.getByRole('button', { name: 'Zoeken' }).click();
	// Wait for the searched list: ticking a box on the list that is about to be replaced loses the tick.
	await expect(page).toHaveURL(/q=Bram/);
	// One row per person in a table; the wijken are chosen in the row's "Wijken van …" disclosure.
	const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Bram Jansen' }) });
	await row.locator('summary', { hasText: 'Wijken van Bram Jansen' }).click();
	await row.getByLabel('Stadshagen').check();
	await expect(row.getByLabel('Stadshagen')).toBeChecked();
	await row.getByRole('button', { name: 'Opslaan' }).click();
	await expect(page.getByText('Opgeslagen.')).toBeVisible();
	await expect(page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Bram Jansen' }) })).toContainText('opbouwwerker');
	await expectAccessible(page);
});

test('English is one choice away, and stays chosen', async ({ page }) => {
	await page.goto('/');
	await page.getByLabel('Taal').selectOption('en');
	await page.getByRole('button', { name: 'Kies' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Together we make the neighbourhood');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.goto('/inloggen');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log in');
	await expectAccessible(page);
});
