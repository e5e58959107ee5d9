// Bewonersgroepen through PostgREST, as each role: every step of a group's life, the access rules and
// the moves the database must refuse whatever the site shows. Members are fresh residents, so the
// demo accounts other files use are not changed here.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { newResident, type Resident } from '../support/burenhulp.ts';
import { anon, asUser, demo, service } from '../support/clients.ts';
import { createInitiatief } from '../support/initiatieven.ts';
import { join, notes, planMeeting, publishedGroep, runJob, startGroep, validGroep } from '../support/groepen.ts';

const env = inject('env');
const db = () => service(env);
const DAY = 86_400_000;

type Client = Awaited<ReturnType<typeof asUser>>;
let trekker: Resident; // proposes, becomes the first trekker
let lid: Resident;
let stranger: Resident; // lives in the same buurt, no relation to the group
let worker: Client;

beforeAll(async () => {
	[trekker, lid, stranger] = await Promise.all([newResident(env, 'Tessa Trekker'), newResident(env, 'Luuk Lid'), newResident(env, 'Stijn Vreemd')]);
	worker = await asUser(env, demo.workerZwolle);
});

const roles = () => ({
	visitor: () => Promise.resolve(anon(env)),
	proposer: () => Promise.resolve(trekker.db),
	member: () => Promise.resolve(lid.db),
	'another resident': () => Promise.resolve(stranger.db),
	'a worker of the wijk': () => asUser(env, demo.workerZwolle),
	'a worker of another wijk': () => asUser(env, demo.workerAlmere),
	'the coordinator': () => asUser(env, demo.coordinatorZwolle),
	'the coordinator of another gemeente': () => asUser(env, demo.coordinatorAlmere),
	admin: () => asUser(env, demo.admin)
});
type Role = keyof ReturnType<typeof roles>;

/** Which roles can read rows of this table matching the filter. */
async function readers(table: string, column: string, value: string | number): Promise<Role[]> {
	const seen: Role[] = [];
	for (const [name, connect] of Object.entries(roles()) as [Role, () => Promise<Client>][]) {
		const { data } = await (await connect()).from(table as 'groepen').select('*').eq(column as 'id', value as string);
		if (data?.length) seen.push(name);
	}
	return seen;
}

async function row(id: string) {
	return (await db().from('groepen').select('status, stage, facilitator_id, member_count, opstart_at, samen_op_weg_at, zelfstandig_at').eq('id', id).single()).data!;
}

async function auditActions(id: string): Promise<string[]> {
	const { data } = await worker.from('audit_log').select('action').eq('subject_type', 'groep').eq('subject_id', id).order('id');
	return (data ?? []).map((e) => e.action);
}

/** A published group with the trekker and the lid in it. */
async function groupWithMembers(overrides: Partial<typeof validGroep> = {}): Promise<string> {
	const id = await publishedGroep(trekker.db, worker, overrides);
	if (overrides.p_join_mode === 'op_verzoek') {
		await join(lid.db, id, 'Op nummer 12');
		const { data: request } = await trekker.db.from('groep_verzoeken').select('id').eq('groep_id', id).eq('status', 'open').single();
		expect((await trekker.db.rpc('decide_groep_request', { p_request: request!.id, p_approve: true, p_reason: '' })).error).toBeNull();
	} else if (overrides.p_visibility === 'leden') {
		expect((await worker.rpc('invite_to_groep', { p_id: id, p_email: lid.email, p_role: 'lid' })).error).toBeNull();
		await join(lid.db, id);
	} else {
		await join(lid.db, id);
	}
	return id;
}

describe('who reads a group', () => {
	it('a proposal: whoever proposed it and the workers of its wijk, gemeente and admins', async () => {
		const id = await startGroep(trekker.db);
		expect(await readers('groepen', 'id', id)).toEqual(['proposer', 'a worker of the wijk', 'the coordinator', 'admin']);
	});

	it('a published public group: everyone', async () => {
		const id = await publishedGroep(trekker.db, worker);
		expect(await readers('groepen', 'id', id)).toEqual(Object.keys(roles()));
	});

	it('a published members-only group: its members and the workers of the wijk, never outsiders', async () => {
		const id = await groupWithMembers({ p_visibility: 'leden' });
		expect(await readers('groepen', 'id', id)).toEqual(['proposer', 'member', 'a worker of the wijk', 'the coordinator', 'admin']);
		const { data } = await anon(env).from('groep_bijeenkomsten').select('id').eq('groep_id', id);
		expect(data).toEqual([]);
	});
});

describe('proposing and deciding', () => {
	it('a worker asks for a change (with a reason), the proposer changes it, a worker publishes and facilitates; all in the audit log', async () => {
		const id = await startGroep(trekker.db);
		const { data: me } = await trekker.db.from('groep_leden').select('role').eq('groep_id', id).single();
		expect(me).toEqual({ role: 'trekker' });

		const noReason = await worker.rpc('moderate_groep', { p_id: id, p_decision: 'aanpassen', p_message: ' ' });
		expect(noReason.error?.hint).toBe('groep_reason');
		expect((await row(id)).status).toBe('ingediend');
		expect((await worker.rpc('claim_groep', { p_id: id })).error).toBeNull();
		expect((await worker.rpc('moderate_groep', { p_id: id, p_decision: 'aanpassen', p_message: 'Op welke dag spreken jullie af?' })).error).toBeNull();
		expect(await trekker.db.from('groep_beslissingen').select('decision, message').eq('groep_id', id)).toMatchObject({
			data: [{ decision: 'aanpassing_gevraagd', message: 'Op welke dag spreken jullie af?' }]
		});
		expect((await stranger.db.from('groep_beslissingen').select('id').eq('groep_id', id)).data).toEqual([]);
		expect((await notes(trekker.db, 'groep_changes_requested')).at(-1)).toMatchObject({ link: `/groepen/${id}/bewerken`, params: { message: 'Op welke dag spreken jullie af?' } });

		const changed = await trekker.db.rpc('update_groep', { ...validGroep, p_id: id, p_name: 'Moestuin op zaterdag', p_purpose: validGroep.p_purpose + ' We beginnen om tien uur.' });
		expect(changed.error).toBeNull();
		expect((await row(id)).status).toBe('ingediend');

		expect((await worker.rpc('moderate_groep', { p_id: id, p_decision: 'publiceren', p_message: '' })).error).toBeNull();
		expect(await row(id)).toMatchObject({ status: 'gepubliceerd', stage: 'opstart', facilitator_id: demo.workerZwolle, member_count: 1 });
		expect((await row(id)).opstart_at).not.toBeNull();
		expect(await auditActions(id)).toEqual(['groep_ingediend', 'groep_geclaimd', 'groep_aanpassing_gevraagd', 'groep_ingediend', 'groep_gepubliceerd']);
		expect((await notes(trekker.db, 'groep_published')).map((n) => n.link)).toContain(`/groepen/${id}`);
		expect((await stranger.db.from('audit_log').select('id').eq('subject_id', id)).data).toEqual([]);
	});

	it('nobody decides on a group they proposed or belong to; residents and workers of another wijk do not decide at all', async () => {
		const id = await startGroep(trekker.db);
		expect((await trekker.db.rpc('moderate_groep', { p_id: id, p_decision: 'publiceren', p_message: '' })).error?.code).toBe('42501');
		expect((await (await asUser(env, demo.workerAlmere)).rpc('moderate_groep', { p_id: id, p_decision: 'publiceren', p_message: '' })).error?.code).toBe('42501');
		// A resident who proposed a group and then became opbouwwerker of its wijk: a colleague decides.
		const later = await newResident(env, 'Wendy Werker');
		const own = await startGroep(later.db);
		const coordinator = await asUser(env, demo.coordinatorZwolle);
		expect((await coordinator.rpc('set_worker_wijken', { p_user: later.id, p_wijken: ['WK019306'] })).error).toBeNull();
		const { error } = await later.db.rpc('moderate_groep', { p_id: own, p_decision: 'publiceren', p_message: '' });
		expect(error?.code).toBe('42501');
		expect(error?.hint).toBe('own_decision');
		await coordinator.rpc('set_worker_wijken', { p_user: later.id, p_wijken: [] });
		expect((await row(id)).status).toBe('ingediend');
		expect((await row(own)).status).toBe('ingediend');
	});

	it('a worker of the wijk starts a group for residents: online at once, they facilitate it, logged', async () => {
		const id = await startGroep(worker, { p_visibility: 'leden' });
		expect(await row(id)).toMatchObject({ status: 'gepubliceerd', facilitator_id: demo.workerZwolle, member_count: 0 });
		expect(await auditActions(id)).toEqual(['groep_gestart']);
	});

	it('refuses illegal moves whoever writes: decide twice, decline a published group, skip a stage', async () => {
		const id = await publishedGroep(trekker.db, worker);
		expect((await worker.rpc('moderate_groep', { p_id: id, p_decision: 'afwijzen', p_message: 'Toch niet' })).error?.code).toBe('55000');
		expect((await worker.rpc('set_groep_stage', { p_id: id, p_stage: 'zelfstandig' })).error?.code).toBe('55000');
		const direct = await db().from('groepen').update({ status: 'ingediend' }).eq('id', id);
		expect(direct.error?.code).toBe('55000');
		const write = await trekker.db.from('groepen').update({ name: 'Gekaapt' }).eq('id', id).select('id');
		expect(write.error?.code).toBe('42501');
		expect(await row(id)).toMatchObject({ status: 'gepubliceerd', stage: 'opstart' });
	});

	it('refuses bad fields in the database too, writing nothing', async () => {
		const { count: before } = await db().from('groepen').select('id', { count: 'exact', head: true });
		for (const bad of [{ p_kind: 'club' }, { p_themes: ['reclame'] }, { p_name: 'X' }, { p_join_mode: 'op_verzoek', p_join_question: '' }, { p_buurt_code: null as unknown as string }]) {
			const { error } = await trekker.db.rpc('start_groep', { ...validGroep, ...bad });
			expect(error, JSON.stringify(bad)).not.toBeNull();
		}
		const { count: after } = await db().from('groepen').select('id', { count: 'exact', head: true });
		expect(after).toBe(before);
	});

	it('an unconfirmed account reads but does not propose or join', async () => {
		const fresh = await newResident(env, 'Onbevestigd');
		await db().from('users').update({ email_verified_at: null }).eq('id', fresh.id);
		expect((await fresh.db.rpc('start_groep', validGroep)).error?.hint).toBe('unverified');
		const id = await publishedGroep(trekker.db, worker);
		expect((await fresh.db.rpc('join_groep', { p_id: id, p_answer: '', p_contact: '' })).error?.hint).toBe('unverified');
	});
});

describe('members', () => {
	it('anyone joins an open group at once, once; the trekkers hear of it', async () => {
		const id = await publishedGroep(trekker.db, worker);
		expect(await join(lid.db, id, '', '06 11112222')).toBe('lid');
		const twice = await lid.db.rpc('join_groep', { p_id: id, p_answer: '', p_contact: '' });
		expect(twice.error?.hint).toBe('groep_already_member');
		expect((await row(id)).member_count).toBe(2);
		expect((await notes(trekker.db, 'groep_member_joined')).find((n) => n.link === `/groepen/${id}/leden`)?.params).toMatchObject({ person: 'Luuk' });
	});

	it('on request: the answer is required, a second request is refused, only trekkers and workers read the answer', async () => {
		const id = await groupWithMembers({ p_join_mode: 'op_verzoek', p_join_question: 'In welke straat woon je?' });
		expect((await stranger.db.rpc('join_groep', { p_id: id, p_answer: '', p_contact: '' })).error?.hint).toBe('groep_answer');
		expect(await join(stranger.db, id, 'In de Holtenbroekerweg', 'stijn@example.test')).toBe('verzoek');
		const second = await stranger.db.rpc('join_groep', { p_id: id, p_answer: 'Nog een keer', p_contact: '' });
		expect(second.error?.hint).toBe('groep_request_twice');
		const { data: request } = await db().from('groep_verzoeken').select('id').eq('groep_id', id).eq('user_id', stranger.id).single();
		expect(await readers('groep_verzoeken', 'id', request!.id)).toEqual(['proposer', 'another resident', 'a worker of the wijk', 'the coordinator', 'admin']);
		expect((await notes(trekker.db, 'groep_join_request')).find((n) => n.link === `/groepen/${id}/leden`)).toBeDefined();

		// A lid does not decide; a trekker does, and the neighbour hears of it.
		expect((await lid.db.rpc('decide_groep_request', { p_request: request!.id, p_approve: true, p_reason: '' })).error?.code).toBe('42501');
		expect((await trekker.db.rpc('decide_groep_request', { p_request: request!.id, p_approve: true, p_reason: 'Welkom!' })).error).toBeNull();
		expect((await trekker.db.rpc('decide_groep_request', { p_request: request!.id, p_approve: false, p_reason: '' })).error?.hint).toBe('groep_request_decided');
		expect((await notes(stranger.db, 'groep_join_approved')).at(-1)).toMatchObject({ link: `/groepen/${id}`, params: { reason: 'Welkom!' } });
		expect(await auditActions(id)).toContain('groep_verzoek_goedgekeurd');
		// What they chose to share is now read by the group.
		expect((await lid.db.from('groep_contacten').select('contact').eq('groep_id', id).eq('user_id', stranger.id)).data).toEqual([{ contact: 'stijn@example.test' }]);
		await stranger.db.rpc('leave_groep', { p_id: id, p_successor: null as unknown as string });
	});

	it('members see first names and only the contact details others chose to share; outsiders see nothing', async () => {
		const id = await publishedGroep(trekker.db, worker);
		await join(lid.db, id, '', '06 33334444');
		const { data: list } = await lid.db.from('groep_ledenlijst').select('user_id, first_name, full_name, role').eq('groep_id', id).order('role', { ascending: false });
		expect(list).toEqual([
			{ user_id: trekker.id, first_name: 'Tessa', full_name: null, role: 'trekker' },
			{ user_id: lid.id, first_name: 'Luuk', full_name: null, role: 'lid' }
		]);
		const { data: byWorker } = await worker.from('groep_ledenlijst').select('full_name').eq('groep_id', id).eq('user_id', lid.id);
		expect(byWorker).toEqual([{ full_name: 'Luuk Lid' }]);
		// Tessa shared nothing: the group has no contact row for her.
		expect((await lid.db.from('groep_contacten').select('user_id, contact').eq('groep_id', id)).data).toEqual([{ user_id: lid.id, contact: '06 33334444' }]);
		expect(await readers('groep_contacten', 'groep_id', id)).toEqual(['proposer', 'member', 'a worker of the wijk', 'the coordinator', 'admin']);
		expect((await stranger.db.from('groep_ledenlijst').select('user_id').eq('groep_id', id)).data).toEqual([]);
		expect((await stranger.db.from('profiles').select('id').eq('id', lid.id)).data).toEqual([]);
		// Stopping to share removes it.
		expect((await lid.db.rpc('set_groep_contact', { p_id: id, p_contact: '' })).error).toBeNull();
		expect((await trekker.db.from('groep_contacten').select('user_id').eq('groep_id', id)).data).toEqual([]);
	});

	it('a trekker removes a member with a reason the member reads, in the audit log; a lid removes nobody', async () => {
		const id = await groupWithMembers();
		const other = await newResident(env, 'Rens Rommel');
		await join(other.db, id);
		expect((await lid.db.rpc('remove_groep_member', { p_id: id, p_user: other.id, p_reason: 'Ruzie gemaakt' })).error?.code).toBe('42501');
		expect((await trekker.db.rpc('remove_groep_member', { p_id: id, p_user: other.id, p_reason: '' })).error?.hint).toBe('groep_reason');
		expect((await trekker.db.rpc('remove_groep_member', { p_id: id, p_user: other.id, p_reason: 'Houdt zich niet aan de afspraken' })).error).toBeNull();
		expect((await other.db.from('groep_leden').select('user_id').eq('groep_id', id)).data).toEqual([]);
		expect((await notes(other.db, 'groep_removed'))[0]).toMatchObject({ params: { reason: 'Houdt zich niet aan de afspraken' } });
		const { data: log } = await worker.from('audit_log').select('action, reason').eq('subject_id', id).eq('action', 'groep_lid_verwijderd');
		expect(log).toEqual([{ action: 'groep_lid_verwijderd', reason: 'Houdt zich niet aan de afspraken' }]);
	});

	it('the last trekker cannot leave, step down or be removed without naming another', async () => {
		const id = await groupWithMembers();
		expect((await trekker.db.rpc('leave_groep', { p_id: id, p_successor: null as unknown as string })).error?.hint).toBe('groep_last_trekker');
		expect((await trekker.db.rpc('set_groep_role', { p_id: id, p_user: trekker.id, p_role: 'lid' })).error?.hint).toBe('groep_last_trekker');
		expect((await worker.rpc('remove_groep_member', { p_id: id, p_user: trekker.id, p_reason: 'Verhuisd naar Almere' })).error?.hint).toBe('groep_last_trekker');
		expect((await trekker.db.rpc('leave_groep', { p_id: id, p_successor: stranger.id })).error?.hint).toBe('groep_not_member');
		expect((await trekker.db.from('groep_leden').select('role').eq('groep_id', id).eq('user_id', trekker.id)).data).toEqual([{ role: 'trekker' }]);

		expect((await trekker.db.rpc('leave_groep', { p_id: id, p_successor: lid.id })).error).toBeNull();
		expect((await db().from('groep_leden').select('user_id, role').eq('groep_id', id)).data).toEqual([{ user_id: lid.id, role: 'trekker' }]);
	});

	it('a worker invites a resident of their wijken by e-mail into a members-only group; nobody else is found', async () => {
		const id = await startGroep(worker, { p_visibility: 'leden' });
		const invited = await newResident(env, 'Ilse Uitgenodigd');
		expect((await invited.db.from('groepen').select('id').eq('id', id)).data).toEqual([]);
		expect((await invited.db.rpc('join_groep', { p_id: id, p_answer: '', p_contact: '' })).error?.code).toBe('42501');
		expect((await trekker.db.rpc('invite_to_groep', { p_id: id, p_email: invited.email, p_role: 'lid' })).error?.code).toBe('42501');
		const almere = await newResident(env, 'Anouk Almere', 'BU00340101');
		expect((await worker.rpc('invite_to_groep', { p_id: id, p_email: almere.email, p_role: 'lid' })).error?.hint).toBe('groep_invite_unknown');

		expect((await worker.rpc('invite_to_groep', { p_id: id, p_email: invited.email.toUpperCase(), p_role: 'trekker' })).error).toBeNull();
		expect((await notes(invited.db, 'groep_invited'))[0]).toMatchObject({ link: `/groepen/${id}`, params: { role: 'trekker' } });
		expect((await invited.db.from('groepen').select('id').eq('id', id)).data).toEqual([{ id }]);
		expect(await join(invited.db, id)).toBe('lid');
		expect((await invited.db.from('groep_leden').select('role').eq('groep_id', id)).data).toEqual([{ role: 'trekker' }]);
		expect(await auditActions(id)).toEqual(['groep_gestart', 'groep_uitnodiging']);
	});
});

describe('meetings, attendance and minutes', () => {
	it('a trekker plans a meeting (never in the past), members hear of it and answer; a lid plans nothing', async () => {
		const id = await groupWithMembers();
		const past = await trekker.db.rpc('plan_groep_meeting', {
			p_id: id, p_kind: 'vergadering', p_title: 'Te laat', p_starts_at: new Date(Date.now() - DAY).toISOString(),
			p_ends_at: new Date(Date.now() - DAY + 3_600_000).toISOString(), p_place_kind: 'adres', p_place: 'Hier', p_agenda: '', p_repeat_weeks: 0
		});
		expect(past.error?.hint).toBe('groep_meeting_past');
		await expect(planMeeting(lid.db, id)).rejects.toThrow();
		await expect(planMeeting(trekker.db, id, 48, { p_kind: 'ronde' })).rejects.toThrow(/buurtpreventieteam/);
		const meeting = await planMeeting(trekker.db, id);
		expect((await notes(lid.db, 'groep_meeting_new')).find((n) => n.link === `/groepen/${id}/bijeenkomsten/${meeting}`)).toBeDefined();

		expect((await lid.db.rpc('answer_groep_meeting', { p_meeting: meeting, p_answer: 'ja' })).error).toBeNull();
		expect((await stranger.db.rpc('answer_groep_meeting', { p_meeting: meeting, p_answer: 'ja' })).error?.code).toBe('42501');
		expect((await db().from('groep_bijeenkomsten').select('coming').eq('id', meeting).single()).data).toEqual({ coming: 1 });
		// The meeting of a public group is public; who comes is for the members and the facilitator.
		expect(await readers('groep_bijeenkomsten', 'id', meeting)).toEqual(Object.keys(roles()));
		expect(await readers('groep_aanwezigheid', 'bijeenkomst_id', meeting)).toEqual(['proposer', 'member', 'a worker of the wijk']);
	});

	it('minutes with a besluit and an actiepunt: the owner and the members hear of it; only members and the facilitator read them', async () => {
		const id = await groupWithMembers();
		const meeting = await planMeeting(trekker.db, id, 2);
		const day = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
		const noOwner = await trekker.db.rpc('save_groep_minutes', { p_meeting: meeting, p_body: 'Overleg', p_besluiten: ['We beginnen'], p_actiepunten: [{ body: 'Zaden kopen', owner: '', due: day }] });
		expect(noOwner.error?.hint).toBe('groep_actiepunt_owner');
		const notMember = await trekker.db.rpc('save_groep_minutes', { p_meeting: meeting, p_body: 'Overleg', p_besluiten: [], p_actiepunten: [{ body: 'Zaden kopen', owner: stranger.id, due: day }] });
		expect(notMember.error?.hint).toBe('groep_actiepunt_owner');
		// Nothing of a refused save was written.
		expect((await db().from('groep_verslagen').select('bijeenkomst_id').eq('bijeenkomst_id', meeting)).data).toEqual([]);
		expect((await lid.db.rpc('save_groep_minutes', { p_meeting: meeting, p_body: 'Overleg', p_besluiten: [], p_actiepunten: [] })).error?.code).toBe('42501');

		const saved = await trekker.db.rpc('save_groep_minutes', { p_meeting: meeting, p_body: 'We hebben kennisgemaakt.', p_besluiten: ['We beginnen in maart'], p_actiepunten: [{ body: 'Zaden kopen', owner: lid.id, due: day }] });
		expect(saved.error).toBeNull();
		expect((await notes(lid.db, 'groep_actiepunt_assigned')).at(-1)).toMatchObject({ params: { body: 'Zaden kopen', day } });
		expect((await notes(lid.db, 'groep_minutes')).find((n) => n.link === `/groepen/${id}/bijeenkomsten/${meeting}`)).toBeDefined();
		expect(await readers('groep_verslagen', 'bijeenkomst_id', meeting)).toEqual(['proposer', 'member', 'a worker of the wijk']);
		expect(await readers('groep_besluiten', 'bijeenkomst_id', meeting)).toEqual(['proposer', 'member', 'a worker of the wijk']);
		expect(await readers('groep_actiepunten', 'bijeenkomst_id', meeting)).toEqual(['proposer', 'member', 'a worker of the wijk']);

		// The owner ticks it off; someone else in the group who does not lead cannot.
		const punt = (await lid.db.from('groep_actiepunten').select('id').eq('bijeenkomst_id', meeting)).data![0];
		const other = await newResident(env, 'Olga Ander');
		await join(other.db, id);
		expect((await other.db.rpc('set_groep_actiepunt_done', { p_id: punt.id, p_done: true })).error?.code).toBe('42501');
		expect((await lid.db.rpc('set_groep_actiepunt_done', { p_id: punt.id, p_done: true })).error).toBeNull();
		expect((await db().from('groep_actiepunten').select('done_by').eq('id', punt.id).single()).data).toEqual({ done_by: lid.id });
	});

	it('a cancelled meeting tells who was coming, and does not change again', async () => {
		const id = await groupWithMembers();
		const meeting = await planMeeting(trekker.db, id);
		expect((await trekker.db.rpc('cancel_groep_meeting', { p_meeting: meeting, p_reason: '' })).error?.hint).toBe('groep_reason');
		expect((await trekker.db.rpc('cancel_groep_meeting', { p_meeting: meeting, p_reason: 'Buurthuis dicht' })).error).toBeNull();
		expect((await notes(lid.db, 'groep_meeting_cancelled')).at(-1)).toMatchObject({ params: { reason: 'Buurthuis dicht' } });
		expect((await trekker.db.rpc('cancel_groep_meeting', { p_meeting: meeting, p_reason: 'Nog eens' })).error?.hint).toBe('groep_meeting_locked');
		expect((await lid.db.rpc('answer_groep_meeting', { p_meeting: meeting, p_answer: 'ja' })).error?.hint).toBe('groep_meeting_locked');
	});

	it("a buurtpreventieteam's rooster: rondes weekly, who walks is for members only, visitors never see the rondes", async () => {
		const id = await groupWithMembers({ p_kind: 'buurtpreventieteam', p_themes: ['veiligheid'] });
		const first = await planMeeting(trekker.db, id, 30, { p_kind: 'ronde', p_title: 'Avondronde', p_repeat_weeks: 3 });
		const { data: rondes } = await lid.db.from('groep_bijeenkomsten').select('id, starts_at').eq('groep_id', id).eq('kind', 'ronde').order('starts_at');
		expect(rondes).toHaveLength(4);
		expect(rondes![0].id).toBe(first);
		expect((await notes(lid.db, 'groep_meeting_new')).find((n) => n.params.name && n.link.startsWith(`/groepen/${id}/`))?.count).toBe(4);
		expect((await lid.db.rpc('answer_groep_meeting', { p_meeting: first, p_answer: 'ja' })).error).toBeNull();
		expect((await anon(env).from('groep_bijeenkomsten').select('id').eq('groep_id', id)).data).toEqual([]);
		expect((await stranger.db.from('groep_bijeenkomsten').select('id').eq('groep_id', id)).data).toEqual([]);
		expect((await trekker.db.from('groep_aanwezigheid').select('user_id, answer').eq('bijeenkomst_id', first)).data).toEqual([{ user_id: lid.id, answer: 'ja' }]);
	});
});

describe('the board', () => {
	it('members post and reply; outsiders neither read nor write; a report lets the workers of the wijk read that post', async () => {
		const id = await groupWithMembers();
		const { data: post, error } = await lid.db.rpc('post_groep_bericht', { p_id: id, p_parent: null as unknown as number, p_body: 'Wie heeft er een kruiwagen?' });
		expect(error).toBeNull();
		expect((await trekker.db.rpc('post_groep_bericht', { p_id: id, p_parent: post as number, p_body: 'Ik!' })).error).toBeNull();
		expect((await stranger.db.rpc('post_groep_bericht', { p_id: id, p_parent: null as unknown as number, p_body: 'Reclame' })).error?.code).toBe('42501');
		expect((await notes(trekker.db, 'groep_post')).find((n) => n.link === `/groepen/${id}/prikbord`)).toBeDefined();
		expect(await readers('groep_berichten', 'id', post as number)).toEqual(['proposer', 'member', 'a worker of the wijk']);

		// Stijn is no member: he cannot report what he cannot see. Tessa reports Luuk's post.
		const coordinator = await asUser(env, demo.coordinatorZwolle);
		expect((await stranger.db.from('reports').insert({ subject_type: 'groep_bericht', subject_id: String(post), reason: 'spam' })).error).not.toBeNull();
		expect((await trekker.db.from('reports').insert({ subject_type: 'groep_bericht', subject_id: String(post), reason: 'ongepast', subject_label: 'Wie heeft er een kruiwagen?' })).error).toBeNull();
		expect((await coordinator.from('reports').select('wijk_code').eq('subject_type', 'groep_bericht').eq('subject_id', String(post))).data).toEqual([{ wijk_code: 'WK019306' }]);
		expect((await coordinator.from('groep_berichten').select('id').eq('groep_id', id)).data).toEqual([{ id: post }]);
	});

	it('a trekker hides a post with a reason: the other members no longer see it, its writer does, logged', async () => {
		const id = await groupWithMembers();
		const other = await newResident(env, 'Piet Post');
		await join(other.db, id);
		const { data: post } = await other.db.rpc('post_groep_bericht', { p_id: id, p_parent: null as unknown as number, p_body: 'Koop mijn fiets!' });
		expect((await lid.db.rpc('hide_groep_bericht', { p_id: post as number, p_reason: 'Geen reclame' })).error?.code).toBe('42501');
		expect((await trekker.db.rpc('hide_groep_bericht', { p_id: post as number, p_reason: 'Geen reclame' })).error).toBeNull();
		expect((await lid.db.from('groep_berichten').select('id').eq('id', post as number)).data).toEqual([]);
		expect((await other.db.from('groep_berichten').select('hidden_reason').eq('id', post as number)).data).toEqual([{ hidden_reason: 'Geen reclame' }]);
		const { data: log } = await worker.from('audit_log').select('action, reason').eq('subject_type', 'groep_bericht').eq('subject_id', String(post));
		expect(log).toEqual([{ action: 'groep_bericht_verborgen', reason: 'Geen reclame' }]);
	});

	it('a public group can be reported by a neighbour who is not in it, not by its own members', async () => {
		const id = await groupWithMembers();
		expect((await lid.db.from('reports').insert({ subject_type: 'groep', subject_id: id, reason: 'spam' })).error).not.toBeNull();
		expect((await stranger.db.from('reports').insert({ subject_type: 'groep', subject_id: id, reason: 'spam', subject_label: 'groep' })).error).toBeNull();
		expect((await worker.from('reports').select('wijk_code').eq('subject_type', 'groep').eq('subject_id', id)).data).toEqual([{ wijk_code: 'WK019306' }]);
	});
});

describe('the facilitator', () => {
	it('moves the group toward self-organisation with the date of each stage; the trekkers hear of it; at zelfstandig the worker steps back', async () => {
		const id = await groupWithMembers();
		expect((await trekker.db.rpc('set_groep_stage', { p_id: id, p_stage: 'samen_op_weg' })).error?.code).toBe('42501');
		expect((await worker.rpc('set_groep_stage', { p_id: id, p_stage: 'samen_op_weg' })).error).toBeNull();
		const onTheWay = await row(id);
		expect(onTheWay.samen_op_weg_at).not.toBeNull();
		expect((await notes(trekker.db, 'groep_stage')).find((n) => n.link === `/groepen/${id}`)?.params).toMatchObject({ stage: 'samen_op_weg' });
		// Still coaching: the facilitator may plan a meeting for the group.
		await planMeeting(worker, id);
		expect((await worker.rpc('set_groep_stage', { p_id: id, p_stage: 'zelfstandig' })).error).toBeNull();
		expect(await row(id)).toMatchObject({ stage: 'zelfstandig', samen_op_weg_at: onTheWay.samen_op_weg_at });
		await expect(planMeeting(worker, id)).rejects.toThrow();
		// ... but still reads along.
		expect((await worker.from('groep_bijeenkomsten').select('id').eq('groep_id', id)).data).toHaveLength(1);
		// Back one stage forgets the date of the later one.
		expect((await worker.rpc('set_groep_stage', { p_id: id, p_stage: 'samen_op_weg' })).error).toBeNull();
		expect((await row(id)).zelfstandig_at).toBeNull();
		expect((await auditActions(id)).filter((a) => a === 'groep_fase')).toHaveLength(3);
	});

	it('the coaching log is for the workers of the wijk only', async () => {
		const id = await groupWithMembers();
		expect((await trekker.db.rpc('add_groep_notitie', { p_id: id, p_body: 'Zelf een notitie' })).error?.code).toBe('42501');
		expect((await worker.rpc('add_groep_notitie', { p_id: id, p_body: 'Tessa wil hulp bij de eerste vergadering.' })).error).toBeNull();
		expect(await readers('groep_notities', 'groep_id', id)).toEqual(['a worker of the wijk', 'the coordinator', 'admin']);
	});

	it('another worker of the wijk takes over facilitation, logged', async () => {
		const id = await groupWithMembers();
		const coordinator = await asUser(env, demo.coordinatorZwolle);
		expect((await trekker.db.rpc('facilitate_groep', { p_id: id })).error?.code).toBe('42501');
		expect((await coordinator.rpc('facilitate_groep', { p_id: id })).error).toBeNull();
		expect((await row(id)).facilitator_id).toBe(demo.coordinatorZwolle);
		expect(await auditActions(id)).toContain('groep_begeleider');
	});
});

describe('an initiative of a group', () => {
	it("the group's trekkers organise it with its author; a lid does not", async () => {
		const id = await groupWithMembers();
		const second = await newResident(env, 'Tom Tweede');
		await join(second.db, id);
		expect((await trekker.db.rpc('set_groep_role', { p_id: id, p_user: second.id, p_role: 'trekker' })).error).toBeNull();
		const initiatief = await createInitiatief(trekker.db);
		expect((await second.db.rpc('organises_initiatief', { p_id: initiatief })).data).toBe(false);
		expect((await lid.db.rpc('set_initiatief_groep', { p_initiatief: initiatief, p_groep: id })).error?.code).toBe('42501');
		expect((await trekker.db.rpc('set_initiatief_groep', { p_initiatief: initiatief, p_groep: id })).error).toBeNull();
		expect((await second.db.rpc('organises_initiatief', { p_id: initiatief })).data).toBe(true);
		expect((await lid.db.rpc('organises_initiatief', { p_id: initiatief })).data).toBe(false);
		expect((await second.db.from('initiatieven').select('id').eq('id', initiatief)).data).toHaveLength(0); // still a concept: its author's alone
		expect((await trekker.db.rpc('set_initiatief_groep', { p_initiatief: initiatief, p_groep: null as unknown as string })).error).toBeNull();
		expect((await second.db.rpc('organises_initiatief', { p_id: initiatief })).data).toBe(false);
		const { data: log } = await db().from('audit_log').select('action').eq('subject_type', 'initiatief').eq('subject_id', initiatief).order('id');
		expect(log?.map((e) => e.action)).toEqual(['initiatief_groep', 'initiatief_groep_los']);
	});
});

describe('scheduled reminders, delivered', () => {
	it('the day before a meeting: members who did not say no, once, by mail too', async () => {
		const id = await groupWithMembers();
		const other = await newResident(env, 'Nina Nee');
		await join(other.db, id);
		const meeting = await planMeeting(trekker.db, id, 30);
		await other.db.rpc('answer_groep_meeting', { p_meeting: meeting, p_answer: 'nee' });
		const { data: m } = await db().from('groep_bijeenkomsten').select('starts_at').eq('id', meeting).single();
		const slot = new Date(Date.parse(m!.starts_at) - DAY);
		await runJob(env, 'reminders.groep_meetings', slot);
		await runJob(env, 'reminders.groep_meetings', slot);
		const mine = (await notes(lid.db, 'groep_meeting_reminder')).filter((n) => n.link.endsWith(`/bijeenkomsten/${meeting}`));
		expect(mine).toHaveLength(1);
		expect((await notes(other.db, 'groep_meeting_reminder'))).toEqual([]);
		// Other tests remind Luuk of other meetings; this one's mail links to this meeting.
		const mail = await untilMail(lid.email, 'groep_meeting_reminder', `/bijeenkomsten/${meeting}`);
		expect(mail.body_text).toContain('Morgen: Eerste overleg');
	});

	it('the day before an actiepunt is due: its owner', async () => {
		const id = await groupWithMembers();
		const meeting = await planMeeting(trekker.db, id, 2);
		const due = new Date(Date.now() + 3 * DAY);
		const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(due);
		await trekker.db.rpc('save_groep_minutes', { p_meeting: meeting, p_body: '', p_besluiten: [], p_actiepunten: [{ body: 'Flyers drukken', owner: lid.id, due: day }] });
		await runJob(env, 'reminders.groep_actiepunten', new Date(due.getTime() - DAY));
		expect((await notes(lid.db, 'groep_actiepunt_due')).filter((n) => n.params.body === 'Flyers drukken')).toHaveLength(1);
	});

	it('a group quiet for eight weeks: its facilitator, once per quiet spell', async () => {
		const id = await groupWithMembers();
		await db().from('groepen').update({ last_activity_at: new Date(Date.now() - 9 * 7 * DAY).toISOString() }).eq('id', id);
		await runJob(env, 'reminders.groep_quiet', new Date());
		await runJob(env, 'reminders.groep_quiet', new Date());
		expect((await notes(worker, 'groep_quiet')).filter((n) => n.link === `/groepen/${id}`)).toHaveLength(1);
		// A new board post wakes it up.
		await lid.db.rpc('post_groep_bericht', { p_id: id, p_parent: null as unknown as number, p_body: 'We zijn er nog!' });
		expect(Date.parse((await db().from('groepen').select('last_activity_at').eq('id', id).single()).data!.last_activity_at!)).toBeGreaterThan(Date.now() - DAY);
	});
});

describe('the functions the jobs call', () => {
	it('are the service role\'s only', async () => {
		for (const fn of ['notify_groep_meeting_reminders', 'notify_groep_actiepunten_due', 'notify_groep_quiet'] as const) {
			for (const client of [anon(env), lid.db, worker]) {
				expect((await client.rpc(fn, { p_slot: new Date().toISOString() })).error?.code, fn).toBe('42501');
			}
		}
	});
});

async function untilMail(to: string, kind: string, containing: string) {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const { data } = await db().from('email_outbox').select('subject, body_text, kind').eq('to_address', to).eq('kind', kind).like('body_text', `%${containing}%`).limit(1);
		if (data?.length) return data[0];
		if (Date.now() > deadline) throw new Error(`no ${kind} mail to ${to}`);
		await new Promise((resolve) => setTimeout(resolve, 150));
	}
}
