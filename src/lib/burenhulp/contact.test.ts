import { describe, expect, it } from 'vitest';
import { telHref } from './contact';

describe('telHref', () => {
	it('keeps only the digits a phone dials', () => {
		expect(telHref('038 426 00 00')).toBe('tel:0384260000');
		expect(telHref('06-1234 5678')).toBe('tel:0612345678');
	});
	it('keeps an international plus and drops the (0) after the country code', () => {
		expect(telHref('+31 (0)6 12345678')).toBe('tel:+31612345678');
	});
});
