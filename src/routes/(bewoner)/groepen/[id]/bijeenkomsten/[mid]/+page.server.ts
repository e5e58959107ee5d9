import { error } from '@sveltejs/kit';
import { answerMeeting, tickActiepunt } from '$lib/groepen/actions.server';
import { localParts, meetingTimes } from '$lib/groepen/meetings';
import { callGroep, loadGroep, scoped } from '$lib/groepen/queries.server';
import { cancelSchema, meetingEditSchema, minutesSchema, MINUTES_ARRAYS } from '$lib/groepen/schema';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

type Named = { groep_namen: { first_name: string } | null };

// One meeting: when and where, the agenda; for members and the facilitator also who comes, the
// minutes with besluiten and actiepunten. Whoever leads changes or cancels it and writes the minutes.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { groep, viewer } = await loadGroep(locals, params.id);
	const id = Number(params.mid);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'not found' });
	const db = locals.supabase;
	const meeting = must(await db.from('groep_bijeenkomsten').select('*').eq('id', id).eq('groep_id', groep.id).maybeSingle(), 'meeting');
	if (!meeting) error(404, { message: 'not found' });
	const [attendance, minutes, besluiten, actiepunten, members] = await Promise.all([
		viewer.insider ? db.from('groep_aanwezigheid').select('user_id, answer, groep_namen!groep_aanwezigheid_user_id_fkey(first_name)').eq('bijeenkomst_id', id) : null,
		viewer.insider ? db.from('groep_verslagen').select('body, written_at').eq('bijeenkomst_id', id).maybeSingle() : null,
		viewer.insider ? db.from('groep_besluiten').select('id, body').eq('bijeenkomst_id', id).order('id') : null,
		viewer.insider ? db.from('groep_actiepunten').select('id, body, owner_id, due_on, done_at, groep_namen!groep_actiepunten_owner_id_fkey(first_name)').eq('bijeenkomst_id', id).order('id') : null,
		viewer.leads ? db.from('groep_ledenlijst').select('user_id, first_name').eq('groep_id', groep.id).order('first_name') : null
	]);
	const answers = attendance ? (must(attendance, 'attendance') as unknown as (Named & { user_id: string; answer: string })[]) : [];
	const start = localParts(meeting.starts_at);
	return {
		groep,
		viewer,
		meeting: { ...meeting, past: Date.parse(meeting.starts_at) <= Date.now(), over: Date.parse(meeting.ends_at) <= Date.now() },
		edit: { title: meeting.title, day: start.day, start: start.time, end: localParts(meeting.ends_at).time, placeKind: meeting.place_kind, place: meeting.place, agenda: meeting.agenda },
		mine: answers.find((a) => a.user_id === locals.user!.id)?.answer ?? null,
		coming: answers.filter((a) => a.answer === 'ja').map((a) => a.groep_namen?.first_name ?? ''),
		notComing: answers.filter((a) => a.answer === 'nee').map((a) => a.groep_namen?.first_name ?? ''),
		minutes: minutes ? must(minutes, 'minutes') : null,
		besluiten: besluiten ? must(besluiten, 'besluiten') : [],
		actiepunten: actiepunten ? (must(actiepunten, 'actiepunten') as unknown as (Named & { id: number; body: string; owner_id: string | null; due_on: string; done_at: string | null })[]) : [],
		members: members ? must(members, 'members') : [],
		planned: Number(url.searchParams.get('gepland') ?? 0)
	};
};

function meetingId(event: RequestEvent): number {
	return Number(event.params.mid);
}

export const actions: Actions = {
	answer: (event) => answerMeeting(event, meetingId(event)),
	tick: (event) => tickActiepunt(event),
	update: async (event) => {
		const parsed = await parseForm(event.request, meetingEditSchema);
		if ('failure' in parsed) return scoped('update', parsed.failure);
		const v = parsed.data;
		const { starts, ends } = meetingTimes(v.day, v.start, v.end);
		const result = await callGroep(event, 'update', 'update_groep_meeting', {
			p_meeting: meetingId(event), p_title: v.title, p_starts_at: starts, p_ends_at: ends, p_place_kind: v.placeKind, p_place: v.place, p_agenda: v.agenda
		});
		return 'failure' in result ? result.failure : { done: 'update' };
	},
	cancel: async (event) => {
		const parsed = await parseForm(event.request, cancelSchema);
		if ('failure' in parsed) return scoped('cancel', parsed.failure);
		const result = await callGroep(event, 'cancel', 'cancel_groep_meeting', { p_meeting: meetingId(event), p_reason: parsed.data.reason }, 'reason');
		return 'failure' in result ? result.failure : { done: 'cancel' };
	},
	minutes: async (event) => {
		const parsed = await parseForm(event.request, minutesSchema, { arrays: MINUTES_ARRAYS });
		if ('failure' in parsed) return scoped('minutes', parsed.failure);
		const v = parsed.data;
		const result = await callGroep(event, 'minutes', 'save_groep_minutes', {
			p_meeting: meetingId(event),
			p_body: v.body,
			p_besluiten: v.besluiten,
			p_actiepunten: v.actiepunten
		});
		return 'failure' in result ? result.failure : { done: 'minutes' };
	}
};
