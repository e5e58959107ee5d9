import { isStaff } from '$lib/account/roles';
import { must } from '$lib/server/db-errors';
import { unblockSchema } from '$lib/burenhulp/schema';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const SHOWN = 50;

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	const [posts, matches, blocks] = await Promise.all([
		locals.supabase
			.rpc('my_help_posts')
			// Closed posts stay as history on this page.
			.select('id, kind, category, description, status, created_at')
			.order('created_at', { ascending: false })
			.limit(SHOWN),
		// The user's own matches with their side; who the other party is stays unknown until both accept.
		locals.supabase
			.from('my_help_matches')
			.select(
				'id, status, my_side, request_accepted_at, offer_accepted_at, checkin_due_at, request_checkin, offer_checkin, created_at, closed_at, my_outcome, request:help_posts!help_matches_request_id_fkey(first_name, category), offer:help_posts!help_matches_offer_id_fkey(first_name, category)'
			)
			.in('status', ['voorgesteld', 'actief', 'afgesloten', 'gestopt'])
			.order('created_at', { ascending: false })
			.limit(SHOWN),
		// A block shows the first name and buurt it was made with; whom it blocks is not readable.
		locals.supabase.from('help_blocks').select('id, label').order('created_at').limit(SHOWN)
	]);
	const now = new Date();
	return {
		staff: isStaff(user.role),
		blocks: must(blocks, 'own blocks').map((b) => ({ id: b.id, name: b.label })),
		posts: must(posts, 'own help posts'),
		matches: must(matches, 'own matches').map((match) => {
			const asker = match.my_side === 'vraag';
			const other = (asker ? match.offer : match.request) as unknown as { first_name: string; category: string };
			const mine = asker ? match.request_accepted_at : match.offer_accepted_at;
			return {
				// A view's columns are typed nullable; these never are.
				id: match.id!,
				status: match.status!,
				otherName: other.first_name,
				category: (match.request as unknown as { category: string }).category,
				closedAt: match.closed_at,
				waitingForMe: match.status === 'voorgesteld' && !mine,
				// The other side closed it: their outcome is in, mine is asked for.
				outcomeAsked: match.status === 'afgesloten' && !match.my_outcome,
				checkinDue: match.status === 'actief' && !!match.checkin_due_at && new Date(match.checkin_due_at) <= now && !(asker ? match.request_checkin : match.offer_checkin)
			};
		})
	};
};

export const actions: Actions = {
	unblock: async ({ request, locals }) => {
		const parsed = await parseForm(request, unblockSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error } = await locals.supabase.from('help_blocks').delete().eq('id', parsed.data.blockId);
		if (error) return formError('err_save_failed');
		return { unblocked: true };
	}
};
