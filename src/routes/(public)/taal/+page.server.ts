import { redirect } from '@sveltejs/kit';
import { cookieName } from '$lib/paraglide/runtime';
import { safeRedirect } from '$lib/account/redirect';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => redirect(303, '/');

export const actions: Actions = {
	default: async ({ request, cookies, locals }) => {
		const form = await request.formData();
		const locale = form.get('locale') === 'en' ? 'en' : 'nl';
		cookies.set(cookieName, locale, { path: '/', maxAge: 60 * 60 * 24 * 400, sameSite: 'lax', httpOnly: false });
		if (locals.user) await locals.supabase.from('profiles').update({ locale }).eq('id', locals.user.id);
		redirect(303, safeRedirect(String(form.get('redirectTo') ?? ''), '/'));
	}
};
