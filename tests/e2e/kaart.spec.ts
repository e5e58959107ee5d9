// The map as a person reads it: the built-in style in tests (PUBLIC_MAP_STYLE_URL=offline), the
// controls in the page's language, a note on the map when the basemap cannot load, and without
// JavaScript a sentence that points to the list. At a phone's and a desktop's width.
import { expect, test, type Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import { freePort } from '../../scripts/stack/index.ts';
import { startApp, stopApp } from '../support/env.ts';
import { asUser, demo } from '../support/clients.ts';
import { published } from '../support/initiatieven.ts';
import { expectAccessible, showMap, testEnv } from './support.ts';

/** Records whether MapLibre was fetched: its stylesheet, its worker or the script chunk with the library. */
function watchMaplibre(page: Page): { fetched: () => boolean } {
	let fetched = false;
	page.on('request', (request) => {
		if (/maplibre-gl/.test(request.url())) fetched = true;
	});
	page.on('response', async (response) => {
		if (response.request().resourceType() !== 'script') return;
		const body = await response.body().catch(() => Buffer.alloc(0));
		if (body.includes('maplibregl-canvas')) fetched = true;
	});
	return { fetched: () => fetched };
}

const widths = [
	{ name: 'phone', width: 390, height: 844 },
	{ name: 'desktop', width: 1280, height: 800 }
];

for (const size of widths) {
	test.describe(`at ${size.width} px`, () => {
		test.use({ viewport: { width: size.width, height: size.height } });

		test('the map page draws the map with Dutch controls and the list beside it', async ({ page }) => {
			await page.goto('/kaart');
			await showMap(page);
			const map = page.locator('.map[data-ready]');
			await expect(map).toBeVisible();
			await expect(page.getByRole('button', { name: 'Inzoomen' })).toBeVisible();
			await expect(page.getByRole('button', { name: 'Uitzoomen' })).toBeVisible();
			await expect(page.locator('.maplibregl-ctrl-zoom-in')).toHaveAttribute('title', 'Inzoomen');
			// The offline style is what tests configure, so there is nothing to apologise for.
			await expect(page.locator('.map-note')).toHaveCount(0);
			await expect(page.getByText('Zonder JavaScript toont deze pagina geen kaart')).toBeHidden();
			await expect(page.getByRole('heading', { level: 2, name: /Repair Cafés en Rommelroutes/ })).toBeVisible();
			await expectAccessible(page);
			await page.screenshot({ path: `test-results/kaart-${size.width}.png`, fullPage: false });
		});

		test('in English the controls speak English', async ({ page, context }) => {
			await context.addCookies([{ name: 'PARAGLIDE_LOCALE', value: 'en', url: testEnv().appUrl }]);
			await page.goto('/kaart');
			await showMap(page, 'Show map');
			await expect(page.locator('.map[data-ready]')).toBeVisible();
			await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
			await expect(page.locator('.maplibregl-ctrl-zoom-out')).toHaveAttribute('title', 'Zoom out');
		});
	});

	test.describe(`without JavaScript, at ${size.width} px`, () => {
		test.use({ javaScriptEnabled: false, viewport: { width: size.width, height: size.height } });

		test('the map box gives way to a sentence that points to the list', async ({ page }) => {
			await page.goto('/kaart');
			await expect(page.getByText('Zonder JavaScript toont deze pagina geen kaart')).toBeVisible();
			await expect(page.locator('.maplibregl-canvas')).toHaveCount(0);
			await expect(page.getByRole('button', { name: 'Toon kaart' })).toBeHidden();
			await page.getByRole('link', { name: 'naar de lijst' }).click();
			await expect(page).toHaveURL(/#map-list-/);
			await expect(page.getByRole('link', { name: 'Repair Café Holtenbroek' }).first()).toBeVisible();
			// axe runs as a script, so it cannot run here; the same page with scripts is checked above.
		});
	});
}

// Issue 15: MapLibre never competes with the list. On a phone it loads only when the person asks.
test.describe('at 390 px (a phone)', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	for (const path of ['/kaart', '/initiatieven/kaart']) {
		test(`${path}: MapLibre is not fetched until a tap on "Toon kaart", then the map appears`, async ({ page }) => {
			const maplibre = watchMaplibre(page);
			await page.goto(path, { waitUntil: 'networkidle' });
			await expect(page.locator('html[data-hydrated]')).toBeAttached();
			// Longer than the idle timeout of lazy.ts: the phone still waits.
			await page.waitForTimeout(3500);
			const button = page.getByRole('button', { name: 'Toon kaart', exact: true });
			await expect(button).toBeVisible();
			expect(maplibre.fetched(), 'MapLibre fetched before the tap').toBe(false);
			await expect(page.locator('.maplibregl-canvas')).toHaveCount(0);
			// The list comes first on the screen: the box with the button is small.
			const box = await page.locator('.map').first().boundingBox();
			expect(box!.height).toBeLessThan(120);
			await page.screenshot({ path: `test-results/kaart-390-before-tap${path.replaceAll('/', '-')}.png` });
			await expectAccessible(page);
			// A real button: reachable and pressed with the keyboard.
			await button.focus();
			await page.keyboard.press('Enter');
			await expect(page.locator('.map[data-ready]')).toBeVisible({ timeout: 20_000 });
			expect(maplibre.fetched()).toBe(true);
			await expect(button).toHaveCount(0);
			expect((await page.locator('.map').first().boundingBox())!.height).toBeGreaterThan(200);
		});
	}
});

test.describe('at 1280 px (a desktop)', () => {
	test.use({ viewport: { width: 1280, height: 800 } });

	test('MapLibre loads by itself once the page is idle, without a button', async ({ page }) => {
		const maplibre = watchMaplibre(page);
		await page.goto('/kaart');
		await expect(page.locator('.map[data-ready]')).toBeVisible({ timeout: 20_000 });
		expect(maplibre.fetched()).toBe(true);
		await expect(page.getByRole('button', { name: 'Toon kaart' })).toBeHidden();
	});
});

// Issue 15, point 4: the initiatives map asks the server for the clusters of its view, not for all points.
test.describe('the initiatives map at 1280 px', () => {
	test.use({ viewport: { width: 1280, height: 800 } });
	// Six initiatives a few metres apart with a word only they hold, so the search shows just them.
	const word = `clusterproef${Date.now().toString(36).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
	test.beforeAll(async () => {
		const env = testEnv();
		const anna = await asUser(env, demo.anna);
		const worker = await asUser(env, demo.workerZwolle);
		for (let i = 0; i < 6; i++) await published(anna, worker, { p_title: `Geveltuin ${i} ${word}`, p_lat: 52.532 + i * 0.00005, p_lng: 6.0925 + i * 0.00005 });
	});

	test('asks for its viewport (bbox=, zoom=), draws the cluster, and a click on it fetches the deeper view', async ({ page }) => {
		const asked: string[] = [];
		page.on('request', (r) => {
			if (new URL(r.url()).pathname === '/initiatieven/kaart/punten') asked.push(r.url());
		});
		const first = page.waitForResponse((r) => new URL(r.url()).pathname === '/initiatieven/kaart/punten');
		await page.goto(`/initiatieven/kaart?q=${word}`);
		await expect(page.locator('.map[data-rendered]')).toBeVisible({ timeout: 20_000 });
		const url = new URL((await first).url());
		expect(url.searchParams.get('q')).toBe(word);
		expect(url.searchParams.get('bbox')).toMatch(/^-?[\d.]+(,-?[\d.]+){3}$/);
		const zoom = Number(url.searchParams.get('zoom'));
		expect(zoom).toBeGreaterThan(10);
		const body = (await (await first).json()) as { total: number; features: { properties: { cluster?: boolean; point_count?: number } }[] };
		expect(body.total).toBe(6);
		expect(body.features).toEqual([expect.objectContaining({ properties: expect.objectContaining({ cluster: true, point_count: 6 }) })]);
		const count = page.locator('.map-cluster-count').filter({ hasText: /^6$/ });
		await expect(count).toBeVisible();

		const deeper = page.waitForResponse((r) => {
			const u = new URL(r.url());
			return u.pathname === '/initiatieven/kaart/punten' && Number(u.searchParams.get('zoom')) > zoom;
		});
		// The count is a label the clicks pass through; the cluster is drawn on the canvas beneath it.
		const box = (await count.boundingBox())!;
		await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
		const split = (await (await deeper).json()) as { features: { properties: { cluster?: boolean; point_count?: number } }[] };
		expect(split.features.length).toBeGreaterThan(1);
		expect(split.features.reduce((n, f) => n + (f.properties.cluster ? f.properties.point_count! : 1), 0)).toBe(6);
		await expect(count).toHaveCount(0);
		// Every request of the map was for a viewport; none for all points at once.
		expect(asked.length).toBeGreaterThanOrEqual(2);
		for (const a of asked) expect(new URL(a).searchParams.has('bbox'), a).toBe(true);
		await page.screenshot({ path: 'test-results/initiatieven-kaart-1280.png' });
	});
});

test.describe('when the basemap cannot load', () => {
	let app: ChildProcess | undefined;
	let base = '';
	test.beforeAll(async () => {
		const env = testEnv();
		const port = await freePort();
		// A style on a closed port: what a visitor sees when PDOK is down or blocked.
		app = await startApp(port, {
			SUPABASE_URL: env.supabaseUrl,
			SUPABASE_ANON_KEY: env.anonKey,
			SUPABASE_SERVICE_ROLE_KEY: env.serviceRoleKey,
			SUPABASE_JWT_SECRET: env.jwtSecret,
			PUBLIC_MAP_STYLE_URL: 'http://127.0.0.1:9/styles/standaard.json'
		});
		base = `http://127.0.0.1:${port}`;
	});
	test.afterAll(async () => {
		if (app) await stopApp(app);
	});

	test('the map falls back to the built-in style and says so on the map', async ({ page }) => {
		const response = await page.goto(`${base}/kaart`);
		// The policy allows that style's host, and only it, besides the site itself.
		expect(response?.headers()['content-security-policy']).toMatch(/connect-src 'self' http:\/\/127\.0\.0\.1:9(;|$)/);
		await expect(page.locator('.map[data-ready][data-basemap="offline"]')).toBeVisible();
		await expect(page.getByRole('status').filter({ hasText: 'De achtergrondkaart van PDOK laadt nu niet' })).toBeVisible();
		await expect(page.getByRole('button', { name: 'Inzoomen' })).toBeVisible();
		await expectAccessible(page);
	});
});
