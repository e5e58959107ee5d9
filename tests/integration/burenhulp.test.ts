// Burenhulp through PostgREST as each role: posting, suggestions, matching with consent, the moment
// contact details are revealed, messages, blocks, care approval, worker filing, check-in and reports.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { anon, asUser, Browser, demo, DEMO_PASSWORD, fieldErrors, service } from '../support/clients.ts';
import { newResident, post, type Resident } from '../support/burenhulp.ts';

const env = inject('env');

type Db = Resident['db'];

async function phoneOf(db: Db, userId: string): Promise<string | null> {
	const { data } = await db.from('profile_private').select('phone').eq('user_id', userId);
	return data?.[0]?.phone ?? null;
}

async function propose(db: Db, own: string, other: string) {
	return db.rpc('help_propose', { p_own_post: own, p_other_post: other });
}

async function matchStatus(id: string) {
	const { data } = await service(env).from('help_matches').select('status').eq('id', id).single();
	return data?.status;
}

describe('posting', () => {
	it('other residents see first name, buurt, category and description; visitors see nothing', async () => {
		const asker = await newResident(env, 'Greet van Dam');
		const id = await post(asker.db, { kind: 'vraag', description: 'Wie doet op dinsdag boodschappen voor mij?' });
		const { data } = await (await asUser(env, demo.bram)).from('help_posts').select('first_name, buurt_code, category, description').eq('id', id).single();
		expect(data).toEqual({ first_name: 'Greet', buurt_code: 'BU01930601', category: 'boodschappen', description: 'Wie doet op dinsdag boodschappen voor mij?' });
		const { data: none } = await anon(env).from('help_posts').select('id').eq('id', id);
		expect(none ?? []).toEqual([]);
		// The wijk and point come from the buurt, whatever the client sends.
		const { data: stored } = await service(env).from('help_posts').select('wijk_code, lat').eq('id', id).single();
		expect(stored).toEqual({ wijk_code: 'WK019306', lat: 52.532 });
	});

	it('nobody else learns who wrote a post; the author finds their own', async () => {
		const author = await newResident(env, 'Wim Auteur');
		const id = await post(author.db, { kind: 'aanbod' });
		const other = await asUser(env, demo.bram);
		expect((await other.from('help_posts').select('owner_id').eq('id', id)).error?.code).toBe('42501');
		expect((await other.rpc('help_post_is_mine', { p_post: id })).data).toBe(false);
		expect((await author.db.rpc('help_post_is_mine', { p_post: id })).data).toBe(true);
		expect((await other.rpc('my_help_posts').select('id').eq('id', id)).data).toEqual([]);
		const { data: mine } = await author.db.rpc('my_help_posts').select('id');
		expect(mine).toEqual([{ id }]);
		// Blocking the author works through the post, without learning who it is.
		expect((await other.rpc('help_block_author', { p_post: id })).error).toBeNull();
		expect((await other.from('help_blocks').select('blocked_id')).error?.code).toBe('42501');
		const { data: block } = await other.from('help_blocks').select('id, label').eq('label', 'Wim (Holtenbroek I)').single();
		expect(block).not.toBeNull();
		await other.from('help_blocks').delete().eq('id', block!.id);
	});

	it('the database refuses bad posts: short text, unknown category, care on an offer, a missing time', async () => {
		const r = await newResident(env, 'Piet Bad');
		const bad = [
			{ kind: 'vraag', description: 'kort' },
			{ kind: 'vraag', category: 'wapens' },
			{ kind: 'aanbod', needs_care: true },
			{ kind: 'vraag', when_kind: 'eenmalig', on_date: null },
			{ kind: 'vraag', slots: ['maandag'] }
		] as const;
		for (const fields of bad) {
			await expect(post(r.db, fields as never), JSON.stringify(fields)).rejects.toThrow();
		}
		const { count } = await service(env).from('help_posts').select('id', { count: 'exact', head: true }).eq('owner_id', r.id);
		expect(count).toBe(0);
	});

	it('a resident cannot post for someone offline, nor in another name', async () => {
		const r = await newResident(env, 'Kees Slim');
		await expect(post(r.db, { kind: 'vraag', for_offline: true, first_name: 'Oma' })).rejects.toThrow(/row-level security/);
		const { error } = await r.db.from('help_posts').insert({ kind: 'vraag', owner_id: demo.anna, category: 'tuin', description: 'Tuin wieden graag', when_kind: 'wekelijks', slots: ['ma-middag'], buurt_code: 'BU01930601' } as never);
		expect(error?.code).toBe('42501');
	});
});

describe('suggestions', () => {
	it('lists open offers of the same category nearby for a request, not your own, with the distance', async () => {
		const asker = await newResident(env, 'Ria Vraag', 'BU01930601');
		const helper = await newResident(env, 'Henk Helper', 'BU01930602', { interests: ['tuinieren'] });
		const request = await post(asker.db, { kind: 'vraag' });
		await post(asker.db, { kind: 'aanbod', category: 'tuin', description: 'Ik help in de tuin, graag gedaan' });
		const offer = await post(helper.db, { kind: 'aanbod', buurt_code: 'BU01930602' });
		const { data, error } = await asker.db.rpc('help_suggestions', { p_post: request });
		expect(error).toBeNull();
		const rows = data as unknown as { id: string; first_name: string; distance_m: number; interests: string[] }[];
		const hit = rows.find((r) => r.id === offer);
		expect(hit).toMatchObject({ first_name: 'Henk', interests: ['tuinieren'] });
		// Holtenbroek I and II lie about 570 m apart.
		expect(hit!.distance_m).toBeGreaterThan(400);
		expect(hit!.distance_m).toBeLessThan(800);
		expect(rows.every((r) => r.first_name !== 'Ria')).toBe(true);
	});

	it('gives nothing for a post that is not yours', async () => {
		const asker = await newResident(env, 'Truus Eigen');
		const request = await post(asker.db, { kind: 'vraag' });
		const { data } = await (await asUser(env, demo.bram)).rpc('help_suggestions', { p_post: request });
		expect(data).toEqual([]);
	});
});

describe('a match with consent, and the moment of reveal', () => {
	let asker: Resident;
	let helper: Resident;
	let request: string;
	let offer: string;
	let matchId: string;

	beforeAll(async () => {
		asker = await newResident(env, 'Anja Vraagt', 'BU01930601');
		helper = await newResident(env, 'Bert Helpt', 'BU01930602');
		request = await post(asker.db, { kind: 'vraag' });
		offer = await post(helper.db, { kind: 'aanbod', buurt_code: 'BU01930602' });
	});

	it('before anything, neither reads the other’s phone or e-mail', async () => {
		expect(await phoneOf(helper.db, asker.id)).toBeNull();
		expect(await phoneOf(asker.db, helper.id)).toBeNull();
		const { data } = await helper.db.from('users').select('email').eq('id', asker.id);
		expect(data).toEqual([]);
	});

	it('the helper proposes from their offer; proposing the same pair twice is refused', async () => {
		const { data, error } = await propose(helper.db, offer, request);
		expect(error).toBeNull();
		matchId = data as string;
		expect(await matchStatus(matchId)).toBe('voorgesteld');
		const again = await propose(helper.db, offer, request);
		expect(again.error?.code).toBe('23505');
	});

	it('while proposed, contact stays hidden for both', async () => {
		expect(await phoneOf(helper.db, asker.id)).toBeNull();
		expect(await phoneOf(asker.db, helper.id)).toBeNull();
		const { data } = await asker.db.rpc('help_partner_email', { p_match: matchId });
		expect(data).toBeNull();
	});

	it('a stranger cannot accept it, see it, or read its messages; the proposer cannot accept twice', async () => {
		const stranger = await asUser(env, demo.chantal);
		expect((await stranger.rpc('help_respond', { p_match: matchId, p_accept: true })).error?.code).toBe('42501');
		const { data } = await stranger.from('help_matches').select('id').eq('id', matchId);
		expect(data).toEqual([]);
		expect((await helper.db.rpc('help_respond', { p_match: matchId, p_accept: true })).error?.code).toBe('23514');
		expect(await matchStatus(matchId)).toBe('voorgesteld');
	});

	it('the asker accepts: now both read each other’s phone and e-mail, and nobody else does', async () => {
		const { data, error } = await asker.db.rpc('help_respond', { p_match: matchId, p_accept: true });
		expect(error).toBeNull();
		expect(data).toBe('actief');
		expect(await phoneOf(helper.db, asker.id)).toBe(asker.phone);
		expect(await phoneOf(asker.db, helper.id)).toBe(helper.phone);
		expect((await asker.db.rpc('help_partner_email', { p_match: matchId })).data).toBe(helper.email);
		expect((await helper.db.rpc('help_partner_email', { p_match: matchId })).data).toBe(asker.email);
		// Strangers and a worker of another wijk still read nothing; the wijk's worker does.
		for (const outsider of [demo.chantal, demo.workerAlmere, demo.coordinatorAlmere]) {
			expect(await phoneOf(await asUser(env, outsider), asker.id), outsider).toBeNull();
			expect((await (await asUser(env, outsider)).rpc('help_partner_email', { p_match: matchId })).data, outsider).toBeNull();
		}
		expect(await phoneOf(await asUser(env, demo.workerZwolle), asker.id)).toBe(asker.phone);
		// The request is now matched and no longer listed for others.
		const { data: listed } = await (await asUser(env, demo.chantal)).from('help_posts').select('id').eq('id', request);
		expect(listed).toEqual([]);
	});

	it('cannot be accepted twice', async () => {
		expect((await asker.db.rpc('help_respond', { p_match: matchId, p_accept: true })).error?.code).toBe('23514');
	});

	it('the two exchange messages; others cannot read or write them; a worker reads them only after a report', async () => {
		expect((await asker.db.from('help_messages').insert({ match_id: matchId, body: 'Hoi Bert, dinsdag om twee uur?' })).error).toBeNull();
		const { data: seen } = await helper.db.from('help_messages').select('id, body, sender_id').eq('match_id', matchId);
		expect(seen).toHaveLength(1);
		expect(seen![0]).toMatchObject({ body: 'Hoi Bert, dinsdag om twee uur?', sender_id: asker.id });

		const stranger = await asUser(env, demo.chantal);
		expect((await stranger.from('help_messages').select('id').eq('match_id', matchId)).data).toEqual([]);
		expect((await stranger.from('help_messages').insert({ match_id: matchId, body: 'Ik doe ook mee' })).error?.code).toBe('42501');
		// Writing in someone else's name is refused too.
		expect((await helper.db.from('help_messages').insert({ match_id: matchId, body: 'x', sender_id: asker.id } as never)).error?.code).toBe('42501');

		const worker = await asUser(env, demo.workerZwolle);
		expect((await worker.from('help_messages').select('id').eq('match_id', matchId)).data).toEqual([]);

		// The sender cannot report their own message; the receiver can, and it lands with the wijk's workers.
		const own = await asker.db.from('reports').insert({ subject_type: 'help_message', subject_id: String(seen![0].id), reason: 'ongepast' } as never);
		expect(own.error?.code).toBe('42501');
		const { data: report, error } = await helper.db
			.from('reports')
			.insert({ subject_type: 'help_message', subject_id: String(seen![0].id), subject_label: 'Hoi Bert', reason: 'ongepast' } as never)
			.select('id, wijk_code')
			.single();
		expect(error).toBeNull();
		expect(report?.wijk_code).toBe('WK019306');
		expect((await worker.from('reports').select('id').eq('id', report!.id)).data).toHaveLength(1);
		expect((await worker.from('help_messages').select('body').eq('match_id', matchId)).data).toEqual([{ body: 'Hoi Bert, dinsdag om twee uur?' }]);
		const almere = await asUser(env, demo.workerAlmere);
		expect((await almere.from('reports').select('id').eq('id', report!.id)).data).toEqual([]);
		expect((await almere.from('help_messages').select('id').eq('match_id', matchId)).data).toEqual([]);
	});

	it('the check-in comes after two weeks, not before', async () => {
		expect((await asker.db.rpc('help_check_in', { p_match: matchId, p_answer: 'goed' })).error?.code).toBe('23514');
		await service(env).from('help_matches').update({ checkin_due_at: new Date(Date.now() - 1000).toISOString() }).eq('id', matchId);
		expect((await asker.db.rpc('help_check_in', { p_match: matchId, p_answer: 'goed' })).error).toBeNull();
		const { data } = await service(env).from('help_matches').select('request_checkin, offer_checkin').eq('id', matchId).single();
		expect(data).toEqual({ request_checkin: 'goed', offer_checkin: null });
	});

	it('a check-in of "not so well" shows on the worker page of the wijk', async () => {
		await helper.db.rpc('help_check_in', { p_match: matchId, p_answer: 'niet_goed' });
		const worker = new Browser(env);
		await worker.login('werker.zwolle@buurtplein.test', DEMO_PASSWORD);
		const page = await worker.get('/werkplek/burenhulp');
		expect(page.status).toBe(200);
		expect(page.body).toContain(`/burenhulp/match/${matchId}`);
		const other = new Browser(env);
		await other.login('werker.almere@buurtplein.test', DEMO_PASSWORD);
		expect((await other.get('/werkplek/burenhulp')).body).not.toContain(matchId);
		// Residents do not get the worker pages at all.
		const resident = new Browser(env);
		await resident.login(asker.email, DEMO_PASSWORD);
		expect((await resident.get('/werkplek/burenhulp')).status).toBe(403);
	});

	it('a stranger cannot stop or close it; a party closes it with an outcome and a thank-you', async () => {
		const stranger = await asUser(env, demo.chantal);
		expect((await stranger.rpc('help_stop', { p_match: matchId })).error?.code).toBe('42501');
		expect((await stranger.rpc('help_close', { p_match: matchId, p_outcome: 'geholpen', p_thanks: '' })).error?.code).toBe('42501');
		expect((await asker.db.rpc('help_close', { p_match: matchId, p_outcome: 'bedankt', p_thanks: '' })).error).not.toBeNull();
		const { error } = await asker.db.rpc('help_close', { p_match: matchId, p_outcome: 'geholpen', p_thanks: 'Dank je wel, Bert!' });
		expect(error).toBeNull();
		const { data } = await service(env).from('help_matches').select('status, outcome, thanks').eq('id', matchId).single();
		expect(data).toEqual({ status: 'afgesloten', outcome: 'geholpen', thanks: 'Dank je wel, Bert!' });
		// Closed: the contact is hidden again and no more messages go through.
		expect(await phoneOf(helper.db, asker.id)).toBeNull();
		expect((await helper.db.from('help_messages').insert({ match_id: matchId, body: 'Nog één ding' })).error?.code).toBe('42501');
		expect((await asker.db.rpc('help_stop', { p_match: matchId })).error?.code).toBe('23514');
	});
});

describe('declining and stopping', () => {
	it('a decline stays private: the proposer no longer sees the proposal', async () => {
		const asker = await newResident(env, 'Dina Nee');
		const helper = await newResident(env, 'Erik Vraagt');
		const request = await post(asker.db, { kind: 'vraag' });
		const offer = await post(helper.db, { kind: 'aanbod' });
		const { data: id } = await propose(helper.db, offer, request);
		expect((await asker.db.rpc('help_respond', { p_match: id as string, p_accept: false })).data).toBe('afgewezen');
		expect((await helper.db.from('help_matches').select('id').eq('id', id as string)).data).toEqual([]);
		expect((await asker.db.from('help_matches').select('status').eq('id', id as string)).data).toEqual([{ status: 'afgewezen' }]);
		expect((await asker.db.rpc('help_respond', { p_match: id as string, p_accept: true })).error?.code).toBe('23514');
	});

	it('a stopped match cannot be accepted, and hides the contact again', async () => {
		const asker = await newResident(env, 'Femke Stop');
		const helper = await newResident(env, 'Gijs Stop');
		const request = await post(asker.db, { kind: 'vraag' });
		const offer = await post(helper.db, { kind: 'aanbod' });
		const { data: id } = await propose(asker.db, request, offer);
		expect((await asker.db.rpc('help_stop', { p_match: id as string })).error).toBeNull();
		expect((await helper.db.rpc('help_respond', { p_match: id as string, p_accept: true })).error?.code).toBe('23514');
		expect(await matchStatus(id as string)).toBe('gestopt');
		expect(await phoneOf(helper.db, asker.id)).toBeNull();
		// The request is open again for others.
		expect((await service(env).from('help_posts').select('status').eq('id', request).single()).data?.status).toBe('open');
	});

	it('the database refuses a match with yourself, and nobody writes matches directly', async () => {
		const r = await newResident(env, 'Hans Zelf');
		const request = await post(r.db, { kind: 'vraag' });
		const offer = await post(r.db, { kind: 'aanbod' });
		expect((await propose(r.db, request, offer)).error?.code).toBe('23514');
		const direct = await r.db.from('help_matches').insert({ request_id: request, offer_id: offer } as never);
		expect(direct.error?.code).toBe('42501');
		// Nor can the service role get around it: the check holds whoever writes.
		const other = await newResident(env, 'Ingrid Ander');
		const theirs = await post(other.db, { kind: 'aanbod' });
		const sneaky = await service(env).from('help_matches').insert({ request_id: request, offer_id: offer, request_owner: r.id, offer_owner: other.id, proposed_by: r.id, wijk_code: 'WK019306' }).select('id');
		expect(sneaky.error?.code).toBe('23514');
		expect(theirs).toBeTruthy();
	});

	it('a status can only move forward: an ended match never comes back', async () => {
		const asker = await newResident(env, 'Jan Terug');
		const helper = await newResident(env, 'Karin Terug');
		const { data: id } = await propose(asker.db, await post(asker.db, { kind: 'vraag' }), await post(helper.db, { kind: 'aanbod' }));
		await asker.db.rpc('help_stop', { p_match: id as string });
		const back = await service(env).from('help_matches').update({ status: 'actief' }).eq('id', id as string);
		expect(back.error?.code).toBe('23514');
	});
});

describe('blocking', () => {
	it('a blocked person no longer sees the blocker’s posts, gets no suggestion of them, and cannot propose', async () => {
		const blocker = await newResident(env, 'Lies Blok');
		const blocked = await newResident(env, 'Mark Blok');
		const theirOffer = await post(blocker.db, { kind: 'aanbod' });
		const myRequest = await post(blocked.db, { kind: 'vraag' });
		const before = (await blocked.db.rpc('help_suggestions', { p_post: myRequest })).data as unknown as { id: string }[];
		expect(before.map((r) => r.id)).toContain(theirOffer);

		expect((await blocker.db.from('help_blocks').insert({ blocked_id: blocked.id })).error).toBeNull();
		const after = (await blocked.db.rpc('help_suggestions', { p_post: myRequest })).data as unknown as { id: string }[];
		expect(after.map((r) => r.id)).not.toContain(theirOffer);
		expect((await blocked.db.from('help_posts').select('id').eq('id', theirOffer)).data).toEqual([]);
		expect((await propose(blocked.db, myRequest, theirOffer)).error?.code).toBe('42501');
		// The blocked person cannot see that they were blocked.
		expect((await blocked.db.from('help_blocks').select('id, label')).data).toEqual([]);
	});

	it('blocking during a match stops it: no more contact details or messages', async () => {
		const a = await newResident(env, 'Nel Actief');
		const b = await newResident(env, 'Otto Actief');
		const { data: id } = await propose(a.db, await post(a.db, { kind: 'vraag' }), await post(b.db, { kind: 'aanbod' }));
		await b.db.rpc('help_respond', { p_match: id as string, p_accept: true });
		expect(await phoneOf(b.db, a.id)).toBe(a.phone);
		await a.db.from('help_blocks').insert({ blocked_id: b.id });
		expect(await matchStatus(id as string)).toBe('gestopt');
		expect(await phoneOf(b.db, a.id)).toBeNull();
		expect((await b.db.from('help_messages').insert({ match_id: id as string, body: 'Hallo?' })).error?.code).toBe('42501');
	});
});

describe('lifting a block', () => {
	it('only the one who blocked can lift it; then the posts show again', async () => {
		const blocker = await newResident(env, 'Vera Los');
		const blocked = await newResident(env, 'Wout Los');
		const offer = await post(blocker.db, { kind: 'aanbod' });
		await blocker.db.from('help_blocks').insert({ blocked_id: blocked.id });
		const { data: block } = await blocker.db.from('help_blocks').select('id, label').single();
		expect(block?.label).toBe('Wout (Holtenbroek I)');
		await blocked.db.from('help_blocks').delete().eq('id', block!.id);
		expect((await blocker.db.from('help_blocks').select('id')).data).toEqual([{ id: block!.id }]);
		expect((await blocked.db.from('help_posts').select('id').eq('id', offer)).data).toEqual([]);
		const browser = new Browser(env);
		await browser.login(blocker.email, DEMO_PASSWORD);
		const lifted = await browser.post('/burenhulp?/unblock', { blockId: String(block!.id) });
		expect(lifted.status).toBe(200);
		expect(lifted.body).toContain('Deze persoon is niet meer geblokkeerd.');
		expect((await blocked.db.from('help_posts').select('id').eq('id', offer)).data).toEqual([{ id: offer }]);
	});
});

describe('care: a worker approves the introduction first', () => {
	it('both accepted is not enough; a worker of another wijk cannot approve; the wijk’s worker can', async () => {
		const asker = await newResident(env, 'Piet Zorg');
		const helper = await newResident(env, 'Quinten Zorg');
		const request = await post(asker.db, { kind: 'vraag', needs_care: true });
		const { data: id } = await propose(helper.db, await post(helper.db, { kind: 'aanbod' }), request);
		expect((await asker.db.rpc('help_respond', { p_match: id as string, p_accept: true })).data).toBe('voorgesteld');
		expect(await phoneOf(helper.db, asker.id)).toBeNull();
		// Residents cannot approve, nor can a worker of Almere.
		expect((await asker.db.rpc('help_approve_care', { p_match: id as string })).error?.code).toBe('42501');
		expect((await (await asUser(env, demo.workerAlmere)).rpc('help_approve_care', { p_match: id as string })).error?.code).toBe('42501');
		const worker = await asUser(env, demo.workerZwolle);
		const { data: queue } = await worker.from('help_matches').select('id').eq('id', id as string).eq('needs_care', true).is('care_approved_at', null);
		expect(queue).toHaveLength(1);
		expect((await worker.rpc('help_approve_care', { p_match: id as string })).data).toBe('actief');
		expect(await phoneOf(helper.db, asker.id)).toBe(asker.phone);
		const { data: log } = await worker.from('audit_log').select('action').eq('subject_id', id as string);
		expect(log).toEqual([{ action: 'help_approve_care' }]);
	});
});

describe('a worker files a request for a resident who is not online', () => {
	const fileArgs = {
		p_name: 'Gerda Offline',
		p_buurt_code: 'BU01930601',
		p_phone: '038 1234567',
		p_share_phone: false,
		p_category: 'vervoer',
		p_description: 'Vervoer naar het ziekenhuis op donderdag',
		p_when_kind: 'wekelijks',
		p_on_date: null as unknown as string,
		p_slots: ['do-ochtend'],
		p_needs_care: false
	};

	it('residents see only the first name; the phone stays with the wijk’s workers', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const { data: id, error } = await worker.rpc('help_file_for_resident', fileArgs);
		expect(error).toBeNull();
		const resident = await asUser(env, demo.chantal);
		expect((await resident.from('help_posts').select('first_name').eq('id', id!).single()).data).toEqual({ first_name: 'Gerda' });
		expect((await resident.from('help_post_private').select('phone').eq('post_id', id!)).data).toEqual([]);
		expect((await (await asUser(env, demo.workerAlmere)).from('help_post_private').select('phone').eq('post_id', id!)).data).toEqual([]);
		expect((await worker.from('help_post_private').select('full_name, phone').eq('post_id', id!).single()).data).toEqual({ full_name: 'Gerda Offline', phone: '038 1234567' });
	});

	it('a worker of another wijk, or a resident, cannot file in Holtenbroek; nothing is half-written', async () => {
		const before = (await service(env).from('help_posts').select('id', { count: 'exact', head: true })).count;
		expect((await (await asUser(env, demo.workerAlmere)).rpc('help_file_for_resident', fileArgs)).error?.code).toBe('42501');
		expect((await (await asUser(env, demo.anna)).rpc('help_file_for_resident', fileArgs)).error?.code).toBe('42501');
		// A bad phone number fails the second insert; the first is rolled back with it.
		expect((await (await asUser(env, demo.workerZwolle)).rpc('help_file_for_resident', { ...fileArgs, p_phone: 'bel me' })).error?.code).toBe('23514');
		expect((await service(env).from('help_posts').select('id', { count: 'exact', head: true })).count).toBe(before);
	});

	it('the waiting list shows the wijk’s requests open for over a week, to its workers', async () => {
		const weekAgo = new Date(Date.now() - 7 * 86_400_000).toISOString();
		const query = async (userId: string) =>
			(await (await asUser(env, userId)).from('help_posts').select('id').eq('kind', 'vraag').eq('status', 'open').in('wijk_code', ['WK019301']).lt('created_at', weekAgo)).data;
		// The seed has Gerrit in Kamperpoort, waiting for ten days.
		expect(await query(demo.workerZwolle)).toContainEqual({ id: '00000000-0000-4000-9000-000000000004' });
	});
});

describe('reports on posts', () => {
	it('a resident reports a post; the wijk’s workers see it, others not; your own post cannot be reported', async () => {
		const owner = await newResident(env, 'Rob Meld', 'BU00340101');
		const id = await post(owner.db, { kind: 'aanbod', buurt_code: 'BU00340101' });
		const reporter = await asUser(env, demo.emre);
		const { data, error } = await reporter.from('reports').insert({ subject_type: 'help_post', subject_id: id, reason: 'spam' } as never).select('wijk_code').single();
		expect(error).toBeNull();
		expect(data?.wijk_code).toBe('WK003401');
		expect((await (await asUser(env, demo.workerAlmere)).from('reports').select('id').eq('subject_id', id)).data).toHaveLength(1);
		expect((await (await asUser(env, demo.workerZwolle)).from('reports').select('id').eq('subject_id', id)).data).toEqual([]);
		expect((await owner.db.from('reports').insert({ subject_type: 'help_post', subject_id: id, reason: 'spam' } as never)).error?.code).toBe('42501');
	});
});

describe('through the site, without JavaScript', () => {
	it('a bad post gets a 400 with a message per field, and nothing is stored', async () => {
		const r = await newResident(env, 'Sara Site');
		const browser = new Browser(env);
		await browser.login(r.email, DEMO_PASSWORD);
		const response = await browser.post('/burenhulp/nieuw', { kind: 'vraag', category: 'x', description: '<b>hoi</b>', whenKind: 'eenmalig', onDate: '2020-01-01', buurtCode: 'BU01930601' });
		expect(response.status).toBe(400);
		const errors = fieldErrors(response.body);
		expect(errors.category).toBe('Kies waarbij.');
		expect(errors.description).toMatch(/^Gebruik geen HTML-code/);
		expect(errors.onDate).toBe('Deze datum is al voorbij.');
		expect((await service(env).from('help_posts').select('id', { count: 'exact', head: true }).eq('owner_id', r.id)).count).toBe(0);
	});

	it('a post shows ranked suggestions that say why, and a proposal opens the match page', async () => {
		// Almere Haven: no other test posts nearby, so this offer is the first suggestion.
		const asker = await newResident(env, 'Tineke Site', 'BU00340201', { interests: ['tuinieren'] });
		const helper = await newResident(env, 'Ub Site', 'BU00340202', { interests: ['tuinieren'] });
		await post(helper.db, { kind: 'aanbod', buurt_code: 'BU00340202', slots: ['di-middag'], description: 'Ik doe graag boodschappen voor een buur' });
		const browser = new Browser(env);
		await browser.login(asker.email, DEMO_PASSWORD);
		const created = await browser.post('/burenhulp/nieuw', { kind: 'vraag', category: 'boodschappen', description: 'Wie haalt mijn boodschappen?', whenKind: 'wekelijks', slots: ['di-middag'], buurtCode: 'BU00340201' });
		expect(created.status).toBe(303);
		const page = await browser.get(created.location!);
		expect(page.body).toContain('Ik doe graag boodschappen voor een buur');
		expect(page.body).toMatch(/woont (500|600) m verderop, ook dinsdag middag, houdt ook van tuinieren/);
		const requestId = created.location!.split('/')[2].split('?')[0];
		const { data: offers } = await service(env).from('help_posts').select('id').eq('owner_id', helper.id);
		const proposed = await browser.post(`/burenhulp/${requestId}?/propose`, { ownPost: requestId, otherPost: offers![0].id });
		expect(proposed.status).toBe(303);
		expect(proposed.location).toMatch(/^\/burenhulp\/match\//);
		const match = await browser.get(proposed.location!);
		expect(match.body).toContain('We wachten op een antwoord van Ub.');
		expect(match.body).not.toContain(helper.phone);
	});
});

describe('ending a match is mutual and keeps history', () => {
	async function active() {
		const asker = await newResident(env, 'Lies Sluit');
		const helper = await newResident(env, 'Mark Sluit');
		const request = await post(asker.db, { kind: 'vraag' });
		const offer = await post(helper.db, { kind: 'aanbod' });
		const { data: id } = await propose(helper.db, offer, request);
		expect((await asker.db.rpc('help_respond', { p_match: id as string, p_accept: true })).data).toBe('actief');
		return { asker, helper, request, id: id as string };
	}

	it('one side closes; the other is told and asked for their outcome, once', async () => {
		const { asker, helper, request, id } = await active();
		expect((await helper.db.rpc('help_close', { p_match: id, p_outcome: 'geholpen', p_thanks: 'Graag gedaan' })).error).toBeNull();
		// The asker hears of it, with a link to the match, and reads it in their inbox.
		const { data: told } = await asker.db.from('notifications').select('kind, link, params').eq('subject_id', id).eq('kind', 'help_match_closed');
		expect(told).toEqual([{ kind: 'help_match_closed', link: `/burenhulp/match/${id}`, params: { name: 'Mark' } }]);
		expect((await helper.db.from('notifications').select('id').eq('subject_id', id).eq('kind', 'help_match_closed')).data).toEqual([]);
		const inbox = await (await new Browser(env).signIn(asker.id)).get('/meldingen');
		expect(inbox.body).toContain('Mark heeft jullie match afgesloten');

		// Both still see the match, as history: the asker is asked, the helper waits for the answer.
		expect((await asker.db.from('my_help_matches').select('status, my_outcome, other_outcome, other_thanks').eq('id', id).single()).data)
			.toEqual({ status: 'afgesloten', my_outcome: null, other_outcome: 'geholpen', other_thanks: 'Graag gedaan' });
		const askerPage = await (await new Browser(env).signIn(asker.id)).get(`/burenhulp/match/${id}`);
		expect(askerPage.body).toContain('Mark heeft de match afgesloten. Hoe ging het voor jou?');
		const mine = await (await new Browser(env).signIn(asker.id)).get('/burenhulp');
		expect(mine.body).toContain(`/burenhulp/match/${id}`);

		// The asker answers; a second answer, or one from a stranger, is refused.
		expect((await asker.db.rpc('help_close', { p_match: id, p_outcome: 'contact_blijft', p_thanks: 'Dank je, Mark!' })).error).toBeNull();
		expect((await asker.db.rpc('help_close', { p_match: id, p_outcome: 'niet_geholpen', p_thanks: '' })).error?.code).toBe('23514');
		expect((await helper.db.rpc('help_close', { p_match: id, p_outcome: 'niet_geholpen', p_thanks: '' })).error?.code).toBe('23514');
		expect((await (await asUser(env, demo.chantal)).rpc('help_close', { p_match: id, p_outcome: 'geholpen', p_thanks: '' })).error?.code).toBe('42501');
		expect((await helper.db.from('my_help_matches').select('my_outcome, other_outcome, other_thanks').eq('id', id).single()).data)
			.toEqual({ my_outcome: 'geholpen', other_outcome: 'contact_blijft', other_thanks: 'Dank je, Mark!' });
		expect((await service(env).from('help_posts').select('status').eq('id', request).single()).data?.status).toBe('gesloten');
		// The closed request and the match stay on "mijn hulp" as history.
		const history = (await (await new Browser(env).signIn(asker.id)).get('/burenhulp')).body;
		expect(history.slice(history.indexOf('Geschiedenis'))).toContain(`/burenhulp/match/${id}`);
		expect(history.slice(history.indexOf('Geschiedenis'))).toContain(`/burenhulp/${request}`);
	});

	it('when the asking side was not helped, the request opens again; nothing else about an ended match changes', async () => {
		const { asker, helper, request, id } = await active();
		expect((await helper.db.rpc('help_close', { p_match: id, p_outcome: 'geholpen', p_thanks: '' })).error).toBeNull();
		expect((await service(env).from('help_posts').select('status').eq('id', request).single()).data?.status).toBe('gesloten');
		expect((await asker.db.rpc('help_close', { p_match: id, p_outcome: 'niet_geholpen', p_thanks: '' })).error).toBeNull();
		expect((await service(env).from('help_posts').select('status').eq('id', request).single()).data?.status).toBe('open');
		// Not even the service role rewrites an outcome once given, or reopens the match.
		expect((await service(env).from('help_matches').update({ offer_outcome: 'niet_geholpen' }).eq('id', id)).error?.code).toBe('23514');
		expect((await service(env).from('help_matches').update({ thanks: 'anders' }).eq('id', id)).error?.code).toBe('23514');
		expect((await service(env).from('help_matches').update({ status: 'actief' }).eq('id', id)).error?.code).toBe('23514');
	});

	it('a bad outcome through the site is a 400 with a message, and nothing changes', async () => {
		const { asker, id } = await active();
		const site = await new Browser(env).signIn(asker.id);
		const response = await site.post(`/burenhulp/match/${id}?/close`, { matchId: id, outcome: 'super', thanks: 'x'.repeat(600) });
		expect(response.status).toBe(400);
		expect(fieldErrors(response.body).outcome).toBeTruthy();
		expect(await matchStatus(id)).toBe('actief');
	});

	it('the match page explains "Afsluiten" and "Stoppen" and asks before stopping; contact details are links', async () => {
		const { asker, helper, id } = await active();
		const page = (await (await new Browser(env).signIn(asker.id)).get(`/burenhulp/match/${id}`)).body;
		expect(page).toContain('Afsluiten: de hulp is klaar.');
		expect(page).toContain('Stoppen: de match gaat niet door.');
		expect(page).toContain('Ja, stop deze match');
		expect(page).toContain(`href="tel:${helper.phone.replace(/\D/g, '')}"`);
		expect(page).toContain(`href="mailto:${helper.email}"`);
	});
});

describe('burenhulp for a resident who is not online, as the neighbour reads it', () => {
	it('the neighbour reads whom to call: the carrying worker with the work number, and the resident by first name', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const { data: request, error } = await worker.rpc('help_file_for_resident', {
			p_name: 'Truus van Dijk', p_buurt_code: 'BU01930601', p_phone: '038 7654321', p_share_phone: true, p_category: 'boodschappen',
			p_description: 'Boodschappen op dinsdag, mevrouw loopt slecht', p_when_kind: 'wekelijks', p_on_date: null as unknown as string,
			p_slots: ['di-middag'], p_needs_care: false
		});
		expect(error).toBeNull();
		const neighbour = await newResident(env, 'Vera Buur');
		const offer = await post(neighbour.db, { kind: 'aanbod' });
		const { data: id } = await propose(neighbour.db, offer, request as string);
		expect((await worker.rpc('help_respond', { p_match: id as string, p_accept: true })).data).toBe('actief');
		const page = (await (await new Browser(env).signIn(neighbour.id)).get(`/burenhulp/match/${id}`)).body;
		expect(page).toContain('Bel of mail de opbouwwerker, Sanne Opbouwwerker (038 4260000); die regelt het met Truus.');
		expect(page).toContain('href="tel:0384260000"');
		expect(page).toContain('Truus vindt het goed dat je zelf belt:');
		expect(page).toContain('href="tel:0387654321"');
		expect(page).not.toContain('van Dijk');
		// The worker sees the full name on the request.
		expect((await (await new Browser(env).signIn(demo.workerZwolle)).get(`/burenhulp/${request}`)).body).toContain('Truus van Dijk');
	});
});
