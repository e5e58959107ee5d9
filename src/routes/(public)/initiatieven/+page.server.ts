import { listFilterSchema } from '$lib/schemas/initiatief';
import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

const PAGE_SIZE = 20;

// Published initiatives only: RLS shows visitors nothing else, and the filter keeps a worker's or an
// author's own unpublished ones out of the public list too.
export const load: PageServerLoad = async ({ locals, url, setHeaders }) => {
	const f = listFilterSchema.parse(Object.fromEntries(url.searchParams));
	let query = locals.supabase
		.from('initiatieven')
		.select('id, title, summary, themes, stage, needs, joiner_count, published_at, buurten(naam)', { count: 'exact' })
		.eq('status', 'gepubliceerd');
	if (f.q) query = query.textSearch('search', f.q, { config: 'dutch', type: 'websearch' });
	if (f.thema) query = query.contains('themes', [f.thema]);
	if (f.nodig) query = query.contains('needs', [f.nodig]);
	if (f.fase) query = query.eq('stage', f.fase);
	if (f.buurt) query = query.eq('buurt_code', f.buurt);
	else if (f.wijk) query = query.eq('wijk_code', f.wijk);
	else if (f.gemeente) query = query.eq('gemeente_code', f.gemeente);
	const result = await query
		.order('published_at', { ascending: false })
		.order('id')
		.range((f.pagina - 1) * PAGE_SIZE, f.pagina * PAGE_SIZE - 1);
	// A page past the end answers 416 from PostgREST; show it as an empty page instead.
	const rows = result.status === 416 ? [] : must(result, 'initiatieven list');
	const [gemeenten, wijken, buurten] = await Promise.all([
		locals.supabase.from('gemeenten').select('code, naam').order('naam'),
		locals.supabase.from('wijken').select('code, naam, gemeente_code').order('naam'),
		locals.supabase.from('buurten').select('code, naam, wijk_code').order('naam')
	]);
	if (!locals.user) setHeaders({ 'cache-control': 'public, max-age=30' });
	return {
		filter: f,
		total: result.count ?? 0,
		pages: Math.max(1, Math.ceil((result.count ?? 0) / PAGE_SIZE)),
		initiatieven: rows.map((r) => ({ ...r, buurt: (r.buurten as unknown as { naam: string } | null)?.naam ?? '' })),
		gemeenten: must(gemeenten, 'gemeenten'),
		wijken: must(wijken, 'wijken'),
		buurten: must(buurten, 'buurten')
	};
};
