// The personal calendar feed: a resident's Repair Café sign-ups, Rommelroute stand and group meetings, for calendar
// apps (which cannot log in), behind a secret token made on /profiel/meldingen. The database looks
// the token up by its hash (calendar_feed) and returns only that person's appointments.
import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { icalendar, type CalendarEvent } from '$lib/repair-cafe/export';
import { groepEvents } from '$lib/groepen/calendar';
import { groepFeed } from '$lib/groepen/calendar.server';
import { must } from '$lib/server/db-errors';
import { inLocale } from '$lib/server/i18n';
import type { RequestHandler } from './$types';

interface Feed {
	locale: string;
	repair: { id: number; status: string; item: string; name: string; venue: string; address: string; series: string; starts_at: string; ends_at: string; cancelled: boolean }[];
	rommelroute: { id: number; status: string; title: string; edition: string; address: string; starts_at: string; ends_at: string }[];
}

export const GET: RequestHandler = async ({ locals, params, url }) => {
	if (!/^[\w-]{20,100}$/.test(params.token)) error(404, { message: 'not_found' });
	const feed = must(await locals.supabase.rpc('calendar_feed', { p_token: params.token }), 'calendar feed') as unknown as Feed | null;
	if (!feed) error(404, { message: 'not_found' });
	const groepen = await groepFeed(locals.supabase, params.token);
	const body = inLocale(feed.locale, () => {
		const events: CalendarEvent[] = [
			...feed.repair.map((s) => ({
				uid: `repair-cafe-signup-${s.id}@${url.host}`,
				start: new Date(s.starts_at),
				end: new Date(s.ends_at),
				summary: s.status === 'waiting' ? `${s.name} (${m.agenda_waiting()})` : s.name,
				location: `${s.venue}, ${s.address}`,
				description: s.item,
				url: `${url.origin}/repair-cafe/${s.series}`,
				cancelled: s.cancelled
			})),
			...feed.rommelroute.map((s) => ({
				uid: `rommelroute-stand-${s.id}@${url.host}`,
				start: new Date(s.starts_at),
				end: new Date(s.ends_at),
				summary: m.agenda_stand({ title: s.title }),
				location: s.address,
				description: '',
				url: `${url.origin}/rommelroute/${s.edition}`,
				cancelled: false
			})),
			...groepEvents(groepen, url)
		];
		return icalendar(m.agenda_calendar_name(), events);
	});
	return new Response(body, {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': 'inline; filename="buurtplein.ics"',
			'cache-control': 'private, max-age=300',
			'x-robots-tag': 'noindex'
		}
	});
};
