import { PAGE_SIZE } from '$lib/signalen/codes';
import { pageNumber } from '$lib/signalen/queries.server';
import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

// The agenda items of the worker's wijken (RLS: workers of the wijk and the coordinator), newest first.
export const load: PageServerLoad = async ({ locals, url }) => {
	const page = pageNumber(url);
	const result = await locals.supabase
		.from('agenda_items')
		.select('id, status, question, created_at, partner_organisaties(name), wijken(naam), agenda_signalen(signaal_id)', { count: 'exact' })
		.order('created_at', { ascending: false })
		.range((page - 1) * PAGE_SIZE, page * PAGE_SIZE - 1);
	const rows = must(result, 'agenda items');
	return {
		page,
		pages: Math.max(1, Math.ceil((result.count ?? 0) / PAGE_SIZE)),
		items: rows.map((r) => ({
			id: r.id,
			status: r.status,
			question: r.question,
			created_at: r.created_at,
			partner: (r.partner_organisaties as unknown as { name: string }).name,
			wijk: (r.wijken as unknown as { naam: string }).naam,
			count: (r.agenda_signalen as unknown[]).length
		}))
	};
};
