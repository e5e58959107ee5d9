import { expect, test, type Browser, type Page } from '@playwright/test';
import { expectAccessible, logIn, mainNav } from './support.ts';

async function asResident(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': `10.200.1.${email.length}` } });
	const page = await context.newPage();
	await logIn(page, email);
	return page;
}

test('a resident asks for help with shopping, a neighbour with a matching offer proposes, they accept and exchange a message @phone', async ({ browser }) => {
	// Desktop and phone runs share one database: each run asks its own question.
	const question = `Wie wil op dinsdag mijn boodschappen meenemen? (${test.info().project.name})`;
	// Anna asks for help with her shopping.
	const anna = await asResident(browser, 'anna@buurtplein.test');
	await (await mainNav(anna)).getByRole('link', { name: 'Burenhulp' }).click();
	await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Burenhulp');
	await expectAccessible(anna);
	await anna.getByRole('link', { name: 'Ik zoek hulp' }).click();
	await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Hulp vragen of aanbieden');
	await expectAccessible(anna);
	await anna.getByLabel('Waarbij?').selectOption({ label: 'boodschappen' });
	await anna.getByLabel('Vertel kort wat je zoekt of aanbiedt').fill(question);
	// Her availability from her profile is already ticked: dinsdag middag.
	await expect(anna.getByLabel('dinsdag middag')).toBeChecked();
	await anna.getByRole('button', { name: 'Plaatsen' }).click();
	await expect(anna.getByText('Geplaatst.')).toBeVisible();
	await expect(anna.getByRole('heading', { level: 1 })).toHaveText('Hulpvraag: boodschappen');
	await expectAccessible(anna);

	// Bram offers to do shopping, on Tuesday afternoons too, and sees Anna as the first suggestion.
	const bram = await asResident(browser, 'bram@buurtplein.test');
	await bram.goto('/burenhulp/nieuw?soort=aanbod');
	await bram.getByLabel('Waarbij?').selectOption({ label: 'boodschappen' });
	await bram.getByLabel('Vertel kort wat je zoekt of aanbiedt').fill('Ik ga elke dinsdag naar de supermarkt en neem graag iets mee.');
	await bram.getByLabel('dinsdag middag').check();
	await bram.getByRole('button', { name: 'Plaatsen' }).click();
	const suggestion = bram.getByRole('listitem').filter({ hasText: question });
	await expect(suggestion).toContainText('Anna · boodschappen');
	await expect(suggestion).toContainText('woont 600 m verderop, ook dinsdag middag');
	await expectAccessible(bram);
	await suggestion.getByRole('button', { name: 'Stel Anna voor om kennis te maken' }).click();
	await expect(bram.getByText('We wachten op een antwoord van Anna.')).toBeVisible();
	await expect(bram.getByText('06 12345678')).toHaveCount(0);
	await expectAccessible(bram);

	// Anna sees the proposal waiting for her and accepts.
	await anna.goto('/burenhulp');
	await anna.getByRole('link', { name: 'Bram wil kennismaken' }).click();
	await expect(anna.getByText('06 23456789')).toHaveCount(0);
	await expectAccessible(anna);
	await anna.getByRole('button', { name: 'Ja, graag' }).click();
	const annaContact = anna.getByRole('region', { name: 'Contactgegevens van Bram' });
	await expect(annaContact).toContainText('06 23456789');
	await expect(annaContact).toContainText('bram@buurtplein.test');
	await anna.getByLabel('Je bericht').fill('Hoi Bram, fijn! Dinsdag om twee uur?');
	await anna.getByRole('button', { name: 'Versturen' }).click();
	await expect(anna.getByText('Je bericht is verstuurd.')).toBeVisible();
	await expectAccessible(anna);

	// Bram now sees Anna's phone number and her message, and answers.
	await bram.reload();
	await expect(bram.getByRole('region', { name: 'Contactgegevens van Anna' })).toContainText('06 12345678');
	await expect(bram.getByText('Hoi Bram, fijn! Dinsdag om twee uur?')).toBeVisible();
	await bram.getByLabel('Je bericht').fill('Prima, tot dinsdag!');
	await bram.getByRole('button', { name: 'Versturen' }).click();
	await expect(bram.getByText('Je bericht is verstuurd.')).toBeVisible();

	await anna.reload();
	await expect(anna.getByText('Prima, tot dinsdag!')).toBeVisible();
	await expectAccessible(anna);
});

test('an opbouwwerker sees the waiting list and files a request for a resident who is not online', async ({ page }) => {
	await logIn(page, 'werker.zwolle@buurtplein.test');
	await page.goto('/werkplek/burenhulp');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Burenhulp in mijn wijken');
	await expect(page.getByRole('listitem').filter({ hasText: 'Gerrit · gezelschap' })).toContainText('10 dagen open');
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Hulpvraag aanmelden voor een bewoner' }).click();
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByText('Vul dit in.').first()).toBeVisible();
	await expectAccessible(page);
	await page.getByLabel('Voor wie vraag je hulp?').fill('Truus Hendriks');
	await page.getByLabel('Telefoonnummer van de bewoner').fill('038 4567890');
	await page.getByLabel('Waarbij?').selectOption({ label: 'vervoer' });
	await page.getByLabel('Vertel kort wat je zoekt of aanbiedt').fill('Mevrouw zoekt vervoer naar de huisarts.');
	await page.getByLabel('donderdag ochtend').check();
	await page.getByLabel('Waar?').selectOption({ label: 'Holtenbroek II' });
	await page.getByRole('button', { name: 'Aanmelden' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Hulpvraag: vervoer');
	await expect(page.getByText('Truus ·')).toBeVisible();
});
