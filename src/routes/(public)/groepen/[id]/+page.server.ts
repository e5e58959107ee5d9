import { redirect } from '@sveltejs/kit';
import { answerMeeting, reportGroepContent } from '$lib/groepen/actions.server';
import { callGroep, loadGroep, needsLogin, scoped } from '$lib/groepen/queries.server';
import { decisionSchema, joinSchema, leaveSchema, linkSchema, noteSchema, stageSchema } from '$lib/groepen/schema';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import { loadPhoto } from '$lib/photos/page.server';

type Named = { first_name: string } | null;

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { groep, viewer } = await loadGroep(locals, params.id);
	const db = locals.supabase;
	const me = locals.user?.id ?? '';
	const now = new Date().toISOString();
	const sees = viewer.insider || viewer.worker;
	const [meetings, past, members, actiepunten, request, invitation, initiatieven, decisions, openRequests, posts, mine] = await Promise.all([
		db.from('groep_bijeenkomsten').select('id, kind, title, starts_at, ends_at, place, place_kind, coming, cancelled_at').eq('groep_id', groep.id).gte('ends_at', now).order('starts_at').limit(12),
		db.from('groep_bijeenkomsten').select('id, kind, title, starts_at, cancelled_at').eq('groep_id', groep.id).lt('ends_at', now).order('starts_at', { ascending: false }).limit(5),
		sees ? db.from('groep_ledenlijst').select('user_id, first_name, full_name, role').eq('groep_id', groep.id).order('role', { ascending: false }).order('joined_at') : null,
		viewer.insider ? db.from('groep_actiepunten').select('id, body, due_on, owner_id, bijeenkomst_id, groep_namen!groep_actiepunten_owner_id_fkey(first_name)').eq('groep_id', groep.id).is('done_at', null).order('due_on').limit(20) : null,
		viewer.user && !viewer.member ? db.from('groep_verzoeken').select('id, answer, created_at').eq('groep_id', groep.id).eq('user_id', me).eq('status', 'open').maybeSingle() : null,
		viewer.user && !viewer.member ? db.from('groep_uitnodigingen').select('id, role').eq('groep_id', groep.id).eq('user_id', me).eq('status', 'open').maybeSingle() : null,
		db.from('initiatieven').select('id, title, status').eq('groep_id', groep.id).order('created_at', { ascending: false }).limit(20),
		viewer.user && (viewer.proposer || viewer.role === 'trekker' || viewer.worker) ? db.from('groep_beslissingen').select('id, decision, message, created_at').eq('groep_id', groep.id).order('id', { ascending: false }).limit(10) : null,
		viewer.leads || viewer.worker ? db.from('groep_verzoeken').select('id', { count: 'exact', head: true }).eq('groep_id', groep.id).eq('status', 'open') : null,
		viewer.insider ? db.from('groep_berichten').select('id', { count: 'exact', head: true }).eq('groep_id', groep.id).is('parent_id', null).is('hidden_at', null) : null,
		viewer.leads ? db.from('initiatieven').select('id, title').eq('author_id', me).is('groep_id', null).order('created_at', { ascending: false }).limit(50) : null
	]);
	const meetingRows = must(meetings, 'meetings');
	// Who comes (for a ronde: who walks, the rooster) and the viewer's own answers: members and the facilitator.
	const answerRows = viewer.insider && meetingRows.length
		? (must(
				await db.from('groep_aanwezigheid').select('bijeenkomst_id, user_id, answer, groep_namen!groep_aanwezigheid_user_id_fkey(first_name)').in('bijeenkomst_id', meetingRows.map((mt) => mt.id)),
				'attendance'
			) as unknown as { bijeenkomst_id: number; user_id: string; answer: string; groep_namen: Named }[])
		: [];
	const { photo, mayChange: mayChangePhoto } = await loadPhoto(db, { kind: 'groep', id: groep.id }, viewer.user);
	return {
		groep,
		viewer,
		photo,
		mayChangePhoto,
		meetings: meetingRows.map((mt) => ({
			...mt,
			mine: answerRows.find((a) => a.bijeenkomst_id === mt.id && a.user_id === me)?.answer ?? null,
			walkers: answerRows.filter((a) => a.bijeenkomst_id === mt.id && a.answer === 'ja').map((a) => a.groep_namen?.first_name ?? '')
		})),
		past: must(past, 'past meetings'),
		members: members ? must(members, 'members') : [],
		actiepunten: actiepunten ? (must(actiepunten, 'actiepunten') as unknown as { id: number; body: string; due_on: string; owner_id: string; bijeenkomst_id: number; groep_namen: Named }[]) : [],
		request: request ? must(request, 'request') : null,
		invitation: invitation ? must(invitation, 'invitation') : null,
		initiatieven: must(initiatieven, 'initiatieven'),
		decisions: decisions ? must(decisions, 'decisions') : [],
		openRequests: openRequests?.count ?? 0,
		postCount: posts?.count ?? 0,
		ownInitiatieven: mine ? must(mine, 'own initiatives') : [],
		worker: viewer.worker ? await workerData(locals, groep.id) : null,
		// After starting or saving (a redirect here): what happened.
		notice: url.searchParams.has('gestart') ? (groep.status === 'gepubliceerd' ? 'started_worker' : 'started') : url.searchParams.has('bewaard') ? 'saved' : null
	};
};

/** The worker's panel: the coaching log and the group's audit trail (workers of the wijk only, RLS). */
async function workerData(locals: App.Locals, id: string) {
	const [notes, log] = await Promise.all([
		locals.supabase.from('groep_notities').select('id, body, created_at, profile_names!groep_notities_author_id_fkey(display_name)').eq('groep_id', id).order('created_at', { ascending: false }).limit(100),
		locals.supabase.from('audit_log').select('id, action, reason, details, created_at, profile_names!audit_log_actor_id_fkey(display_name)').eq('subject_type', 'groep').eq('subject_id', id).order('id', { ascending: false }).limit(50)
	]);
	type Row = { profile_names: { display_name: string } | null };
	return {
		notes: (must(notes, 'coaching log') as unknown as (Row & { id: number; body: string; created_at: string })[]).map((n) => ({ ...n, by: n.profile_names?.display_name ?? '' })),
		log: (must(log, 'audit log') as unknown as (Row & { id: number; action: string; reason: string; created_at: string })[]).map((e) => ({ ...e, by: e.profile_names?.display_name ?? '' }))
	};
}

async function act(event: RequestEvent, form: string, fn: string, args: Record<string, unknown>, field?: string) {
	const denied = needsLogin(event, form);
	if (denied) return denied;
	const result = await callGroep(event, form, fn, { p_id: event.params.id, ...args }, field);
	return 'failure' in result ? result.failure : { done: form, result: result.data };
}

export const actions: Actions = {
	join: async (event) => {
		const denied = needsLogin(event, 'join');
		if (denied) return denied;
		const parsed = await parseForm(event.request, joinSchema);
		if ('failure' in parsed) return scoped('join', parsed.failure);
		return act(event, 'join', 'join_groep', { p_answer: parsed.data.answer, p_contact: parsed.data.contact });
	},
	leave: async (event) => {
		const parsed = await parseForm(event.request, leaveSchema);
		if ('failure' in parsed) return scoped('leave', parsed.failure);
		return act(event, 'leave', 'leave_groep', { p_successor: parsed.data.successor }, 'successor');
	},
	withdrawRequest: async (event) => act(event, 'join', 'withdraw_groep_request', {}),
	declineInvitation: async (event) => act(event, 'join', 'decline_groep_invitation', {}),
	withdraw: async (event) => {
		const result = await callGroep(event, 'withdraw', 'withdraw_groep', { p_id: event.params.id });
		if ('failure' in result) return result.failure;
		redirect(303, '/mijn-groepen?ingetrokken=1');
	},
	answer: (event) => answerMeeting(event),
	claim: async (event) => act(event, 'decide', 'claim_groep', {}),
	decide: async (event) => {
		const denied = needsLogin(event, 'decide');
		if (denied) return denied;
		const parsed = await parseForm(event.request, decisionSchema);
		if ('failure' in parsed) return scoped('decide', parsed.failure);
		const result = await callGroep(event, 'decide', 'moderate_groep', { p_id: event.params.id, p_decision: parsed.data.decision, p_message: parsed.data.message }, 'message');
		if ('failure' in result) return result.failure;
		return { done: 'decide', decision: parsed.data.decision };
	},
	facilitate: async (event) => act(event, 'facilitate', 'facilitate_groep', {}),
	stage: async (event) => {
		const parsed = await parseForm(event.request, stageSchema);
		if ('failure' in parsed) return scoped('stage', parsed.failure);
		return act(event, 'stage', 'set_groep_stage', { p_stage: parsed.data.stage });
	},
	note: async (event) => {
		const parsed = await parseForm(event.request, noteSchema);
		if ('failure' in parsed) return scoped('note', parsed.failure);
		return act(event, 'note', 'add_groep_notitie', { p_body: parsed.data.body }, 'body');
	},
	link: async (event) => {
		const parsed = await parseForm(event.request, linkSchema);
		if ('failure' in parsed) return scoped('link', parsed.failure);
		const result = await callGroep(event, 'link', 'set_initiatief_groep', { p_initiatief: parsed.data.initiatief, p_groep: event.params.id }, 'initiatief');
		return 'failure' in result ? result.failure : { done: 'link' };
	},
	unlink: async (event) => {
		const parsed = await parseForm(event.request, linkSchema);
		if ('failure' in parsed) return scoped('link', parsed.failure);
		const result = await callGroep(event, 'link', 'set_initiatief_groep', { p_initiatief: parsed.data.initiatief, p_groep: null });
		return 'failure' in result ? result.failure : { done: 'unlink' };
	},
	report: (event) => reportGroepContent(event)
};
