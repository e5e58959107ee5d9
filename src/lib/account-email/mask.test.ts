import { describe, expect, it } from 'vitest';
import { maskEmail } from './mask';

describe('maskEmail', () => {
	it('keeps the first letters and the ending, nothing else', () => {
		expect(maskEmail('jan.jansen@example.nl')).toBe('j•••@e•••.nl');
		expect(maskEmail('a@b.co.uk')).toBe('a•••@b•••.uk');
		expect(maskEmail('x@localhost')).toBe('x•••@l•••');
		expect(maskEmail('kapot')).toBe('•••');
	});
});
