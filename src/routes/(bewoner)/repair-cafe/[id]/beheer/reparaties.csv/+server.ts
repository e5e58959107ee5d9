// The outcomes of a Repair Café as CSV in the Open Repair Data Standard's columns, for the
// organiser to share with the Open Repair Alliance or the municipality. RLS limits it to managers.
import { ordsCsv } from '$lib/repair-cafe/export';
import { must } from '$lib/server/db-errors';
import { managedSeries } from '$lib/repair-cafe/series.server';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params }) => {
	const series = await managedSeries(locals.supabase, params.id);
	const rows = must(
		await locals.supabase
			.from('repair_cafe_signups')
			.select('id, category, item, problem, outcome, repair_cafe_dates!inner(starts_at, series_id)')
			.eq('repair_cafe_dates.series_id', series.id)
			.not('outcome', 'is', null)
			.order('id')
			.limit(10_000),
		'outcomes'
	);
	const csv = ordsCsv(
		rows.map((r) => ({
			id: r.id,
			category: r.category,
			item: r.item,
			problem: r.problem,
			outcome: r.outcome as 'fixed' | 'repairable' | 'end_of_life',
			eventDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date((r.repair_cafe_dates as unknown as { starts_at: string }).starts_at))
		})),
		'buurtplein',
		series.name
	);
	return new Response(csv, {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="repair-cafe-${series.id.slice(0, 8)}-reparaties.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
