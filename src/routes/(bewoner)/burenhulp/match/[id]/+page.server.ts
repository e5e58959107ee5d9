import { error, redirect } from '@sveltejs/kit';
import { checkInSchema, closeSchema, matchIdSchema, messageSchema, respondSchema, uuidField } from '$lib/burenhulp/schema';
import { reportAction } from '$lib/burenhulp/actions.server';
import { messageKeyFor, must, type DbRefusal } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const MESSAGES_SHOWN = 200;
const postColumns = 'id, first_name, category, description, when_kind, on_date, slots, buurten(naam)';

export const load: PageServerLoad = async ({ locals, params }) => {
	if (!uuidField.safeParse(params.id).success) error(404, { message: 'not_found' });
	const user = locals.user!;
	// Who the parties are is not readable (nor sent to the page): my_help_matches says which side the
	// current user is on, and the other party is "first name, buurt" until both accept.
	const [found, mine] = await Promise.all([
		locals.supabase
			.from('help_matches')
			.select(
				`id, status, request_accepted_at, offer_accepted_at, needs_care, care_approved_at, activated_at, checkin_due_at,
				 request_checkin, offer_checkin, outcome, thanks, created_at, closed_at,
				 request_outcome, offer_outcome, request_thanks, offer_thanks,
				 request:help_posts!help_matches_request_id_fkey(${postColumns}), offer:help_posts!help_matches_offer_id_fkey(${postColumns})`
			)
			.eq('id', params.id)
			.maybeSingle(),
		locals.supabase.from('my_help_matches').select('my_side').eq('id', params.id).maybeSingle()
	]);
	const match = must(found, 'load match');
	if (!match) error(404, { message: 'not_found' });
	type Post = { id: string; first_name: string; category: string; description: string; when_kind: string; on_date: string | null; slots: string[]; buurten: { naam: string } };
	const request = match.request as unknown as Post;
	const offer = match.offer as unknown as Post;
	if (!request || !offer) error(404, { message: 'not_found' });
	const side = (must(mine, 'my side')?.my_side ?? null) as 'vraag' | 'aanbod' | null;
	const myAccepted = side === 'vraag' ? match.request_accepted_at : side === 'aanbod' ? match.offer_accepted_at : null;
	const myCheckin = side === 'vraag' ? match.request_checkin : side === 'aanbod' ? match.offer_checkin : null;
	// Each side gives its own outcome; the one who did not close yet is asked for theirs.
	const myOutcome = side === 'vraag' ? match.request_outcome : side === 'aanbod' ? match.offer_outcome : null;
	const otherOutcome = side === 'vraag' ? match.offer_outcome : side === 'aanbod' ? match.request_outcome : null;
	const otherThanks = side === 'vraag' ? match.offer_thanks : side === 'aanbod' ? match.request_thanks : '';

	const [contact, messages, parties] = await Promise.all([
		side && match.status === 'actief' ? locals.supabase.rpc('help_match_contact', { p_match: match.id }).maybeSingle() : Promise.resolve(null),
		locals.supabase.from('help_messages').select('id, sender_id, body, created_at').eq('match_id', match.id).order('id', { ascending: false }).limit(MESSAGES_SHOWN),
		// A worker of the wijk reading a reported conversation sees who wrote what (by first name).
		side ? Promise.resolve(null) : locals.supabase.from('help_match_parties').select('request_owner').eq('id', match.id).maybeSingle()
	]);
	const requestOwner = parties ? must(parties, 'parties')?.request_owner : null;
	const senderName = (senderId: string | null) =>
		senderId === user.id ? null : side ? (side === 'vraag' ? offer.first_name : request.first_name)
		: senderId === requestOwner ? request.first_name : offer.first_name;
	return {
		match: { ...match, request, offer },
		side,
		otherName: side === 'vraag' ? offer.first_name : request.first_name,
		myAccepted,
		myCheckin,
		myOutcome,
		otherOutcome,
		otherThanks,
		checkinDue: match.status === 'actief' && !!match.checkin_due_at && new Date(match.checkin_due_at) <= new Date(),
		contact: contact ? must(contact, 'contact') : null,
		messages: must(messages, 'messages')
			.reverse()
			.map((message) => ({ id: message.id, body: message.body, created_at: message.created_at, mine: message.sender_id === user.id, from: senderName(message.sender_id) }))
	};
};

/** A match function refused the move: not a party, or the match is no longer in that state. */
function moveFailed(err: DbRefusal, status: number) {
	return formError(messageKeyFor(err, status, { '23514': 'help_err_not_open' }));
}

export const actions: Actions = {
	respond: async ({ request, locals }) => {
		const parsed = await parseForm(request, respondSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err, status } = await locals.supabase.rpc('help_respond', { p_match: parsed.data.matchId, p_accept: parsed.data.answer === 'ja' });
		if (err) return moveFailed(err, status);
		if (parsed.data.answer === 'nee') redirect(303, '/burenhulp?afgewezen=1');
		return { responded: true };
	},
	send: async ({ request, locals }) => {
		const parsed = await parseForm(request, messageSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err, status } = await locals.supabase.from('help_messages').insert({ match_id: parsed.data.matchId, body: parsed.data.body });
		if (err?.code === '42501' && !err.hint) return formError('help_err_cannot_message', 'body', { body: parsed.data.body });
		if (err) return formError(messageKeyFor(err, status), '_form', { body: parsed.data.body });
		return { sent: true };
	},
	stop: async ({ request, locals }) => {
		const parsed = await parseForm(request, matchIdSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err, status } = await locals.supabase.rpc('help_stop', { p_match: parsed.data.matchId });
		if (err) return moveFailed(err, status);
		return { stopped: true };
	},
	approve: async ({ request, locals }) => {
		const parsed = await parseForm(request, matchIdSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err, status } = await locals.supabase.rpc('help_approve_care', { p_match: parsed.data.matchId });
		if (err) return moveFailed(err, status);
		return { approved: true };
	},
	checkin: async ({ request, locals }) => {
		const parsed = await parseForm(request, checkInSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err, status } = await locals.supabase.rpc('help_check_in', { p_match: parsed.data.matchId, p_answer: parsed.data.answer });
		if (err) return moveFailed(err, status);
		return { checkedIn: true };
	},
	close: async ({ request, locals }) => {
		const parsed = await parseForm(request, closeSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error: err, status } = await locals.supabase.rpc('help_close', { p_match: parsed.data.matchId, p_outcome: parsed.data.outcome, p_thanks: parsed.data.thanks });
		if (err) return moveFailed(err, status);
		return { closed: true };
	},
	report: reportAction,
	// The other party is not known to the page; the database blocks them by the match.
	block: async ({ params, locals }) => {
		if (!uuidField.safeParse(params.id).success) return formError('err_invalid');
		const { error: err, status } = await locals.supabase.rpc('help_block_partner', { p_match: params.id });
		if (err) return formError(messageKeyFor(err, status));
		redirect(303, '/burenhulp?geblokkeerd=1');
	}
};
