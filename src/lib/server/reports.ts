// Files a report (flag) for any kind of content, from a form post that ReportForm.svelte sends.
// The database decides the wijk and refuses subjects the reporter cannot see.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { reportSchema } from '$lib/schemas/report';
import { formError, parseForm } from './forms';

export async function fileReport(request: Request, supabase: SupabaseClient<Database>, subjectLabel: string | ((id: string) => Promise<string>)) {
	const parsed = await parseForm(request, reportSchema);
	if ('failure' in parsed) return parsed.failure;
	const r = parsed.data;
	const label = typeof subjectLabel === 'string' ? subjectLabel : await subjectLabel(r.subjectId);
	// wijk_code is set by the database from the subject (never trusted from the client).
	const { error } = await supabase.from('reports').insert({
		subject_type: r.subjectType,
		subject_id: r.subjectId,
		subject_label: label.slice(0, 300),
		reason: r.reason,
		details: r.details
	});
	if (error?.code === '23505') return formError('report_err_already', 'reason');
	if (error?.code === '42501' || error?.code === '22023') return formError('err_not_allowed', 'reason');
	if (error) return formError('err_save_failed', 'reason');
	return { reported: `${r.subjectType}:${r.subjectId}` };
}
