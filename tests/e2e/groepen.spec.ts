import { expect, test, type Browser, type Page } from '@playwright/test';
import { newResident } from '../support/burenhulp.ts';
import { demo } from '../support/clients.ts';
import { expectAccessible, signIn, testEnv } from './support.ts';

async function as(browser: Browser, userId: string): Promise<Page> {
	const context = await browser.newContext();
	await signIn(context, userId);
	return context.newPage();
}

/** A day a week ahead, as <input type="date"> takes it. */
function nextWeek(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + 7 * 86_400_000));
}

test('a resident proposes a moestuin group, the worker publishes and facilitates it, two neighbours join, they meet, minutes with an actiepunt, the group moves on @phone', async ({ browser }) => {
	// Five people and axe on every page: longer than one page's worth of time on a shared 2-core machine.
	test.setTimeout(300_000);
	const env = testEnv();
	// Fresh neighbours per run (desktop and phone share one database), all living in Holtenbroek I.
	const [mila, chris, bo] = await Promise.all([newResident(env, 'Mila Moes'), newResident(env, 'Chris Vraag'), newResident(env, 'Bo Buur')]);
	const name = `Moestuin Holtenbroek ${Date.now() % 100000}`;

	// Mila proposes; a first try with mistakes shows a message per field.
	const milaPage = await as(browser, mila.id);
	await milaPage.goto('/groepen');
	await expectAccessible(milaPage);
	await milaPage.getByRole('link', { name: 'Groep starten' }).first().click();
	await expect(milaPage.getByRole('heading', { level: 1 })).toHaveText('Groep starten');
	await expectAccessible(milaPage);
	await milaPage.getByLabel('Naam van de groep').fill('Mo');
	await milaPage.getByRole('button', { name: 'Voorstellen aan de opbouwwerker' }).click();
	await expect(milaPage.getByText('Dit is te kort: minstens 3 tekens.')).toBeVisible();
	await expect(milaPage.getByText('Kies minstens één thema.')).toBeVisible();
	await expectAccessible(milaPage);

	await milaPage.getByLabel('Naam van de groep').fill(name);
	await milaPage.getByLabel('Wat wil de groep doen?').fill('Samen groente en kruiden kweken in bakken achter de flat. Elke zaterdagochtend, iedereen uit de buurt is welkom.');
	await milaPage.getByLabel('Soort groep').selectOption('thema_groep');
	await milaPage.getByLabel('Duurzaamheid').check();
	await milaPage.getByLabel('Buurt of wijk').selectOption('BU01930601');
	await milaPage.getByLabel('Meedoen op verzoek').check();
	await milaPage.getByLabel('Vraag aan wie wil meedoen').fill('Wat wil je graag kweken?');
	await milaPage.getByRole('button', { name: 'Voorstellen aan de opbouwwerker' }).click();
	await expect(milaPage.getByText('Je voorstel is ingediend.')).toBeVisible();
	await expect(milaPage.getByRole('heading', { level: 1 })).toHaveText(name);
	const groupUrl = new URL(milaPage.url()).pathname;
	await expectAccessible(milaPage);

	// Sanne, opbouwwerker of Holtenbroek, finds it in her queue and publishes it.
	const sanne = await as(browser, demo.workerZwolle);
	await sanne.goto('/werkplek');
	await sanne.getByRole('link', { name }).click();
	await expectAccessible(sanne);
	await sanne.getByLabel('Publiceren (ik begeleid de groep)').check();
	await sanne.getByRole('button', { name: 'Beslissing opslaan' }).click();
	await expect(sanne.getByText('De groep is gepubliceerd. Jij begeleidt haar.')).toBeVisible();
	await expect(sanne.getByText('Begeleiding: Sanne Opbouwwerker').first()).toBeVisible();

	// Chris finds it and asks to join with the answer to its question.
	const chrisPage = await as(browser, chris.id);
	await chrisPage.goto('/groepen');
	await chrisPage.getByLabel('Zoeken', { exact: true }).fill(name);
	await chrisPage.getByRole('button', { name: 'Zoeken' }).click();
	await chrisPage.getByRole('link', { name }).click();
	await expect(chrisPage.getByText('Je vraagt om mee te doen en beantwoordt één vraag.')).toBeVisible();
	await expectAccessible(chrisPage);
	await chrisPage.getByLabel('Wat wil je graag kweken?').fill('Tomaten en basilicum');
	await chrisPage.getByLabel('Hoe kunnen de andere leden je bereiken? (niet verplicht)').fill('06 12121212');
	await chrisPage.getByRole('button', { name: 'Vraag om mee te doen' }).click();
	await expect(chrisPage.getByText('Je verzoek is verstuurd.')).toBeVisible();

	// Mila, the trekker, lets Chris in.
	await milaPage.goto(groupUrl);
	await milaPage.getByRole('link', { name: 'Verzoeken om mee te doen: 1' }).click();
	await expect(milaPage.getByText('Tomaten en basilicum')).toBeVisible();
	await expectAccessible(milaPage);
	await milaPage.getByRole('button', { name: 'Laat meedoen' }).click();
	await expect(milaPage.getByText('Het verzoek is goedgekeurd. De bewoner is nu lid.')).toBeVisible();
	await expect(milaPage.getByRole('listitem').filter({ hasText: 'Chris' })).toContainText('06 12121212');

	// Sanne invites Bo, who joins at once.
	await sanne.goto(`${groupUrl}/leden`);
	await expectAccessible(sanne);
	await sanne.getByLabel('E-mailadres van de bewoner').fill(bo.email);
	await sanne.getByRole('button', { name: 'Uitnodigen' }).click();
	await expect(sanne.getByText('De uitnodiging is verstuurd.')).toBeVisible();
	const boPage = await as(browser, bo.id);
	await boPage.goto(groupUrl);
	await expect(boPage.getByText('Je bent uitgenodigd voor deze groep, als Lid.')).toBeVisible();
	await boPage.getByRole('button', { name: 'Ik doe mee' }).click();
	await expect(boPage.getByText('Je doet mee! Welkom in de groep.')).toBeVisible();
	await expectAccessible(boPage);

	// Mila plans the first meeting with an agenda.
	await milaPage.goto(groupUrl);
	await milaPage.getByRole('link', { name: 'Bijeenkomst plannen' }).click();
	await expectAccessible(milaPage);
	await milaPage.getByLabel('Titel').fill('Eerste tuinoverleg');
	await milaPage.getByLabel('Datum').fill(nextWeek());
	await milaPage.getByLabel('Begint om').fill('10:00');
	await milaPage.getByLabel('Eindigt om').fill('11:30');
	await milaPage.getByLabel('Het buurthuis', { exact: true }).check();
	await milaPage.getByLabel('Adres of naam van het buurthuis').fill('Buurthuis De Sprengen');
	await milaPage.getByLabel('Agenda').fill('1. Welke bakken?\n2. Wie zaait wat?');
	await milaPage.getByRole('button', { name: 'Bijeenkomst plannen' }).click();
	await expect(milaPage.getByText('De bijeenkomst is gepland. De leden krijgen een melding.')).toBeVisible();
	const meetingUrl = new URL(milaPage.url()).pathname;
	await expectAccessible(milaPage);

	// Chris and Bo say they are coming.
	for (const page of [chrisPage, boPage]) {
		await page.goto(meetingUrl);
		await expect(page.getByText('Wie zaait wat?')).toBeVisible();
		await page.getByRole('button', { name: 'Ik kom', exact: true }).click();
		await expect(page.getByText('Je hebt gezegd dat je komt.')).toBeVisible();
	}
	await expectAccessible(boPage);

	// Mila writes the minutes with a besluit and an actiepunt for Bo.
	await milaPage.goto(meetingUrl);
	await expect(milaPage.getByText(/Komen: (Chris, Bo|Bo, Chris)/)).toBeVisible();
	await milaPage.getByText('Verslag schrijven').click();
	await milaPage.getByLabel('Wat is er besproken?').fill('We beginnen met vier bakken achter de flat.');
	await milaPage.getByLabel('Besluiten').fill('We zaaien in april');
	await milaPage.getByLabel('Actiepunt 1', { exact: true }).fill('Zaden kopen');
	await milaPage.getByLabel('Wie doet actiepunt 1?').selectOption({ label: 'Bo' });
	await milaPage.getByLabel('Klaar op (actiepunt 1)').fill(nextWeek());
	await milaPage.getByRole('button', { name: 'Verslag opslaan' }).click();
	await expect(milaPage.getByText('Het verslag is opgeslagen. De leden krijgen een melding.')).toBeVisible();
	await expect(milaPage.getByRole('listitem').filter({ hasText: 'Zaden kopen – Bo' })).toBeVisible();
	await expectAccessible(milaPage);

	// Sanne moves the group on to "samen op weg".
	await sanne.goto(groupUrl);
	await sanne.getByRole('button', { name: 'Verder naar Samen op weg' }).click();
	await expect(sanne.getByText('De fase is aangepast.')).toBeVisible();
	await expect(sanne.getByText(/Samen op weg: sinds/)).toBeVisible();
	await expectAccessible(sanne);
	await sanne.goto('/werkplek/groepen');
	await expect(sanne.getByRole('listitem').filter({ hasText: name }).first()).toContainText('Samen op weg');
	await expectAccessible(sanne);
});

test('a visitor finds public groups and reads how to join; a members-only group is not there for them', async ({ page }) => {
	await page.goto('/groepen');
	await expect(page.getByRole('link', { name: 'Bewonerscommissie Holtenbroek I' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Buurtpreventie Holtenbroek' })).toHaveCount(0);
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Bewonerscommissie Holtenbroek I' }).click();
	await expect(page.getByText('In welke straat woon je?')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Log in om mee te doen' })).toBeVisible();
	await expectAccessible(page);
	const response = await page.goto('/groepen/40000000-0000-4000-8000-000000000002');
	expect(response?.status()).toBe(404);
});

test('a member of the buurtpreventieteam signs up for a ronde on the rooster @phone', async ({ browser }) => {
	const page = await as(browser, demo.anna);
	await page.goto('/groepen/40000000-0000-4000-8000-000000000002');
	const rooster = page.getByRole('region', { name: 'Rooster van de rondes' });
	await expect(rooster.getByText('Lopen mee: Bram').first()).toBeVisible();
	await expectAccessible(page);
	await rooster.getByRole('button', { name: 'Ik loop mee' }).first().click();
	await expect(page.getByText('Je antwoord is opgeslagen.')).toBeVisible();
	await expect(page.getByRole('region', { name: 'Rooster van de rondes' }).getByText(/Lopen mee: (Bram, Anna|Anna, Bram)/).first()).toBeVisible();
});
