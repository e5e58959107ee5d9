import { expect, test } from '@playwright/test';
import { expectAccessible, signIn, testEnv } from './support.ts';
import { service } from '../support/clients.ts';

// The statements are reached from every page's footer, read on a phone, and pass axe in both
// languages; a resident asked again for the house rules accepts them and comes back where they were.

test('the statements are linked from the footer and readable on a phone, in Dutch and English @phone', async ({ page }) => {
	await page.goto('/initiatieven');
	const footer = page.getByRole('navigation', { name: 'Over Buurtplein' });
	await footer.getByRole('link', { name: 'Privacy' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacyverklaring');
	await expect(page.getByRole('heading', { name: 'Verwerkingsregister' })).toBeVisible();
	await expect(page.getByRole('rowheader', { name: 'Burenhulp' })).toBeVisible();
	await expectAccessible(page);

	await page.getByRole('navigation', { name: 'Over Buurtplein' }).getByRole('link', { name: 'Toegankelijkheid' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Toegankelijkheidsverklaring');
	await expectAccessible(page);

	await page.getByRole('navigation', { name: 'Over Buurtplein' }).getByRole('link', { name: 'Huisregels' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Huisregels');
	await expectAccessible(page);

	await page.getByLabel('Taal').selectOption('en');
	await page.getByRole('button', { name: 'Kies' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('House rules');
	await expectAccessible(page);
	for (const [path, title] of [['/privacy', 'Privacy statement'], ['/toegankelijkheid', 'Accessibility statement']]) {
		await page.goto(path);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(title);
		await expectAccessible(page);
	}
	await page.getByLabel('Language').selectOption('nl');
	await page.getByRole('button', { name: 'Choose' }).click();
});

test('a resident asked again for the house rules accepts them with the keyboard and returns @phone', async ({ page, context }) => {
	const env = testEnv();
	const db = service(env);
	const { data: id } = await db.rpc('create_account', { p_email: `e2e.regels.${Date.now()}@example.test`, p_password_hash: 'x', p_display_name: 'Rita Regels', p_buurt_code: 'BU01930601' });
	await db.from('users').update({ email_verified_at: new Date().toISOString() }).eq('id', id!);
	await signIn(context, id!);

	await page.goto('/burenhulp');
	await expect(page).toHaveURL(/\/huisregels\/accepteren\?redirectTo=%2Fburenhulp/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Lees en accepteer de huisregels');
	await expectAccessible(page);

	// Without the tick: the message says what to do, at the field.
	await page.getByRole('button', { name: 'Verder' }).click();
	await expect(page.getByText('Ga akkoord met de huisregels om verder te gaan.')).toBeVisible();
	await expectAccessible(page);

	const box = page.getByLabel('Ik ga akkoord met de huisregels');
	await box.focus();
	await page.keyboard.press('Space');
	await expect(box).toBeChecked();
	await page.keyboard.press('Tab');
	await expect(page.getByRole('button', { name: 'Verder' })).toBeFocused();
	await page.keyboard.press('Enter');
	await expect(page).toHaveURL(/\/burenhulp$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Burenhulp');
});
