// The Rommelroute map with its stands clustered on the server (issue 15, point 4): the map shows the
// clusters with their counts, and zooming in asks the server for the new view, at a desktop's and a
// phone's width (on a phone, after "Toon kaart" where the page has that button).
import { expect, test, type Page } from '@playwright/test';
import { asUser, demo, service } from '../support/clients.ts';
import { expectAccessible, testEnv } from './support.ts';

let edition = '';

test.beforeAll(async () => {
	const env = testEnv();
	const { data, error } = await service(env)
		.from('rommelroute_editions')
		.insert({ wijk_code: 'WK019306', title: 'Rommelroute Kaarttest', day: '2031-06-01', starts: '10:00', ends: '15:00', registration_opens: '2020-01-01T00:00:00Z', registration_closes: '2031-05-01T00:00:00Z', created_by: demo.workerZwolle })
		.select('id')
		.single();
	expect(error).toBeNull();
	edition = data!.id;
	// Twenty stands in one street of Holtenbroek, approved by the wijk's worker.
	const anna = await asUser(env, demo.anna);
	const worker = await asUser(env, demo.workerZwolle);
	for (let i = 0; i < 20; i++) {
		const { data: stand } = await anna
			.from('rommelroute_stands')
			.insert({ edition_id: edition, postcode: '8024AB', huisnummer: 800 + i, street: 'Clusterstraat', city: 'Zwolle', lat: 52.531 + (i % 5) * 0.00005, lng: 6.092 + Math.floor(i / 5) * 0.00005, sells: ['boeken'], description: '', show_name: false })
			.select('id')
			.single();
		await worker.rpc('rommelroute_review_stand', { p_stand: stand!.id, p_status: 'goedgekeurd' });
	}
});

async function openMap(page: Page) {
	const first = page.waitForResponse((r) => r.url().includes(`/rommelroute/${edition}/punten?`));
	await page.goto(`/rommelroute/${edition}`);
	const show = page.getByRole('button', { name: 'Toon kaart' });
	if (await show.isVisible()) await show.click();
	await expect(page.locator('.map[data-rendered]')).toBeVisible({ timeout: 20_000 });
	return Number(new URL((await first).url()).searchParams.get('zoom'));
}

for (const size of [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 }
]) {
	test.describe(`at ${size.width} px`, () => {
		test.use({ viewport: size });

		test('the map shows the stands as a cluster with its count; zooming in fetches the stands of the new view', async ({ page }) => {
			const zoom = await openMap(page);
			await expect(page.locator('.map-cluster-count').filter({ hasText: '20' })).toBeVisible();
			await expectAccessible(page);

			// A click on the cluster zooms to where it falls apart; the map asks for that view.
			const deeper = page.waitForResponse((r) => {
				const url = new URL(r.url());
				return url.pathname.endsWith('/punten') && Number(url.searchParams.get('zoom')) > zoom;
			});
			// The count is a label the clicks pass through; the cluster is drawn on the canvas beneath it.
			const box = (await page.locator('.map-cluster-count').filter({ hasText: '20' }).boundingBox())!;
			await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
			const response = await deeper;
			expect(response.status()).toBe(200);
			const body = (await response.json()) as { features: { properties: { cluster?: boolean; point_count?: number } }[] };
			expect(body.features.reduce((n, f) => n + (f.properties.cluster ? f.properties.point_count! : 1), 0)).toBe(20);
			expect(body.features.length).toBeGreaterThan(1);
			await expect(page.locator('.map-cluster-count').filter({ hasText: /^20$/ })).toHaveCount(0);
		});
	});
}
