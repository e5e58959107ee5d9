// The codes the database allows for groups, in a module without zod so that pages can import them cheaply.
export const groepKinds = ['bewonerscommissie', 'buurtpreventieteam', 'vrijwilligers', 'thema_groep', 'anders'] as const;
export const joinModes = ['open', 'op_verzoek'] as const;
export const visibilities = ['openbaar', 'leden'] as const;
export const groepStatuses = ['ingediend', 'aanpassing_gevraagd', 'gepubliceerd', 'afgewezen'] as const;
export const groepStages = ['opstart', 'samen_op_weg', 'zelfstandig'] as const;
export const memberRoles = ['trekker', 'lid'] as const;
export const meetingKinds = ['vergadering', 'activiteit', 'ronde'] as const;
export const placeKinds = ['adres', 'buurthuis'] as const;

export type GroepKind = (typeof groepKinds)[number];
export type GroepStage = (typeof groepStages)[number];
export type MeetingKind = (typeof meetingKinds)[number];

/** A buurtpreventieteam walks rondes; other groups meet and organise activities. */
export function meetingKindsFor(kind: string): readonly MeetingKind[] {
	return kind === 'buurtpreventieteam' ? meetingKinds : meetingKinds.filter((k) => k !== 'ronde');
}

/** No meeting or board post for this long: the group went quiet (the facilitator is told). */
export const QUIET_WEEKS = 8;
export const LIST_PAGE_SIZE = 20;

/** The kinds of notification groups write (public.notification_kinds holds the same, with defaults). */
export const groepNotificationKinds = [
	'groep_published',
	'groep_changes_requested',
	'groep_declined',
	'groep_join_request',
	'groep_join_approved',
	'groep_join_declined',
	'groep_member_joined',
	'groep_invited',
	'groep_removed',
	'groep_meeting_new',
	'groep_meeting_changed',
	'groep_meeting_cancelled',
	'groep_meeting_reminder',
	'groep_minutes',
	'groep_actiepunt_assigned',
	'groep_actiepunt_due',
	'groep_stage',
	'groep_post',
	'groep_quiet'
] as const;
export type GroepNotificationKind = (typeof groepNotificationKinds)[number];
