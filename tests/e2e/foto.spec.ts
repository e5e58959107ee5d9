import { expect, test } from '@playwright/test';
import sharp from 'sharp';
import { newResident } from '../support/burenhulp.ts';
import { asUser, demo } from '../support/clients.ts';
import { groepName, publishedGroep } from '../support/groepen.ts';
import { createInitiatief } from '../support/initiatieven.ts';
import { expectAccessible, signIn, testEnv } from './support.ts';

test('an author on a phone puts a photo with a description on their initiative, sees it, and takes it away again', async ({ browser }) => {
	test.setTimeout(120_000);
	const env = testEnv();
	const author = await newResident(env, 'Pien Plaatje');
	const id = await createInitiatief(author.db, { p_title: `Bloembakken met foto ${Date.now() % 100000}` });
	const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
	await signIn(context, author.id);
	const page = await context.newPage();
	// A photo as a phone makes one, made here (no file from elsewhere): 1600×1200 with EXIF.
	const photo = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 150, b: 80 } } })
		.jpeg()
		.withExif({ IFD0: { Make: 'Fonecam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '52/1 31/1 12/1' } })
		.toBuffer();

	await page.goto(`/initiatieven/${id}/bewerken`);
	await expect(page.getByRole('heading', { name: 'Foto', exact: true })).toBeVisible();
	await expectAccessible(page);
	// Without a description the photo is refused, with the message beside the field.
	await page.locator('#foto-file').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
	await page.getByRole('button', { name: 'Foto opslaan' }).click();
	await expect(page.getByText('Beschrijf wat er op de foto staat (minstens 3 tekens).')).toBeVisible();
	await expect(page.getByLabel('Beschrijf wat er op de foto staat')).toBeFocused();
	await expectAccessible(page);

	await page.locator('#foto-file').setInputFiles({ name: 'IMG_2041.jpg', mimeType: 'image/jpeg', buffer: photo });
	await page.getByLabel('Beschrijf wat er op de foto staat').fill('Drie buren zetten geraniums in de nieuwe bloembakken');
	await page.getByRole('button', { name: 'Foto opslaan' }).click();
	await expect(page.getByText('De foto is opgeslagen.')).toBeVisible();
	await expect(page.getByRole('img', { name: 'Drie buren zetten geraniums in de nieuwe bloembakken' })).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/initiatieven/${id}`);
	const img = page.getByRole('img', { name: 'Drie buren zetten geraniums in de nieuwe bloembakken' });
	await expect(img).toBeVisible();
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
	expect(await img.getAttribute('srcset')).toMatch(/320w, .*640w, .*1280w$/);
	// Its place is reserved before it loads, and it fits the phone's width.
	expect([await img.getAttribute('width'), await img.getAttribute('height')]).toEqual(['1280', '960']);
	const box = (await img.boundingBox())!;
	expect(box.width).toBeLessThanOrEqual(390);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	await expectAccessible(page);

	// Taking it away asks first: "no" keeps it, "yes" removes it.
	await page.getByRole('link', { name: 'Foto toevoegen of veranderen' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Foto bij je initiatief');
	await expectAccessible(page);
	page.once('dialog', (dialog) => dialog.dismiss());
	await page.getByRole('button', { name: 'Foto weghalen' }).click();
	await expect(page.getByRole('img', { name: 'Drie buren zetten geraniums in de nieuwe bloembakken' })).toBeVisible();
	page.once('dialog', (dialog) => {
		expect(dialog.message()).toBe('Wil je de foto echt weghalen?');
		return dialog.accept();
	});
	await page.getByRole('button', { name: 'Foto weghalen' }).click();
	await expect(page.getByText('De foto is weggehaald.')).toBeVisible();
	await expect(page.getByText('Er is nog geen foto.')).toBeVisible();
	await page.goto(`/initiatieven/${id}`);
	await expect(page.locator('img.photo')).toHaveCount(0);
	await context.close();
});

test('a trekker on a desktop puts a photo on the group from its edit page; it shows on the group page and its card', async ({ browser }) => {
	test.setTimeout(120_000);
	const env = testEnv();
	const trekker = await newResident(env, 'Gijs Groepsfoto');
	const name = groepName('Fotogroep');
	const id = await publishedGroep(trekker.db, await asUser(env, demo.workerZwolle), { p_name: name });
	const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	await signIn(context, trekker.id);
	const page = await context.newPage();
	const photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: { r: 60, g: 90, b: 200 } } }).png().toBuffer();

	await page.goto(`/groepen/${id}/bewerken`);
	await expectAccessible(page);
	await page.locator('#foto-file').setInputFiles({ name: 'groep.png', mimeType: 'image/png', buffer: photo });
	await page.getByLabel('Beschrijf wat er op de foto staat').fill('De groep rond de picknicktafel in het park');
	await page.getByRole('button', { name: 'Foto opslaan' }).click();
	await expect(page.getByText('De foto is opgeslagen.')).toBeVisible();
	await expectAccessible(page);

	await page.goto(`/groepen/${id}`);
	const img = page.getByRole('img', { name: 'De groep rond de picknicktafel in het park' });
	await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
	// 1200 wide, so the widths are 320, 640 and the original 1200.
	expect(await img.getAttribute('srcset')).toMatch(/320w, .*640w, .*1200w$/);
	await expectAccessible(page);

	// A visitor sees it on the group's card in the list (small, loaded lazily).
	const visitorContext = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const visitor = await visitorContext.newPage();
	await visitor.goto(`/groepen?q=${encodeURIComponent(name)}`);
	const thumb = visitor.getByRole('img', { name: 'De groep rond de picknicktafel in het park' });
	await thumb.scrollIntoViewIfNeeded();
	await expect.poll(() => thumb.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBeGreaterThan(0);
	expect(await thumb.getAttribute('loading')).toBe('lazy');
	expect((await thumb.boundingBox())!.width).toBeLessThanOrEqual(160);
	await expectAccessible(visitor);
	await visitorContext.close();
	await context.close();
});
