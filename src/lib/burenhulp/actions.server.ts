// A form action that several burenhulp pages share: reporting something (a post, a message, the other
// party of a match).
import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '$lib/database.types';
import { reportSchema } from '$lib/reports/schema';
import { formError, parseForm } from '$lib/server/forms';

const reportable = ['help_post', 'help_message', 'help_match'];

export async function reportAction({ request, locals }: RequestEvent) {
	const parsed = await parseForm(request, reportSchema.extend({ subjectLabel: reportSchema.shape.details }));
	if ('failure' in parsed) return parsed.failure;
	const r = parsed.data;
	if (!reportable.includes(r.subjectType)) return formError('err_invalid');
	// The database sets the wijk from the subject and refuses what this resident may not see.
	const { error } = await locals.supabase.from('reports').insert({
		subject_type: r.subjectType,
		subject_id: r.subjectId,
		subject_label: r.subjectLabel.slice(0, 300),
		reason: r.reason,
		details: r.details
		// wijk_code is set by the trigger; the generated Insert type does not know that.
	} as Database['public']['Tables']['reports']['Insert']);
	if (error?.code === '23505') return { reported: true };
	if (error?.code === '42501') return formError('err_not_allowed');
	if (error) return formError('err_save_failed');
	return { reported: true };
}
