// Notifications as their owner reads them, through locals.supabase (RLS: one's own only).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { must } from '$lib/server/db-errors';
import { PAGE_SIZE } from './codes';
import { notificationText } from './texts';

type Db = SupabaseClient<Database>;

/** The unread count for the bell: one index-only count (notifications_unread). A failure shows no count. */
export async function unreadCount(db: Db): Promise<number> {
	const { count, error } = await db.from('notifications').select('id', { count: 'exact', head: true }).is('read_at', null);
	return error ? 0 : (count ?? 0);
}

export async function listNotifications(db: Db, page: number) {
	const from = (page - 1) * PAGE_SIZE;
	const result = await db
		.from('notifications')
		.select('id, kind, link, params, count, created_at, read_at', { count: 'exact' })
		.order('created_at', { ascending: false })
		.order('id', { ascending: false })
		.range(from, from + PAGE_SIZE - 1);
	const rows = must(result, 'notifications');
	return {
		items: rows.map((n) => ({
			id: n.id,
			link: n.link,
			createdAt: n.created_at,
			unread: n.read_at === null,
			...notificationText({ kind: n.kind, params: (n.params ?? {}) as Record<string, unknown>, count: n.count })
		})),
		pages: Math.max(1, Math.ceil((result.count ?? 0) / PAGE_SIZE))
	};
}
