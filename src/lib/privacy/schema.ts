// The forms of Mijn gegevens: deleting one's own account, and a worker deleting it on request.
import { z } from 'zod';

const confirmed = z.literal('on', { error: 'err_privacy_confirm' });

export const eraseOwnSchema = z.object({
	password: z.string({ error: 'err_required' }).min(1, { error: 'err_required' }).max(128, { error: 'err_too_long:128' }),
	confirm: confirmed
});

export const eraseOnRequestSchema = z.object({
	reason: z.string({ error: 'err_required' }).trim().min(5, { error: 'err_erase_reason' }).max(500, { error: 'err_too_long:500' }),
	confirm: confirmed
});
