// Group meetings as calendar events, for the group's public feed and a member's personal feed
// (/agenda/<token>.ics adds them to their Repair Café and Rommelroute entries).
import { m } from '$lib/paraglide/messages';
import type { CalendarEvent } from '$lib/repair-cafe/export';

export interface FeedMeeting {
	id: number;
	groep: string;
	name: string;
	title: string;
	kind: string;
	starts_at: string;
	ends_at: string;
	place: string;
	agenda: string;
	cancelled: boolean;
}

export function groepEvents(meetings: readonly FeedMeeting[], site: URL): CalendarEvent[] {
	return meetings.map((mt) => ({
		// One UID per meeting whichever feed carries it, so a calendar that reads both shows it once.
		uid: `groep-bijeenkomst-${mt.id}@${site.host}`,
		start: new Date(mt.starts_at),
		end: new Date(mt.ends_at),
		summary: mt.kind === 'ronde' ? m.groep_calendar_ronde({ name: mt.name }) : `${mt.title} – ${mt.name}`,
		location: mt.place,
		description: mt.agenda,
		url: `${site.origin}/groepen/${mt.groep}/bijeenkomsten/${mt.id}`,
		cancelled: mt.cancelled
	}));
}
