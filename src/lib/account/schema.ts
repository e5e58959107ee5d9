// The forms of an account: registration, log-in, password reset and change, and the profile.
import { z } from 'zod';
import { buurtCode, choices, email, password, personName, phone, text } from '$lib/fields';
import { slots, tags } from './profile-options';
import { huisregelsAccepted } from '$lib/huisregels/schema';

export const registerSchema = z.object({
	email,
	password,
	displayName: personName,
	buurtCode,
	// The accepted version and the time are kept with the account (register_account).
	huisregels: huisregelsAccepted
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

export const profileSchema = z.object({
	displayName: personName,
	buurtCode,
	interests: choices(tags),
	talents: choices(tags),
	interestsOther: text(200),
	talentsOther: text(200),
	availability: choices(slots),
	about: text(1000, { multiline: true }),
	phone
});

export type ProfileInput = z.infer<typeof profileSchema>;

/** A worker's work contact: what residents get when the worker carries a request for someone else. */
export const workContactSchema = z.object({
	workPhone: phone,
	workEmail: z
		.string({ error: 'err_invalid' })
		.default('')
		.transform((value) => value.trim().toLowerCase())
		.refine((value) => value === '' || (value.length <= 254 && z.email().safeParse(value).success), { error: 'err_email' })
});
