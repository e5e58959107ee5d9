import { z } from 'zod';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const idSchema = z.object({ id: z.uuid({ error: 'err_invalid' }) });

export const load: PageServerLoad = async ({ locals, url }) => {
	const [own, joined] = await Promise.all([
		locals.supabase
			.from('initiatieven')
			// The worker's message with the last decision lives in the decision history (only the author,
			// co-organisers and workers read it), not in the initiative's public row.
			.select('id, title, status, stage, updated_at, joiner_count, place_status, initiatief_beslissingen(message)')
			.eq('author_id', locals.user!.id)
			.order('updated_at', { ascending: false })
			.order('id', { referencedTable: 'initiatief_beslissingen', ascending: false })
			.limit(1, { referencedTable: 'initiatief_beslissingen' })
			.limit(200),
		locals.supabase
			.from('initiatief_deelnemers')
			.select('initiatieven!inner(id, title, stage)')
			.eq('user_id', locals.user!.id)
			.order('created_at', { ascending: false })
			.limit(200)
	]);
	return {
		own: must(own, 'own initiatieven').map(({ initiatief_beslissingen: decisions, ...i }) => ({ ...i, message: decisions[0]?.message ?? '' })),
		joined: must(joined, 'joined initiatieven').map((j) => j.initiatieven as unknown as { id: string; title: string; stage: string }),
		submitted: url.searchParams.get('ingediend'),
		saved: url.searchParams.get('opgeslagen'),
		placeLater: url.searchParams.get('plek') === 'later'
	};
};

export const actions: Actions = {
	withdraw: async ({ request, locals }) => {
		const parsed = await parseForm(request, idSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error } = await locals.supabase.rpc('withdraw_initiatief', { p_id: parsed.data.id });
		if (error) return formError('err_not_allowed');
		return { withdrawn: true };
	},
	delete: async ({ request, locals }) => {
		const parsed = await parseForm(request, idSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error } = await locals.supabase.rpc('delete_initiatief_concept', { p_id: parsed.data.id });
		if (error) return formError('err_not_allowed');
		return { deleted: true };
	}
};
