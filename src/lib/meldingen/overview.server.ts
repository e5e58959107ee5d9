// The notifications' section of a person's overview: the newest unread ones, each leading to what it
// is about through /meldingen/<id> (which marks it read).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { m } from '$lib/paraglide/messages';
import { must } from '$lib/server/db-errors';
import type { OverviewSection } from '$lib/overview/sections';
import { notificationText } from './texts';

export async function overviewSection(supabase: SupabaseClient<Database>): Promise<OverviewSection> {
	const rows = must(
		await supabase.from('notifications').select('id, kind, params, count, created_at').is('read_at', null).order('created_at', { ascending: false }).order('id', { ascending: false }).limit(5),
		'unread notifications'
	);
	const items = rows.map((n) => {
		const text = notificationText({ kind: n.kind, params: (n.params ?? {}) as Record<string, unknown>, count: n.count });
		return { title: text.title, detail: text.detail || undefined, href: `/meldingen/${n.id}`, when: n.created_at, attention: true };
	});
	return { key: 'meldingen', title: m.overview_notifications_title(), items, empty: m.overview_notifications_empty(), more: { href: '/meldingen', label: m.overview_notifications_more() } };
}
