// The groups' section of a person's overview ("Mijn buurtplein"): their groups with the next meeting,
// and invitations and requests that wait. The full list is /mijn-groepen.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { must } from '$lib/server/db-errors';
import type { OverviewItem, OverviewSection } from '$lib/overview/sections';
import { label, roleLabel } from './labels';

export async function overviewSection(supabase: SupabaseClient<Database>, user: { id: string }): Promise<OverviewSection | null> {
	const now = new Date().toISOString();
	const [memberships, invitations, requests] = await Promise.all([
		supabase.from('groep_leden').select('role, groepen!inner(id, name, status)').eq('user_id', user.id).order('joined_at', { ascending: false }).limit(20),
		supabase.from('groep_uitnodigingen').select('groepen!inner(id, name)').eq('user_id', user.id).eq('status', 'open').limit(10),
		supabase.from('groep_verzoeken').select('groepen!inner(id, name)').eq('user_id', user.id).eq('status', 'open').limit(10)
	]);
	type Groep = { id: string; name: string; status?: string };
	const mine = must(memberships, 'my groups').map((r) => ({ role: r.role, groep: r.groepen as unknown as Groep }));
	const next = mine.length
		? must(
				await supabase.from('groep_bijeenkomsten').select('groep_id, starts_at').in('groep_id', mine.map((r) => r.groep.id)).is('cancelled_at', null).gte('starts_at', now).order('starts_at').limit(100),
				'next meetings'
			)
		: [];
	const items: OverviewItem[] = [
		...must(invitations, 'invitations').map((r) => ({ title: (r.groepen as unknown as Groep).name, href: `/groepen/${(r.groepen as unknown as Groep).id}`, state: m.groep_overview_invited() })),
		...must(requests, 'requests').map((r) => ({ title: (r.groepen as unknown as Groep).name, href: `/groepen/${(r.groepen as unknown as Groep).id}`, state: m.groep_overview_requested() })),
		...mine.map(({ role, groep }) => {
			const meeting = next.find((n) => n.groep_id === groep.id);
			return {
				title: groep.name,
				href: `/groepen/${groep.id}`,
				state: groep.status === 'gepubliceerd' ? label(roleLabel, role) : m.groep_overview_proposed(),
				detail: meeting ? m.groep_overview_next() : undefined,
				when: meeting?.starts_at
			};
		})
	];
	return { key: 'groepen', title: m.groep_mine_title(), items, empty: m.groep_overview_empty(), more: { href: '/mijn-groepen', label: m.groep_overview_more() } };
}
