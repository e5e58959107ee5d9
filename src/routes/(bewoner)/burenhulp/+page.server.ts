import { isStaff } from '$lib/roles';
import { must } from '$lib/server/db-errors';
import { blockSchema } from '$lib/schemas/burenhulp';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const SHOWN = 50;

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	const [posts, matches, blocks] = await Promise.all([
		locals.supabase
			.rpc('my_help_posts')
			.select('id, kind, category, description, status, created_at')
			.neq('status', 'gesloten')
			.order('created_at', { ascending: false })
			.limit(SHOWN),
		locals.supabase
			.from('help_matches')
			.select(
				'id, status, request_owner, offer_owner, proposed_by, request_accepted_at, offer_accepted_at, checkin_due_at, request_checkin, offer_checkin, created_at, request:help_posts!help_matches_request_id_fkey(first_name, category), offer:help_posts!help_matches_offer_id_fkey(first_name, category)'
			)
			.or(`request_owner.eq.${user.id},offer_owner.eq.${user.id}`)
			.in('status', ['voorgesteld', 'actief', 'afgesloten'])
			.order('created_at', { ascending: false })
			.limit(SHOWN),
		locals.supabase.from('help_blocks').select('blocked_id, profiles!help_blocks_blocked_id_fkey(display_name)').order('created_at').limit(SHOWN)
	]);
	const now = new Date();
	return {
		staff: isStaff(user.role),
		blocks: must(blocks, 'own blocks').map((b) => ({
			id: b.blocked_id,
			name: ((b.profiles as unknown as { display_name: string } | null)?.display_name ?? '').split(' ')[0]
		})),
		posts: must(posts, 'own help posts'),
		matches: must(matches, 'own matches').map((match) => {
			const asker = match.request_owner === user.id;
			const other = (asker ? match.offer : match.request) as unknown as { first_name: string; category: string };
			const mine = asker ? match.request_accepted_at : match.offer_accepted_at;
			return {
				id: match.id,
				status: match.status,
				otherName: other.first_name,
				category: (match.request as unknown as { category: string }).category,
				waitingForMe: match.status === 'voorgesteld' && !mine,
				checkinDue: match.status === 'actief' && !!match.checkin_due_at && new Date(match.checkin_due_at) <= now && !(asker ? match.request_checkin : match.offer_checkin)
			};
		})
	};
};

export const actions: Actions = {
	unblock: async ({ request, locals }) => {
		const parsed = await parseForm(request, blockSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error } = await locals.supabase.from('help_blocks').delete().eq('blocked_id', parsed.data.personId);
		if (error) return formError('err_save_failed');
		return { unblocked: true };
	}
};
