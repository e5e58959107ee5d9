// Following a notification: it is read now, and the person goes to what it is about. A plain link
// (works without JavaScript); RLS finds only the person's own notification.
import { error, redirect } from '@sveltejs/kit';
import { must } from '$lib/server/db-errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!locals.user) redirect(303, `/inloggen?redirectTo=${encodeURIComponent(url.pathname)}`);
	const id = Number(params.id);
	if (!Number.isSafeInteger(id) || id <= 0) error(404, { message: 'not_found' });
	const row = must(await locals.supabase.from('notifications').select('link, read_at').eq('id', id).maybeSingle(), 'notification');
	if (!row) error(404, { message: 'not_found' });
	if (!row.read_at) must(await locals.supabase.rpc('mark_notifications_read', { p_ids: [id] }), 'mark read');
	// Only paths inside the site (the check constraint says so too): never an open redirect.
	redirect(303, /^\/(?!\/)/.test(row.link) ? row.link : '/meldingen');
};
