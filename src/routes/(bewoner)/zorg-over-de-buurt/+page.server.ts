import { listBuurten } from '$lib/areas/areas.server';
import { zorgSchema } from '$lib/signalen/schema';
import { refused } from '$lib/signalen/queries.server';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// A resident's zorgen over de buurt and the answers (RLS: their own only).
export const load: PageServerLoad = async ({ locals }) => {
	const [buurten, mine, profile] = await Promise.all([
		listBuurten(locals.supabase),
		locals.supabase.from('buurt_zorgen').select('id, theme, body, status, answer, created_at, handled_at, buurten(naam)').eq('author_id', locals.user!.id).order('created_at', { ascending: false }).limit(50),
		locals.supabase.from('profiles').select('buurt_code').eq('id', locals.user!.id).single()
	]);
	return {
		buurten,
		ownBuurt: must(profile, 'own buurt').buurt_code,
		resident: locals.user!.role === 'bewoner',
		zorgen: must(mine, 'zorgen').map((z) => ({ ...z, buurt: (z.buurten as unknown as { naam: string }).naam }))
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = await parseForm(request, zorgSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error, status } = await locals.supabase.from('buurt_zorgen').insert({ buurt_code: parsed.data.buurtCode, theme: parsed.data.theme, body: parsed.data.body });
		if (error) return refused('zorg', error, status);
		return { sent: true };
	}
};
