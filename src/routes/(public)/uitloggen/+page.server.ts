import { redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { deleteSessionCookie, invalidateSession } from '$lib/server/auth/session';
import type { Actions, PageServerLoad } from './$types';

// Logging out changes state, so it is a POST; a GET (a link, a prefetch) only leads home.
export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ locals, cookies }) => {
		if (locals.sessionId) await invalidateSession(locals.sessionId);
		deleteSessionCookie(cookies, !dev);
		redirect(303, '/?uitgelogd=1');
	}
};
