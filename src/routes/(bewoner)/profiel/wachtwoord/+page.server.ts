import { changePasswordSchema } from '$lib/account/schema';
import { changePassword } from '$lib/account/account.server';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = await parseForm(request, changePasswordSchema);
		if ('failure' in parsed) return parsed.failure;
		const { currentPassword, password } = parsed.data;
		// Ends every other session: whoever knew the old password is logged out.
		const changed = await changePassword(locals.user!.id, currentPassword, password, locals.sessionId!);
		if (!changed) return formError('err_current_password', 'currentPassword');
		return { changed: true };
	}
};
