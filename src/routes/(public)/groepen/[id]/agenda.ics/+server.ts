// The group's own calendar feed, for calendar apps (which cannot log in): only a public group has one,
// and it holds what its public page shows (meetings and activities, never a buurtpreventieteam's
// rondes). Members get every meeting of their groups, rondes they walk included, in their personal
// feed (/agenda/<token>.ics) instead.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { groepEvents } from '$lib/groepen/calendar';
import { icalendar } from '$lib/repair-cafe/export';
import { clientFor } from '$lib/server/supabase';
import { must } from '$lib/server/db-errors';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ params, url }) => {
	if (!z.uuid().safeParse(params.id).success) error(404, { message: 'not_found' });
	// As a visitor, whoever asks: the feed is public or it does not exist.
	const db = await clientFor(null);
	const groep = must(await db.from('groepen').select('id, name').eq('id', params.id).maybeSingle(), 'groep');
	if (!groep) error(404, { message: 'not_found' });
	const since = new Date(Date.now() - 31 * 86_400_000).toISOString();
	const meetings = must(
		await db.from('groep_bijeenkomsten').select('id, title, kind, starts_at, ends_at, place, agenda, cancelled_at').eq('groep_id', groep.id).gte('starts_at', since).order('starts_at').limit(300),
		'groep meetings'
	);
	const events = groepEvents(meetings.map((mt) => ({ ...mt, groep: groep.id, name: groep.name, cancelled: mt.cancelled_at !== null })), url);
	return new Response(icalendar(groep.name, events), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="groep.ics"',
			'cache-control': 'public, max-age=300'
		}
	});
};
