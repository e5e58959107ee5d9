import { z } from 'zod';
import { text } from '$lib/fields';
import { myWijken } from '$lib/areas/wijken.server';
import { werkplekSection as groepenSection } from '$lib/groepen/werkplek.server';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { pageFrom, type Paged } from '$lib/werkplek/paging';
import {
	careApprovals, coachedInitiatieven, openReports, placesToPlace, standsToReview, submittedInitiatieven, waitingRequests, wijkenWithoutWorker
} from '$lib/werkplek/queue.server';
import { formError, parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad } from './$types';

const reportId = z.coerce.number({ error: 'err_invalid' }).int().positive();
const claimSchema = z.object({ id: reportId });
const noteSchema = z.object({ id: reportId, note: text(1000, { min: 2, multiline: true }) });
const resolveSchema = z.object({ id: reportId, resolution: text(1000, { min: 2, multiline: true }) });

// One page over everything waiting in the worker's wijken, each section with its full count and its
// own pages. RLS decides what is in it: workers see their own wijken, coordinators their gemeente.
export const load: PageServerLoad = async ({ locals, url }) => {
	const user = locals.user!;
	const me = user.id;
	const wijken = await myWijken(locals.supabase, user);
	const codes = wijken.map((w) => w.code);
	const coordinates = user.role === 'coordinator' || user.role === 'admin';
	const [initiatieven, reports, stands, care, waiting, coaching, groepen, unassigned, newSeries, changedSeries, places] = await Promise.all([
		submittedInitiatieven(locals.supabase, me, pageFrom(url, 'initiatieven')),
		openReports(locals.supabase, me, pageFrom(url, 'meldingen')),
		standsToReview(locals.supabase, codes, pageFrom(url, 'kramen')),
		careApprovals(locals.supabase, codes, pageFrom(url, 'zorg')),
		waitingRequests(locals.supabase, codes, pageFrom(url, 'hulpvragen')),
		coachedInitiatieven(locals.supabase, me, pageFrom(url, 'coaching')),
		groepenSection(locals.supabase, codes),
		coordinates ? wijkenWithoutWorker(locals.supabase, wijken) : Promise.resolve(null),
		// Repair Cafés waiting for a worker who does not organise them: new ones, and changed texts.
		locals.supabase.from('repair_cafe_series').select('id, name').is('approved_at', null).eq('published', false).neq('organiser_id', me).order('created_at').limit(50),
		locals.supabase.from('repair_cafe_series_changes').select('series_id, repair_cafe_series!inner(name, organiser_id)').neq('repair_cafe_series.organiser_id', me).order('proposed_at').limit(50),
		placesToPlace(locals.supabase, codes, pageFrom(url, 'plekken'))
	]);
	const wijkNaam = new Map(wijken.map((w) => [w.code, w.naam]));
	const named = <T extends { wijkCode: string }>(section: Paged<T>) => ({ ...section, items: section.items.map((i) => ({ ...i, wijk: wijkNaam.get(i.wijkCode) ?? i.wijkCode })) });
	return {
		me,
		initiatieven: named(initiatieven),
		reports: { ...reports, items: reports.items.map((r) => ({ ...r, wijk: wijkNaam.get(r.wijk_code) ?? r.wijk_code })) },
		stands: named(stands),
		care: named(care),
		waiting: named(waiting),
		coaching: named(coaching),
		places: named(places),
		groepen,
		unassigned,
		repairCafes: [
			...must(newSeries, 'repair cafés to review').map((r) => ({ id: r.id, name: r.name, changed: false })),
			...must(changedSeries, 'repair café changes').map((c) => ({ id: c.series_id, name: (c.repair_cafe_series as unknown as { name: string }).name, changed: true }))
		]
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
