import { redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { must } from '$lib/server/db-errors';
import { formError } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	// Read with the user's own rights: RLS shows only their sessions, and never the secret hash.
	const sessions = must(
		await locals.supabase
			.from('sessions')
			.select('id, created_at, last_active_at, user_agent')
			.order('last_active_at', { ascending: false }),
		'list sessions'
	);
	return { sessions: sessions.map((s) => ({ ...s, current: s.id === locals.sessionId })) };
};

export const actions: Actions = {
	end: async ({ request, locals }) => {
		const id = String((await request.formData()).get('id') ?? '');
		if (!/^[\w-]{16,64}$/.test(id)) return formError('err_invalid');
		must(await locals.supabase.from('sessions').delete().eq('id', id), 'end session');
		if (id === locals.sessionId) redirect(303, '/inloggen');
		return { ended: true };
	},
	everywhere: async ({ request, locals, cookies }) => {
		// Ends this session too, so the resident confirms first (a checkbox: it works without JavaScript).
		if ((await request.formData()).get('confirm') !== 'ja') return formError('err_confirm', 'confirm');
		must(await locals.supabase.from('sessions').delete().eq('user_id', locals.user!.id), 'end all sessions');
		deleteSessionCookie(cookies, !dev);
		redirect(303, '/inloggen');
	}
};
