import { PAGE_SIZE } from '$lib/signalen/codes';
import { pageNumber } from '$lib/signalen/queries.server';
import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

// The partner's own agenda: what is still to do first, then what was answered or closed.
export const load: PageServerLoad = async ({ locals, url }) => {
	const page = pageNumber(url);
	const [org, result] = await Promise.all([
		locals.supabase.from('partner_contacten').select('partner_organisaties(name)').eq('user_id', locals.user!.id).maybeSingle(),
		locals.supabase
			.from('agenda_items')
			.select('id, status, question, created_at, wijken(naam), agenda_signalen(signaal_id)', { count: 'exact' })
			.order('status')
			.order('created_at', { ascending: false })
			.range((page - 1) * PAGE_SIZE, page * PAGE_SIZE - 1)
	]);
	const rows = must(result, 'agenda');
	return {
		org: (must(org, 'organisation')?.partner_organisaties as unknown as { name: string } | null)?.name ?? '',
		page,
		pages: Math.max(1, Math.ceil((result.count ?? 0) / PAGE_SIZE)),
		items: rows.map((r) => ({
			id: r.id,
			status: r.status,
			question: r.question,
			created_at: r.created_at,
			wijk: (r.wijken as unknown as { naam: string }).naam,
			count: (r.agenda_signalen as unknown[]).length
		}))
	};
};
