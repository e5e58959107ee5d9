import { error, redirect } from '@sveltejs/kit';
import { checkInSchema, closeSchema, matchIdSchema, messageSchema, respondSchema, uuidField } from '$lib/schemas/burenhulp';
import { blockAction, reportAction } from '$lib/server/burenhulp';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES_SHOWN = 200;
const postColumns = 'id, first_name, category, description, when_kind, on_date, slots, buurten(naam)';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!uuidField.safeParse(params.id).success) error(404, { message: 'not_found' });
	const user = locals.user!;
	const match = must(
		await locals.supabase
			.from('help_matches')
			.select(
				`id, status, request_owner, offer_owner, proposed_by, request_accepted_at, offer_accepted_at, needs_care, care_approved_at,
				 activated_at, checkin_due_at, request_checkin, offer_checkin, outcome, thanks, created_at,
				 request:help_posts!help_matches_request_id_fkey(${postColumns}), offer:help_posts!help_matches_offer_id_fkey(${postColumns})`
			)
			.eq('id', params.id)
			.maybeSingle(),
		'load match'
	);
	if (!match) error(404, { message: 'not_found' });
	type Post = { id: string; first_name: string; category: string; description: string; when_kind: string; on_date: string | null; slots: string[]; buurten: { naam: string } };
	const request = match.request as unknown as Post;
	const offer = match.offer as unknown as Post;
	if (!request || !offer) error(404, { message: 'not_found' });
	const side = match.request_owner === user.id ? 'vraag' : match.offer_owner === user.id ? 'aanbod' : null;
	const otherId = side === 'vraag' ? match.offer_owner : match.request_owner;
	const myAccepted = side === 'vraag' ? match.request_accepted_at : side === 'aanbod' ? match.offer_accepted_at : null;
	const myCheckin = side === 'vraag' ? match.request_checkin : side === 'aanbod' ? match.offer_checkin : null;

	const [contact, email, messages] = await Promise.all([
		side && match.status === 'actief'
			? locals.supabase.from('profile_private').select('phone, address').eq('user_id', otherId).maybeSingle()
			: Promise.resolve(null),
		side && match.status === 'actief' ? locals.supabase.rpc('help_partner_email', { p_match: match.id }) : Promise.resolve(null),
		locals.supabase.from('help_messages').select('id, sender_id, body, created_at').eq('match_id', match.id).order('id', { ascending: false }).limit(MESSAGES_SHOWN)
	]);
	return {
		match: { ...match, request, offer },
		side,
		otherId,
		otherName: side === 'vraag' ? offer.first_name : request.first_name,
		myAccepted,
		myCheckin,
		checkinDue: match.status === 'actief' && !!match.checkin_due_at && new Date(match.checkin_due_at) <= new Date(),
		contact: contact ? { ...(must(contact, 'contact') ?? { phone: '', address: '' }), email: (email && must(email, 'email')) || '' } : null,
		messages: must(messages, 'messages').reverse()
	};
};

function moveFailed(code: string | undefined) {
	if (code === '42501') return formError('err_not_allowed');
	if (code === '23514') return formError('help_err_not_open');
	return formError('err_save_failed');
}

export const actions: Actions = {
	respond: async ({ request, locals }) => {
		const parsed = await parseForm(request, respondSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err } = await locals.supabase.rpc('help_respond', { p_match: parsed.data.matchId, p_accept: parsed.data.answer === 'ja' });
		if (err) return moveFailed(err.code);
		if (parsed.data.answer === 'nee') redirect(303, '/burenhulp?afgewezen=1');
		return { responded: true };
	},
	send: async ({ request, locals }) => {
		const parsed = await parseForm(request, messageSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err } = await locals.supabase.from('help_messages').insert({ match_id: parsed.data.matchId, body: parsed.data.body });
		if (err?.code === '42501') return formError('help_err_cannot_message', 'body', { body: parsed.data.body });
		if (err) return formError('err_save_failed', '_form', { body: parsed.data.body });
		return { sent: true };
	},
	stop: async ({ request, locals }) => {
		const parsed = await parseForm(request, matchIdSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err } = await locals.supabase.rpc('help_stop', { p_match: parsed.data.matchId });
		if (err) return moveFailed(err.code);
		return { stopped: true };
	},
	approve: async ({ request, locals }) => {
		const parsed = await parseForm(request, matchIdSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err } = await locals.supabase.rpc('help_approve_care', { p_match: parsed.data.matchId });
		if (err) return moveFailed(err.code);
		return { approved: true };
	},
	checkin: async ({ request, locals }) => {
		const parsed = await parseForm(request, checkInSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err } = await locals.supabase.rpc('help_check_in', { p_match: parsed.data.matchId, p_answer: parsed.data.answer });
		if (err) return moveFailed(err.code);
		return { checkedIn: true };
	},
	close: async ({ request, locals }) => {
		const parsed = await parseForm(request, closeSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err } = await locals.supabase.rpc('help_close', { p_match: parsed.data.matchId, p_outcome: parsed.data.outcome, p_thanks: parsed.data.thanks });
		if (err) return moveFailed(err.code);
		return { closed: true };
	},
	report: reportAction,
	block: async (event) => {
		const result = await blockAction(event);
		if ('blocked' in result) redirect(303, '/burenhulp?geblokkeerd=1');
		return result;
	}
};
