import { must } from '$lib/server/db-errors';
import { myWijken } from '$lib/areas/wijken.server';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const wijken = await myWijken(locals.supabase, locals.user!);
	const editions = must(
		await locals.supabase
			.from('rommelroute_editions')
			.select('id, title, day, wijk_code, wijken(naam)')
			.in('wijk_code', wijken.map((w) => w.code))
			.order('day', { ascending: false })
			.limit(100),
		'editions'
	);
	return { editions: editions.map((e) => ({ ...e, wijk: (e.wijken as unknown as { naam: string }).naam })) };
};
