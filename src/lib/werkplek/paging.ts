// Each werkplek section pages on its own, with its own query parameter, so moving on in one list keeps
// the place in the others.
export const SECTION_SIZE = 10;
export const MAX_PAGE = 10_000;

export interface Paged<T> {
	items: T[];
	count: number;
	page: number;
	pages: number;
	param: string;
}

/** The page a parameter asks for: a whole number from 1, anything else is page 1. */
export function pageFrom(url: URL, param: string): number {
	const raw = url.searchParams.get(param) ?? '';
	if (!/^[0-9]{1,6}$/.test(raw)) return 1;
	return Math.max(1, Math.min(MAX_PAGE, Number.parseInt(raw, 10)));
}

/** The rows to ask the database for (PostgREST's inclusive range). */
export function rangeOf(page: number, size = SECTION_SIZE): [number, number] {
	return [(page - 1) * size, page * size - 1];
}

export function pagesOf(count: number, size = SECTION_SIZE): number {
	return Math.max(1, Math.ceil(count / size));
}

export function paged<T>(items: T[], count: number | null, page: number, param: string, size = SECTION_SIZE): Paged<T> {
	return { items, count: count ?? items.length, page, pages: pagesOf(count ?? items.length, size), param };
}
