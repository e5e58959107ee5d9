// The worker's werkplek through the built site and PostgREST: every section counted in full and paged
// on its own, the offline resident's name and phone for the wijk's workers only, reports of every kind
// linked to their content (Repair Café and Rommelroute reported through their pages), the
// coordinator's wijken without a worker and the werkers table.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { asUser, Browser, demo, service } from '../support/clients.ts';
import { newResident, type Resident } from '../support/burenhulp.ts';
import { allReportPages } from '../support/werkplek.ts';

const env = inject('env');
const STADSHAGEN = 'WK019309';
const FRANKHUIS = 'BU01930901';
const REPAIR_HOLTENBROEK = '10000000-0000-4000-8000-000000000001';
const ROMMEL_HOLTENBROEK = '20000000-0000-4000-8000-000000000001';

const fileArgs = (name: string, phone: string) => ({
	p_name: name,
	p_buurt_code: FRANKHUIS,
	p_phone: phone,
	p_share_phone: false,
	p_category: 'gezelschap',
	p_description: 'Iemand om een kopje koffie mee te drinken',
	p_when_kind: 'wekelijks',
	p_on_date: null as unknown as string,
	p_slots: ['wo-middag'],
	p_needs_care: false
});

/** The headings of the cards in one werkplek section (between its heading and the next section). */
function sectionCards(html: string, id: string): string[] {
	const start = html.indexOf(`id="${id}-title"`);
	if (start < 0) return [];
	const end = html.indexOf('<section', start);
	const part = html.slice(start, end < 0 ? undefined : end);
	return [...part.matchAll(/<h3><a href="[^"]*">([^<]*)<\/a><\/h3>/g)].map((m) => m[1]);
}

describe('the werkplek of a worker in Stadshagen', () => {
	let worker: Resident;
	const posts: string[] = [];

	beforeAll(async () => {
		// A fresh worker of a wijk of their own, so the counts are this test's.
		worker = await newResident(env, 'Wim Werkplek', FRANKHUIS);
		const coordinator = await asUser(env, demo.coordinatorZwolle);
		expect((await coordinator.rpc('set_worker_wijken', { p_user: worker.id, p_wijken: [STADSHAGEN] })).error).toBeNull();
		for (let i = 1; i <= 12; i++) {
			const { data, error } = await worker.db.rpc('help_file_for_resident', fileArgs(`Bewoner${String(i).padStart(2, '0')} Achternaam`, `038 40000${String(i).padStart(2, '0')}`));
			expect(error).toBeNull();
			posts.push(data as string);
		}
	});

	afterAll(async () => {
		// Leave no open requests behind for the other files' suggestions.
		await service(env).from('help_posts').update({ status: 'gesloten' }).in('id', posts);
		await (await asUser(env, demo.coordinatorZwolle)).rpc('set_worker_wijken', { p_user: worker.id, p_wijken: [] });
	});

	it('counts every waiting help request and pages them ten at a time, with the section’s own parameter', async () => {
		const expected = (await service(env).from('help_posts').select('id', { count: 'exact', head: true }).eq('kind', 'vraag').eq('status', 'open').eq('wijk_code', STADSHAGEN)).count!;
		expect(expected).toBeGreaterThanOrEqual(12);
		const site = await new Browser(env).signIn(worker.id);
		const first = await site.get('/werkplek');
		expect(first.status).toBe(200);
		expect(first.body).toContain(`Wachtende hulpvragen (${expected})`);
		const page1 = sectionCards(first.body, 'hulpvragen');
		expect(page1).toHaveLength(10);
		expect(first.body).toContain('hulpvragen=2');
		const second = await site.get('/werkplek?hulpvragen=2');
		const page2 = sectionCards(second.body, 'hulpvragen');
		expect(page2).toHaveLength(expected - 10);
		expect(page2.filter((t) => page1.includes(t))).toEqual([]);
		// Another section's parameter does not move this one.
		expect(sectionCards((await site.get('/werkplek?meldingen=2')).body, 'hulpvragen')).toEqual(page1);
		// Nonsense is page 1, never an error.
		expect((await site.get('/werkplek?hulpvragen=abc&meldingen=-1')).status).toBe(200);
	});

	it('shows the worker the offline resident’s full name, phone and what to do next; neighbours read the first name', async () => {
		const site = await new Browser(env).signIn(worker.id);
		const html = (await site.get('/werkplek')).body;
		expect(html).toContain('Bewoner01 Achternaam · gezelschap');
		expect(html).toContain('href="tel:0384000001"');
		expect(html).toContain('of bel Bewoner01 Achternaam');
		const neighbour = await asUser(env, demo.chantal);
		expect((await neighbour.from('help_posts').select('first_name').eq('id', posts[0]).single()).data).toEqual({ first_name: 'Bewoner01' });
		expect((await neighbour.from('help_post_private').select('full_name').eq('post_id', posts[0])).data).toEqual([]);
	});

	it('a worker of other wijken does not see them, and a resident gets no werkplek', async () => {
		const other = await new Browser(env).signIn(demo.workerZwolle);
		expect((await other.get('/werkplek')).body).not.toContain('Bewoner01 Achternaam');
		expect((await (await new Browser(env).signIn(demo.anna)).get('/werkplek')).status).toBe(403);
	});

	it('lists the initiatives the worker coaches with their stage, and only theirs', async () => {
		const html = (await (await new Browser(env).signIn(demo.workerZwolle)).get('/werkplek')).body;
		const coached = (await service(env).from('initiatieven').select('title', { count: 'exact' }).eq('coach_id', demo.workerZwolle).eq('status', 'gepubliceerd')).count!;
		expect(html).toContain(`Initiatieven die ik begeleid (${coached})`);
		const fresh = (await (await new Browser(env).signIn(worker.id)).get('/werkplek')).body;
		expect(fresh).toContain('Initiatieven die ik begeleid (0)');
		expect(fresh).toContain('Je begeleidt nog geen initiatieven.');
	});
});

describe('reports of every kind lead to their content', () => {
	it('a resident reports a Repair Café on its page; the wijk’s worker finds it linked on the werkplek', async () => {
		const reporter = await newResident(env, 'Rita Meldt');
		const site = await new Browser(env).signIn(reporter.id);
		const page = await site.get(`/repair-cafe/${REPAIR_HOLTENBROEK}`);
		expect(page.body).toContain('Meld dit Repair Café');
		const bad = await site.post(`/repair-cafe/${REPAIR_HOLTENBROEK}?/report`, { subjectType: 'repair_cafe', subjectId: REPAIR_HOLTENBROEK, reason: 'nonsense', details: '' });
		expect(bad.status).toBe(400);
		expect((await service(env).from('reports').select('id').eq('reporter_id', reporter.id)).data).toEqual([]);
		const ok = await site.post(`/repair-cafe/${REPAIR_HOLTENBROEK}?/report`, { subjectType: 'repair_cafe', subjectId: REPAIR_HOLTENBROEK, reason: 'spam', details: 'Verkoopt spullen' });
		expect(ok.status).toBe(200);
		const { data: rows } = await service(env).from('reports').select('subject_label, wijk_code').eq('reporter_id', reporter.id);
		expect(rows).toEqual([{ subject_label: 'Repair Café Holtenbroek', wijk_code: 'WK019306' }]);
		const werkplek = await allReportPages(await new Browser(env).signIn(demo.workerZwolle));
		expect(werkplek).toMatch(new RegExp(`Repair Café: (<!--[^>]*-->)?<a href="/repair-cafe/${REPAIR_HOLTENBROEK}">Repair Café Holtenbroek</a>`));
		// A worker of another gemeente does not get it.
		expect(await allReportPages(await new Browser(env).signIn(demo.workerAlmere))).not.toContain('Repair Café Holtenbroek</a>');
	});

	it('a resident reports a stand on the Rommelroute page; the link opens it on the review page', async () => {
		const reporter = await newResident(env, 'Karel Kraam');
		const site = await new Browser(env).signIn(reporter.id);
		const { data: stands } = await service(env).from('rommelroute_stands').select('id, street').eq('edition_id', ROMMEL_HOLTENBROEK).eq('status', 'goedgekeurd').limit(1);
		const stand = stands![0];
		expect((await site.get(`/rommelroute/${ROMMEL_HOLTENBROEK}`)).body).toContain('Welke kraam?');
		const ok = await site.post(`/rommelroute/${ROMMEL_HOLTENBROEK}?/report`, { subjectType: 'rommelroute_stand', subjectId: String(stand.id), reason: 'ongepast', details: '' });
		expect(ok.status).toBe(200);
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		expect(await allReportPages(worker)).toContain(`href="/rommelroute/kraam/${stand.id}"`);
		const opened = await worker.get(`/rommelroute/kraam/${stand.id}`);
		expect(opened.status).toBe(303);
		expect(opened.location).toBe(`/rommelroute/${ROMMEL_HOLTENBROEK}/beheer?status=alle#kraam-${stand.id}`);
		expect((await worker.get(opened.location!)).body).toContain(`id="kraam-${stand.id}"`);
		// A stand id that is not a number is a 404, not a 500.
		expect((await worker.get('/rommelroute/kraam/abc')).status).toBe(404);
	});

	it('a reported person opens on a page for the workers of their wijk', async () => {
		const reporter = await newResident(env, 'Piet Meldt');
		const { error } = await reporter.db.from('reports').insert({ subject_type: 'person', subject_id: demo.bram, subject_label: 'Bram', reason: 'onveilig', details: 'Dringt aan' } as never);
		expect(error).toBeNull();
		const worker = await new Browser(env).signIn(demo.workerZwolle);
		expect(await allReportPages(worker)).toContain(`href="/werkplek/persoon/${demo.bram}"`);
		const page = await worker.get(`/werkplek/persoon/${demo.bram}`);
		expect(page.status).toBe(200);
		expect(page.body).toContain('Dringt aan');
		expect((await (await new Browser(env).signIn(demo.workerAlmere)).get(`/werkplek/persoon/${demo.bram}`)).status).toBe(404);
	});
});

describe('the coordinator', () => {
	it('sees the wijken of the gemeente without a worker, as the database has them', async () => {
		const db = service(env);
		const { data: wijken } = await db.from('wijken').select('code, naam').eq('gemeente_code', 'GM0193');
		const { data: taken } = await db.from('worker_wijken').select('wijk_code');
		const without = wijken!.filter((w) => !taken!.some((t) => t.wijk_code === w.code));
		const site = await new Browser(env).signIn(demo.coordinatorZwolle);
		for (const path of ['/werkplek', '/coordinator/werkers']) {
			const html = (await site.get(path)).body;
			expect(html).toContain(`Wijken zonder opbouwwerker (${without.length})`);
			for (const w of without) expect(html).toContain(`<li>${w.naam}</li>`);
		}
		// A worker's werkplek has no such section.
		expect((await (await new Browser(env).signIn(demo.workerZwolle)).get('/werkplek')).body).not.toContain('Wijken zonder opbouwwerker');
	});

	it('finds people in a table by name, with buurt, e-mail, role and wijken', async () => {
		const site = await new Browser(env).signIn(demo.coordinatorZwolle);
		const html = (await site.get('/coordinator/werkers?q=Sanne')).body;
		expect(html).toMatch(/<th scope="col"[^>]*>Naam<\/th>/);
		expect(html).toContain('Sanne Opbouwwerker');
		expect(html).toContain('href="mailto:werker.zwolle@buurtplein.test"');
		expect(html).not.toContain('Anna');
		// Hostile search text is text, not a pattern.
		expect((await site.get('/coordinator/werkers?q=%25_%2C()*')).status).toBe(200);
	});
});
