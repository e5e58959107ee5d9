// What the address pieces of a form send: the worker's pin for a place the job could not find, and
// the type-ahead's query. The database checks the same bounds again.
import { z } from 'zod';
import { NL } from './address';

function coordinate(min: number, max: number) {
	return z
		.string({ error: 'adres_err_pin' })
		.default('')
		.transform((v) => v.trim().replace(',', '.'))
		.refine((v) => /^-?\d+(\.\d+)?$/.test(v), { error: 'adres_err_pin' })
		.transform(Number)
		.refine((v) => v >= min && v <= max, { error: 'adres_err_pin' });
}

/** A worker places an item: a pin is required; a stand may get its street and city filled in. */
export const placeSchema = z.object({
	lat: coordinate(NL.minLat, NL.maxLat),
	lng: coordinate(NL.minLng, NL.maxLng),
	street: z.string({ error: 'err_invalid' }).default('').transform((v) => v.trim()).pipe(z.string().max(120, { error: 'err_too_long:120' })),
	city: z.string({ error: 'err_invalid' }).default('').transform((v) => v.trim()).pipe(z.string().max(80, { error: 'err_too_long:80' }))
});

/** `/adres/suggesties?q=…&buurt=…`: at least three characters, at most a hundred. */
export const suggestQuerySchema = z.object({
	q: z.string().transform((v) => v.replace(/\s+/g, ' ').trim()).pipe(z.string().min(3).max(100)),
	buurt: z.string().regex(/^BU[0-9]{8}$/).optional().catch(undefined)
});
