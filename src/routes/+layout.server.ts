import { getLocale } from '$lib/paraglide/runtime';
import { unreadCount } from '$lib/meldingen/queries.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => ({
	user: locals.user
		? { id: locals.user.id, displayName: locals.user.displayName, role: locals.user.role, emailVerified: locals.user.emailVerified }
		: null,
	// The bell's count, server-rendered on every page (no JavaScript needed); RLS counts only one's own.
	unread: locals.user ? await unreadCount(locals.supabase) : 0,
	locale: getLocale(),
	path: url.pathname + url.search
});
