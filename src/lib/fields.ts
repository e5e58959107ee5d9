// Building blocks for every form. Errors are message keys (`err_…`, optionally `:n`), translated on
// the server into the visitor's language, so one schema serves Dutch and English.
import { z } from 'zod';

// C0/C1 control characters, bidi overrides and zero-width characters that can disguise text. A line
// break in a multi-line field is LF (CRLF, as browsers post it, becomes LF first); a carriage return
// on its own is refused, because it ends a line in mail and calendar formats.
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/;
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

/** A tick box: present and "on" (or "true") when ticked, absent otherwise. */
export const checkbox = z
	.string()
	.optional()
	.transform((value) => value === 'on' || value === 'true');

/** A database row number (bigint identity) from a hidden field. */
export const rowId = z.string({ error: 'err_invalid' }).regex(/^[0-9]{1,18}$/, { error: 'err_invalid' }).transform(Number);

/** A calendar day, YYYY-MM-DD, as `<input type="date">` posts it. */
export const day = z
	.string({ error: 'err_required' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'err_date' })
	.refine((v) => !Number.isNaN(Date.parse(v)), { error: 'err_date' });

/** A clock time, HH:MM, as `<input type="time">` posts it. */
export const time = z.string({ error: 'err_required' }).regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'err_time' });

// A Dutch address as residents write it; the geocoder (src/lib/server/geocoder.ts) looks it up.

/** Dutch postcode, written as residents do ("8024 ab"), stored as 8024AB. */
export const postcode = z
	.string({ error: 'err_required' })
	.transform((value) => value.replace(/\s+/g, '').toUpperCase())
	.pipe(z.string().min(1, { error: 'err_required' }).regex(/^[1-9][0-9]{3}[A-Z]{2}$/, { error: 'err_postcode' }))
	.refine((value) => !/^[1-9][0-9]{3}(SA|SD|SS)$/.test(value), { error: 'err_postcode' });

export const huisnummer = z
	.string({ error: 'err_required' })
	.trim()
	.min(1, { error: 'err_required' })
	.regex(/^[0-9]{1,5}$/, { error: 'err_huisnummer' })
	.transform(Number)
	.pipe(z.number().int().min(1, { error: 'err_huisnummer' }).max(99999, { error: 'err_huisnummer' }));

export const toevoeging = z
	.string({ error: 'err_invalid' })
	.default('')
	.transform((value) => value.trim().replace(/^[-\s]+/, '').toUpperCase())
	.pipe(z.string().regex(/^[A-Z0-9]{0,4}$/, { error: 'err_toevoeging' }));
