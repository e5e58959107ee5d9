// The groups' section of the werkplek: proposed groups waiting for a decision in the worker's wijken
// (RLS: workers see the proposals of their own wijken). The full list, with the groups they facilitate
// and those that went quiet, is /werkplek/groepen.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { must } from '$lib/server/db-errors';
import type { QueueSection } from '$lib/werkplek/sections';
import { kindLabel, label } from './labels';

export async function werkplekSection(supabase: SupabaseClient<Database>, wijken: string[]): Promise<QueueSection> {
	const result = await supabase
		.from('groepen')
		.select('id, name, kind, submitted_at, wijken(naam), claimer:profile_names!groepen_claimed_by_fkey(display_name)', { count: 'exact' })
		.eq('status', 'ingediend')
		.in('wijk_code', wijken)
		.order('submitted_at')
		.limit(10);
	const rows = must(result, 'groepen queue');
	const count = result.count ?? rows.length;
	return {
		key: 'groepen',
		title: m.groep_werkplek_title({ count }),
		count,
		items: rows.map((g) => {
			const claimer = (g.claimer as unknown as { display_name: string } | null)?.display_name;
			return {
				id: g.id,
				title: g.name,
				href: `/groepen/${g.id}#werker-title`,
				wijk: (g.wijken as unknown as { naam: string } | null)?.naam ?? '',
				since: g.submitted_at ?? '',
				detail: `${label(kindLabel, g.kind)} · ${claimer ? m.groep_claimed_by({ name: claimer }) : m.groep_unclaimed()}`
			};
		}),
		more: '/werkplek/groepen'
	};
}
