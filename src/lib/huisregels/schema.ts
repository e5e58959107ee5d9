// The tick box "I accept the house rules": at registration and on the page that asks again.
import { z } from 'zod';
import { checkbox } from '$lib/fields';

export const huisregelsAccepted = checkbox.refine((ticked) => ticked, { error: 'err_huisregels_required' });

export const acceptSchema = z.object({
	huisregels: huisregelsAccepted,
	redirectTo: z.string().max(2000).optional()
});
