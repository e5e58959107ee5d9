import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { text } from '$lib/fields';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import { wijkenWithoutWorker } from '$lib/werkplek/queue.server';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;

const blockSchema = z.object({
	userId: z.uuid({ error: 'err_invalid' }),
	reason: text(500, { min: 5 })
});

const assignSchema = z.object({
	userId: z.uuid({ error: 'err_invalid' }),
	wijken: z.array(z.string().regex(/^WK[0-9]{6}$/, { error: 'err_choice' })).max(50)
});

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user!;
	if (user.role !== 'coordinator' && user.role !== 'admin') error(403, { message: 'forbidden' });
	const own = must(await locals.supabase.from('coordinators').select('gemeente_code').eq('user_id', user.id).maybeSingle(), 'coordinator');
	const gemeenten = must(await locals.supabase.from('gemeenten').select('code, naam').order('naam'), 'gemeenten');
	const requested = url.searchParams.get('gemeente');
	const gemeente = own?.gemeente_code ?? gemeenten.find((g) => g.code === requested)?.code ?? gemeenten[0]?.code;
	const q = (url.searchParams.get('q') ?? '').trim().slice(0, 60);
	const pageNumber = Math.max(1, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1);

	const wijken = must(await locals.supabase.from('wijken').select('code, naam').eq('gemeente_code', gemeente).order('naam'), 'wijken');
	let query = locals.supabase
		.from('profiles')
		.select('id, display_name, role, buurten!inner(naam, wijken!inner(gemeente_code)), users(email, blocked_at), worker_wijken(wijk_code)', { count: 'exact' })
		.eq('buurten.wijken.gemeente_code', gemeente)
		.in('role', ['bewoner', 'opbouwwerker'])
		.order('role', { ascending: false })
		.order('display_name')
		.range((pageNumber - 1) * PAGE_SIZE, pageNumber * PAGE_SIZE - 1);
	// Escape PostgREST's and LIKE's special characters: the search is text, not a pattern.
	if (q) query = query.ilike('display_name', `%${q.replace(/[\\%_,()*]/g, (c) => `\\${c}`)}%`);
	const result = await query;
	const people = must(result, 'people');
	const count = result.count;
	const unassigned = await wijkenWithoutWorker(locals.supabase, wijken);
	return {
		gemeente: gemeenten.find((g) => g.code === gemeente),
		gemeenten: own ? [] : gemeenten,
		wijken,
		q,
		count: count ?? people.length,
		unassigned,
		page: pageNumber,
		pages: Math.max(1, Math.ceil((count ?? 0) / PAGE_SIZE)),
		people: people.map((p) => ({
			id: p.id,
			name: p.display_name,
			role: p.role,
			buurt: (p.buurten as unknown as { naam: string }).naam,
			email: (p.users as unknown as { email: string } | null)?.email ?? '',
			blocked: !!(p.users as unknown as { blocked_at: string | null } | null)?.blocked_at,
			wijken: (p.worker_wijken as { wijk_code: string }[]).map((w) => w.wijk_code)
		}))
	};
};

export const actions: Actions = {
	assign: async ({ request, locals }) => {
		const parsed = await parseForm(request, assignSchema, { arrays: ['wijken'] });
		if ('failure' in parsed) return parsed.failure;
		// The database checks that the caller coordinates the gemeente of every wijk, and logs the change.
		const { error: err } = await locals.supabase.rpc('set_worker_wijken', {
			p_user: parsed.data.userId,
			p_wijken: parsed.data.wijken
		});
		if (err?.code === '42501') return formError('err_not_allowed');
		if (err) return formError('err_save_failed');
		return { saved: parsed.data.userId };
	},
	block: ({ request, locals }) => setBlocked(request, locals, true),
	unblock: ({ request, locals }) => setBlocked(request, locals, false)
};

/** The database checks that the caller coordinates the person's gemeente, ends their sessions and logs it. */
async function setBlocked(request: Request, locals: App.Locals, blocked: boolean) {
	const parsed = await parseForm(request, blockSchema);
	if ('failure' in parsed) return parsed.failure;
	const { error: err } = await locals.supabase.rpc('set_account_blocked', {
		p_user: parsed.data.userId,
		p_blocked: blocked,
		p_reason: parsed.data.reason
	});
	if (err?.code === '42501') return formError('err_not_allowed');
	if (err) return formError('err_save_failed');
	return { blocked: blocked ? parsed.data.userId : null, unblocked: blocked ? null : parsed.data.userId };
}
