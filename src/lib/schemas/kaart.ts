// Forms of the map capability: Repair Café sign-ups and series, Rommelroute editions and stands.
import { z } from 'zod';
import { MAX_DATES, ordinals } from '$lib/repair/recurrence';
import { buurtCode, choices, text } from './common';

import { repairCategories, repairOutcomes, standGoods } from '$lib/kaart/codes';

export { repairCategories, repairOutcomes, standGoods };

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

const id = z.string({ error: 'err_invalid' }).regex(/^[0-9]{1,18}$/, { error: 'err_invalid' }).transform(Number);
const day = z.string({ error: 'err_required' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'err_date' }).refine((v) => !Number.isNaN(Date.parse(v)), { error: 'err_date' });
const time = z.string({ error: 'err_required' }).regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, { error: 'err_time' });
const checkbox = z.string().optional().transform((value) => value === 'on' || value === 'true');

export const signupSchema = z.object({
	dateId: id,
	category: z.enum(repairCategories, { error: 'err_repair_category' }),
	item: text(100, { min: 2 }),
	problem: text(1000, { min: 2, multiline: true }),
	waitlist: checkbox
});

export const signupEditSchema = z.object({
	signupId: id,
	category: z.enum(repairCategories, { error: 'err_repair_category' }),
	item: text(100, { min: 2 }),
	problem: text(1000, { min: 2, multiline: true })
});

export const idSchema = z.object({ id });

export const outcomeSchema = z.object({
	signupId: id,
	outcome: z.enum(repairOutcomes, { error: 'err_repair_outcome' }),
	notes: text(500)
});

export const seriesSchema = z
	.object({
		name: text(120, { min: 3 }),
		venue: text(120, { min: 2 }),
		postcode,
		huisnummer,
		toevoeging,
		buurtCode,
		description: text(2000, { multiline: true }),
		weekday: z.string({ error: 'err_required' }).regex(/^[1-7]$/, { error: 'err_choice' }).transform(Number),
		ordinal: z.enum(ordinals, { error: 'err_choice' }),
		from: day,
		until: day,
		except: text(1000, { multiline: true }).transform((value) => value.split(/[\s,]+/).filter(Boolean)),
		start: time,
		end: time,
		capacity: z.string({ error: 'err_required' }).regex(/^[0-9]{1,3}$/, { error: 'err_capacity' }).transform(Number)
			.pipe(z.number().min(1, { error: 'err_capacity' }).max(500, { error: 'err_capacity' }))
	})
	.superRefine((v, ctx) => {
		if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'err_time_order' });
		if (v.until < v.from) ctx.addIssue({ code: 'custom', path: ['until'], message: 'err_date_order' });
		if (v.except.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) ctx.addIssue({ code: 'custom', path: ['except'], message: 'err_repair_except' });
	});

export const extraDateSchema = z
	.object({ day, start: time, end: time, capacity: z.string().regex(/^[0-9]{1,3}$/, { error: 'err_capacity' }).transform(Number).pipe(z.number().min(1, { error: 'err_capacity' }).max(500, { error: 'err_capacity' })) })
	.superRefine((v, ctx) => {
		if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'err_time_order' });
	});

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
	standId: id,
	sells: choices(standGoods).min(1, { error: 'err_rommel_sells' }),
	description: text(300, { multiline: true }),
	showName: checkbox
});

export const reviewSchema = z.object({
	standId: id,
	decision: z.enum(['goedgekeurd', 'afgewezen'], { error: 'err_choice' }),
	reason: text(500, { multiline: true })
});

export const mapFilterSchema = z.object({
	type: z.enum(['alles', 'repair_cafe', 'rommelroute']).catch('alles'),
	from: day.optional().catch(undefined),
	until: day.optional().catch(undefined)
});

export { MAX_DATES };
