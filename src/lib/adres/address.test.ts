import { describe, expect, it } from 'vitest';
import { isPdokId, parsePoint, queryWithContext, readAddress, sameAddress, suggestionsFrom } from './address';

describe('readAddress', () => {
	it.each([
		['Holtenbroekerweg 5', { street: 'Holtenbroekerweg', postcode: '', huisnummer: 5, rest: '' }],
		['  Holtenbroekerweg   5a, Zwolle ', { street: 'Holtenbroekerweg', postcode: '', huisnummer: 5, rest: 'Zwolle' }],
		["Burg. van Roijensingel 12", { street: 'Burg. van Roijensingel', postcode: '', huisnummer: 12, rest: '' }],
		['8025 ab 5', { street: '', postcode: '8025AB', huisnummer: 5, rest: '' }]
	])('reads %s', (text, parts) => {
		expect(readAddress(text)).toEqual(parts);
	});

	it.each(['Zwolle', '', '5', 'Holtenbroekerweg'])('does not read %j as an address', (text) => {
		expect(readAddress(text)).toBeNull();
	});
});

describe('sameAddress', () => {
	const doc = { type: 'adres', straatnaam: 'Holtenbroekerweg', huisnummer: 5, postcode: '8025AB' };
	it('accepts the typed street and number, also abbreviated or without accents', () => {
		expect(sameAddress('Holtenbroekerweg 5', doc)).toBe(true);
		expect(sameAddress('holtenbroeker 5', doc)).toBe(true);
		expect(sameAddress('8025AB 5', doc)).toBe(true);
	});
	it('refuses another number, street or postcode, and non-addresses', () => {
		expect(sameAddress('Holtenbroekerweg 7', doc)).toBe(false);
		expect(sameAddress('Kamperweg 5', doc)).toBe(false);
		expect(sameAddress('8024AB 5', doc)).toBe(false);
		expect(sameAddress('Holtenbroekerweg 5', { ...doc, type: 'weg' })).toBe(false);
	});
});

describe('queryWithContext', () => {
	it('adds the gemeente only when the person named no place', () => {
		expect(queryWithContext('Holtenbroekerweg 5', 'Zwolle')).toBe('Holtenbroekerweg 5 Zwolle');
		expect(queryWithContext('Holtenbroekerweg 5, Almere', 'Zwolle')).toBe('Holtenbroekerweg 5, Almere');
		expect(queryWithContext('8025 AB 5', 'Zwolle')).toBe('8025 AB 5');
		expect(queryWithContext('Stationsweg 1 zwolle', 'Zwolle')).toBe('Stationsweg 1 zwolle');
		expect(queryWithContext('Stationsweg 1', '')).toBe('Stationsweg 1');
	});
});

describe('PDOK answers', () => {
	it('reads a point', () => {
		expect(parsePoint('POINT(6.0921 52.5318)')).toEqual([6.0921, 52.5318]);
		expect(parsePoint('POINT(a b)')).toBeNull();
	});
	it('keeps address suggestions only, at most eight', () => {
		const docs = Array.from({ length: 10 }, (_, i) => ({ type: 'adres', id: `adr-${i}`, weergavenaam: `Straat ${i}` }));
		expect(suggestionsFrom({ response: { docs: [{ type: 'weg', id: 'wgd-1', weergavenaam: 'Weg' }, ...docs] } })).toHaveLength(8);
		expect(suggestionsFrom({ response: { docs: [{ type: 'weg', id: 'wgd-1', weergavenaam: 'Weg' }] } })).toEqual([]);
		expect(suggestionsFrom('nonsense')).toEqual([]);
	});
	it('passes back only ids that look like PDOK ids', () => {
		expect(isPdokId('adr-8025AB-5')).toBe(true);
		expect(isPdokId('adr-a9f2c1e0b7d64f3e8c5a1b2d3e4f5a6b')).toBe(true);
		expect(isPdokId('../../etc')).toBe(false);
		expect(isPdokId('adr-x&fl=*')).toBe(false);
	});
});
