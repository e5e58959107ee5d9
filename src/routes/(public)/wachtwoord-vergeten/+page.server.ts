import { forgotSchema } from '$lib/account/schema';
import { requestPasswordReset } from '$lib/account/account.server';
import { hit, limits } from '$lib/server/auth/rate-limit';
import { parseForm } from '$lib/server/forms';
import { tooManyAttempts } from '$lib/server/auth/rate-limit';
import type { Actions } from './$types';

export const actions: Actions = {
	default: async ({ request, getClientAddress, url, locals }) => {
		const parsed = await parseForm(request, forgotSchema);
		if ('failure' in parsed) return parsed.failure;
		const wait = await hit([limits.resetPerAccount, parsed.data.email], [limits.resetPerAddress, getClientAddress()]);
		if (wait) tooManyAttempts(locals, wait);
		// The same answer, after the same work, whether or not the address has an account: looking the
		// address up and writing the token and the mail happen after the response (issue 9: a known
		// address took twice as long). A failure is logged; the person can ask again.
		void requestPasswordReset(parsed.data.email, url.origin).catch((error) => console.error('[account] password reset request not saved:', error));
		return { sent: true };
	}
};
