import { getLocale } from '$lib/paraglide/runtime';
import { unreadCount } from '$lib/meldingen/queries.server';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url, request }) => ({
	user: locals.user
		? { id: locals.user.id, displayName: locals.user.displayName, role: locals.user.role, emailVerified: locals.user.emailVerified }
		: null,
	// The bell's count, server-rendered on every page (no JavaScript needed). It came with the session
	// (one round trip); after a form action in this request (marking read, say) it is counted again.
	unread: locals.user ? (request.method === 'GET' || request.method === 'HEAD' ? locals.user.unread : await unreadCount(locals.supabase)) : 0,
	locale: getLocale(),
	path: url.pathname + url.search
});
