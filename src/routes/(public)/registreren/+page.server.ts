import { redirect } from '@sveltejs/kit';
import { registerSchema } from '$lib/account/schema';
import { listBuurten } from '$lib/areas/areas.server';
import { register } from '$lib/account/account.server';
import { hit, limits } from '$lib/server/auth/rate-limit';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { tooManyAttempts } from '$lib/server/auth/rate-limit';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, '/profiel');
	return { buurten: await listBuurten(locals.supabase) };
};

export const actions: Actions = {
	default: async ({ request, getClientAddress, url, locals }) => {
		const wait = await hit([limits.registerPerAddress, getClientAddress()]);
		if (wait) tooManyAttempts(locals, wait);
		const parsed = await parseForm(request, registerSchema);
		if ('failure' in parsed) return parsed.failure;
		// Per address too: every attempt for a known address sends its owner a mail.
		const waitAccount = await hit([limits.registerPerAccount, parsed.data.email]);
		if (waitAccount) tooManyAttempts(locals, waitAccount);
		const { password: _, huisregels, ...rest } = parsed.data;
		const values = { ...rest, huisregels: huisregels ? 'on' : '' };
		// Checked before the account, so that the answer never depends on whether the address is known.
		const buurt = must(await locals.supabase.from('buurten').select('code').eq('code', parsed.data.buurtCode).maybeSingle(), 'buurt');
		if (!buurt || (await register(parsed.data, url.origin)) === 'unknown_buurt') {
			return formError('err_buurt', 'buurtCode', values);
		}
		redirect(303, '/inloggen?aangemeld=1');
	}
};
