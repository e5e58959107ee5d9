import { fail, redirect } from '@sveltejs/kit';
import { myWijken } from '$lib/areas/wijken.server';
import { areaLists } from '$lib/areas/areas.server';
import { signaalSchema } from '$lib/signalen/schema';
import { findPersonalData } from '$lib/signalen/privacy';
import { refused } from '$lib/signalen/queries.server';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import { m } from '$lib/paraglide/messages';
import { personalDataLabel, label } from '$lib/signalen/labels';
import { today } from '$lib/format';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const wijken = await myWijken(locals.supabase, locals.user!);
	const codes = wijken.map((w) => w.code);
	const [areas, initiatieven, groepen, matches] = await Promise.all([
		areaLists(locals.supabase),
		locals.supabase.from('initiatieven').select('id, title').in('wijk_code', codes).eq('status', 'gepubliceerd').order('created_at', { ascending: false }).limit(100),
		locals.supabase.from('groepen').select('id, name').in('wijk_code', codes).eq('status', 'gepubliceerd').order('name').limit(100),
		locals.supabase.from('help_matches').select('id, created_at').in('wijk_code', codes).in('status', ['actief', 'afgesloten']).order('created_at', { ascending: false }).limit(50)
	]);
	return {
		// Grouped by wijk in the select, as the worker knows them.
		wijken: wijken.map((w) => ({ naam: w.naam, buurten: areas.buurten.filter((b) => b.wijk_code === w.code).map((b) => ({ code: b.code, naam: b.naam })) })),
		initiatieven: must(initiatieven, 'initiatieven'),
		groepen: must(groepen, 'groepen'),
		matches: must(matches, 'matches'),
		today: today()
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const parsed = await parseForm(request, signaalSchema);
		if ('failure' in parsed) return parsed.failure;
		const v = parsed.data;
		// A signal is about the buurt: text that looks like it names a person goes back with a warning,
		// unless the worker checked it and ticked that it holds none.
		const found = findPersonalData(v.body);
		if (found.length > 0 && !v.checked) {
			const { checked: _, ...values } = v;
			return fail(400, {
				values: { ...values, initiatiefId: v.initiatiefId ?? '', groepId: v.groepId ?? '', matchId: v.matchId ?? '' },
				errors: { body: m.signaal_pd_warning({ kinds: found.map((k) => label(personalDataLabel, k)).join(', ') }) },
				personalData: found
			});
		}
		const { error, status } = await locals.supabase.from('signalen').insert({
			buurt_code: v.buurtCode,
			theme: v.theme,
			body: v.body,
			source: v.source,
			urgency: v.urgency,
			observed_on: v.observedOn,
			initiatief_id: v.initiatiefId,
			groep_id: v.groepId,
			match_id: v.matchId
		});
		if (error) {
			// RLS refuses a buurt outside one's wijken as a policy violation: say it of the buurt.
			if (error.code === '42501') return refused('signaal', error, status, 'buurtCode');
			return refused('signaal', error, status);
		}
		redirect(303, '/signalen?opgeslagen=1');
	}
};
