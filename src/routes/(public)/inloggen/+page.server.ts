import { redirect } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { safeRedirect } from '$lib/account/redirect';
import { loginSchema } from '$lib/account/schema';
import { checkCredentials } from '$lib/account/account.server';
import { hit, limits } from '$lib/server/auth/rate-limit';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { formError, parseForm } from '$lib/server/forms';
import { tooManyAttempts } from '$lib/server/auth/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	return { registered: url.searchParams.has('aangemeld'), reset: url.searchParams.has('hersteld'), redirectTo: url.searchParams.get('redirectTo') ?? '' };
};

export const actions: Actions = {
	default: async ({ request, cookies, getClientAddress, url, locals }) => {
		const parsed = await parseForm(request, loginSchema);
		if ('failure' in parsed) return parsed.failure;
		const { email, password } = parsed.data;
		const wait = await hit([limits.loginPerAccount, email], [limits.loginPerAddress, getClientAddress()]);
		if (wait) tooManyAttempts(locals, wait);
		const userId = await checkCredentials(email, password);
		if (!userId) return formError('err_login_failed', '_form', { email });
		const session = await createSession(userId, request.headers.get('user-agent') ?? '');
		setSessionCookie(cookies, session.token, session.expiresAt, !dev);
		redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	}
};
