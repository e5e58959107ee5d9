import { redirect } from '@sveltejs/kit';
import { myWijken } from '$lib/areas/wijken.server';
import { PAGE_SIZE } from '$lib/signalen/codes';
import { agendaSchema } from '$lib/signalen/schema';
import { pageNumber, partnersFor, refused } from '$lib/signalen/queries.server';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const wijken = await myWijken(locals.supabase, locals.user!);
	const requested = url.searchParams.get('wijk') ?? '';
	const wijk = wijken.find((w) => w.code === requested)?.code ?? '';
	const page = pageNumber(url);
	let query = locals.supabase
		.from('signalen')
		.select('id, body, theme, source, urgency, observed_on, wijk_code, buurten(naam), agenda_signalen(item_id)', { count: 'exact' })
		.order('observed_on', { ascending: false })
		.order('created_at', { ascending: false })
		.range((page - 1) * PAGE_SIZE, page * PAGE_SIZE - 1);
	if (wijk) query = query.eq('wijk_code', wijk);
	const [result, partners] = await Promise.all([query, partnersFor(locals.supabase)]);
	const rows = must(result, 'signalen');
	return {
		wijken,
		wijk,
		page,
		pages: Math.max(1, Math.ceil((result.count ?? 0) / PAGE_SIZE)),
		saved: url.searchParams.has('opgeslagen'),
		partners,
		signalen: rows.map((s) => ({
			id: s.id,
			body: s.body,
			theme: s.theme,
			source: s.source,
			urgency: s.urgency,
			observed_on: s.observed_on,
			buurt: (s.buurten as unknown as { naam: string }).naam,
			onAgenda: (s.agenda_signalen as unknown[]).length > 0
		}))
	};
};

export const actions: Actions = {
	// One signal or a bundle of one wijk onto a partner's agenda. The database checks the wijk, that
	// the partner is of the same gemeente, notifies its contact people and logs the decision.
	agendeer: async ({ request, locals }) => {
		const parsed = await parseForm(request, agendaSchema, { arrays: ['signalen'] });
		if ('failure' in parsed) return parsed.failure;
		const { data, error, status } = await locals.supabase.rpc('agendeer_signalen', {
			p_organisatie: parsed.data.organisatieId,
			p_signalen: parsed.data.signalen,
			p_question: parsed.data.question
		});
		if (error) return refused('agendeer', error, status);
		redirect(303, `/signalen/agenda/${data}`);
	}
};
