import { error } from '@sveltejs/kit';
import { hidePost, reportGroepContent } from '$lib/groepen/actions.server';
import { callGroep, loadGroep, scoped } from '$lib/groepen/queries.server';
import { postSchema } from '$lib/groepen/schema';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 20;

// The members' board: posts newest first with their replies. Members and the facilitator read it;
// a worker of the wijk sees only the posts someone reported (RLS), to handle the report.
export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { groep, viewer } = await loadGroep(locals, params.id);
	if (!viewer.insider && !viewer.worker) error(403, { message: 'forbidden' });
	const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1));
	const select = 'id, parent_id, author_id, body, created_at, hidden_at, hidden_reason, groep_namen!groep_berichten_author_id_fkey(first_name)';
	const posts = await locals.supabase
		.from('groep_berichten')
		.select(select, { count: 'exact' })
		.eq('groep_id', groep.id)
		.is('parent_id', null)
		.order('created_at', { ascending: false })
		.range((page - 1) * PAGE_SIZE, page * PAGE_SIZE - 1);
	type Post = { id: number; parent_id: number | null; author_id: string | null; body: string; created_at: string; hidden_at: string | null; hidden_reason: string; groep_namen: { first_name: string } | null };
	const rows = (posts.status === 416 ? [] : must(posts, 'board')) as unknown as Post[];
	const replies = rows.length
		? (must(await locals.supabase.from('groep_berichten').select(select).in('parent_id', rows.map((p) => p.id)).order('created_at'), 'replies') as unknown as Post[])
		: [];
	return {
		groep,
		viewer,
		posts: rows.map((p) => ({ ...p, replies: replies.filter((r) => r.parent_id === p.id) })),
		page,
		pages: Math.max(1, Math.ceil((posts.count ?? 0) / PAGE_SIZE))
	};
};

export const actions: Actions = {
	post: async (event) => {
		// A reply's errors show beside the post it answers.
		const parsed = await parseForm(event.request, postSchema);
		if ('failure' in parsed) {
			const parent = parsed.failure.data.values.parent;
			return scoped(parent ? `reply-${parent}` : 'post', parsed.failure);
		}
		const form = parsed.data.parent ? `reply-${parsed.data.parent}` : 'post';
		const result = await callGroep(event, form, 'post_groep_bericht', { p_id: event.params.id, p_parent: parsed.data.parent, p_body: parsed.data.body }, 'body');
		return 'failure' in result ? result.failure : { done: form };
	},
	hide: (event) => hidePost(event),
	report: (event) => reportGroepContent(event)
};
