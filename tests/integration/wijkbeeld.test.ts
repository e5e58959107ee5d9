// The wijkbeeld through PostgREST and the built site: who sees the figures of a wijk or a gemeente,
// that the page, the CSV exports and the report say the same as the database's functions, the
// "< 5" rule in exports and the report, and the period rules.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { anon, asUser, Browser, demo, service } from '../support/clients.ts';

const env = inject('env');
const partnerDemo = '00000000-0000-4000-8000-000000000021';
const DAY = 86_400_000;
const day = (offset: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date(Date.now() + offset * DAY));
const from = day(-330);
const to = day(0);
const args = (wijk: string | null, gemeente = 'GM0193') => ({ p_gemeente: gemeente, p_wijk: wijk as string, p_from: from, p_to: to });

beforeAll(async () => {
	// Werkeren (Stadshagen) has no other signals: six about leefbaarheid lately, one before, two about armoede.
	const rows = [
		...Array.from({ length: 6 }, () => ({ observed_on: day(-3), theme: 'leefbaarheid' })),
		{ observed_on: day(-130), theme: 'leefbaarheid' },
		{ observed_on: day(-40), theme: 'armoede' },
		{ observed_on: day(-40), theme: 'armoede' }
	].map((r) => ({ ...r, buurt_code: 'BU01930902', body: 'Zwerfvuil en kapotte bankjes bij het water.', source: 'eigen_waarneming', urgency: 'normaal', created_by: demo.coordinatorZwolle }));
	const { error } = await service(env).from('signalen').insert(rows as never);
	if (error) throw error;
});

describe('who sees the figures', () => {
	it('per wijk: the coordinator of the gemeente and the workers of the wijk; per gemeente: its coordinator only', async () => {
		const coordinator = await asUser(env, demo.coordinatorZwolle);
		const stadshagen = await coordinator.rpc('wijkbeeld_signalen', args('WK019309'));
		expect(stadshagen.error).toBeNull();
		expect(stadshagen.data!.reduce((s, r) => s + r.n, 0)).toBe(9);
		expect((await coordinator.rpc('wijkbeeld_signalen', args(null))).data!.some((r) => r.buurt_code === 'BU01930902')).toBe(true);
		expect((await (await asUser(env, demo.workerZwolle)).rpc('wijkbeeld_signalen', args('WK019306'))).error).toBeNull();

		const refused: [string, string | null][] = [
			[demo.workerZwolle, 'WK019309'], // not his wijk
			[demo.workerZwolle, null], // a worker never sees the whole gemeente
			[demo.coordinatorAlmere, null],
			[demo.coordinatorAlmere, 'WK019309'],
			[demo.admin, 'WK019309'],
			[demo.anna, 'WK019306'],
			[partnerDemo, 'WK019306']
		];
		for (const [id, wijk] of refused) {
			for (const fn of ['wijkbeeld_access', 'wijkbeeld_signalen', 'wijkbeeld_bereik', 'wijkbeeld_burenhulp'] as const) {
				const { error, data } = await (await asUser(env, id)).rpc(fn, args(wijk));
				// Refused, or (an InitPlan never reached) nothing at all: never a figure.
				expect(error?.code === '42501' || (Array.isArray(data) && data.every((r) => !('n' in r) || r.n === 0)), `${fn} ${id} ${wijk}`).toBe(true);
			}
		}
		expect((await anon(env).rpc('wijkbeeld_signalen', args('WK019306'))).error).not.toBeNull();
	});

	it('refuses a period that is backwards or longer than three years', async () => {
		const coordinator = await asUser(env, demo.coordinatorZwolle);
		expect((await coordinator.rpc('wijkbeeld_access', { ...args(null), p_from: to, p_to: from })).error?.hint).toBe('wijkbeeld_period');
		expect((await coordinator.rpc('wijkbeeld_access', { ...args(null), p_from: day(-1200) })).error?.hint).toBe('wijkbeeld_period');
		const page = await new Browser(env).signIn(demo.coordinatorZwolle);
		expect((await page.get(`/wijkbeeld?van=${to}&tot=${from}`)).status).toBe(400);
		expect((await page.get('/wijkbeeld?van=2020-01-01&tot=2026-01-01')).status).toBe(400);
	});

	it('the pages answer staff only', async () => {
		for (const [id, status] of [[demo.workerZwolle, 200], [demo.coordinatorZwolle, 200], [demo.admin, 403], [partnerDemo, 403], [demo.anna, 403]] as const) {
			const browser = await new Browser(env).signIn(id);
			expect((await browser.get('/wijkbeeld')).status, id).toBe(status);
			expect((await browser.get('/wijkbeeld/signalen.csv')).status, id).toBe(status);
		}
		expect((await new Browser(env).get('/wijkbeeld')).status).toBe(303);
	});
});

describe('one definition per figure', () => {
	it('the buurten where a theme rises', async () => {
		const { data } = await (await asUser(env, demo.coordinatorZwolle)).rpc('wijkbeeld_stijgers', args('WK019309'));
		expect(data).toEqual([{ buurt_code: 'BU01930902', theme: 'leefbaarheid', recent: 6, before: 1 }]);
	});

	it('page, CSV and report agree with the database, and the exports hide counts under 5 per buurt', async () => {
		const coordinator = await asUser(env, demo.coordinatorZwolle);
		const browser = await new Browser(env).signIn(demo.coordinatorZwolle);
		const q = `?wijk=WK019309&van=${from}&tot=${to}`;

		const page = await browser.get(`/wijkbeeld${q}`);
		expect(page.status).toBe(200);
		expect(page.body).toContain('9 signalen in deze periode.');
		expect(page.body).toMatch(/<svg[^>]*aria-hidden="true"/);
		expect(page.body).toContain('Leefbaarheid in Werkeren: 6 signalen, eerder 1');
		// The map colours Werkeren by the same count as the table; a buurt of the wijk without signals is drawn empty.
		expect(page.body).toMatch(/<path[^>]*data-buurt="BU01930902" data-count="9"/);
		expect(page.body).toMatch(/<path[^>]*data-count="0"/);
		expect(page.body).not.toMatch(/data-buurt="BU0193(?!09)/);

		const signalen = await browser.get(`/wijkbeeld/signalen.csv${q}`);
		expect(signalen.headers.get('content-type')).toContain('text/csv');
		const lines = signalen.body.trim().split('\r\n');
		expect(lines[0]).toBe('maand,gemeente,buurtcode,buurt,thema,aantal');
		const db = (await coordinator.rpc('wijkbeeld_signalen', args('WK019309'))).data!;
		expect(lines.length - 1).toBe(db.length);
		expect(lines).toContain(`${day(-3).slice(0, 7)},Zwolle,BU01930902,Werkeren,leefbaarheid,6`);
		expect(lines.filter((l) => l.includes(',armoede,'))).toEqual([`${day(-40).slice(0, 7)},Zwolle,BU01930902,Werkeren,armoede,< 5`]);
		expect(signalen.body).not.toContain('Zwerfvuil');

		const cijfers = (await browser.get(`/wijkbeeld/cijfers.csv${q}`)).body;
		const bereik = (await coordinator.rpc('wijkbeeld_bereik', args('WK019309'))).data!;
		for (const r of bereik) expect(cijfers).toContain(r.residents < 5 ? ',< 5' : `,${r.residents}`);
		const help = (await coordinator.rpc('wijkbeeld_burenhulp', args('WK019309'))).data!;
		expect(cijfers).toContain(`Burenhulp,Hulpvragen,${help.find((r) => r.figure === 'vragen')!.n}`);
		expect(cijfers).toContain('Signalen per buurt,Werkeren,9');

		const report = await browser.get(`/wijkbeeld/rapport${q}`);
		expect(report.status).toBe(200);
		expect(report.body).toMatch(/<td class="num[^"]*">&lt; 5<\/td>/);
		const written = await browser.post(`/wijkbeeld/rapport${q}`, { tekst: 'In Stadshagen groeit de zorg over het groen.' });
		expect(written.status).toBe(200);
		expect(written.body).toContain('In Stadshagen groeit de zorg over het groen.');
		const hostile = await browser.post(`/wijkbeeld/rapport${q}`, { tekst: '<script>alert(1)</script>' });
		expect(hostile.status).toBe(400);
	});
});
