// A list's area filter (buurt, else wijk, else gemeente), applied the same way by every list that has
// one (initiatives, groups), on tables that carry buurt_code, wijk_code and gemeente_code.
export interface AreaFilter {
	gemeente?: string;
	wijk?: string;
	buurt?: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function filterByArea<Q extends { eq: any }>(query: Q, f: AreaFilter): Q {
	if (f.buurt) return query.eq('buurt_code', f.buurt);
	if (f.wijk) return query.eq('wijk_code', f.wijk);
	if (f.gemeente) return query.eq('gemeente_code', f.gemeente);
	return query;
}
