import { error, redirect } from '@sveltejs/kit';
import { callGroep, groepArgs, groepAreas, loadGroep } from '$lib/groepen/queries.server';
import { groepSchema } from '$lib/groepen/schema';
import { parseForm } from '$lib/server/forms';
import { loadPhoto } from '$lib/photos/page.server';
import type { Actions, PageServerLoad } from './$types';

// Whoever proposed it changes a proposal that waits or was sent back (and so submits it again);
// whoever leads a published group changes its text and how to join. The database checks again.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { groep, viewer } = await loadGroep(locals, params.id);
	const mayEdit = groep.status === 'gepubliceerd' ? viewer.leads : viewer.proposer && groep.status !== 'afgewezen';
	if (!mayEdit) error(403, { message: 'forbidden' });
	const [areas, { photo, mayChange }] = await Promise.all([groepAreas(locals.supabase), loadPhoto(locals.supabase, { kind: 'groep', id: groep.id }, true)]);
	return {
		groep,
		areas,
		photo: mayChange ? photo : null,
		mayChangePhoto: mayChange,
		initial: {
			name: groep.name,
			purpose: groep.purpose,
			kind: groep.kind,
			themes: groep.themes,
			area: groep.buurt_code ?? groep.wijk_code,
			joinMode: groep.join_mode,
			joinQuestion: groep.join_question,
			visibility: groep.visibility
		}
	};
};

export const actions: Actions = {
	default: async (event) => {
		const parsed = await parseForm(event.request, groepSchema, { arrays: ['themes'] });
		if ('failure' in parsed) return parsed.failure;
		const result = await callGroep(event, 'groep', 'update_groep', { p_id: event.params.id, ...groepArgs(parsed.data) });
		if ('failure' in result) return result.failure;
		redirect(303, `/groepen/${event.params.id}?bewaard=1`);
	}
};
