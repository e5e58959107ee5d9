import { describe, expect, it } from 'vitest';
import { safeRedirect } from './redirect';

describe('safeRedirect', () => {
	it('keeps a path on this site', () => {
		expect(safeRedirect('/profiel/sessies?x=1')).toBe('/profiel/sessies?x=1');
	});
	it.each(['//evil.example', '/\\evil.example', 'https://evil.example/', 'javascript:alert(1)', '/ evil', ''])(
		'refuses %s and falls back',
		(target) => {
			expect(safeRedirect(target)).toBe('/profiel');
		}
	);
	it('falls back when nothing is given', () => {
		expect(safeRedirect(null, '/')).toBe('/');
	});
});
