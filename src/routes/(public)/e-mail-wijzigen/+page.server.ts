import { confirmEmailChange } from '$lib/account-email/account-email.server';
import { tokenSchema } from '$lib/account-email/schema';
import type { Actions, PageServerLoad } from './$types';

// The link in the mail opens a page with a button: mail scanners that fetch links must not use the token.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = tokenSchema.safeParse({ token: String((await request.formData()).get('token') ?? '') });
		if (!parsed.success) return { ok: false };
		// The browser that confirms stays logged in when it is the account's own; every other session ends.
		return { ok: await confirmEmailChange(parsed.data.token, locals.sessionId ?? null) };
	}
};
