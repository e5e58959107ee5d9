// Words for the kinds, the groups and the e-mail choices, in the reader's language. Named one by one:
// a computed m[key] would pull every message into the page's bundle.
import { groepKindLabels } from '$lib/groepen/labels';
import { signalenKindLabels } from '$lib/signalen/labels';
import { m } from '$lib/paraglide/messages';
import type { EmailMode, KindGroup, NotificationKind } from './codes';

type Message = () => string;

export const kindLabels: Record<NotificationKind, Message> = {
	help_match_proposed: m.melding_kind_help_match_proposed,
	help_match_accepted: m.melding_kind_help_match_accepted,
	help_match_closed: m.melding_kind_help_match_closed,
	help_post_inactive: m.melding_kind_help_post_inactive,
	help_message: m.melding_kind_help_message,
	help_care_approved: m.melding_kind_help_care_approved,
	help_checkin: m.melding_kind_help_checkin,
	help_suggestion: m.melding_kind_help_suggestion,
	initiatief_published: m.melding_kind_initiatief_published,
	initiatief_changes_requested: m.melding_kind_initiatief_changes_requested,
	initiatief_declined: m.melding_kind_initiatief_declined,
	initiatief_joined: m.melding_kind_initiatief_joined,
	initiatief_comment: m.melding_kind_initiatief_comment,
	initiatief_update: m.melding_kind_initiatief_update,
	repair_signup_confirmed: m.melding_kind_repair_signup_confirmed,
	repair_moved_up: m.melding_kind_repair_moved_up,
	repair_date_cancelled: m.melding_kind_repair_date_cancelled,
	repair_reminder: m.melding_kind_repair_reminder,
	repair_outcomes_reminder: m.melding_kind_repair_outcomes_reminder,
	rommel_stand_approved: m.melding_kind_rommel_stand_approved,
	rommel_stand_refused: m.melding_kind_rommel_stand_refused,
	rommel_registration_closing: m.melding_kind_rommel_registration_closing,
	rommel_route_reminder: m.melding_kind_rommel_route_reminder,
	report_handled: m.melding_kind_report_handled,
	werker_digest: m.melding_kind_werker_digest,
	...groepKindLabels,
	...signalenKindLabels
};

export const groupLabels: Record<KindGroup, Message> = {
	burenhulp: m.melding_group_burenhulp,
	initiatieven: m.melding_group_initiatieven,
	repair: m.melding_group_repair,
	rommelroute: m.melding_group_rommelroute,
	groepen: m.melding_group_groepen,
	signalen: m.melding_group_signalen,
	other: m.melding_group_other
};

export const modeLabels: Record<EmailMode, Message> = {
	direct: m.melding_mode_direct,
	daily: m.melding_mode_daily,
	weekly: m.melding_mode_weekly,
	none: m.melding_mode_none
};

/** What an unsubscribe link stops, in words: a kind of notification, or a summary. */
export function mailKindLabel(kind: string): string {
	if (kind === 'digest_daily') return m.afmelden_kind_digest_daily();
	if (kind === 'digest_weekly') return m.afmelden_kind_digest_weekly();
	return kindLabels[kind as NotificationKind]?.() ?? m.afmelden_kind_other();
}
