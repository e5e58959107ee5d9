// The kinds of notification and the e-mail choices, as fixed lists for pages and jobs (no zod here).
// The database holds the same list with the defaults (public.notification_kinds); a test keeps them equal.
import { groepNotificationKinds } from '../groepen/codes.ts';
import { signalenNotificationKinds } from '../signalen/codes.ts';

export const emailModes = ['direct', 'daily', 'weekly', 'none'] as const;
export type EmailMode = (typeof emailModes)[number];

export const kindGroups = {
	burenhulp: ['help_match_proposed', 'help_match_accepted', 'help_message', 'help_care_approved', 'help_checkin', 'help_suggestion', 'help_match_closed', 'help_post_inactive'],
	initiatieven: ['initiatief_published', 'initiatief_changes_requested', 'initiatief_declined', 'initiatief_joined', 'initiatief_comment', 'initiatief_update'],
	repair: ['repair_signup_confirmed', 'repair_moved_up', 'repair_date_cancelled', 'repair_reminder', 'repair_outcomes_reminder'],
	rommelroute: ['rommel_stand_approved', 'rommel_stand_refused', 'rommel_registration_closing', 'rommel_route_reminder'],
	other: ['report_handled', 'werker_digest'],
	// Listed in the order of notification_kinds.position (groups are 70–88).
	groepen: groepNotificationKinds,
	// Signals, the partners' agenda and residents' zorgen (100–103).
	signalen: signalenNotificationKinds
} as const;
export type KindGroup = keyof typeof kindGroups;
export type NotificationKind = (typeof kindGroups)[KindGroup][number];
export const notificationKinds = Object.values(kindGroups).flat() as NotificationKind[];

/** Only staff get these; residents do not see the choice. */
export const staffOnlyKinds: readonly NotificationKind[] = ['werker_digest', 'groep_quiet', 'agenda_item_answered'];

/** Only contact people of partner organisations get these; they get none of the others. */
export const partnerOnlyKinds: readonly NotificationKind[] = ['agenda_item_new', 'agenda_item_waiting'];

export const PAGE_SIZE = 20;
