// Burenhulp's section of a person's overview: first what waits for them (a neighbour who wants to meet,
// a check-in that is due), then their running contacts and their open questions and offers.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { must } from '$lib/server/db-errors';
import type { OverviewItem, OverviewSection } from '$lib/overview/sections';
import { categoryLabel, statusLabel } from './labels';

export async function overviewSection(supabase: SupabaseClient<Database>): Promise<OverviewSection> {
	const [posts, matches] = await Promise.all([
		supabase.rpc('my_help_posts').select('id, kind, category, status, created_at').in('status', ['open', 'gematcht']).order('created_at', { ascending: false }).limit(5),
		supabase
			.from('my_help_matches')
			.select('id, status, my_side, request_accepted_at, offer_accepted_at, checkin_due_at, request_checkin, offer_checkin, request:help_posts!help_matches_request_id_fkey(first_name, category), offer:help_posts!help_matches_offer_id_fkey(first_name)')
			.in('status', ['voorgesteld', 'actief'])
			.order('created_at', { ascending: false })
			.limit(10)
	]);
	const now = new Date();
	const contacts: OverviewItem[] = must(matches, 'own matches').map((match) => {
		const asker = match.my_side === 'vraag';
		const other = (asker ? match.offer : match.request) as unknown as { first_name: string };
		const category = categoryLabel((match.request as unknown as { category: string }).category);
		const waitingForMe = match.status === 'voorgesteld' && !(asker ? match.request_accepted_at : match.offer_accepted_at);
		const checkinDue = match.status === 'actief' && !!match.checkin_due_at && new Date(match.checkin_due_at) <= now && !(asker ? match.request_checkin : match.offer_checkin);
		return {
			title: waitingForMe ? m.help_proposal_from({ name: other.first_name }) : m.overview_help_contact({ name: other.first_name, category }),
			href: `/burenhulp/match/${match.id}`,
			state: waitingForMe ? m.help_for_you() : checkinDue ? m.help_checkin_title() : statusLabel(match.status!),
			attention: waitingForMe || checkinDue
		};
	});
	const open: OverviewItem[] = must(posts, 'own help posts').map((p) => ({
		title: `${p.kind === 'vraag' ? m.help_kind_vraag() : m.help_kind_aanbod()}: ${categoryLabel(p.category)}`,
		href: `/burenhulp/${p.id}`,
		state: statusLabel(p.status)
	}));
	// What waits for the person comes first.
	const items = [...contacts.filter((c) => c.attention), ...contacts.filter((c) => !c.attention), ...open];
	return { key: 'burenhulp', title: m.nav_help(), items, empty: m.overview_help_empty(), more: { href: '/burenhulp', label: m.overview_help_more() } };
}
