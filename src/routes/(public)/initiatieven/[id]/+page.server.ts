import { error, fail, type ActionFailure } from '@sveltejs/kit';
import { z } from 'zod';
import {
	commentSchema, decisionSchema, hideSchema, joinSchema, organiserSchema, postSchema, stageSchema
} from '$lib/initiatieven/schema';
import { asGeometry } from '$lib/components/map/geo';
import { isStaff } from '$lib/account/roles';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm, type FormFailure } from '$lib/server/forms';
import { fileReport } from '$lib/reports/file.server';
import { loadPhoto } from '$lib/photos/page.server';
import type { Tables } from '$lib/database.types';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type Named<T> = T & { profiles: { display_name: string } | null };

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!z.uuid().safeParse(params.id).success) error(404, { message: 'not found' });
	const db = locals.supabase;
	const user = locals.user;
	// Names come from profile_names (the names published with what people wrote, and of those a
	// relation lets this user know), which only logged-in users may read; visitors get the rest.
	const names = user
		? ', author:profile_names!initiatieven_author_id_fkey(display_name), coach:profile_names!initiatieven_coach_id_fkey(display_name), claimer:profile_names!initiatieven_claimed_by_fkey(display_name)'
		: '';
	const found = must(
		await db.from('initiatieven').select(`*, buurten(code, naam, lat, lng, outline, wijken(naam, gemeenten(naam)))${names}`).eq('id', params.id).maybeSingle(),
		'initiatief'
	);
	// RLS hides what this visitor may not see; to them it does not exist.
	if (!found) error(404, { message: 'not found' });
	const row = found as unknown as Tables<'initiatieven'> & Record<'author' | 'coach' | 'claimer', { display_name: string } | null | undefined> & { buurten: unknown };
	const who = user ? ', profiles:profile_names!initiatief_updates_author_id_fkey(display_name)' : '';
	const isAuthor = user?.id === row.author_id;
	const [updates, comments, joiners, contacts, notes, log, decisions, photo] = await Promise.all([
		db.from('initiatief_updates').select(`id, body, created_at, author_id${who}`).eq('initiatief_id', row.id).order('created_at', { ascending: false }).limit(50),
		db.from('initiatief_reacties').select(`id, body, created_at, author_id, hidden_at, hidden_reason${user ? ', profiles:profile_names!initiatief_reacties_author_id_fkey(display_name)' : ''}`).eq('initiatief_id', row.id).order('created_at').limit(200),
		user ? db.from('initiatief_deelnemers').select('user_id, brings, note, is_organiser, created_at, profiles:profile_names!initiatief_deelnemers_user_id_fkey(display_name)').eq('initiatief_id', row.id).order('created_at') : null,
		user ? db.from('initiatief_contacten').select('user_id, contact').eq('initiatief_id', row.id) : null,
		user ? db.from('initiatief_notities').select('id, body, created_at, profiles:profile_names!initiatief_notities_author_id_fkey(display_name)').eq('initiatief_id', row.id).order('created_at', { ascending: false }).limit(100) : null,
		user ? db.from('audit_log').select('id, action, reason, created_at, profiles:profile_names!audit_log_actor_id_fkey(display_name)').eq('subject_type', 'initiatief').eq('subject_id', row.id).order('id', { ascending: false }).limit(50) : null,
		// The decisions with their messages: the author, co-organisers and workers of the wijk (RLS).
		user ? db.from('initiatief_beslissingen').select('id, decision, message, created_at').eq('initiatief_id', row.id).order('id', { ascending: false }).limit(20) : null,
		loadPhoto(db, { kind: 'initiatief', id: row.id }, !!user)
	]);
	const joinerRows = joiners ? (must(joiners, 'joiners') as unknown as Named<{ user_id: string; brings: string[]; note: string; is_organiser: boolean }>[]) : [];
	const contactRows = contacts ? must(contacts, 'contacts') : [];
	const contactOf = new Map(contactRows.map((c) => [c.user_id, c.contact]));
	const me = joinerRows.find((j) => j.user_id === user?.id);
	// The trekkers of the group it belongs to organise it too (the database says so: organises_initiatief).
	const group = row.groep_id ? must(await db.from('groepen').select('id, name').eq('id', row.groep_id).maybeSingle(), 'groep') : null;
	const viaGroup = !!user && !!row.groep_id && !isAuthor && (await db.rpc('organises_initiatief', { p_id: row.id })).data === true;
	const isOrganiser = isAuthor || !!me?.is_organiser || viaGroup;
	// Only workers of the wijk can read the coaching log; an empty answer for anyone else.
	const noteRows = notes ? must(notes, 'notes') : [];
	const logRows = log ? must(log, 'audit') : [];
	const isWorker = !!user && isStaff(user.role) && (await worksHere(locals, row.wijk_code));
	const buurt = row.buurten as { code: string; naam: string; lat: number; lng: number; outline: unknown; wijken: { naam: string; gemeenten: { naam: string } } };
	const outline = asGeometry(buurt.outline);
	let profile = null;
	if (user && !me) {
		const { data } = await db.from('profile_private').select('phone').eq('user_id', user.id).maybeSingle();
		profile = { contact: data?.phone || user.email };
	}
	return {
		initiatief: {
			...row,
			buurt: buurt.naam,
			wijk: buurt.wijken.naam,
			gemeente: buurt.wijken.gemeenten.naam,
			outlines: outline ? [{ level: 'buurt' as const, code: buurt.code, name: buurt.naam, geometry: outline }] : [],
			place: row.lat !== null && row.lng !== null ? { lat: row.lat, lng: row.lng, exact: true } : { lat: buurt.lat, lng: buurt.lng, exact: false },
			authorName: row.author?.display_name ?? null,
			coachName: row.coach?.display_name ?? null,
			claimerName: row.claimer?.display_name ?? null
		},
		updates: must(updates, 'updates') as unknown as Named<{ id: number; body: string; created_at: string }>[],
		comments: must(comments, 'comments') as unknown as Named<{ id: number; body: string; created_at: string; author_id: string; hidden_at: string | null; hidden_reason: string }>[],
		joiners: joinerRows.map((j) => ({ ...j, name: j.profiles?.display_name ?? '', contact: contactOf.get(j.user_id) ?? null })),
		me: me ? { brings: me.brings, note: me.note, contact: contactOf.get(me.user_id) ?? '' } : null,
		joinDefaults: profile,
		notes: noteRows as unknown as Named<{ id: number; body: string; created_at: string }>[],
		log: logRows as unknown as Named<{ id: number; action: string; reason: string; created_at: string }>[],
		decisions: decisions ? must(decisions, 'decisions') : [],
		isAuthor,
		isOrganiser,
		group,
		isWorker,
		isCoach: !!user && row.coach_id === user.id,
		photo: photo.photo,
		mayChangePhoto: photo.mayChange
	};
};

async function worksHere(locals: App.Locals, wijk: string): Promise<boolean> {
	const { data } = await locals.supabase.rpc('works_in_wijk', { p_wijk: wijk });
	return data === true;
}

/** Tags a failure with the form it belongs to, so the page shows it beside that form only. */
function scoped(form: string, failure: ActionFailure<FormFailure>) {
	return fail(failure.status, { ...failure.data, form });
}

async function rpc(event: RequestEvent, form: string, fn: string, args: Record<string, unknown>, field = '_form') {
	const { error: err, status } = await event.locals.supabase.rpc(fn as never, args as never);
	if (!err) return null;
	return scoped(form, formError(messageKeyFor(err, status, refusals), field));
}

// What the initiative functions' refusals mean to the person who tried.
const refusals = { '55000': 'initiatief_err_illegal_move', '23514': 'initiatief_err_reason' };

function needsLogin(event: RequestEvent, form: string) {
	return event.locals.user ? null : scoped(form, formError('initiatief_err_login'));
}

export const actions: Actions = {
	join: async (event) => {
		const denied = needsLogin(event, 'join');
		if (denied) return denied;
		const parsed = await parseForm(event.request, joinSchema, { arrays: ['brings'] });
		if ('failure' in parsed) return scoped('join', parsed.failure);
		const p = parsed.data;
		return (await rpc(event, 'join', 'join_initiatief', { p_id: event.params.id, p_brings: p.brings, p_note: p.note, p_contact: p.contact })) ?? { done: 'join' };
	},
	leave: async (event) => {
		const denied = needsLogin(event, 'join');
		if (denied) return denied;
		return (await rpc(event, 'join', 'leave_initiatief', { p_id: event.params.id })) ?? { done: 'leave' };
	},
	comment: async (event) => {
		const denied = needsLogin(event, 'comment');
		if (denied) return denied;
		const parsed = await parseForm(event.request, commentSchema);
		if ('failure' in parsed) return scoped('comment', parsed.failure);
		const { error: err } = await event.locals.supabase.from('initiatief_reacties').insert({ initiatief_id: event.params.id, body: parsed.data.body });
		if (err) return scoped('comment', formError(err.code === '42501' ? 'err_not_allowed' : 'err_save_failed', 'body'));
		return { done: 'comment' };
	},
	post: async (event) => {
		const denied = needsLogin(event, 'post');
		if (denied) return denied;
		const parsed = await parseForm(event.request, postSchema);
		if ('failure' in parsed) return scoped('post', parsed.failure);
		const { error: err } = await event.locals.supabase.from('initiatief_updates').insert({ initiatief_id: event.params.id, body: parsed.data.body });
		if (err) return scoped('post', formError(err.code === '42501' ? 'err_not_allowed' : 'err_save_failed', 'body'));
		return { done: 'post' };
	},
	note: async (event) => {
		const denied = needsLogin(event, 'note');
		if (denied) return denied;
		const parsed = await parseForm(event.request, postSchema);
		if ('failure' in parsed) return scoped('note', parsed.failure);
		const { error: err } = await event.locals.supabase.from('initiatief_notities').insert({ initiatief_id: event.params.id, body: parsed.data.body });
		if (err) return scoped('note', formError(err.code === '42501' ? 'err_not_allowed' : 'err_save_failed', 'body'));
		return { done: 'note' };
	},
	hide: async (event) => {
		const denied = needsLogin(event, 'hide');
		if (denied) return denied;
		const parsed = await parseForm(event.request, hideSchema);
		if ('failure' in parsed) return scoped('hide', parsed.failure);
		return (await rpc(event, 'hide', 'hide_initiatief_reactie', { p_id: parsed.data.commentId, p_reason: parsed.data.reason }, 'reason')) ?? { done: 'hide' };
	},
	stage: async (event) => {
		const denied = needsLogin(event, 'stage');
		if (denied) return denied;
		const parsed = await parseForm(event.request, stageSchema);
		if ('failure' in parsed) return scoped('stage', parsed.failure);
		return (await rpc(event, 'stage', 'set_initiatief_stage', { p_id: event.params.id, p_stage: parsed.data.stage })) ?? { done: 'stage' };
	},
	coach: async (event) => (await rpc(event, 'coach', 'coach_initiatief', { p_id: event.params.id })) ?? { done: 'coach' },
	claim: async (event) => (await rpc(event, 'decide', 'claim_initiatief', { p_id: event.params.id })) ?? { done: 'claim' },
	decide: async (event) => {
		const denied = needsLogin(event, 'decide');
		if (denied) return denied;
		const parsed = await parseForm(event.request, decisionSchema);
		if ('failure' in parsed) return scoped('decide', parsed.failure);
		const failed = await rpc(event, 'decide', 'moderate_initiatief', { p_id: event.params.id, p_decision: parsed.data.decision, p_message: parsed.data.message }, 'message');
		return failed ?? { done: 'decide', decision: parsed.data.decision };
	},
	organiser: async (event) => {
		const parsed = await parseForm(event.request, organiserSchema);
		if ('failure' in parsed) return scoped('organiser', parsed.failure);
		return (await rpc(event, 'organiser', 'set_initiatief_organiser', { p_id: event.params.id, p_user: parsed.data.userId, p_on: parsed.data.on === '1' })) ?? { done: 'organiser' };
	},
	report: async (event) => {
		const denied = needsLogin(event, 'report');
		if (denied) return denied;
		const labels = async (subjectId: string) => {
			const { data } = z.uuid().safeParse(subjectId).success
				? await event.locals.supabase.from('initiatieven').select('title').eq('id', subjectId).maybeSingle()
				: await event.locals.supabase.from('initiatief_reacties').select('body').eq('id', Number(subjectId) || 0).maybeSingle();
			return (data as { title?: string; body?: string } | null)?.title ?? (data as { body?: string } | null)?.body ?? '';
		};
		const result = await fileReport(event.request, event.locals.supabase, labels);
		return 'status' in result ? scoped('report', result) : result;
	}
};
