// A Rommelroute edition's page in one request (issue 15): rommelroute_edition_page gives the edition,
// one page of approved stands in route order, their number (exact up to 1000, the planner's estimate
// above, marked approximate) and the caller's own stands, each as the caller's rights allow.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { anon, asUser, demo, service } from '../support/clients.ts';

const env = inject('env');

async function newEdition(title: string): Promise<string> {
	const { data, error } = await service(env)
		.from('rommelroute_editions')
		.insert({ wijk_code: 'WK019306', title, day: '2031-06-01', starts: '10:00', ends: '15:00', registration_opens: '2020-01-01T00:00:00Z', registration_closes: '2031-05-01T00:00:00Z', created_by: demo.workerZwolle })
		.select('id')
		.single();
	expect(error).toBeNull();
	return data!.id;
}

/** `count` stands at Paginastraat 1…count, registered by Chantal; the first `approved` approved by the wijk's worker. */
async function addStands(edition: string, count: number, approved: number) {
	const rows = Array.from({ length: count }, (_, i) => ({
		edition_id: edition, resident_id: demo.chantal, postcode: '8024AB', huisnummer: i + 1, street: 'Paginastraat', city: 'Zwolle',
		lat: 52.53, lng: 6.09, sells: ['boeken'], description: '', show_name: false
	}));
	const { error } = await service(env).from('rommelroute_stands').insert(rows);
	expect(error).toBeNull();
	const worker = await asUser(env, demo.workerZwolle);
	const { error: reviewed } = await worker.from('rommelroute_stands').update({ status: 'goedgekeurd' }).eq('edition_id', edition).lte('huisnummer', approved);
	expect(reviewed).toBeNull();
}

type Page = { edition: { id: string; title: string; wijk: string; gemeente: string }; total: number; approximate: boolean; stands: { huisnummer: number; street: string }[]; mine: { status: string }[] };
const page = async (client: ReturnType<typeof anon>, edition: string, offset = 0, limit = 50) => {
	const { data, error } = await client.rpc('rommelroute_edition_page', { p_edition: edition, p_offset: offset, p_limit: limit }, { get: true });
	expect(error).toBeNull();
	return data as unknown as Page | null;
};

describe('an edition page in one request', () => {
	let small: string;
	let big: string;

	beforeAll(async () => {
		small = await newEdition('Kleine route');
		await addStands(small, 8, 5);
		big = await newEdition('Grote route');
		await addStands(big, 1100, 1100);
	}, 60_000);

	it('counts a small edition exactly: approved stands only, in route order, the edition with its wijk', async () => {
		const visitor = await page(anon(env), small);
		expect(visitor!.edition).toMatchObject({ id: small, title: 'Kleine route', wijk: 'Holtenbroek', gemeente: 'GM0193' });
		expect(visitor).toMatchObject({ total: 5, approximate: false });
		expect(visitor!.stands.map((s) => s.huisnummer)).toEqual([1, 2, 3, 4, 5]);
		expect((await page(anon(env), small, 2, 2))!.stands.map((s) => s.huisnummer)).toEqual([3, 4]);
	});

	it('the caller’s own stands, waiting ones too, and nobody else’s', async () => {
		expect((await page(anon(env), small))!.mine).toEqual([]);
		expect((await page(await asUser(env, demo.anna), small))!.mine).toEqual([]);
		const own = (await page(await asUser(env, demo.chantal), small))!.mine.map((m) => m.status).sort();
		expect(own).toEqual([...Array(3).fill('aangemeld'), ...Array(5).fill('goedgekeurd')]);
	});

	it('above 1000 stands the number is an estimate, marked so, and a page is still one page', async () => {
		const result = await page(anon(env), big, 1000, 50);
		expect(result!.approximate).toBe(true);
		expect(result!.total).toBeGreaterThan(1000);
		expect(result!.stands).toHaveLength(50);
		// Route order is by street, then house number: 1..1100 as numbers, not as text.
		expect(result!.stands[0].huisnummer).toBe(1001);
	});

	it('a page holds at most 100 stands, whatever is asked', async () => {
		expect((await page(anon(env), big, 0, 5000))!.stands).toHaveLength(100);
		expect((await page(anon(env), big, -5, -1))!.stands).toHaveLength(0);
	});

	it('the page says an estimated number of stands as "about", and an exact one as it is', async () => {
		const heading = async (edition: string, locale: string) => {
			const html = await (await fetch(`${env.appUrl}/rommelroute/${edition}`, { headers: { cookie: `PARAGLIDE_LOCALE=${locale}` } })).text();
			return html.match(/<h2 id="[^"]+"[^>]*>([^<]+) <span class="muted">\(([^)]*)\)<\/span><\/h2>/)?.slice(1, 3);
		};
		expect(await heading(small, 'nl')).toEqual(['Kramen', '5']);
		const [label, about] = (await heading(big, 'nl'))!;
		expect(label).toBe('Kramen');
		expect(about).toMatch(/^ongeveer \d\.\d{3}$/);
		expect((await heading(big, 'en'))![1]).toMatch(/^about \d,\d{3}$/);
	});

	it('is null for an edition that does not exist', async () => {
		expect(await page(anon(env), '00000000-0000-4000-8000-00000000dead')).toBeNull();
	});
});
