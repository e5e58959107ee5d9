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
		// The same answer whether or not the address has an account.
		await requestPasswordReset(parsed.data.email, url.origin);
		return { sent: true };
	}
};
