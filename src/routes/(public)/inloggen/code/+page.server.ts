import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { safeRedirect } from '$lib/account/redirect';
import { codeRequestSchema, codeSchema, tokenSchema } from '$lib/account-email/schema';
import { requestLoginCode, useLoginCode, useLoginLink } from '$lib/account-email/account-email.server';
import { hit, limits, tooManyAttempts } from '$lib/server/auth/rate-limit';
import { createSession, setSessionCookie } from '$lib/server/auth/session';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals, url }) => {
	if (locals.user) redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
	return { token: url.searchParams.get('token') ?? '', redirectTo: url.searchParams.get('redirectTo') ?? '' };
};

async function logIn({ request, cookies, url }: RequestEvent, userId: string): Promise<never> {
	const session = await createSession(userId, request.headers.get('user-agent') ?? '');
	setSessionCookie(cookies, session.token, session.expiresAt, !dev);
	redirect(303, safeRedirect(url.searchParams.get('redirectTo')));
}

export const actions: Actions = {
	// Asks for a code. The same answer, after the same work, whether or not the address has an account:
	// the account is looked up and the code and mail written after the response (as a reset request).
	send: async ({ request, getClientAddress, url, locals }) => {
		const parsed = await parseForm(request, codeRequestSchema);
		if ('failure' in parsed) return parsed.failure;
		const { email } = parsed.data;
		const wait = await hit([limits.loginCodePerAccount, email], [limits.loginCodePerAddress, getClientAddress()]);
		if (wait) tooManyAttempts(locals, wait);
		const back = url.searchParams.get('redirectTo');
		void requestLoginCode(email, url.origin, back ? safeRedirect(back) : null).catch((error) => console.error('[account] log-in code not saved:', error));
		return { sent: true, email };
	},
	// Types the code: a log-in attempt, limited like one with a password.
	verify: async (event) => {
		const parsed = await parseForm(event.request, codeSchema);
		if ('failure' in parsed) return parsed.failure;
		const { email, code } = parsed.data;
		const limited = await hit([limits.loginPerAccount, email], [limits.loginPerAddress, event.getClientAddress()]);
		if (limited) tooManyAttempts(event.locals, limited);
		const userId = await useLoginCode(email, code);
		if (!userId) return formError('err_code_invalid', 'code', { email });
		return logIn(event, userId);
	},
	// The link from the mail, after the person pressed the button (a GET alone, as a mail scanner makes, does nothing).
	link: async (event) => {
		const parsed = tokenSchema.safeParse({ token: String((await event.request.formData()).get('token') ?? '') });
		const limited = await hit([limits.loginPerAddress, event.getClientAddress()]);
		if (limited) tooManyAttempts(event.locals, limited);
		const userId = parsed.success ? await useLoginLink(parsed.data.token) : null;
		if (!userId) return fail(400, { linkFailed: true });
		return logIn(event, userId);
	}
};
