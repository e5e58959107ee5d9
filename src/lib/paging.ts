// Paging a long list without counting all of it on every view. The list queries ask PostgREST for
// `count: 'estimated'`: an exact count up to its `db-max-rows` (1000, supabase/config.toml), the
// planner's estimate beyond that. An estimate is shown as "about" a rounded figure, and the pages
// follow the rows actually found, so "next" is never offered past the last row.

/** PostgREST counts exactly up to here (its db-max-rows), and estimates above. */
export const EXACT_UP_TO = 1000;

export interface Paged {
	/** Exact, or a rounded estimate when `approximate`. */
	total: number;
	approximate: boolean;
	pages: number;
}

export function paged(count: number | null, page: number, pageSize: number, rowsOnPage: number): Paged {
	const n = Math.max(0, count ?? 0);
	if (n <= EXACT_UP_TO) return { total: n, approximate: false, pages: Math.max(1, Math.ceil(n / pageSize)) };
	// An estimate: this page is the last one when it is not full; a full page has at least one after it.
	const estimated = Math.max(1, Math.ceil(n / pageSize));
	const pages = rowsOnPage < pageSize ? Math.max(1, page) : Math.max(page + 1, estimated);
	const step = n >= 10_000 ? 1000 : 100;
	return { total: Math.round(n / step) * step, approximate: true, pages };
}
