import { redirect } from '@sveltejs/kit';
import { resetSchema } from '$lib/account/schema';
import { resetPassword } from '$lib/account/account.server';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ url }) => ({ token: url.searchParams.get('token') ?? '' });

export const actions: Actions = {
	default: async ({ request }) => {
		const parsed = await parseForm(request, resetSchema);
		if ('failure' in parsed) return parsed.failure;
		if (!(await resetPassword(parsed.data.token, parsed.data.password))) return formError('err_token_invalid');
		redirect(303, '/inloggen?hersteld=1');
	}
};
