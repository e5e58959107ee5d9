// "Mijn aanmeldingen" in a person's overview: coming Repair Café sign-ups and Rommelroute stands for a
// day that has not passed. Everything, also what has been, is on /mijn.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { today } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { must } from '$lib/server/db-errors';
import type { OverviewItem, OverviewSection } from '$lib/overview/sections';
import { standStatusLabel } from '$lib/rommelroute/labels';

export async function overviewSection(supabase: SupabaseClient<Database>, user: { id: string }): Promise<OverviewSection> {
	const [signups, stands] = await Promise.all([
		supabase
			.from('repair_cafe_signups')
			.select('id, status, item, repair_cafe_dates!inner(starts_at, cancelled, repair_cafe_series!inner(id, name))')
			.eq('resident_id', user.id)
			.neq('status', 'cancelled')
			.gte('repair_cafe_dates.starts_at', new Date().toISOString())
			.order('created_at', { ascending: false })
			.limit(5),
		supabase
			.from('rommelroute_stands')
			.select('id, status, street, huisnummer, rommelroute_editions!inner(id, title, day)')
			.eq('resident_id', user.id)
			.in('status', ['aangemeld', 'goedgekeurd'])
			.gte('rommelroute_editions.day', today())
			.order('created_at', { ascending: false })
			.limit(5)
	]);
	const items: OverviewItem[] = [
		...must(signups, 'my sign-ups').map((s) => {
			const d = s.repair_cafe_dates as unknown as { starts_at: string; cancelled: boolean; repair_cafe_series: { id: string; name: string } };
			return {
				title: `${d.repair_cafe_series.name}: ${s.item}`,
				href: `/repair-cafe/${d.repair_cafe_series.id}`,
				state: d.cancelled ? m.repair_date_cancelled() : s.status === 'waiting' ? m.repair_you_waiting() : m.repair_you_booked(),
				when: d.starts_at,
				attention: d.cancelled
			};
		}),
		...must(stands, 'my stands').map((s) => {
			const e = s.rommelroute_editions as unknown as { id: string; title: string; day: string };
			return { title: `${e.title}: ${s.street} ${s.huisnummer}`, href: `/rommelroute/${e.id}`, state: standStatusLabel(s.status), day: e.day };
		})
	];
	return { key: 'aanmeldingen', title: m.overview_signups_title(), items, empty: m.overview_signups_empty(), more: { href: '/mijn', label: m.overview_signups_more() } };
}
