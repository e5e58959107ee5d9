import AxeBuilder from '@axe-core/playwright';
import { expect, test, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { writeSession } from '../support/clients.ts';
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../scripts/stack/index.ts';
import { startApp, stopApp, type TestEnv } from '../support/env.ts';
import { startFakePdok, type FakePdok } from '../support/pdok.ts';

export function testEnv(): TestEnv {
	return JSON.parse(process.env.E2E_ENV ?? '{}');
}

/**
 * Fails the test with the list of WCAG 2.2 A/AA violations axe finds on the page as it is now, or when
 * the page scrolls sideways (WCAG 1.4.10, reflow: a phone user must not have to), on a phone also at 360 px.
 */
export async function expectAccessible(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
	// On a phone, also the narrowest common screen (360 px) must not scroll sideways.
	const size = page.viewportSize();
	if (size && size.width < 600 && size.width > 360) {
		await page.setViewportSize({ width: 360, height: size.height });
		const narrow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
		await page.setViewportSize(size);
		expect(narrow, `horizontal scroll at 360 px on ${page.url()}`).toBeLessThanOrEqual(0);
	}
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	expect(summary, `axe on ${page.url()}`).toEqual([]);
}

/**
 * On a phone a map waits for a tap on its button ("Toon kaart", or "Kies op de kaart" for the
 * pin-picker; issue 15): taps it where it is shown. On a desktop the map loads by itself.
 */
export async function showMap(page: Page, button = 'Toon kaart'): Promise<void> {
	await expect(page.locator('html[data-hydrated]')).toBeAttached();
	const ask = page.getByRole('button', { name: button, exact: true });
	if (await ask.isVisible()) await ask.click();
}

export async function logIn(page: Page, email: string, password = 'buurtplein-demo', base = ''): Promise<void> {
	// Fill in only once the page has settled: on a busy machine, hydration can otherwise reset the fields.
	await page.goto(`${base}/inloggen`, { waitUntil: 'networkidle' });
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	// Log-in leads to the person's overview.
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mijn buurtplein');
}

/** The main navigation as the person sees it: on a phone it is one line, and the menu is opened first. */
export async function mainNav(page: Page): Promise<Locator> {
	const menu = page.locator('details.menu');
	if ((await menu.isVisible()) && (await menu.getAttribute('open')) === null) await menu.locator('summary').click();
	return page.getByRole('navigation', { name: 'Hoofdmenu' });
}

/**
 * Signs a browser context in as a user without the log-in form, by writing a session as the site
 * does (cookie for 127.0.0.1, any port). For journeys about what a logged-in person does; the log-in form itself has its own tests,
 * and log-ins are rate-limited per account across the whole run.
 */
export async function signIn(context: BrowserContext, userId: string): Promise<void> {
	const env = testEnv();
	// Cookies are per host, not per port: this also signs in on a second copy of the site.
	await context.addCookies([{ name: 'session', value: await writeSession(env, userId), url: env.appUrl }]);
}

/**
 * A second copy of the built site on the shared e2e stack that looks addresses up in a local
 * stand-in for PDOK Locatieserver (the shared e2e site has no geocoder configured).
 */
async function startGeocodingSite(): Promise<{ base: string; stop(): Promise<void> }> {
	const env = testEnv();
	const pdok: FakePdok = await startFakePdok();
	const port = await freePort();
	const app: ChildProcess = await startApp(port, {
		SUPABASE_URL: env.supabaseUrl,
		SUPABASE_ANON_KEY: env.anonKey,
		SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
		SUPABASE_JWT_SECRET: env.jwtSecret,
		PDOK_LOCATIESERVER_URL: pdok.url
	});
	return {
		base: `http://127.0.0.1:${port}`,
		async stop() {
			await stopApp(app);
			await pdok.close();
		}
	};
}

/** Runs the file's tests against a geocoding copy of the site; returns its base URL once started. */
export function useGeocodingSite(): () => string {
	let site: Awaited<ReturnType<typeof startGeocodingSite>> | undefined;
	test.beforeAll(async () => {
		site = await startGeocodingSite();
	});
	test.afterAll(async () => {
		await site?.stop();
	});
	return () => site!.base;
}

export interface ReceivedMail {
	to: string[];
	subject: string;
	text: string;
	headers: Record<string, string>;
}

/** Waits for a mail to this address that the e2e SMTP server received (global-setup.ts). */
export async function waitForMail(address: string, match: (mail: ReceivedMail) => boolean = () => true, timeoutMs = 30_000): Promise<ReceivedMail> {
	const { existsSync, readFileSync } = await import('node:fs');
	const file = process.env.E2E_MAILBOX ?? '';
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const mails: ReceivedMail[] = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line)) : [];
		const found = mails.find((mail) => mail.to.includes(address.toLowerCase()) && match(mail));
		if (found) return found;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`no mail to ${address} within ${timeoutMs} ms`);
}
