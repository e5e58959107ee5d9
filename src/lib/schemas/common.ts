// Building blocks for every form. Errors are message keys (`err_…`, optionally `:n`), translated on
// the server into the visitor's language, so one schema serves Dutch and English.
import { z } from 'zod';

// C0/C1 control characters, bidi overrides and zero-width characters that can disguise text.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
const CONTROL_SINGLE_LINE = /[\u0000-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
// Markup is not needed anywhere on the site; text that looks like a tag is refused, not stored.
const MARKUP = /<\s*[a-zA-Z!/?]/;

export function text(max: number, { min = 0, multiline = false } = {}) {
	// An optional field that a client left out of the post counts as empty, not as an error.
	const base = min === 0 ? z.string({ error: 'err_invalid' }).default('') : z.string({ error: 'err_required' });
	return base
		.transform((value) => value.replace(/\r\n/g, '\n').trim())
		.pipe(
			z
				.string()
				.refine((value) => !(multiline ? CONTROL : CONTROL_SINGLE_LINE).test(value), { error: 'err_control_chars' })
				.refine((value) => !MARKUP.test(value), { error: 'err_markup' })
				.refine((value) => value.length <= max, { error: `err_too_long:${max}` })
				.refine((value) => min === 0 || value.length > 0, { error: 'err_required' })
				.refine((value) => value.length === 0 || value.length >= min, { error: `err_too_short:${min}` })
		);
}

export const personName = text(60, { min: 2 }).refine((value) => /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u.test(value), {
	error: 'err_name_chars'
});

export const email = z
	.string({ error: 'err_required' })
	.trim()
	.toLowerCase()
	.min(1, { error: 'err_required' })
	.max(254, { error: 'err_too_long:254' })
	.pipe(z.email({ error: 'err_email' }));

export const password = z
	.string({ error: 'err_required' })
	.min(1, { error: 'err_required' })
	.min(10, { error: 'err_password_short' })
	.max(128, { error: 'err_too_long:128' });

export const buurtCode = z.string({ error: 'err_buurt' }).regex(/^BU[0-9]{8}$/, { error: 'err_buurt' });

export const phone = z
	.string({ error: 'err_invalid' })
	.default('')
	.transform((value) => value.trim())
	.refine((value) => value === '' || /^\+?[0-9 ()-]{6,20}$/.test(value), { error: 'err_phone' });

/** A list of choices from a fixed set, e.g. checkboxes. */
export function choices<const T extends readonly [string, ...string[]]>(options: T, max = options.length) {
	return z.array(z.enum(options, { error: 'err_choice' })).max(max, { error: `err_too_many:${max}` });
}
