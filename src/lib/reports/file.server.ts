// Files a report (flag) for any kind of content, from a form post that ReportForm.svelte sends.
// The database decides the wijk and refuses subjects the reporter cannot see.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { reportSchema } from './schema';
import { messageKeyFor } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';

export async function fileReport(request: Request, supabase: SupabaseClient<Database>, subjectLabel: string | ((id: string) => Promise<string>)) {
	const parsed = await parseForm(request, reportSchema);
	if ('failure' in parsed) return parsed.failure;
	const r = parsed.data;
	const label = typeof subjectLabel === 'string' ? subjectLabel : await subjectLabel(r.subjectId);
	// wijk_code is set by the database from the subject (never trusted from the client).
	const { error, status } = await supabase.from('reports').insert({
		subject_type: r.subjectType,
		subject_id: r.subjectId,
		subject_label: label.slice(0, 300),
		reason: r.reason,
		details: r.details
	});
	// 22023: the subject does not exist or this person cannot see it.
	if (error) return formError(messageKeyFor(error, status, { '23505': 'report_err_already', '22023': 'err_not_allowed' }), 'reason');
	return { reported: `${r.subjectType}:${r.subjectId}` };
}
