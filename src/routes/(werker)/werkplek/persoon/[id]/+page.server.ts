import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

// Where a report about a person leads: what a worker of the person's wijk may read of their profile
// (app.profile_visible: app.works_for) and the reports about them. Nobody else finds anything here.
export const load: PageServerLoad = async ({ locals, params }) => {
	if (!z.uuid().safeParse(params.id).success) error(404, { message: 'not_found' });
	const [profile, reports] = await Promise.all([
		locals.supabase.from('profiles').select('id, display_name, role, buurten(naam)').eq('id', params.id).maybeSingle(),
		locals.supabase
			.from('reports')
			.select('id, reason, details, status, created_at')
			.eq('subject_type', 'person')
			.eq('subject_id', params.id)
			.order('created_at', { ascending: false })
			.limit(50)
	]);
	const person = must(profile, 'person');
	if (!person) error(404, { message: 'not_found' });
	return {
		person: { id: person.id, name: person.display_name, role: person.role, buurt: (person.buurten as unknown as { naam: string } | null)?.naam ?? '' },
		reports: must(reports, 'reports about person')
	};
};
