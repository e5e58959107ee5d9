import { changeEmailSchema } from '$lib/account-email/schema';
import { requestEmailChange } from '$lib/account-email/account-email.server';
import { hit, limits, tooManyAttempts } from '$lib/server/auth/rate-limit';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = ({ locals }) => ({ email: locals.user!.email });

export const actions: Actions = {
	default: async ({ request, locals, url }) => {
		const parsed = await parseForm(request, changeEmailSchema);
		if ('failure' in parsed) return parsed.failure;
		const wait = await hit([limits.emailChangePerAccount, locals.user!.id]);
		if (wait) tooManyAttempts(locals, wait);
		const { newEmail, currentPassword } = parsed.data;
		if (newEmail === locals.user!.email) return formError('err_email_same', 'newEmail');
		// The same answer whether or not the new address has an account already (its owner is told instead).
		const outcome = await requestEmailChange(locals.user!.id, newEmail, currentPassword, url.origin);
		if (outcome === 'wrong_password') return formError('err_current_password', 'currentPassword');
		if (outcome === 'same') return formError('err_email_same', 'newEmail');
		return { sent: true };
	}
};
