// What residents and workers send about buurtinitiatieven. The database checks the same bounds again.
import { z } from 'zod';
import { themes } from '$lib/themes';
import { brings, needs, stages } from './codes';
import { buurtCode, choices, text } from '$lib/fields';
import { isPdokId, NL } from '$lib/adres/address';

export { brings, needs, stages, themes, NL };

/** An optional number from a form field: empty is null; otherwise a number within bounds. */
function optionalNumber(min: number, max: number, { integer = false, key = 'err_number' } = {}) {
	return z
		.string({ error: 'err_invalid' })
		.default('')
		.transform((v) => v.trim().replace(',', '.'))
		.refine((v) => v === '' || /^-?\d+(\.\d+)?$/.test(v), { error: key })
		.transform((v) => (v === '' ? null : Number(v)))
		.refine((v) => v === null || !integer || Number.isInteger(v), { error: key })
		.refine((v) => v === null || (v >= min && v <= max), { error: `${key}` });
}

const isoDate = z
	.string({ error: 'err_invalid' })
	.default('')
	.refine((v) => v === '' || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), { error: 'err_date' })
	.transform((v) => (v === '' ? null : v));

export const initiatiefSchema = z
	.object({
		title: text(120, { min: 5 }),
		body: text(5000, { min: 20, multiline: true }),
		themes: choices(themes).min(1, { error: 'initiatief_err_theme' }),
		buurtCode,
		// The place: an address (geocoded on the server, or looked up by the PDOK id of a suggestion),
		// or a pin on the map, which fills the hidden lat/lng. placeOf says which address the hidden
		// coordinates belong to ('' for a pin), so a changed address is looked up again.
		address: text(200),
		addressId: z.string({ error: 'err_invalid' }).default('').transform((v) => (isPdokId(v.trim()) ? v.trim() : '')),
		placeOf: z.string({ error: 'err_invalid' }).default('').transform((v) => v.trim().slice(0, 200)),
		lat: optionalNumber(NL.minLat, NL.maxLat, { key: 'initiatief_err_place' }),
		lng: optionalNumber(NL.minLng, NL.maxLng, { key: 'initiatief_err_place' }),
		needs: choices(needs),
		handsCount: optionalNumber(0, 1000, { integer: true, key: 'initiatief_err_hands' }),
		materials: text(500, { multiline: true }),
		space: text(300),
		moneyAmount: optionalNumber(0, 1_000_000, { key: 'initiatief_err_money' }),
		startsOn: isoDate,
		whenText: text(200),
		intent: z.enum(['opslaan', 'indienen'], { error: 'err_invalid' }).default('opslaan')
	})
	.superRefine((value, ctx) => {
		if ((value.lat === null) !== (value.lng === null)) ctx.addIssue({ code: 'custom', path: ['address'], message: 'initiatief_err_place' });
	});
export type InitiatiefInput = z.infer<typeof initiatiefSchema>;

export const decisionSchema = z.object({
	decision: z.enum(['publiceren', 'aanpassen', 'afwijzen'], { error: 'err_choice' }),
	message: text(2000, { multiline: true })
}).superRefine((value, ctx) => {
	if (value.decision !== 'publiceren' && !value.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'initiatief_err_reason' });
});

export const joinSchema = z.object({
	brings: choices(brings),
	note: text(500, { multiline: true }),
	contact: text(200, { min: 3 })
});

export const postSchema = z.object({ body: text(3000, { min: 2, multiline: true }) });
export const commentSchema = z.object({ body: text(2000, { min: 2, multiline: true }) });
export const hideSchema = z.object({ commentId: z.coerce.number({ error: 'err_invalid' }).int().positive(), reason: text(500, { min: 2 }) });
export const stageSchema = z.object({ stage: z.enum(stages, { error: 'err_choice' }) });
export const organiserSchema = z.object({ userId: z.uuid({ error: 'err_invalid' }), on: z.enum(['1', '0']) });

/** List filters from the query string; anything unknown is ignored rather than an error. */
export const listFilterSchema = z.object({
	q: z.string().default('').transform((v) => v.trim().slice(0, 100)),
	thema: z.enum(themes).optional().catch(undefined),
	gemeente: z.string().regex(/^GM\d{4}$/).optional().catch(undefined),
	wijk: z.string().regex(/^WK\d{6}$/).optional().catch(undefined),
	buurt: z.string().regex(/^BU\d{8}$/).optional().catch(undefined),
	fase: z.enum(stages).optional().catch(undefined),
	nodig: z.enum(needs).optional().catch(undefined),
	pagina: z.coerce.number().int().min(1).max(10_000).catch(1).default(1)
});
export type ListFilter = z.infer<typeof listFilterSchema>;
