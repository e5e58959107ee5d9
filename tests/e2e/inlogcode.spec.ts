// Logging in with a code read from the mailbox, and changing the e-mail address (issue 14, point 3), in a
// real browser at 1280 px and, on the phone project, at 390 px; axe on every new page.
import { expect, test } from '@playwright/test';
import { newResident } from '../support/burenhulp.ts';
import { uniqueEmail } from '../support/clients.ts';
import { expectAccessible, logIn, signIn, testEnv, waitForMail } from './support.ts';

const viewport = () => (test.info().project.name === 'phone' ? { width: 390, height: 844 } : { width: 1280, height: 900 });

test('a resident logs in with a code from the mail and lands where they were @phone', async ({ browser }) => {
	const resident = await newResident(testEnv(), 'Cas Code');
	const context = await browser.newContext({ viewport: viewport() });
	const page = await context.newPage();
	await page.goto('/inloggen?redirectTo=%2Fgroepen', { waitUntil: 'networkidle' });
	await page.getByRole('link', { name: 'Stuur me een inlogcode' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Inloggen met een code');
	await expectAccessible(page);

	// A typo first: the message is beside the field and what was typed stays.
	await page.getByLabel('E-mailadres').fill('cas@');
	await page.getByRole('button', { name: 'Stuur me een inlogcode' }).click();
	await expect(page.getByText('Dit is geen geldig e-mailadres', { exact: false })).toBeVisible();
	await expect(page.getByLabel('E-mailadres')).toHaveValue('cas@');
	await page.getByLabel('E-mailadres').fill(resident.email);
	await page.getByRole('button', { name: 'Stuur me een inlogcode' }).click();
	await expect(page.getByText('Als dit adres een account heeft, staat er nu een mail met een code voor je klaar.')).toBeVisible();
	await expectAccessible(page);

	const mail = await waitForMail(resident.email, (m) => m.subject.startsWith('Je inlogcode voor Buurtplein'));
	const code = /(\d{6})/.exec(mail.subject)![1];
	expect(mail.headers['list-unsubscribe']).toBeUndefined();
	// A wrong code first: told, and the form stays for another try.
	await page.getByLabel('Code uit de mail').fill(code === '000000' ? '111111' : '000000');
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page.getByText('Deze code klopt niet of werkt niet meer.', { exact: false })).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Code uit de mail').fill(code);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page).toHaveURL(/\/groepen$/);
	await context.close();
});

test('the link in the code mail asks for a press of the button, then logs in @phone', async ({ browser }) => {
	const resident = await newResident(testEnv(), 'Lot Link');
	const context = await browser.newContext({ viewport: viewport() });
	const page = await context.newPage();
	await page.goto('/inloggen/code', { waitUntil: 'networkidle' });
	await page.getByLabel('E-mailadres').fill(resident.email);
	await page.getByRole('button', { name: 'Stuur me een inlogcode' }).click();
	await expect(page.getByText('De code is gestuurd naar')).toBeVisible();
	const mail = await waitForMail(resident.email, (m) => m.subject.startsWith('Je inlogcode voor Buurtplein'));
	const link = /(http\S+\/inloggen\/code\?token=\S+)/.exec(mail.text)![1];
	await page.goto(link);
	await expect(page.getByText('Klik op de knop om in te loggen.')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn buurtplein');
	await context.close();
});

test('a resident changes their e-mail address and logs in with the new one @phone', async ({ browser }) => {
	const resident = await newResident(testEnv(), 'Wim Wissel');
	const next = uniqueEmail('wim.nieuw');
	const context = await browser.newContext({ viewport: viewport() });
	await signIn(context, resident.id);
	const page = await context.newPage();
	await page.goto('/profiel');
	await page.getByRole('link', { name: 'E-mailadres wijzigen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('E-mailadres wijzigen');
	await expectAccessible(page);

	await page.getByLabel('Nieuw e-mailadres').fill(next);
	await page.getByLabel('Je huidige wachtwoord').fill('niet mijn wachtwoord');
	await page.getByRole('button', { name: 'Stuur de bevestiging' }).click();
	await expect(page.getByText('Dit is niet je huidige wachtwoord.')).toBeVisible();
	await expect(page.getByLabel('Nieuw e-mailadres')).toHaveValue(next);
	await expectAccessible(page);
	await page.getByLabel('Je huidige wachtwoord').fill('buurtplein-demo');
	await page.getByRole('button', { name: 'Stuur de bevestiging' }).click();
	await expect(page.getByText('Kijk in de mail van je nieuwe adres')).toBeVisible();

	// The old address is told, without the new address in full.
	const told = await waitForMail(resident.email, (m) => m.subject === 'Je wilt je e-mailadres voor Buurtplein wijzigen');
	expect(told.text).not.toContain(next);
	const mail = await waitForMail(next, (m) => m.subject === 'Bevestig je nieuwe e-mailadres voor Buurtplein');
	const link = /(http\S+\/e-mail-wijzigen\?token=\S+)/.exec(mail.text)![1];
	await page.goto(link);
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Gebruik mijn nieuwe adres' }).click();
	await expect(page.getByText('Je e-mailadres is gewijzigd.')).toBeVisible();
	await expectAccessible(page);
	await waitForMail(resident.email, (m) => m.subject === 'Je e-mailadres voor Buurtplein is gewijzigd');
	await context.close();

	// Another browser: the new address logs in.
	const fresh = await browser.newContext({ viewport: viewport() });
	const again = await fresh.newPage();
	await logIn(again, next);
	await fresh.close();
});
