import { z } from 'zod';
import { text } from '$lib/schemas/common';
import { must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const PAGE_SIZE = 25;
const reportId = z.coerce.number({ error: 'err_invalid' }).int().positive();
const claimSchema = z.object({ id: reportId });
const noteSchema = z.object({ id: reportId, note: text(1000, { min: 2, multiline: true }) });
const resolveSchema = z.object({ id: reportId, resolution: text(1000, { min: 2, multiline: true }) });

// One queue over every kind of content of the worker's wijken. RLS decides what is in it: workers
// see the submitted initiatives and the reports of their own wijken (coordinators: their gemeente).
export const load: PageServerLoad = async ({ locals, url }) => {
	const me = locals.user!.id;
	const page = Math.max(1, Math.min(10_000, Number.parseInt(url.searchParams.get('pagina') ?? '1', 10) || 1));
	const [initiatieven, reports, wijken] = await Promise.all([
		locals.supabase
			.from('initiatieven')
			.select('id, title, submitted_at, wijk_code, claimed_by, buurten(naam), claimer:profiles!initiatieven_claimed_by_fkey(display_name)', { count: 'exact' })
			.eq('status', 'ingediend')
			.neq('author_id', me)
			.order('submitted_at')
			.limit(100),
		locals.supabase
			.from('reports')
			.select('id, subject_type, subject_id, subject_label, reason, details, status, wijk_code, claimed_by, created_at, claimer:profiles!reports_claimed_by_fkey(display_name)', { count: 'exact' })
			.in('status', ['open', 'in_behandeling'])
			.neq('reporter_id', me)
			.order('created_at')
			.range((page - 1) * PAGE_SIZE, page * PAGE_SIZE - 1),
		locals.supabase.from('wijken').select('code, naam')
	]);
	const reportRows = reports.status === 416 ? [] : must(reports, 'reports queue');
	const notes = reportRows.length
		? must(
				await locals.supabase
					.from('audit_log')
					.select('id, subject_id, reason, created_at, profiles(display_name)')
					.eq('subject_type', 'report')
					.eq('action', 'report_note')
					.in('subject_id', reportRows.map((r) => String(r.id)))
					.order('id'),
				'report notes'
			)
		: [];
	const wijkNaam = new Map(must(wijken, 'wijken').map((w) => [w.code, w.naam]));
	return {
		me,
		initiatieven: must(initiatieven, 'initiatieven queue').map((i) => ({
			...i,
			wijk: wijkNaam.get(i.wijk_code) ?? i.wijk_code,
			buurt: (i.buurten as unknown as { naam: string } | null)?.naam ?? '',
			claimer: (i.claimer as unknown as { display_name: string } | null)?.display_name ?? null
		})),
		initiatievenCount: initiatieven.count ?? 0,
		reports: reportRows.map((r) => ({
			...r,
			wijk: wijkNaam.get(r.wijk_code) ?? r.wijk_code,
			claimer: (r.claimer as unknown as { display_name: string } | null)?.display_name ?? null,
			notes: notes.filter((n) => n.subject_id === String(r.id)).map((n) => ({ ...n, by: (n.profiles as unknown as { display_name: string } | null)?.display_name ?? '' }))
		})),
		page,
		pages: Math.max(1, Math.ceil((reports.count ?? 0) / PAGE_SIZE))
	};
};

async function wijkOf(locals: App.Locals, id: number): Promise<string | null> {
	const { data } = await locals.supabase.from('reports').select('wijk_code').eq('id', id).maybeSingle();
	return data?.wijk_code ?? null;
}

export const actions: Actions = {
	claim: async ({ request, locals }) => {
		const parsed = await parseForm(request, claimSchema);
		if ('failure' in parsed) return parsed.failure;
		const { data, error } = await locals.supabase
			.from('reports')
			.update({ status: 'in_behandeling', claimed_by: locals.user!.id })
			.eq('id', parsed.data.id)
			.neq('status', 'afgehandeld')
			.select('id');
		if (error || !data?.length) return formError('err_not_allowed');
		return { done: 'claim', id: parsed.data.id };
	},
	note: async ({ request, locals }) => {
		const parsed = await parseForm(request, noteSchema);
		if ('failure' in parsed) return parsed.failure;
		// Internal notes on a report live in the audit log: workers of the wijk read them there.
		const wijk = await wijkOf(locals, parsed.data.id);
		if (!wijk) return formError('err_not_allowed');
		const { error } = await locals.supabase.from('audit_log').insert({
			actor_id: locals.user!.id, action: 'report_note', subject_type: 'report', subject_id: String(parsed.data.id), wijk_code: wijk, reason: parsed.data.note
		});
		if (error) return formError('err_not_allowed');
		return { done: 'note', id: parsed.data.id };
	},
	resolve: async ({ request, locals }) => {
		const parsed = await parseForm(request, resolveSchema);
		if ('failure' in parsed) return parsed.failure;
		const { data, error } = await locals.supabase
			.from('reports')
			.update({ status: 'afgehandeld', resolution: parsed.data.resolution })
			.eq('id', parsed.data.id)
			.select('id');
		if (error || !data?.length) return formError('err_not_allowed');
		return { done: 'resolve', id: parsed.data.id };
	}
};
