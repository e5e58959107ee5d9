// Finding one's way (issue 11): the overview as home, the phone's one-line menu (also without
// JavaScript), the list filters folded so the first result is on the first screen, and texts that
// agree with the data (Repair Café dates on the rule's Saturday, plain-language theme hints).
import { expect, test } from '@playwright/test';
import { demo } from '../support/clients.ts';
import { expectAccessible, mainNav, signIn } from './support.ts';

test('a resident lands on Mijn buurtplein, with what waits for them first, and finds every list from it @phone', async ({ page, context }) => {
	await signIn(context, demo.anna);
	await page.goto('/');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn buurtplein');
	const groups = page.getByRole('region', { name: 'Mijn groepen' });
	await expect(groups).toContainText('Bewonerscommissie Holtenbroek I');
	// The overview shows Anna's latest initiatives (other test files add some of hers); the full list has them all.
	await expect(page.getByRole('region', { name: 'Mijn initiatieven' }).getByRole('link').first()).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Al mijn initiatieven' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn initiatieven');
	await expect(page.getByText('Moestuin achter de flat')).toBeVisible();
	await (await mainNav(page)).getByRole('link', { name: 'Mijn buurtplein' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn buurtplein');
	if (test.info().project.name === 'phone') {
		// One line: the brand, the bell and the menu; the links only once the menu is open.
		await expect(page.getByRole('link', { name: 'Burenhulp', exact: true })).toBeHidden();
		const header = await page.locator('.site-header').boundingBox();
		expect(header!.height).toBeLessThan(80);
	}
});

test('without JavaScript the phone menu opens and leads somewhere @phone', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 800 } });
	const page = await context.newPage();
	await page.goto('/initiatieven');
	await page.getByText('Menu', { exact: true }).click();
	await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Groepen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bewonersgroepen');
	await context.close();
});

test('on a phone the first initiative is on the first screen; the filters fold open and keep the choice @phone', async ({ page }) => {
	await page.goto('/initiatieven');
	const first = page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 2 }) }).first();
	const box = await first.boundingBox();
	expect(box!.y, 'the first result starts on the first screen').toBeLessThan(page.viewportSize()!.height);
	await expect(page.getByLabel('Fase')).toBeHidden();
	await page.getByText('Filters', { exact: true }).click();
	await page.getByLabel('Fase').selectOption({ label: 'Plan' });
	await page.getByRole('button', { name: 'Zoeken' }).last().click();
	await expect(page).toHaveURL(/fase=plan/);
	await expect(page.getByText('Filters (1 gekozen)')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('link', { name: 'Alles wissen' }).click();
	await expect(page).not.toHaveURL(/fase=/);
	await expect(page.getByText('Filters', { exact: true })).toBeVisible();
});

test('the Repair Café says when it is, and its dates fall on that day; themes say what they mean', async ({ page, context }) => {
	await signIn(context, demo.bram);
	await page.goto('/repair-cafe/10000000-0000-4000-8000-000000000001');
	await expect(page.getByText('Elke eerste zaterdag, 10:00–13:00')).toBeVisible();
	await expect(page.getByRole('link', { name: 'Zet de datums in je agenda' })).toBeVisible();
	const dates = await page.getByRole('radio').evaluateAll((radios) => radios.map((r) => r.closest('label')?.textContent ?? ''));
	expect(dates.length).toBeGreaterThan(0);
	for (const date of dates) expect(date).toMatch(/zaterdag [1-7] /);
	await page.goto('/initiatieven/nieuw');
	await expect(page.getByLabel(/Sociale cohesie/)).toBeVisible();
	await expect(page.getByText('(buren kennen elkaar en helpen elkaar)')).toBeVisible();
	await expect(page.getByText('(een schone, hele en prettige buurt)')).toBeVisible();
});
