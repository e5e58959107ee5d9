import { describe, expect, it } from 'vitest';
import { EXACT_UP_TO, paged } from './paging';

describe('paged', () => {
	it('is exact up to the threshold', () => {
		expect(paged(0, 1, 20, 0)).toEqual({ total: 0, approximate: false, pages: 1 });
		expect(paged(41, 2, 20, 20)).toEqual({ total: 41, approximate: false, pages: 3 });
		expect(paged(EXACT_UP_TO, 1, 20, 20)).toEqual({ total: 1000, approximate: false, pages: 50 });
		expect(paged(null, 1, 20, 0).total).toBe(0);
	});

	it('rounds an estimate and says so', () => {
		expect(paged(10_437, 1, 20, 20)).toEqual({ total: 10_000, approximate: true, pages: 522 });
		expect(paged(1_234, 1, 20, 20)).toMatchObject({ total: 1_200, approximate: true });
	});

	it('follows the rows found, not the estimate, at the end', () => {
		// The estimate says 60 pages, but page 55 was not full: it is the last.
		expect(paged(1_200, 55, 20, 7).pages).toBe(55);
		// The estimate says 60 pages, but page 60 was full: there may be more.
		expect(paged(1_200, 60, 20, 20).pages).toBe(61);
		// Past the end (PostgREST answered 416): no "next".
		expect(paged(1_200, 70, 20, 0).pages).toBe(70);
	});
});
