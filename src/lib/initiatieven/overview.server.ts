// The initiatives' section of a person's overview ("Mijn buurtplein"): their own initiatives with the
// state they are in (and the worker's message when a change is asked), then those they joined.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { must } from '$lib/server/db-errors';
import type { OverviewItem, OverviewSection } from '$lib/overview/sections';
import { label, stageLabel, statusLabel } from './labels';

export async function overviewSection(supabase: SupabaseClient<Database>, user: { id: string }): Promise<OverviewSection> {
	const [own, joined] = await Promise.all([
		supabase
			.from('initiatieven')
			.select('id, title, status, stage, updated_at, initiatief_beslissingen(message)')
			.eq('author_id', user.id)
			.neq('status', 'afgewezen')
			.order('updated_at', { ascending: false })
			.order('id', { referencedTable: 'initiatief_beslissingen', ascending: false })
			.limit(1, { referencedTable: 'initiatief_beslissingen' })
			.limit(5),
		supabase.from('initiatief_deelnemers').select('initiatieven!inner(id, title, stage)').eq('user_id', user.id).order('created_at', { ascending: false }).limit(5)
	]);
	const items: OverviewItem[] = [
		...must(own, 'own initiatieven').map((i) => ({
			title: i.title,
			href: i.status === 'aanpassing_gevraagd' || i.status === 'concept' ? `/initiatieven/${i.id}/bewerken` : `/initiatieven/${i.id}`,
			state: i.status === 'gepubliceerd' ? label(stageLabel, i.stage) : label(statusLabel, i.status),
			detail: i.status === 'aanpassing_gevraagd' ? i.initiatief_beslissingen[0]?.message || undefined : undefined,
			attention: i.status === 'aanpassing_gevraagd'
		})),
		...must(joined, 'joined initiatieven').map((j) => {
			const i = j.initiatieven as unknown as { id: string; title: string; stage: string };
			return { title: i.title, href: `/initiatieven/${i.id}`, state: m.overview_joined({ stage: label(stageLabel, i.stage) }) };
		})
	];
	return { key: 'initiatieven', title: m.initiatief_mine_title(), items, empty: m.overview_initiatieven_empty(), more: { href: '/mijn-initiatieven', label: m.overview_initiatieven_more() } };
}
