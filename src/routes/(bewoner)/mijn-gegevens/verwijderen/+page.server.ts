import { redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { eraseOwnSchema } from '$lib/privacy/schema';
import { passwordMatches } from '$lib/privacy/privacy.server';
import { deleteSessionCookie } from '$lib/server/auth/session';
import { messageKeyFor } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	// The password, then the tick box: then everything is erased in one database call (erase_account),
	// which also ends every session and queues the confirmation mail.
	default: async ({ request, locals, cookies }) => {
		const parsed = await parseForm(request, eraseOwnSchema);
		if ('failure' in parsed) return parsed.failure;
		const user = locals.user!;
		if (!(await passwordMatches(user.id, parsed.data.password))) return formError('err_privacy_password', 'password');
		const { error, status } = await locals.supabase.rpc('erase_account', { p_user: user.id });
		if (error) return formError(messageKeyFor(error, status));
		deleteSessionCookie(cookies, !dev);
		redirect(303, '/account-verwijderd');
	}
};
