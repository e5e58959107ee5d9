import { describe, expect, it } from 'vitest';
import { pageFrom, pagesOf, paged, rangeOf } from './paging';

const url = (q: string) => new URL(`http://x/werkplek?${q}`);

describe('werkplek paging', () => {
	it('reads each section’s own parameter, and page 1 for anything else', () => {
		expect(pageFrom(url('meldingen=3&initiatieven=2'), 'meldingen')).toBe(3);
		expect(pageFrom(url('meldingen=3'), 'initiatieven')).toBe(1);
		for (const bad of ['0', '-2', 'x', '1e3', '2.5', '9999999999']) expect(pageFrom(url(`p=${bad}`), 'p')).toBe(1);
		expect(pageFrom(url('p=999999'), 'p')).toBe(10_000);
	});
	it('asks for the rows of that page, not the first hundred', () => {
		expect(rangeOf(1)).toEqual([0, 9]);
		expect(rangeOf(12)).toEqual([110, 119]);
	});
	it('counts pages from the full count', () => {
		expect(pagesOf(0)).toBe(1);
		expect(pagesOf(10)).toBe(1);
		expect(pagesOf(101)).toBe(11);
		expect(paged([1, 2], 25, 3, 'p')).toEqual({ items: [1, 2], count: 25, page: 3, pages: 3, param: 'p' });
	});
});
