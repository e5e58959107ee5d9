// Buurtinitiatieven through PostgREST, as each role: every workflow step, the access rules and the
// moves the database must refuse whatever the site shows.
import { describe, expect, inject, it } from 'vitest';
import { anon, asUser, demo, service } from '../support/clients.ts';
import { createInitiatief, published, submitted, validInitiatief } from '../support/initiatieven.ts';

const env = inject('env');

const roles = {
	anon: () => Promise.resolve(anon(env)),
	author: () => asUser(env, demo.anna),
	'another resident': () => asUser(env, demo.bram),
	'a worker of the wijk': () => asUser(env, demo.workerZwolle),
	'a worker of another wijk': () => asUser(env, demo.workerAlmere),
	'the coordinator': () => asUser(env, demo.coordinatorZwolle)
} as const;
type Role = keyof typeof roles;

async function visibleTo(id: string): Promise<Role[]> {
	const seen: Role[] = [];
	for (const [name, connect] of Object.entries(roles) as [Role, () => Promise<ReturnType<typeof anon>>][]) {
		const { data } = await (await connect()).from('initiatieven').select('id').eq('id', id);
		if (data?.length) seen.push(name);
	}
	return seen;
}

async function status(id: string) {
	const { data } = await service(env).from('initiatieven').select('status, stage').eq('id', id).single();
	return data!;
}

describe('visibility of an initiative in each state', () => {
	it('a concept is seen by its author only', async () => {
		const id = await createInitiatief(await asUser(env, demo.anna));
		expect(await visibleTo(id)).toEqual(['author']);
	});

	it('a submitted one by its author and the workers of its wijk and gemeente', async () => {
		const id = await submitted(await asUser(env, demo.anna));
		expect(await visibleTo(id)).toEqual(['author', 'a worker of the wijk', 'the coordinator']);
	});

	it('a declined one by its author and those workers, with the reason for the author', async () => {
		const id = await submitted(await asUser(env, demo.anna));
		const worker = await asUser(env, demo.workerZwolle);
		expect((await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'afwijzen', p_message: 'Dit is reclame.' })).error).toBeNull();
		expect(await visibleTo(id)).toEqual(['author', 'a worker of the wijk', 'the coordinator']);
		const anna = await asUser(env, demo.anna);
		expect((await anna.from('initiatieven').select('status').eq('id', id).single()).data).toEqual({ status: 'afgewezen' });
		const { data } = await anna.from('initiatief_beslissingen').select('decision, message').eq('initiatief_id', id);
		expect(data).toEqual([{ decision: 'afgewezen', message: 'Dit is reclame.' }]);
	});

	it('a published one by everyone', async () => {
		const id = await published(await asUser(env, demo.anna), await asUser(env, demo.workerZwolle));
		expect(await visibleTo(id)).toEqual(Object.keys(roles));
	});
});

describe('moderation', () => {
	it('a worker asks for a change, the author edits and resubmits, a worker publishes; all in the audit log', async () => {
		const anna = await asUser(env, demo.anna);
		const worker = await asUser(env, demo.workerZwolle);
		const id = await submitted(anna);
		expect((await worker.rpc('claim_initiatief', { p_id: id })).error).toBeNull();

		const noReason = await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'aanpassen', p_message: '  ' });
		expect(noReason.error).not.toBeNull();
		expect((await status(id)).status).toBe('ingediend');

		expect((await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'aanpassen', p_message: 'Waar komen de bakken?' })).error).toBeNull();
		expect((await status(id)).status).toBe('aanpassing_gevraagd');
		const { data: seen } = await anna.from('initiatief_beslissingen').select('decision, message').eq('initiatief_id', id);
		expect(seen).toEqual([{ decision: 'aanpassing_gevraagd', message: 'Waar komen de bakken?' }]);

		const resubmit = await anna.rpc('save_initiatief', { ...validInitiatief, p_id: id, p_body: validInitiatief.p_body + ' Op de galerij van de tweede verdieping.', p_submit: true });
		expect(resubmit.error).toBeNull();
		expect((await status(id)).status).toBe('ingediend');

		expect((await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'publiceren', p_message: '' })).error).toBeNull();
		const { data: row } = await anon(env).from('initiatieven').select('status, stage, coach_id').eq('id', id).single();
		expect(row).toEqual({ status: 'gepubliceerd', stage: 'idee', coach_id: demo.workerZwolle });

		const { data: log } = await worker.from('audit_log').select('actor_id, action, reason').eq('subject_id', id).order('id');
		expect(log?.map((e) => e.action)).toEqual([
			'initiatief_ingediend', 'initiatief_geclaimd', 'initiatief_aanpassing_gevraagd', 'initiatief_ingediend', 'initiatief_gepubliceerd'
		]);
		expect(log?.[2]).toMatchObject({ actor_id: demo.workerZwolle, reason: 'Waar komen de bakken?' });
		const { data: hidden } = await (await asUser(env, demo.bram)).from('audit_log').select('id').eq('subject_id', id);
		expect(hidden).toEqual([]);
	});

	it('a worker of another wijk cannot claim or decide', async () => {
		const id = await submitted(await asUser(env, demo.anna));
		const other = await asUser(env, demo.workerAlmere);
		expect((await other.rpc('claim_initiatief', { p_id: id })).error?.code).toBe('42501');
		expect((await other.rpc('moderate_initiatief', { p_id: id, p_decision: 'publiceren', p_message: '' })).error?.code).toBe('42501');
		expect((await status(id)).status).toBe('ingediend');
	});

	it('nobody publishes their own initiative, not even a worker', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const id = await submitted(worker);
		expect((await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'publiceren', p_message: '' })).error?.code).toBe('42501');
		const anna = await asUser(env, demo.anna);
		const own = await submitted(anna);
		expect((await anna.rpc('moderate_initiatief', { p_id: own, p_decision: 'publiceren', p_message: '' })).error?.code).toBe('42501');
		expect((await status(id)).status).toBe('ingediend');
		expect((await status(own)).status).toBe('ingediend');
	});

	it('refuses illegal moves in the database: publish a concept, decline a published one, skip a stage', async () => {
		const anna = await asUser(env, demo.anna);
		const worker = await asUser(env, demo.workerZwolle);
		const concept = await createInitiatief(anna);
		expect((await worker.rpc('moderate_initiatief', { p_id: concept, p_decision: 'publiceren', p_message: '' })).error).not.toBeNull();
		expect((await status(concept)).status).toBe('concept');

		const id = await published(anna, worker);
		const decline = await worker.rpc('moderate_initiatief', { p_id: id, p_decision: 'afwijzen', p_message: 'Toch niet' });
		expect(decline.error?.code).toBe('55000');
		expect((await worker.rpc('set_initiatief_stage', { p_id: id, p_stage: 'uitvoering' })).error?.code).toBe('55000');
		expect((await worker.rpc('set_initiatief_stage', { p_id: id, p_stage: 'plan' })).error).toBeNull();
		expect(await status(id)).toMatchObject({ status: 'gepubliceerd', stage: 'plan' });
		// Even the owner of the tables cannot make an illegal move: the trigger guards every writer.
		const { error } = await service(env).from('initiatieven').update({ status: 'concept' }).eq('id', id);
		expect(error?.code).toBe('55000');
	});

	it('a published initiative cannot be edited, and nobody edits someone else\'s', async () => {
		const anna = await asUser(env, demo.anna);
		const bram = await asUser(env, demo.bram);
		const concept = await createInitiatief(anna);
		const edit = await bram.rpc('save_initiatief', { ...validInitiatief, p_id: concept, p_title: 'Overgenomen door Bram' });
		expect(edit.error?.code).toBe('42501');
		const direct = await bram.from('initiatieven').update({ title: 'Overgenomen door Bram' }).eq('id', concept).select();
		expect(direct.error?.code).toBe('42501');
		const id = await published(anna, await asUser(env, demo.workerZwolle));
		expect((await anna.rpc('save_initiatief', { ...validInitiatief, p_id: id, p_title: 'Nieuwe titel hier' })).error?.code).toBe('55000');
		const { data } = await service(env).from('initiatieven').select('title').in('id', [concept, id]);
		expect(data?.map((r) => r.title)).toEqual([validInitiatief.p_title, validInitiatief.p_title]);
	});

	it('refuses values outside the lists and bounds, writing nothing', async () => {
		const anna = await asUser(env, demo.anna);
		const { count: before } = await service(env).from('initiatieven').select('id', { count: 'exact', head: true });
		for (const bad of [{ p_themes: ['reclame'] }, { p_lat: 48.85, p_lng: 2.35 }, { p_money_amount: -5 }, { p_title: 'x' }, { p_hands_count: -1 }]) {
			const { error } = await anna.rpc('save_initiatief', { ...validInitiatief, p_id: null as unknown as string, ...bad });
			expect(error, JSON.stringify(bad)).not.toBeNull();
		}
		const { count: after } = await service(env).from('initiatieven').select('id', { count: 'exact', head: true });
		expect(after).toBe(before);
	});
});

describe('coaching', () => {
	it('the coaching log is read and written by workers of the wijk only', async () => {
		const worker = await asUser(env, demo.workerZwolle);
		const id = await published(await asUser(env, demo.anna), worker);
		expect((await worker.from('initiatief_notities').insert({ initiatief_id: id, body: 'Subsidie besproken.' })).error).toBeNull();
		expect((await (await asUser(env, demo.workerAlmere)).from('initiatief_notities').insert({ initiatief_id: id, body: 'Ik ook' })).error).not.toBeNull();
		const readers: Role[] = [];
		for (const [name, connect] of Object.entries(roles) as [Role, () => Promise<ReturnType<typeof anon>>][]) {
			const { data } = await (await connect()).from('initiatief_notities').select('body').eq('initiatief_id', id);
			if (data?.length) readers.push(name);
		}
		expect(readers).toEqual(['a worker of the wijk', 'the coordinator']);
	});

	it('the author and the coach post public updates; other residents cannot', async () => {
		const anna = await asUser(env, demo.anna);
		const worker = await asUser(env, demo.workerZwolle);
		const id = await published(anna, worker);
		expect((await anna.from('initiatief_updates').insert({ initiatief_id: id, body: 'We beginnen zaterdag!' })).error).toBeNull();
		expect((await worker.from('initiatief_updates').insert({ initiatief_id: id, body: 'Subsidie is rond.' })).error).toBeNull();
		expect((await (await asUser(env, demo.chantal)).from('initiatief_updates').insert({ initiatief_id: id, body: 'Spam' })).error).not.toBeNull();
		const { data } = await anon(env).from('initiatief_updates').select('body').eq('initiatief_id', id).order('id');
		expect(data?.map((u) => u.body)).toEqual(['We beginnen zaterdag!', 'Subsidie is rond.']);
	});
});

describe('joining', () => {
	it('a joiner\'s contact is seen by the organisers and workers, not by other residents; the count is public', async () => {
		const anna = await asUser(env, demo.anna);
		const id = await published(anna, await asUser(env, demo.workerZwolle));
		const bram = await asUser(env, demo.bram);
		expect((await bram.rpc('join_initiatief', { p_id: id, p_brings: ['handen'], p_note: 'Ik heb gereedschap', p_contact: '06 23456789' })).error).toBeNull();

		const contactSeenBy: Role[] = [];
		for (const [name, connect] of Object.entries(roles) as [Role, () => Promise<ReturnType<typeof anon>>][]) {
			const { data } = await (await connect()).from('initiatief_contacten').select('contact').eq('initiatief_id', id);
			if (data?.some((c) => c.contact === '06 23456789')) contactSeenBy.push(name);
		}
		expect(contactSeenBy).toEqual(['author', 'another resident', 'a worker of the wijk', 'the coordinator']);
		const { data: chantalSees } = await (await asUser(env, demo.chantal)).from('initiatief_deelnemers').select('user_id').eq('initiatief_id', id);
		expect(chantalSees).toEqual([]);
		const { data: count } = await anon(env).from('initiatieven').select('joiner_count').eq('id', id).single();
		expect(count?.joiner_count).toBe(1);
	});

	it('a co-organiser chosen by the author sees the other joiners and posts updates', async () => {
		const anna = await asUser(env, demo.anna);
		const id = await published(anna, await asUser(env, demo.workerZwolle));
		const bram = await asUser(env, demo.bram);
		const chantal = await asUser(env, demo.chantal);
		await bram.rpc('join_initiatief', { p_id: id, p_brings: ['handen'], p_note: '', p_contact: 'bram@buurtplein.test' });
		await chantal.rpc('join_initiatief', { p_id: id, p_brings: ['vaardigheid'], p_note: 'Ik kan tekenen', p_contact: '06 34567890' });
		expect((await bram.rpc('set_initiatief_organiser', { p_id: id, p_user: demo.chantal, p_on: true })).error?.code).toBe('42501');
		expect((await anna.rpc('set_initiatief_organiser', { p_id: id, p_user: demo.bram, p_on: true })).error).toBeNull();
		const { data } = await bram.from('initiatief_contacten').select('contact').eq('initiatief_id', id).order('contact');
		expect(data?.map((c) => c.contact)).toEqual(['06 34567890', 'bram@buurtplein.test']);
		expect((await bram.from('initiatief_updates').insert({ initiatief_id: id, body: 'Planken zijn binnen.' })).error).toBeNull();
	});

	it('the author does not join their own initiative', async () => {
		const anna = await asUser(env, demo.anna);
		const id = await published(anna, await asUser(env, demo.workerZwolle));
		const { error } = await anna.rpc('join_initiatief', { p_id: id, p_brings: [], p_note: '', p_contact: '06 12345678' });
		expect(error?.code).toBe('42501');
	});

	it('nobody joins an initiative that is not published', async () => {
		const id = await submitted(await asUser(env, demo.anna));
		const { error } = await (await asUser(env, demo.bram)).rpc('join_initiatief', { p_id: id, p_brings: [], p_note: '', p_contact: '06 23456789' });
		expect(error?.code).toBe('42501');
	});
});

describe('comments', () => {
	it('residents comment; the author hides one with a reason; visitors no longer see it, the writer still does', async () => {
		const anna = await asUser(env, demo.anna);
		const id = await published(anna, await asUser(env, demo.workerZwolle));
		const chantal = await asUser(env, demo.chantal);
		const { data: comment, error } = await chantal.from('initiatief_reacties').insert({ initiatief_id: id, body: 'Koop nu goedkope horloges' }).select('id').single();
		expect(error).toBeNull();
		expect((await (await asUser(env, demo.bram)).rpc('hide_initiatief_reactie', { p_id: comment!.id, p_reason: 'Ik vind het stom' })).error?.code).toBe('42501');
		expect((await anna.rpc('hide_initiatief_reactie', { p_id: comment!.id, p_reason: '' })).error).not.toBeNull();
		expect((await anna.rpc('hide_initiatief_reactie', { p_id: comment!.id, p_reason: 'Reclame' })).error).toBeNull();
		expect((await anon(env).from('initiatief_reacties').select('id').eq('initiatief_id', id)).data).toEqual([]);
		expect((await (await asUser(env, demo.bram)).from('initiatief_reacties').select('id').eq('initiatief_id', id)).data).toEqual([]);
		const { data: own } = await chantal.from('initiatief_reacties').select('hidden_reason').eq('id', comment!.id).single();
		expect(own?.hidden_reason).toBe('Reclame');
	});

	it('nobody comments on an initiative that is not published', async () => {
		const id = await submitted(await asUser(env, demo.anna));
		const { error } = await (await asUser(env, demo.bram)).from('initiatief_reacties').insert({ initiatief_id: id, body: 'Hallo daar' });
		expect(error).not.toBeNull();
	});
});

describe('reports', () => {
	it('a report on a published initiative or comment lands with the workers of its wijk', async () => {
		const anna = await asUser(env, demo.anna);
		const id = await published(anna, await asUser(env, demo.workerZwolle));
		const chantal = await asUser(env, demo.chantal);
		const { data: comment } = await anna.from('initiatief_reacties').insert({ initiatief_id: id, body: 'Doe mee!' }).select('id').single();
		const r1 = await chantal.from('reports').insert({ subject_type: 'initiatief', subject_id: id, subject_label: 'Bloembakken', reason: 'spam', details: '' });
		const r2 = await chantal.from('reports').insert({ subject_type: 'initiatief_reactie', subject_id: String(comment!.id), subject_label: 'Doe mee!', reason: 'ongepast', details: 'Test' });
		expect(r1.error).toBeNull();
		expect(r2.error).toBeNull();
		// By kind too: a comment's number can be another file's reported stand or post.
		const { data: queue } = await (await asUser(env, demo.workerZwolle)).from('reports').select('subject_type, wijk_code').in('subject_id', [id, String(comment!.id)]).in('subject_type', ['initiatief', 'initiatief_reactie']);
		expect(queue?.map((r) => r.wijk_code)).toEqual(['WK019306', 'WK019306']);
		const { data: other } = await (await asUser(env, demo.workerAlmere)).from('reports').select('id').eq('subject_id', id);
		expect(other).toEqual([]);
	});

	it('a concept cannot be reported (nobody else can see it)', async () => {
		const id = await createInitiatief(await asUser(env, demo.anna));
		const { error } = await (await asUser(env, demo.bram)).from('reports').insert({ subject_type: 'initiatief', subject_id: id, subject_label: 'x', reason: 'spam', details: '' });
		expect(error?.code).toBe('42501');
	});
});

describe('finding', () => {
	it('Dutch full-text search finds word forms and ignores what is not published', async () => {
		const anna = await asUser(env, demo.anna);
		const worker = await asUser(env, demo.workerZwolle);
		const id = await published(anna, worker, { p_title: 'Moestuin bij de speeltuin', p_body: 'We leggen een moestuin aan voor alle bewoners van de straat, met bakken voor kinderen.' });
		const hidden = await submitted(anna, { p_title: 'Geheime moestuin', p_body: 'Deze moestuin is nog niet gepubliceerd en mag niet gevonden worden.' });
		const { data } = await anon(env).from('initiatieven').select('id').textSearch('search', 'moestuinen', { config: 'dutch', type: 'websearch' });
		const ids = data?.map((r) => r.id) ?? [];
		expect(ids).toContain(id);
		expect(ids).not.toContain(hidden);
	});
});
