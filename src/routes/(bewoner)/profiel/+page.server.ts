import { profileSchema } from '$lib/schemas/profile';
import { listBuurten } from '$lib/server/areas';
import { resendVerification } from '$lib/server/auth/account';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	const [profile, contact, buurten] = await Promise.all([
		locals.supabase
			.from('profiles')
			.select('display_name, buurt_code, interests, talents, interests_other, talents_other, availability, about')
			.eq('id', user.id)
			.single(),
		locals.supabase.from('profile_private').select('phone').eq('user_id', user.id).maybeSingle(),
		listBuurten(locals.supabase)
	]);
	return {
		profile: must(profile, 'load profile'),
		phone: must(contact, 'load contact')?.phone ?? '',
		email: user.email,
		emailVerified: user.emailVerified,
		buurten
	};
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const parsed = await parseForm(request, profileSchema, { arrays: ['interests', 'talents', 'availability'] });
		if ('failure' in parsed) return parsed.failure;
		const p = parsed.data;
		const { error } = await locals.supabase.rpc('update_my_profile', {
			p_display_name: p.displayName,
			p_buurt_code: p.buurtCode,
			p_interests: p.interests,
			p_talents: p.talents,
			p_interests_other: p.interestsOther,
			p_talents_other: p.talentsOther,
			p_availability: p.availability,
			p_about: p.about,
			p_phone: p.phone
		});
		if (error?.code === '23503') return formError('err_buurt', 'buurtCode');
		if (error) return formError('err_save_failed');
		return { saved: true };
	},
	resend: async ({ locals, url }) => {
		const user = locals.user!;
		if (!user.emailVerified) await resendVerification(user.id, user.email, user.displayName, url.origin);
		return { resent: true };
	}
};
