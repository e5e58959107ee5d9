// Forms of Repair Cafés: sign-ups, outcomes, a series and an extra date.
import { z } from 'zod';
import { buurtCode, checkbox, day, huisnummer, postcode, rowId, text, time, toevoeging } from '$lib/fields';
import { repairCategories, repairOutcomes } from './codes';
import { ordinals } from './recurrence';

const capacity = z
	.string({ error: 'err_required' })
	.regex(/^[0-9]{1,3}$/, { error: 'err_capacity' })
	.transform(Number)
	.pipe(z.number().min(1, { error: 'err_capacity' }).max(500, { error: 'err_capacity' }));

export const signupSchema = z.object({
	dateId: rowId,
	category: z.enum(repairCategories, { error: 'err_repair_category' }),
	item: text(100, { min: 2 }),
	problem: text(1000, { min: 2, multiline: true }),
	waitlist: checkbox
});

export const signupEditSchema = z.object({
	signupId: rowId,
	category: z.enum(repairCategories, { error: 'err_repair_category' }),
	item: text(100, { min: 2 }),
	problem: text(1000, { min: 2, multiline: true })
});

export const idSchema = z.object({ id: rowId });

export const outcomeSchema = z.object({
	signupId: rowId,
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
		capacity
	})
	.superRefine((v, ctx) => {
		if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'err_time_order' });
		if (v.until < v.from) ctx.addIssue({ code: 'custom', path: ['until'], message: 'err_date_order' });
		if (v.except.some((d) => !/^\d{4}-\d{2}-\d{2}$/.test(d))) ctx.addIssue({ code: 'custom', path: ['except'], message: 'err_repair_except' });
	});

export const extraDateSchema = z.object({ day, start: time, end: time, capacity }).superRefine((v, ctx) => {
	if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'err_time_order' });
});

export const seriesReviewSchema = z.object({
	decision: z.enum(['goedkeuren', 'afwijzen'], { error: 'err_choice' }),
	reason: text(500, { multiline: true })
});

export const publishedSchema = z.object({ published: z.enum(['ja', 'nee'], { error: 'err_choice' }) });
