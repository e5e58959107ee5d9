import { expect, test } from '@playwright/test';
import { newResident } from '../support/burenhulp.ts';
import { post } from '../support/burenhulp.ts';
import { expectAccessible, signIn, testEnv, waitForMail } from './support.ts';

test('a neighbour proposes a match; the other sees the bell go up, follows the notification and accepts; the first gets the mail @phone', async ({ browser }) => {
	const env = testEnv();
	// Fresh neighbours per run (desktop and phone share one database).
	const noor = await newResident(env, 'Noor Nieuw');
	const pim = await newResident(env, 'Pim Buur', 'BU01930602');
	const request = await post(noor.db, { kind: 'vraag', category: 'klussen', description: 'Wie helpt mij een kast in elkaar te zetten?' });
	const offer = await post(pim.db, { kind: 'aanbod', category: 'klussen', description: 'Ik heb gereedschap en help graag met klussen.' });

	const noorContext = await browser.newContext();
	await signIn(noorContext, noor.id);
	const noorPage = await noorContext.newPage();
	await noorPage.goto('/');
	const bell = noorPage.getByRole('link', { name: /^Meldingen/ });
	const before = Number(/(\d+) ongelezen/.exec((await bell.getAttribute('aria-label')) ?? '')?.[1] ?? 0);

	// Pim proposes from his offer's page.
	const pimContext = await browser.newContext();
	await signIn(pimContext, pim.id);
	const pimPage = await pimContext.newPage();
	await pimPage.goto(`/burenhulp/${offer}`);
	await pimPage.getByRole('listitem').filter({ hasText: 'Wie helpt mij een kast' }).getByRole('button', { name: 'Stel Noor voor om kennis te maken' }).click();
	await expect(pimPage.getByText('We wachten op een antwoord van Noor.')).toBeVisible();

	// Noor's bell counts one more, server-rendered.
	await noorPage.reload();
	await expect(bell).toHaveAttribute('aria-label', `Meldingen, ${before + 1} ongelezen`);
	await bell.click();
	await expect(noorPage.getByRole('heading', { level: 1 })).toHaveText('Meldingen');
	await expectAccessible(noorPage);
	const proposal = noorPage.getByRole('link', { name: 'Pim stelt een match voor: klussen' });
	await expect(proposal).toBeVisible();
	await proposal.click();
	await expect(noorPage).toHaveURL(/\/burenhulp\/match\//);
	await noorPage.getByRole('button', { name: 'Ja, graag' }).click();
	await expect(noorPage.getByRole('region', { name: 'Contactgegevens van Pim' })).toContainText(pim.phone);
	await expect(noorPage.getByRole('link', { name: /^Meldingen/ })).toHaveAttribute('aria-label', before ? `Meldingen, ${before} ongelezen` : 'Meldingen');

	// Pim gets the mail that the match is on, with a link to it and one-click unsubscribe.
	const mail = await waitForMail(pim.email, (m) => m.subject === 'Je match met Noor is rond');
	expect(mail.text).toContain('Hallo Pim,');
	expect(mail.text).toContain('/burenhulp/match/');
	expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
	expect(request).toBeTruthy();
	await noorContext.close();
	await pimContext.close();
});

test('a resident chooses how to get e-mail and makes a calendar link @phone', async ({ browser }) => {
	const env = testEnv();
	const resident = await newResident(env, 'Kiki Keuze');
	const context = await browser.newContext();
	await signIn(context, resident.id);
	const page = await context.newPage();
	await page.goto('/profiel');
	await page.getByRole('link', { name: 'Meldingen en agenda' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Meldingen en agenda');
	await expectAccessible(page);
	await page.getByLabel('Een nieuw bericht in een match').selectOption({ label: 'Dagoverzicht' });
	await page.getByRole('button', { name: 'Bewaar mijn keuzes' }).click();
	await expect(page.getByText('Je keuzes zijn bewaard.')).toBeVisible();
	await expect(page.getByLabel('Een nieuw bericht in een match')).toHaveValue('daily');
	await page.getByRole('button', { name: 'Maak een agenda-link' }).click();
	await expect(page.getByLabel('Agenda-link')).toHaveValue(/\/agenda\/[\w-]+\.ics$/);
	await expectAccessible(page);
	await context.close();
});
