import { z } from 'zod';
import { text } from '$lib/fields';
import { myWijken } from '$lib/areas/wijken.server';
import { werkplekSection as groepenSection } from '$lib/groepen/werkplek.server';
import { messageKeyFor, must } from '$lib/server/db-errors';
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
	const groepen = groepenSection(locals.supabase, (await myWijken(locals.supabase, locals.user!)).map((w) => w.code));
	const [initiatieven, reports, wijken, newSeries, changedSeries] = await Promise.all([
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
		locals.supabase.from('wijken').select('code, naam'),
		// Repair Cafés waiting for a worker who does not organise them: new ones, and changed texts.
		locals.supabase.from('repair_cafe_series').select('id, name').is('approved_at', null).eq('published', false).neq('organiser_id', me).order('created_at').limit(50),
		locals.supabase.from('repair_cafe_series_changes').select('series_id, repair_cafe_series!inner(name, organiser_id)').neq('repair_cafe_series.organiser_id', me).order('proposed_at').limit(50)
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
		repairCafes: [
			...must(newSeries, 'repair cafés to review').map((r) => ({ id: r.id, name: r.name, changed: false })),
			...must(changedSeries, 'repair café changes').map((c) => ({ id: c.series_id, name: (c.repair_cafe_series as unknown as { name: string }).name, changed: true }))
		],
		groepen: await groepen,
		page,
		pages: Math.max(1, Math.ceil((reports.count ?? 0) / PAGE_SIZE))
	};
};

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
		// Internal notes on a report live in the audit log, written by the database with its own clock
		// and the acting worker: workers of the wijk read them there.
		const { error, status } = await locals.supabase.rpc('add_report_note', { p_report: parsed.data.id, p_note: parsed.data.note });
		if (error) return formError(messageKeyFor(error, status));
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
