import { PAGE_SIZE } from '$lib/signalen/codes';
import { handleZorgSchema } from '$lib/signalen/schema';
import { pageNumber, refused, scoped } from '$lib/signalen/queries.server';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// The zorgen waiting in the worker's wijken, oldest first. Who raised one is not shown: the worker
// answers through the site, and a signal made of it does not carry the resident along.
export const load: PageServerLoad = async ({ locals, url }) => {
	const page = pageNumber(url);
	const result = await locals.supabase
		.from('buurt_zorgen')
		.select('id, theme, body, created_at, buurten(naam)', { count: 'exact' })
		.eq('status', 'nieuw')
		.neq('author_id', locals.user!.id)
		.order('created_at')
		.range((page - 1) * PAGE_SIZE, page * PAGE_SIZE - 1);
	return {
		page,
		pages: Math.max(1, Math.ceil((result.count ?? 0) / PAGE_SIZE)),
		zorgen: must(result, 'zorgen').map((z) => ({ id: z.id, theme: z.theme, body: z.body, created_at: z.created_at, buurt: (z.buurten as unknown as { naam: string }).naam }))
	};
};

export const actions: Actions = {
	handle: async ({ request, locals }) => {
		const parsed = await parseForm(request, handleZorgSchema);
		if ('failure' in parsed) return scoped(`zorg-${(parsed.failure.data.values.zorgId as string) ?? ''}`, parsed.failure);
		const v = parsed.data;
		const form = `zorg-${v.zorgId}`;
		const { error, status } = await locals.supabase.rpc('handle_zorg', { p_zorg: v.zorgId, p_action: v.action, p_answer: v.answer, p_body: v.body, p_urgency: v.urgency });
		if (error) return refused(form, error, status);
		return { form, handled: true };
	}
};
