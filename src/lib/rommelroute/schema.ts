// Forms of the Rommelroute: an edition (workers), a household's stand, and a worker's review of it.
import { z } from 'zod';
import { checkbox, choices, day, huisnummer, postcode, rowId, text, time, toevoeging } from '$lib/fields';
import { standGoods } from './codes';

export const editionSchema = z
	.object({
		wijkCode: z.string({ error: 'err_required' }).regex(/^WK[0-9]{6}$/, { error: 'err_choice' }),
		title: text(120, { min: 3 }),
		day,
		starts: time,
		ends: time,
		opens: day,
		closes: day,
		description: text(2000, { multiline: true })
	})
	.superRefine((v, ctx) => {
		if (v.ends <= v.starts) ctx.addIssue({ code: 'custom', path: ['ends'], message: 'err_time_order' });
		if (v.closes < v.opens) ctx.addIssue({ code: 'custom', path: ['closes'], message: 'err_date_order' });
		if (v.closes > v.day) ctx.addIssue({ code: 'custom', path: ['closes'], message: 'err_rommel_closes' });
	});

export const standSchema = z.object({
	postcode,
	huisnummer,
	toevoeging,
	sells: choices(standGoods).min(1, { error: 'err_rommel_sells' }),
	description: text(300, { multiline: true }),
	showName: checkbox
});

export const standEditSchema = z.object({
	standId: rowId,
	sells: choices(standGoods).min(1, { error: 'err_rommel_sells' }),
	description: text(300, { multiline: true }),
	showName: checkbox
});

export const reviewSchema = z.object({
	standId: rowId,
	decision: z.enum(['goedgekeurd', 'afgewezen', 'wijziging_afgewezen'], { error: 'err_choice' }),
	reason: text(500, { multiline: true })
});
