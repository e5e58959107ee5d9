// An iCalendar feed per Repair Café, so residents see its dates in their own calendar app.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { icalendar } from '$lib/repair-cafe/export';
import { must } from '$lib/server/db-errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!z.uuid().safeParse(params.id).success) error(404, { message: 'not_found' });
	const series = must(
		await locals.supabase.from('repair_cafe_series').select('id, name, venue, address, description').eq('id', params.id).maybeSingle(),
		'repair café'
	);
	if (!series) error(404, { message: 'not_found' });
	const since = new Date(Date.now() - 31 * 86_400_000).toISOString();
	const dates = must(
		await locals.supabase.from('repair_cafe_dates').select('id, starts_at, ends_at, cancelled').eq('series_id', params.id).gte('starts_at', since).order('starts_at').limit(200),
		'repair café dates'
	);
	const pageUrl = `${url.origin}/repair-cafe/${series.id}`;
	const body = icalendar(
		series.name,
		dates.map((d) => ({
			uid: `repair-cafe-date-${d.id}@${url.host}`,
			start: new Date(d.starts_at),
			end: new Date(d.ends_at),
			summary: series.name,
			location: `${series.venue}, ${series.address}`,
			description: series.description,
			url: pageUrl,
			cancelled: d.cancelled
		}))
	);
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `inline; filename="repair-cafe.ics"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
