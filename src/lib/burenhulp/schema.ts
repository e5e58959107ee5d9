import { z } from 'zod';
import { buurtCode, checkbox, choices, personName, phone, rowId, text } from '$lib/fields';
import { slots } from '$lib/account/profile-options';
import { today } from '$lib/format';
import { helpCategories, helpKinds, helpOutcomes } from './codes';

const isoDate = z
	.string({ error: 'err_invalid' })
	.default('')
	.refine((value) => value === '' || (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))), { error: 'help_err_date', abort: true })
	// Checked on the field itself, so it is reported together with the other fields' errors.
	.refine((value) => value === '' || value >= today(), { error: 'help_err_date_past' });

/** What, when and where: shared by a resident's own post and a worker filing for someone offline. */
const helpFields = {
	category: z.enum(helpCategories, { error: 'help_err_category' }),
	description: text(500, { min: 10, multiline: true }),
	whenKind: z.enum(['eenmalig', 'wekelijks'], { error: 'help_err_when' }),
	onDate: isoDate,
	slots: choices(slots),
	buurtCode,
	needsCare: checkbox
};

function whenIsComplete(value: { whenKind: string; onDate: string; slots: string[] }, ctx: z.RefinementCtx) {
	if (value.whenKind === 'eenmalig' && value.onDate === '') ctx.addIssue({ code: 'custom', path: ['onDate'], message: 'help_err_date_needed' });
	if (value.whenKind === 'wekelijks' && value.slots.length === 0) ctx.addIssue({ code: 'custom', path: ['slots'], message: 'help_err_slots_needed' });
}

export const helpPostSchema = z.object({ kind: z.enum(helpKinds, { error: 'help_err_kind' }), ...helpFields }).superRefine(whenIsComplete);

export const helpForResidentSchema = z
	.object({ name: personName, phone, sharePhone: checkbox, ...helpFields })
	.superRefine(whenIsComplete)
	.superRefine((value, ctx) => {
		if (value.sharePhone && value.phone === '') ctx.addIssue({ code: 'custom', path: ['phone'], message: 'help_err_share_without_phone' });
	});

export const uuidField = z.uuid({ error: 'err_invalid' });

export const proposeSchema = z.object({ ownPost: uuidField, otherPost: uuidField });
export const matchIdSchema = z.object({ matchId: uuidField });
export const respondSchema = z.object({ matchId: uuidField, answer: z.enum(['ja', 'nee'], { error: 'err_invalid' }) });
export const messageSchema = z.object({ matchId: uuidField, body: text(2000, { min: 1, multiline: true }) });
export const checkInSchema = z.object({ matchId: uuidField, answer: z.enum(['goed', 'niet_goed'], { error: 'err_invalid' }) });
export const closeSchema = z.object({
	matchId: uuidField,
	outcome: z.enum(helpOutcomes, { error: 'help_err_outcome' }),
	thanks: text(500, { multiline: true })
});
export const unblockSchema = z.object({ blockId: rowId });
