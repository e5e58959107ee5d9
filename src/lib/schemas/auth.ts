import { z } from 'zod';
import { buurtCode, email, password, personName } from './common';

export const registerSchema = z.object({
	email,
	password,
	displayName: personName,
	buurtCode
});

export const loginSchema = z.object({
	email,
	password: z.string({ error: 'err_required' }).min(1, { error: 'err_required' }).max(128, { error: 'err_too_long:128' })
});

export const forgotSchema = z.object({ email });

export const resetSchema = z
	.object({ token: z.string().min(10).max(200), password, passwordRepeat: z.string() })
	.refine((value) => value.password === value.passwordRepeat, { error: 'err_passwords_differ', path: ['passwordRepeat'] });

export const changePasswordSchema = z
	.object({
		currentPassword: z.string({ error: 'err_required' }).min(1, { error: 'err_required' }).max(128),
		password,
		passwordRepeat: z.string()
	})
	.refine((value) => value.password === value.passwordRepeat, { error: 'err_passwords_differ', path: ['passwordRepeat'] });
