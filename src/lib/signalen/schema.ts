// The signal, partner and agenda forms, checked on the server (zod stays out of the browser).
import { z } from 'zod';
import { buurtCode, email, personName, text } from '$lib/fields';
import { themes } from '$lib/themes';
import { agendaStatuses, MAX_BUNDLE, partnerKinds, sources, urgencies } from './codes';

const optionalUuid = z
	.string({ error: 'err_invalid' })
	.default('')
	.transform((v) => v.trim())
	.refine((v) => v === '' || z.uuid().safeParse(v).success, { error: 'err_invalid' })
	.transform((v) => (v === '' ? null : v));

/** A day as YYYY-MM-DD; the database refuses one outside the last year. */
const day = z
	.string({ error: 'err_required' })
	.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'err_date' })
	.refine((v) => !Number.isNaN(Date.parse(`${v}T12:00:00Z`)), { error: 'err_date' });

export const signaalSchema = z.object({
	body: text(500, { min: 5, multiline: true }),
	theme: z.enum(themes, { error: 'err_choice' }),
	buurtCode,
	source: z.enum(sources, { error: 'err_choice' }),
	urgency: z.enum(urgencies, { error: 'err_choice' }),
	observedOn: day,
	initiatiefId: optionalUuid,
	groepId: optionalUuid,
	matchId: optionalUuid,
	// Ticked when the worker read the warning and the text holds no personal data after all.
	checked: z.literal('on').optional()
});
export type SignaalInput = z.infer<typeof signaalSchema>;

export const partnerSchema = z.object({
	name: text(120, { min: 2 }),
	kind: z.enum(partnerKinds, { error: 'err_choice' })
});

export const contactSchema = z.object({
	organisatieId: z.uuid({ error: 'err_invalid' }),
	displayName: personName,
	email
});

export const agendaSchema = z.object({
	organisatieId: z.uuid({ error: 'signaal_err_pick_partner' }),
	signalen: z.array(z.uuid({ error: 'err_invalid' })).min(1, { error: 'signaal_err_pick_signalen' }).max(MAX_BUNDLE, { error: `err_too_many:${MAX_BUNDLE}` }),
	question: text(2000, { min: 5, multiline: true })
});

export const statusSchema = z.object({
	status: z.enum(agendaStatuses, { error: 'err_choice' })
});

export const answerSchema = z.object({
	answer: text(4000, { min: 5, multiline: true })
});

/** A tick that confirms a step that cannot be undone. */
export const confirmSchema = z.object({
	confirm: z.literal('on', { error: 'signaal_err_confirm' })
});

/** A resident's zorg over de buurt. */
export const zorgSchema = z.object({
	theme: z.enum(themes, { error: 'err_choice' }),
	buurtCode,
	body: text(1000, { min: 10, multiline: true })
});

/** A worker answers a zorg, or makes a signal of it (with a text of their own). */
export const handleZorgSchema = z
	.object({
		zorgId: z.uuid({ error: 'err_invalid' }),
		action: z.enum(['beantwoord', 'signaal'], { error: 'err_choice' }),
		answer: text(2000, { min: 5, multiline: true }),
		body: text(500, { multiline: true }),
		urgency: z.enum(urgencies, { error: 'err_choice' }).default('normaal')
	})
	.superRefine((v, ctx) => {
		if (v.action === 'signaal' && v.body.length < 5) ctx.addIssue({ code: 'custom', path: ['body'], message: 'err_too_short:5' });
	});
