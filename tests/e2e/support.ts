import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import type { TestEnv } from '../support/env.ts';

export function testEnv(): TestEnv {
	return JSON.parse(process.env.E2E_ENV ?? '{}');
}

/**
 * Fails the test with the list of WCAG 2.2 A/AA violations axe finds on the page as it is now, or when
 * the page scrolls sideways (WCAG 1.4.10, reflow: a phone user must not have to).
 */
export async function expectAccessible(page: Page): Promise<void> {
	const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
	expect(overflow, `horizontal scroll on ${page.url()}`).toBeLessThanOrEqual(0);
	const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
	const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
	expect(summary, `axe on ${page.url()}`).toEqual([]);
}

export async function logIn(page: Page, email: string, password = 'buurtplein-demo'): Promise<void> {
	// Fill in only once the page has settled: on a busy machine, hydration can otherwise reset the fields.
	await page.goto('/inloggen', { waitUntil: 'networkidle' });
	await page.getByLabel('E-mailadres').fill(email);
	await page.getByLabel('Wachtwoord', { exact: true }).fill(password);
	await expect(page.getByLabel('E-mailadres')).toHaveValue(email);
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/profiel/);
}
