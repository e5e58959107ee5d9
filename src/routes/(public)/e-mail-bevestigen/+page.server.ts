import { verifyEmail } from '$lib/account/account.server';
import type { Actions, PageServerLoad } from './$types';

// The link in the mail opens a page with a button: mail scanners that fetch links must not use the token.
export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async ({ request }) => {
		const token = String((await request.formData()).get('token') ?? '');
		const ok = token.length >= 10 && token.length <= 200 && (await verifyEmail(token));
		return { ok };
	}
};
