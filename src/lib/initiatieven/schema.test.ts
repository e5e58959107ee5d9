import { describe, expect, it } from 'vitest';
import { decisionSchema, initiatiefSchema, listFilterSchema } from './schema';
import { keepsCoordinates } from '$lib/adres/address';

const valid = {
	title: 'Moestuin achter de flat',
	body: 'We maken samen een moestuin op het grasveld achter de flat.',
	themes: ['duurzaamheid'],
	buurtCode: 'BU01930601',
	needs: []
};

function errors(input: Record<string, unknown>) {
	const result = initiatiefSchema.safeParse({ ...valid, ...input });
	return result.success ? {} : Object.fromEntries(result.error.issues.map((i) => [String(i.path[0]), i.message]));
}

describe('initiatiefSchema', () => {
	it('accepts a minimal initiative and turns empty optional numbers into null', () => {
		const result = initiatiefSchema.parse(valid);
		expect(result).toMatchObject({ address: '', addressId: '', placeOf: '', lat: null, lng: null, handsCount: null, moneyAmount: null, startsOn: null, intent: 'opslaan' });
	});

	it('reads Dutch decimal commas and keeps places inside the Netherlands', () => {
		expect(initiatiefSchema.parse({ ...valid, lat: '52,53', lng: '6,09' })).toMatchObject({ lat: 52.53, lng: 6.09 });
		expect(errors({ lat: '48.85', lng: '2.35' })).toMatchObject({ lat: 'initiatief_err_place', lng: 'initiatief_err_place' });
		expect(errors({ lat: '52.5' })).toMatchObject({ address: 'initiatief_err_place' });
	});

	it('refuses negative or fractional amounts, unknown themes and no theme at all', () => {
		expect(errors({ moneyAmount: '-1' })).toMatchObject({ moneyAmount: 'initiatief_err_money' });
		expect(errors({ handsCount: '2.5' })).toMatchObject({ handsCount: 'initiatief_err_hands' });
		expect(errors({ handsCount: 'veel' })).toMatchObject({ handsCount: 'initiatief_err_hands' });
		expect(errors({ themes: ['reclame'] })).toMatchObject({ themes: 'err_choice' });
		expect(errors({ themes: [] })).toMatchObject({ themes: 'initiatief_err_theme' });
		expect(errors({ startsOn: '2026-02-31x' })).toMatchObject({ startsOn: 'err_date' });
	});
});

describe('decisionSchema', () => {
	it('asks for a message when asking for changes or declining, not when publishing', () => {
		expect(decisionSchema.safeParse({ decision: 'publiceren', message: '' }).success).toBe(true);
		expect(decisionSchema.safeParse({ decision: 'afwijzen', message: '' }).success).toBe(false);
		expect(decisionSchema.safeParse({ decision: 'verwijderen', message: 'x' }).success).toBe(false);
	});
});

describe('listFilterSchema', () => {
	it('ignores unknown or hostile filters instead of failing the page', () => {
		expect(listFilterSchema.parse({ thema: '<x>', pagina: '-3', wijk: 'WK1', q: '  moestuin  ' })).toEqual({
			q: 'moestuin', thema: undefined, gemeente: undefined, wijk: undefined, buurt: undefined, fase: undefined, nodig: undefined, pagina: 1
		});
	});
});

describe('the place of an initiative', () => {
	const valid = { title: 'Moestuin achter de flat', body: 'We maken samen een moestuin op het grasveld achter de flat.', themes: ['duurzaamheid'], buurtCode: 'BU01930601', needs: [] };
	it('takes an address and a PDOK id, and drops an id that is not one', () => {
		expect(initiatiefSchema.parse({ ...valid, address: ' Holtenbroekerweg 5 ', addressId: 'adr-8025AB-5' })).toMatchObject({ address: 'Holtenbroekerweg 5', addressId: 'adr-8025AB-5' });
		expect(initiatiefSchema.parse({ ...valid, address: 'x', addressId: 'adr-1&fq=*' }).addressId).toBe('');
	});
	it('refuses an address over 200 characters or with HTML', () => {
		expect(initiatiefSchema.safeParse({ ...valid, address: 'a'.repeat(201) }).success).toBe(false);
		expect(initiatiefSchema.safeParse({ ...valid, address: '<b>5</b>' }).success).toBe(false);
	});
	it('keeps coordinates for a pin, or for the address they were found for; not for a changed address', () => {
		expect(keepsCoordinates({ address: 'Kamperweg 10', placeOf: '', lat: 52.5 })).toBe(true);
		expect(keepsCoordinates({ address: 'Kamperweg 10', placeOf: 'Kamperweg 10', lat: 52.5 })).toBe(true);
		expect(keepsCoordinates({ address: 'Kamperweg 12', placeOf: 'Kamperweg 10', lat: 52.5 })).toBe(false);
		expect(keepsCoordinates({ address: 'Kamperweg 12', placeOf: '', lat: null })).toBe(false);
	});
});
