import { z } from 'zod';
import { listNotifications } from '$lib/meldingen/queries.server';
import { messageKeyFor } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const page = Math.max(1, Math.min(10_000, Number(url.searchParams.get('pagina')) || 1));
	return { page, ...(await listNotifications(locals.supabase, page)) };
};

const readSchema = z.object({ id: z.coerce.number('err_invalid').int('err_invalid').positive('err_invalid') });

export const actions: Actions = {
	read: async ({ request, locals }) => {
		const parsed = await parseForm(request, readSchema);
		if ('failure' in parsed) return parsed.failure;
		const { error, status } = await locals.supabase.rpc('mark_notifications_read', { p_ids: [parsed.data.id] });
		if (error) return formError(messageKeyFor(error, status));
		return { read: parsed.data.id };
	},
	readAll: async ({ locals }) => {
		const { error, status } = await locals.supabase.rpc('mark_notifications_read', {});
		if (error) return formError(messageKeyFor(error, status));
		return { readAll: true };
	}
};
