// What a notification says, from its kind and the facts the database stored with it, in the current
// language (the page's, or the recipient's when a job writes a mail inside inLocale()). One place for
// the bell page, the mail at once and the digests.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { categoryLabel } from '$lib/burenhulp/labels';
import { groepNotificationText } from '$lib/groepen/texts';
import { signalenNotificationText } from '$lib/signalen/texts';
import { formatDateTime, formatDay } from '$lib/format';

export interface NotificationFacts {
	kind: string;
	params: Record<string, unknown>;
	count: number;
}

export interface NotificationText {
	title: string;
	/** A second sentence: what to do, or the worker's message. Empty when there is none. */
	detail: string;
}

function s(value: unknown): string {
	return value === null || value === undefined ? '' : String(value);
}

export function notificationText(n: NotificationFacts): NotificationText {
	const p = n.params;
	const locale = getLocale();
	const when = p.starts_at ? formatDateTime(s(p.starts_at), locale) : '';
	const day = p.day ? formatDay(s(p.day), locale) : '';
	const many = n.count > 1;
	const t = (title: string, detail = ''): NotificationText => ({ title, detail });
	switch (n.kind) {
		case 'help_match_proposed':
			return t(m.melding_help_match_proposed({ name: s(p.name), category: categoryLabel(s(p.category)) }), m.melding_help_match_proposed_detail());
		case 'help_match_accepted':
			return t(m.melding_help_match_accepted({ name: s(p.name) }), m.melding_help_match_accepted_detail());
		case 'help_match_closed':
			return t(m.melding_help_match_closed({ name: s(p.name) }), m.melding_help_match_closed_detail());
		case 'help_post_inactive': {
			const category = categoryLabel(s(p.category));
			const closes = p.closes_on ? formatDay(s(p.closes_on), locale) : '';
			return t(
				p.kind === 'aanbod' ? m.melding_help_post_inactive_aanbod({ category }) : m.melding_help_post_inactive_vraag({ category }),
				m.melding_help_post_inactive_detail({ day: closes })
			);
		}
		case 'help_message':
			return t(many ? m.melding_help_messages({ name: s(p.name), count: n.count }) : m.melding_help_message({ name: s(p.name) }));
		case 'help_care_approved':
			return t(m.melding_help_care_approved({ name: s(p.name) }));
		case 'help_checkin':
			return t(m.melding_help_checkin({ name: s(p.name) }), m.melding_help_checkin_detail());
		case 'help_suggestion': {
			const category = categoryLabel(s(p.category));
			return t(many ? m.melding_help_suggestions({ count: n.count, category }) : m.melding_help_suggestion({ category }));
		}
		case 'initiatief_published':
			return t(m.melding_initiatief_published({ title: s(p.title) }), m.melding_initiatief_published_detail());
		case 'initiatief_changes_requested':
			return t(m.melding_initiatief_changes_requested({ title: s(p.title) }), p.message ? m.melding_worker_says({ message: s(p.message) }) : '');
		case 'initiatief_declined':
			return t(m.melding_initiatief_declined({ title: s(p.title) }), p.message ? m.melding_worker_says({ message: s(p.message) }) : '');
		case 'initiatief_joined':
			return t(many ? m.melding_initiatief_joined_many({ count: n.count, title: s(p.title) }) : m.melding_initiatief_joined({ name: s(p.name), title: s(p.title) }));
		case 'initiatief_comment':
			return t(many ? m.melding_initiatief_comments({ count: n.count, title: s(p.title) }) : m.melding_initiatief_comment({ name: s(p.name), title: s(p.title) }));
		case 'initiatief_update':
			return t(many ? m.melding_initiatief_updates({ count: n.count, title: s(p.title) }) : m.melding_initiatief_update({ name: s(p.name), title: s(p.title) }));
		case 'repair_signup_confirmed':
			return t(
				p.waiting ? m.melding_repair_signup_waiting({ name: s(p.name), when }) : m.melding_repair_signup_confirmed({ name: s(p.name), when }),
				m.melding_repair_signup_detail({ item: s(p.item) })
			);
		case 'repair_moved_up':
			return t(m.melding_repair_moved_up({ name: s(p.name), when }), m.melding_repair_signup_detail({ item: s(p.item) }));
		case 'repair_date_cancelled':
			return t(m.melding_repair_date_cancelled({ name: s(p.name), when }), m.melding_repair_date_cancelled_detail());
		case 'repair_reminder':
			return t(m.melding_repair_reminder({ name: s(p.name), when }), m.melding_repair_reminder_detail({ venue: s(p.venue), address: s(p.address), item: s(p.item) }));
		case 'repair_outcomes_reminder':
			return t(m.melding_repair_outcomes_reminder({ name: s(p.name), when }), m.melding_repair_outcomes_detail({ open: s(p.open) }));
		case 'rommel_stand_approved':
			return t(m.melding_rommel_stand_approved({ title: s(p.title) }), m.melding_rommel_stand_approved_detail({ address: s(p.address), day }));
		case 'rommel_stand_refused':
			return t(m.melding_rommel_stand_refused({ title: s(p.title) }), p.reason ? m.melding_reason({ reason: s(p.reason) }) : '');
		case 'rommel_registration_closing':
			return t(
				m.melding_rommel_registration_closing({ title: s(p.title), closes: p.closes_at ? formatDateTime(s(p.closes_at), locale) : '' }),
				m.melding_rommel_registration_closing_detail({ day })
			);
		case 'rommel_route_reminder':
			return t(m.melding_rommel_route_reminder({ title: s(p.title) }), m.melding_rommel_route_reminder_detail({ address: s(p.address), starts: s(p.starts), ends: s(p.ends) }));
		case 'report_handled':
			return t(m.melding_report_handled({ label: s(p.label) }), p.resolution ? m.melding_report_handled_detail({ resolution: s(p.resolution) }) : '');
		case 'werker_digest':
			return t(
				m.melding_werker_digest(),
				m.melding_werker_digest_detail({ initiatieven: s(p.initiatieven), reports: s(p.reports), stands: s(p.stands), care: s(p.care), waiting: s(p.waiting) })
			);
		default:
			if (n.kind.startsWith('agenda_') || n.kind.startsWith('zorg_')) return signalenNotificationText(n);
			return n.kind.startsWith('groep_') ? groepNotificationText(n) : t(n.kind);
	}
}
