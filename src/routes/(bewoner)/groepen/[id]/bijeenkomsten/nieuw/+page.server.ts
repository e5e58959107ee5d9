import { error, redirect } from '@sveltejs/kit';
import { meetingKindsFor } from '$lib/groepen/codes';
import { meetingTimes } from '$lib/groepen/meetings';
import { callGroep, loadGroep } from '$lib/groepen/queries.server';
import { meetingSchema } from '$lib/groepen/schema';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

// Whoever leads the group plans a meeting; the database refuses one in the past and a ronde for a
// group that is not a buurtpreventieteam.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { groep, viewer } = await loadGroep(locals, params.id);
	if (!viewer.leads || groep.status !== 'gepubliceerd') error(403, { message: 'forbidden' });
	return { groep, kinds: meetingKindsFor(groep.kind) };
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, meetingSchema);
		if ('failure' in parsed) return parsed.failure;
		const v = parsed.data;
		const { starts, ends } = meetingTimes(v.day, v.start, v.end);
		const result = await callGroep(event, 'meeting', 'plan_groep_meeting', {
			p_id: event.params.id,
			p_kind: v.kind,
			p_title: v.title,
			p_starts_at: starts,
			p_ends_at: ends,
			p_place_kind: v.placeKind,
			p_place: v.place,
			p_agenda: v.agenda,
			p_repeat_weeks: v.repeat
		});
		if ('failure' in result) return result.failure;
		redirect(303, `/groepen/${event.params.id}/bijeenkomsten/${result.data as number}?gepland=${v.repeat + 1}`);
	}
};
