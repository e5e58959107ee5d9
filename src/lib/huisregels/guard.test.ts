import { describe, expect, it } from 'vitest';
import { acceptHref, mustAcceptHuisregels, openWithoutHuisregels } from './guard';
import { HUISREGELS_VERSIE } from './version';

describe('the house rules guard', () => {
	it('asks a resident who accepted an older version, or none', () => {
		expect(mustAcceptHuisregels({ role: 'bewoner', huisregelsVersie: HUISREGELS_VERSIE - 1 })).toBe(true);
		expect(mustAcceptHuisregels({ role: 'bewoner', huisregelsVersie: 0 })).toBe(true);
		expect(mustAcceptHuisregels({ role: 'bewoner', huisregelsVersie: HUISREGELS_VERSIE })).toBe(false);
	});

	it('does not ask staff, partners or visitors', () => {
		for (const role of ['opbouwwerker', 'coordinator', 'admin', 'partner']) expect(mustAcceptHuisregels({ role, huisregelsVersie: 0 })).toBe(false);
		expect(mustAcceptHuisregels(null)).toBe(false);
	});

	it('keeps the rules, the profile, one\'s own data and logging out open', () => {
		for (const path of ['/huisregels', '/huisregels/accepteren', '/profiel', '/profiel/meldingen', '/mijn-gegevens', '/uitloggen', '/privacy']) {
			expect(openWithoutHuisregels(path), path).toBe(true);
		}
		for (const path of ['/burenhulp', '/burenhulp/nieuw', '/initiatieven/nieuw', '/profielen', '/huisregelsx']) expect(openWithoutHuisregels(path), path).toBe(false);
	});

	it('brings the person back where they were', () => {
		expect(acceptHref('/burenhulp?x=1')).toBe('/huisregels/accepteren?redirectTo=%2Fburenhulp%3Fx%3D1');
	});
});
