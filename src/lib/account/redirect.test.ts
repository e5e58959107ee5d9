import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';

describe('safeRedirect', () => {
	it('keeps a path on this site', () => {
		expect(safeRedirect('/profiel/sessies?x=1')).toBe('/profiel/sessies?x=1');
	});
	it.each(['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/ evil', ''])(
		'refuses %s and falls back',
		(target) => {
			expect(safeRedirect(target)).toBe('/');
		}
	);
	it('falls back to the overview when nothing is given, or to what the caller chose', () => {
		expect(safeRedirect(null)).toBe('/');
		expect(safeRedirect(undefined, '/profiel')).toBe('/profiel');
	});
});
