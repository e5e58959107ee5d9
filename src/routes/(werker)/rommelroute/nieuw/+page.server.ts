import { redirect } from '@sveltejs/kit';
import { amsterdamTimestamp } from '$lib/format';
import { editionSchema } from '$lib/rommelroute/schema';
import { formError, parseForm } from '$lib/server/forms';
import { messageKeyFor } from '$lib/server/db-errors';
import { myWijken } from '$lib/areas/wijken.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ wijken: await myWijken(locals.supabase, locals.user!) });

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = await parseForm(request, editionSchema);
		if ('failure' in parsed) return parsed.failure;
		const e = parsed.data;
		const values = { ...e };
		// The window runs from the start of its first day to the end of its last, Dutch time; on the
		// day itself registration closes when the route starts.
		const closesAt = e.closes === e.day ? amsterdamTimestamp(e.day, e.starts) : amsterdamTimestamp(e.closes, '23:59:59');
		const result = await locals.supabase
			.from('rommelroute_editions')
			.insert({
				wijk_code: e.wijkCode,
				title: e.title,
				day: e.day,
				starts: e.starts,
				ends: e.ends,
				registration_opens: amsterdamTimestamp(e.opens),
				registration_closes: closesAt,
				description: e.description
			})
			.select('id')
			.single();
		if (result.error) return formError(messageKeyFor(result.error, result.status), '_form', values);
		redirect(303, `/rommelroute/${result.data.id}`);
	}
};
