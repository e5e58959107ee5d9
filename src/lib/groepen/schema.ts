// What residents and workers send about groups. The database checks the same bounds again, and the
// rules a form cannot see (a meeting in the past, the last trekker, a second request).
import { z } from 'zod';
import { themes } from '$lib/themes';
import { choices, day, email, rowId, text, time } from '$lib/fields';
import { groepKinds, groepStages, joinModes, meetingKinds, memberRoles, placeKinds, visibilities } from './codes';
import { pairActiepunten, parseBesluiten } from './minutes';

/** A buurt (BU…) or a whole wijk (WK…), from one select. */
const area = z
	.string({ error: 'groep_err_area' })
	.regex(/^(BU[0-9]{8}|WK[0-9]{6})$/, { error: 'groep_err_area' });

/** Optional text that, when given, has at least `min` characters. */
function optional(max: number, min: number, multiline = false) {
	return text(max, { multiline }).refine((v) => v === '' || v.length >= min, { error: `err_too_short:${min}` });
}

export const groepSchema = z
	.object({
		name: text(80, { min: 3 }),
		purpose: text(3000, { min: 20, multiline: true }),
		kind: z.enum(groepKinds, { error: 'groep_err_kind' }),
		themes: choices(themes).min(1, { error: 'groep_err_theme' }),
		area,
		joinMode: z.enum(joinModes, { error: 'err_choice' }),
		joinQuestion: text(300),
		visibility: z.enum(visibilities, { error: 'err_choice' })
	})
	.superRefine((v, ctx) => {
		if (v.joinMode === 'op_verzoek' && v.joinQuestion.length < 5) ctx.addIssue({ code: 'custom', path: ['joinQuestion'], message: 'groep_err_question' });
	})
	.transform((v) => ({
		...v,
		buurtCode: v.area.startsWith('BU') ? v.area : null,
		wijkCode: v.area.startsWith('WK') ? v.area : null
	}));
export type GroepInput = z.infer<typeof groepSchema>;

export const decisionSchema = z
	.object({
		decision: z.enum(['publiceren', 'aanpassen', 'afwijzen'], { error: 'err_choice' }),
		message: text(2000, { multiline: true })
	})
	.superRefine((v, ctx) => {
		if (v.decision !== 'publiceren' && !v.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'groep_err_reason' });
	});

export const joinSchema = z.object({ answer: text(1000, { multiline: true }), contact: optional(200, 3) });
export const contactSchema = z.object({ contact: optional(200, 3) });
export const requestDecisionSchema = z.object({
	requestId: rowId,
	decision: z.enum(['goedkeuren', 'afwijzen'], { error: 'err_choice' }),
	reason: text(500)
});
export const memberSchema = z.object({ userId: z.uuid({ error: 'err_invalid' }) });
export const roleSchema = memberSchema.extend({ role: z.enum(memberRoles, { error: 'err_choice' }) });
export const removeSchema = memberSchema.extend({ reason: text(500, { min: 5 }) });
export const leaveSchema = z.object({
	successor: z.union([z.literal(''), z.uuid({ error: 'err_invalid' })], { error: 'err_invalid' }).default('').transform((v) => v || null)
});
export const inviteSchema = z.object({ email, role: z.enum(memberRoles, { error: 'err_choice' }) });

const meetingFields = {
	title: text(120, { min: 3 }),
	day,
	start: time,
	end: time,
	placeKind: z.enum(placeKinds, { error: 'err_choice' }),
	place: text(200, { min: 2 }),
	agenda: text(3000, { multiline: true })
};
const endsAfterStart = (v: { start: string; end: string }, ctx: z.RefinementCtx) => {
	if (v.end <= v.start) ctx.addIssue({ code: 'custom', path: ['end'], message: 'err_time_order' });
};
export const meetingSchema = z
	.object({
		...meetingFields,
		kind: z.enum(meetingKinds, { error: 'err_choice' }),
		repeat: z.string().default('0').pipe(z.string().regex(/^([0-9]|1[0-2])$/, { error: 'groep_err_repeat' })).transform(Number)
	})
	.superRefine(endsAfterStart);
export const meetingEditSchema = z.object(meetingFields).superRefine(endsAfterStart);
export const cancelSchema = z.object({ reason: text(500, { min: 2 }) });
export const answerSchema = z.object({ answer: z.enum(['ja', 'nee'], { error: 'err_choice' }) });

export const minutesSchema = z
	.object({
		body: text(5000, { multiline: true }),
		besluiten: text(3000, { multiline: true }).transform(parseBesluiten),
		apBody: z.array(z.string()).default([]),
		apOwner: z.array(z.string()).default([]),
		apDue: z.array(z.string()).default([])
	})
	.transform((v) => ({ body: v.body, besluiten: v.besluiten, actiepunten: pairActiepunten(v.apBody, v.apOwner, v.apDue) }))
	.superRefine((v, ctx) => {
		if (v.besluiten.some((b) => b.length > 500)) ctx.addIssue({ code: 'custom', path: ['besluiten'], message: 'err_too_long:500' });
		for (const a of v.actiepunten) {
			if (a.body.length < 2 || a.body.length > 300) ctx.addIssue({ code: 'custom', path: ['actiepunten'], message: 'groep_err_actiepunt_body' });
			else if (!z.uuid().safeParse(a.owner).success) ctx.addIssue({ code: 'custom', path: ['actiepunten'], message: 'groep_err_actiepunt_owner' });
			else if (!day.safeParse(a.due).success) ctx.addIssue({ code: 'custom', path: ['actiepunten'], message: 'groep_err_actiepunt_due' });
		}
		if (!v.body && v.besluiten.length === 0 && v.actiepunten.length === 0) ctx.addIssue({ code: 'custom', path: ['body'], message: 'groep_err_minutes_empty' });
	});
export const MINUTES_ARRAYS = ['apBody', 'apOwner', 'apDue'];

export const tickSchema = z.object({ id: rowId, done: z.enum(['1', '0'], { error: 'err_invalid' }) });
export const postSchema = z.object({
	body: text(3000, { min: 2, multiline: true }),
	parent: z.union([z.literal(''), rowId]).default('').transform((v) => (v === '' ? null : v))
});
export const hideSchema = z.object({ id: rowId, reason: text(500, { min: 2 }) });
export const stageSchema = z.object({ stage: z.enum(groepStages, { error: 'err_choice' }) });
export const noteSchema = z.object({ body: text(3000, { min: 2, multiline: true }) });
export const linkSchema = z.object({ initiatief: z.uuid({ error: 'groep_err_initiatief' }) });

/** List filters from the query string; anything unknown is ignored rather than an error. */
export const listFilterSchema = z.object({
	q: z.string().default('').transform((v) => v.trim().slice(0, 100)),
	soort: z.enum(groepKinds).optional().catch(undefined),
	thema: z.enum(themes).optional().catch(undefined),
	gemeente: z.string().regex(/^GM\d{4}$/).optional().catch(undefined),
	wijk: z.string().regex(/^WK\d{6}$/).optional().catch(undefined),
	buurt: z.string().regex(/^BU\d{8}$/).optional().catch(undefined),
	pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type ListFilter = z.infer<typeof listFilterSchema>;
