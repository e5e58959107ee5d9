// Places by address in a real browser at 390 px: a resident types an address and picks a suggestion,
// or taps the map; with PDOK down the form still saves and says the place is looked up later; a
// worker's page to place what was not found. Runs against a copy of the site with a local stand-in
// for PDOK Locatieserver ("Storingstraat" makes it fail).
import { expect, test, type Browser, type Page } from '@playwright/test';
import { asUser, demo } from '../support/clients.ts';
import { expectAccessible, showMap, signIn, testEnv, useGeocodingSite } from './support.ts';

const siteBase = useGeocodingSite();

async function phone(browser: Browser, userId: string): Promise<Page> {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true, extraHTTPHeaders: { 'x-forwarded-for': '10.200.0.44' } });
	await signIn(context, userId);
	return context.newPage();
}

async function fillProposal(page: Page, title: string) {
	await page.goto(`${siteBase()}/initiatieven/nieuw`);
	await expect(page.locator('html[data-hydrated]')).toBeAttached();
	await page.getByLabel('Titel').fill(title);
	await page.getByLabel('Wat wil je doen, en waarom?').fill('We zetten een ruilkast neer waar buren spullen brengen en halen.');
	await page.getByLabel('Duurzaamheid').check();
}

test('a resident types an address, picks a suggestion, and the initiative is on the map', async ({ browser }) => {
	test.setTimeout(120_000);
	const title = `Ruilkast aan de weg ${Date.now() % 100000}`;
	const page = await phone(browser, demo.anna);
	await fillProposal(page, title);
	await expectAccessible(page);
	await page.getByRole('combobox', { name: 'Adres' }).pressSequentially('Holtenbroekerweg 5', { delay: 30 });
	const option = page.getByRole('option', { name: 'Holtenbroekerweg 5, 8025AB Zwolle' });
	await expect(option).toBeVisible();
	await expectAccessible(page);
	await option.click();
	await expect(page.getByRole('combobox', { name: 'Adres' })).toHaveValue('Holtenbroekerweg 5, 8025AB Zwolle');
	await page.getByRole('button', { name: 'Indienen bij de opbouwwerker' }).click();
	await expect(page).toHaveURL(/\/mijn-initiatieven\?ingediend=/);
	await expect(page.getByText('We zoeken de plek later op')).toHaveCount(0);
	await expectAccessible(page);

	// A worker of the wijk publishes it; it is on the map, at the address.
	const id = new URL(page.url()).searchParams.get('ingediend')!;
	const worker = await asUser(testEnv(), demo.workerZwolle);
	expect((await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'publiceren', p_message: '' })).error).toBeNull();
	await page.goto(`${siteBase()}/initiatieven/${id}`);
	await showMap(page);
	await expect(page.locator('.map[data-ready]')).toBeVisible({ timeout: 20_000 });
	await page.getByRole('button', { name: `Toon ${title} op de kaart` }).click();
	await expect(page.locator('.maplibregl-popup')).toContainText(title);
	await expectAccessible(page);
});

test('with PDOK down the form saves and says it will look the place up', async ({ browser }) => {
	const title = `Storing maar bewaard ${Date.now() % 100000}`;
	const page = await phone(browser, demo.anna);
	await fillProposal(page, title);
	await page.getByRole('combobox', { name: 'Adres' }).pressSequentially('Storingstraat 1', { delay: 30 });
	await expect(page.getByRole('status').filter({ hasText: 'Adressen voorstellen lukt nu niet' })).toBeAttached();
	await page.getByRole('button', { name: 'Indienen bij de opbouwwerker' }).click();
	await expect(page).toHaveURL(/plek=later/);
	await expect(page.getByText('We zoeken de plek later op: het adres is bewaard.')).toBeVisible();
	await expect(page.getByRole('listitem').filter({ hasText: title }).getByText('We zoeken de plek later op.')).toBeVisible();
	await expectAccessible(page);
});

test('a resident taps the map to place the initiative', async ({ browser }) => {
	const title = `Plek getikt ${Date.now() % 100000}`;
	const page = await phone(browser, demo.anna);
	await fillProposal(page, title);
	const map = page.getByRole('region', { name: 'Kaart om de plek aan te wijzen' });
	await showMap(page, 'Kies op de kaart');
	await expect(map.locator('canvas')).toBeVisible({ timeout: 20_000 });
	await map.locator('canvas').tap();
	await expect(page.getByText('De speld staat op de kaart.')).toBeVisible();
	await expect(map.locator('.maplibregl-marker')).toBeVisible();
	await expectAccessible(page);
	await page.getByRole('button', { name: 'Indienen bij de opbouwwerker' }).click();
	await expect(page).toHaveURL(/\/mijn-initiatieven\?ingediend=/);
	const id = new URL(page.url()).searchParams.get('ingediend')!;
	const anna = await asUser(testEnv(), demo.anna);
	const { data } = await anna.from('initiatieven').select('lat, lng, place_status').eq('id', id).single();
	// Near the centre of Holtenbroek I, where the map starts.
	expect(Math.abs(data!.lat! - 52.532)).toBeLessThan(0.01);
	expect(Math.abs(data!.lng! - 6.0925)).toBeLessThan(0.01);
	expect(data!.place_status).toBeNull();
});

test('a worker places what the address service did not find', async ({ page, context }) => {
	const title = `Niet gevonden ${Date.now() % 100000}`;
	const anna = await asUser(testEnv(), demo.anna);
	const { data: id } = await anna.rpc('save_initiatief', {
		p_id: null as unknown as string, p_title: title, p_body: 'Een plek die de adresdienst niet kende, voor de opbouwwerker.',
		p_themes: ['leefbaarheid'], p_buurt_code: 'BU01930601', p_lat: null as unknown as number, p_lng: null as unknown as number, p_needs: [],
		p_hands_count: null as unknown as number, p_materials: '', p_space: '', p_money_amount: null as unknown as number,
		p_starts_on: null as unknown as string, p_when_text: '', p_submit: true, p_address: 'Nergensstraat 1'
	});
	const { createClient } = await import('@supabase/supabase-js');
	const env = testEnv();
	await createClient(env.supabaseUrl, env.serviceRoleKey).from('initiatieven').update({ place_status: 'plaatsen' }).eq('id', id as string);

	await signIn(context, demo.workerZwolle);
	await page.goto(`${siteBase()}/werkplek`);
	await expect(page.getByRole('heading', { name: /Plekken om te plaatsen/ })).toBeVisible();
	await page.locator('#plekken').getByRole('link', { name: title }).click();
	await expect(page.getByRole('heading', { level: 1 })).toContainText(title);
	await expectAccessible(page);
	const map = page.getByRole('region', { name: 'Kaart om de plek aan te wijzen' });
	await showMap(page, 'Kies op de kaart');
	await expect(map.locator('canvas')).toBeVisible({ timeout: 20_000 });
	await map.locator('canvas').click();
	await expect(page.getByText('De speld staat op de kaart.')).toBeVisible();
	await expect(map.locator('.maplibregl-marker')).toBeVisible();
	await page.getByRole('button', { name: 'Plek opslaan' }).click();
	await expect(page.getByText('De plek is opgeslagen.')).toBeVisible();
	await expectAccessible(page);
});

test('the address suggestions work with the keyboard alone', async ({ page, context }) => {
	await signIn(context, demo.bram);
	await page.goto(`${siteBase()}/initiatieven/nieuw`);
	await expect(page.locator('html[data-hydrated]')).toBeAttached();
	const field = page.getByRole('combobox', { name: 'Adres' });
	await field.pressSequentially('Holtenbroekerweg', { delay: 30 });
	await expect(page.getByRole('listbox', { name: 'Adressen' }).getByRole('option')).toHaveCount(2);
	await expect(field).toHaveAttribute('aria-expanded', 'true');
	await field.press('ArrowDown');
	await field.press('ArrowDown');
	await expect(page.getByRole('option', { name: 'Holtenbroekerweg 7, 8025AB Zwolle' })).toHaveAttribute('aria-selected', 'true');
	await field.press('Enter');
	await expect(field).toHaveValue('Holtenbroekerweg 7, 8025AB Zwolle');
	await expect(field).toHaveAttribute('aria-expanded', 'false');
	await expect(page.locator('input[name="addressId"]')).toHaveValue('adr-8025AB-7');
	await expectAccessible(page);
});

test('an answer that comes after the arrow keys keeps the option the person is on', async ({ page, context }) => {
	await signIn(context, demo.bram);
	await page.goto(`${siteBase()}/initiatieven/nieuw`);
	await expect(page.locator('html[data-hydrated]')).toBeAttached();
	// The answer to the whole word comes late, as on a slow connection.
	let late: () => void = () => {};
	const lateAnswer = new Promise<void>((resolve) => (late = resolve));
	await page.route('**/adres/suggesties?*', async (route) => {
		if (new URL(route.request().url()).searchParams.get('q') === 'Holtenbroekerweg') await lateAnswer;
		await route.continue();
	});
	const field = page.getByRole('combobox', { name: 'Adres' });
	await field.fill('Holtenbroeker');
	const options = page.getByRole('listbox', { name: 'Adressen' }).getByRole('option');
	await expect(options).toHaveCount(2);
	await field.pressSequentially('weg');
	await field.press('ArrowDown');
	await field.press('ArrowDown');
	const seven = page.getByRole('option', { name: 'Holtenbroekerweg 7, 8025AB Zwolle' });
	await expect(seven).toHaveAttribute('aria-selected', 'true');
	const answered = page.waitForResponse((r) => r.url().includes('q=Holtenbroekerweg'));
	late();
	await answered;
	await page.waitForTimeout(100);
	await expect(seven).toHaveAttribute('aria-selected', 'true');
	await field.press('Enter');
	await expect(page.locator('input[name="addressId"]')).toHaveValue('adr-8025AB-7');
});
