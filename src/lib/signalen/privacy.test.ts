import { describe, expect, it } from 'vitest';
import { findPersonalData, isBsn } from './privacy';

describe('findPersonalData', () => {
	it('finds nothing in a text about the buurt', () => {
		expect(findPersonalData('Portiekverlichting in de flats aan de noordkant is al weken kapot.')).toEqual([]);
		expect(findPersonalData('Oudere bewoners komen sinds 2024 de deur minder uit; 12 mensen op de koffieochtend.')).toEqual([]);
	});

	it('finds a name after mevrouw or meneer, not the title alone', () => {
		expect(findPersonalData('Mevrouw Jansen op de derde verdieping vereenzaamt')).toEqual(['name']);
		expect(findPersonalData('meneer de Vries klaagt over lawaai')).toEqual(['name']);
		expect(findPersonalData('dhr. El Amrani wil helpen')).toEqual(['name']);
		expect(findPersonalData('een meneer en een mevrouw uit de flat kwamen langs')).toEqual([]);
	});

	it('finds phone numbers written the usual ways', () => {
		expect(findPersonalData('bel 06-12345678')).toEqual(['phone']);
		expect(findPersonalData('bel 06 1234 5678')).toEqual(['phone']);
		expect(findPersonalData('nummer +31 6 12345678')).toEqual(['phone']);
		expect(findPersonalData('038 421 1234 is het nummer')).toEqual(['phone']);
	});

	it('finds an e-mail address', () => {
		expect(findPersonalData('mail naar piet.puk@example.nl')).toEqual(['email']);
	});

	it('finds an address with a house number, not a street alone', () => {
		expect(findPersonalData('overlast bij Kerkstraat 12a')).toEqual(['address']);
		expect(findPersonalData('in de Dobbe-laan 3 is het rommelig')).toEqual(['address']);
		expect(findPersonalData('de Kerkstraat is slecht verlicht')).toEqual([]);
	});

	it('finds a BSN only when it passes the eleven-test', () => {
		expect(isBsn('111222333')).toBe(true);
		expect(isBsn('123456789')).toBe(false);
		expect(findPersonalData('BSN 111222333 is bekend')).toEqual(['bsn']);
		expect(findPersonalData('bsn 1112.22.333')).toEqual(['bsn']);
		expect(findPersonalData('zaaknummer 123456789')).toEqual([]);
	});

	it('lists every kind once, in a fixed order', () => {
		expect(findPersonalData('info@buurt.nl, mevrouw Bakker, Dorpsweg 4, 0612345678, 111222333')).toEqual(['name', 'phone', 'email', 'address', 'bsn']);
	});
});
