// The forms of changing the e-mail address and of logging in with a code.
import { z } from 'zod';
import { email } from '$lib/fields';

export const changeEmailSchema = z.object({
	newEmail: email,
	currentPassword: z.string({ error: 'err_required' }).min(1, { error: 'err_required' }).max(128, { error: 'err_too_long:128' })
});

export const codeRequestSchema = z.object({ email });

export const codeSchema = z.object({
	email,
	// People paste "123 456" or "123-456": only the digits count.
	code: z
		.string({ error: 'err_code_format' })
		.transform((value) => value.replace(/[\s-]/g, ''))
		.pipe(z.string().regex(/^[0-9]{6}$/, { error: 'err_code_format' }))
});

export const tokenSchema = z.object({ token: z.string().min(10).max(200).regex(/^[\w-]+$/) });
