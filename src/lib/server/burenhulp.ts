// Form actions that several burenhulp pages share: reporting something and blocking a person.
import type { RequestEvent } from '@sveltejs/kit';
import type { Database } from '$lib/database.types';
import { blockSchema } from '$lib/schemas/burenhulp';
import { reportSchema } from '$lib/schemas/report';
import { formError, parseForm } from './forms';

const reportable = ['help_post', 'help_message', 'person'];

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

export async function blockAction({ request, locals }: RequestEvent) {
	const parsed = await parseForm(request, blockSchema);
	if ('failure' in parsed) return parsed.failure;
	if (parsed.data.personId === locals.user!.id) return formError('err_not_allowed');
	const { error } = await locals.supabase.from('help_blocks').insert({ blocked_id: parsed.data.personId });
	if (error && error.code !== '23505') return formError(error.code === '23503' ? 'err_invalid' : 'err_save_failed');
	return { blocked: true };
}
