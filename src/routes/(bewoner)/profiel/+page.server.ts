import { profileSchema, workContactSchema } from '$lib/account/schema';
import { isStaff } from '$lib/account/roles';
import { listBuurten } from '$lib/areas/areas.server';
import { resendVerification } from '$lib/account/account.server';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	const [profile, contact, buurten, work] = await Promise.all([
		locals.supabase
			.from('profiles')
			.select('display_name, buurt_code, interests, talents, interests_other, talents_other, availability, about')
			.eq('id', user.id)
			.single(),
		locals.supabase.from('profile_private').select('phone').eq('user_id', user.id).maybeSingle(),
		listBuurten(locals.supabase),
		isStaff(user.role) ? locals.supabase.from('staff_contacts').select('work_phone, work_email').eq('user_id', user.id).maybeSingle() : null
	]);
	return {
		profile: must(profile, 'load profile'),
		phone: must(contact, 'load contact')?.phone ?? '',
		email: user.email,
		emailVerified: user.emailVerified,
		buurten,
		// Staff keep a work contact: residents get it, never the private phone above, when a worker
		// carries a request for someone who is not online.
		work: work ? (must(work, 'work contact') ?? { work_phone: '', work_email: '' }) : null
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
	work: async ({ request, locals }) => {
		const user = locals.user!;
		if (!isStaff(user.role)) return formError('err_not_allowed');
		const parsed = await parseForm(request, workContactSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error, status } = await locals.supabase.rpc('set_my_work_contact', { p_phone: parsed.data.workPhone, p_email: parsed.data.workEmail });
		if (error) return formError(messageKeyFor(error, status), '_form', parsed.data);
		return { workSaved: true };
	},
	resend: async ({ locals, url }) => {
		const user = locals.user!;
		if (!user.emailVerified) await resendVerification(user.id, user.email, user.displayName, url.origin);
		return { resent: true };
	}
};
