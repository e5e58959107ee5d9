// The initiatives map by viewport through the site (issue 15, point 4): /initiatieven/kaart/punten
// answers `?bbox=…&zoom=…` with clusters and single initiatives of that box, for the list's filters,
// from an index per viewer; only published initiatives, for a visitor as for the author; a malformed
// viewport is a 400; without a viewport it still answers every matching point.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { asUser, Browser, demo } from '../support/clients.ts';
import { published, submitted } from '../support/initiatieven.ts';

const env = inject('env');
const WORLD = 'bbox=-180,-90,180,90';

type Feature = { properties: { cluster?: boolean; point_count?: number; expansion_zoom?: number; id?: string; title?: string; href?: string }; geometry: { coordinates: number[] } };
type Collection = { total: number; features: Feature[] };
const counted = (features: Feature[]) => features.reduce((n, f) => n + (f.properties.cluster ? f.properties.point_count! : 1), 0);

describe('the initiatives map by viewport', () => {
	// A word only these initiatives hold, so the search filter leaves out everything else in the database
	// (and the indexes of other tests): letters only, which the Dutch text search keeps as one word.
	const word = `kaartproef${[...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('')}`;
	const close: string[] = [];
	let across: string;
	let waiting: string;

	beforeAll(async () => {
		const anna = await asUser(env, demo.anna);
		const worker = await asUser(env, demo.workerZwolle);
		// Twelve close together in Holtenbroek, one across town with another theme, and one that waits for
		// the worker: all with the word in the title.
		for (let i = 0; i < 12; i++) {
			close.push(await published(anna, worker, { p_title: `Bloembak ${i} ${word}`, p_themes: ['leefbaarheid'], p_lat: 52.532 + i * 0.0001, p_lng: 6.0925 + i * 0.0001 }));
		}
		across = await published(anna, worker, { p_title: `Overkant ${word}`, p_themes: ['sociale_cohesie'], p_lat: 52.51, p_lng: 6.05 });
		waiting = await submitted(anna, { p_title: `Wacht nog ${word}`, p_themes: ['leefbaarheid'], p_lat: 52.5321, p_lng: 6.0926 });
	});

	const get = (query: string, browser = new Browser(env)) => browser.get(`/initiatieven/kaart/punten?q=${word}&${query}`);
	const body = async (query: string, browser?: Browser) => {
		const response = await get(query, browser);
		expect(response.status).toBe(200);
		return JSON.parse(response.body) as Collection;
	};
	const ids = (c: Collection) => c.features.filter((f) => !f.properties.cluster).map((f) => f.properties.id);

	it('the counts add up to the published initiatives at every zoom; zoomed out they are one cluster', async () => {
		for (const zoom of [0, 8, 12, 14, 18]) {
			const c = await body(`${WORLD}&zoom=${zoom}`);
			expect(c.total).toBe(13);
			expect(counted(c.features)).toBe(13);
		}
		const far = await body(`${WORLD}&zoom=7`);
		expect(far.features).toHaveLength(1);
		expect(far.features[0].properties).toMatchObject({ cluster: true, point_count: 13 });
		expect(far.features[0].properties.expansion_zoom).toBeGreaterThan(7);
		// Zoomed in, the twelve close together are single points, each with its link.
		const near = await body(`${WORLD}&zoom=20`);
		expect(near.features.every((f) => !f.properties.cluster)).toBe(true);
		expect(ids(near).sort()).toEqual([...close, across].sort());
		expect(near.features.find((f) => f.properties.id === across)!.properties).toMatchObject({ title: `Overkant ${word}`, href: `/initiatieven/${across}` });
	});

	it('sends only what is inside the box', async () => {
		const box = await body('bbox=6.09,52.53,6.1,52.54&zoom=20');
		expect(ids(box).sort()).toEqual([...close].sort());
		expect(ids(box)).not.toContain(across);
		// The box across town holds the one there; the index still knows all thirteen.
		const other = await body('bbox=6.04,52.5,6.06,52.52&zoom=20');
		expect(ids(other)).toEqual([across]);
		expect(other.total).toBe(13);
		// A box with none of them.
		expect((await body('bbox=5.0,51.0,5.1,51.1&zoom=12')).features).toEqual([]);
	});

	it('keeps to the filters of the list', async () => {
		const leefbaar = await body(`thema=leefbaarheid&${WORLD}&zoom=20`);
		expect(leefbaar.total).toBe(12);
		expect(ids(leefbaar)).not.toContain(across);
		const cohesie = await body(`thema=sociale_cohesie&${WORLD}&zoom=20`);
		expect(ids(cohesie)).toEqual([across]);
		// Another page of the list is the same map.
		expect((await body(`pagina=3&${WORLD}&zoom=3`)).total).toBe(13);
	});

	it('a visitor does not get the initiative that waits for the worker; the map is of published ones for its author too', async () => {
		const visitor = await get(`${WORLD}&zoom=20`);
		expect(visitor.headers.get('cache-control')).toBe('public, max-age=30');
		expect(ids(JSON.parse(visitor.body))).not.toContain(waiting);
		// RLS lets the author and the wijk's worker read it (they see it in their own lists), but the map and
		// the list beside it show published initiatives only, to everyone; their answer is not for a shared cache.
		for (const who of [demo.anna, demo.workerZwolle]) {
			const browser = await new Browser(env).signIn(who);
			const response = await get(`${WORLD}&zoom=20`, browser);
			expect(response.status).toBe(200);
			expect(response.headers.get('cache-control')).toBe('private, no-store');
			const c = JSON.parse(response.body) as Collection;
			expect(ids(c)).not.toContain(waiting);
			expect(c.total).toBe(13);
		}
		const { data } = await (await asUser(env, demo.anna)).from('initiatieven').select('status').eq('id', waiting).single();
		expect(data?.status).toBe('ingediend');
	});

	it.each([
		['only a box', 'bbox=6,52,7,53'],
		['only a zoom', 'zoom=12'],
		['a box of three numbers', 'bbox=6,52,7&zoom=12'],
		['a zoom that is a word', 'bbox=6,52,7,53&zoom=ver'],
		['west east of east', 'bbox=7,52,6,53&zoom=12'],
		['a latitude past the pole', 'bbox=6,52,7,95&zoom=12'],
		['a zoom too deep', 'bbox=6,52,7,53&zoom=99']
	])('refuses %s with a 400 that says what it needs', async (_what, query) => {
		const response = await get(query);
		expect(response.status).toBe(400);
		expect(JSON.parse(response.body).message).toMatch(/bbox=west,south,east,north.*zoom=0\.\.24/);
	});

	it('without a viewport it answers every matching point, as before', async () => {
		const all = JSON.parse((await get('')).body) as Collection;
		expect(all.features).toHaveLength(13);
		expect(all.features.every((f) => !f.properties.cluster)).toBe(true);
		expect(ids(all)).not.toContain(waiting);
	});

	it('the page lists them without JavaScript and sends no points for the map', async () => {
		const page = await new Browser(env).get(`/initiatieven/kaart?q=${word}`);
		expect(page.status).toBe(200);
		expect(page.body).toContain(`Overkant ${word}`);
		expect(page.body).not.toContain(`Wacht nog ${word}`);
		// The map's data comes from the viewport feed: the page holds the box around the thirteen, not their points.
		expect(page.body).toMatch(/bounds:\[6\.05,52\.51,6\.0936,52\.5331\]/);
	});
});
