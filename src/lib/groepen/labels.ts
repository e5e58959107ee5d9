// Labels for the codes the database stores about groups, in the reader's language. Named one by one:
// a computed m[key] would pull every message into the page's bundle.
import { m } from '$lib/paraglide/messages';
import type { GroepNotificationKind } from './codes';

type Message = () => string;

export const kindLabel: Record<string, Message> = {
	bewonerscommissie: m.groep_kind_bewonerscommissie,
	buurtpreventieteam: m.groep_kind_buurtpreventieteam,
	vrijwilligers: m.groep_kind_vrijwilligers,
	thema_groep: m.groep_kind_thema_groep,
	anders: m.groep_kind_anders
};

export const stageLabel: Record<string, Message> = {
	opstart: m.groep_stage_opstart,
	samen_op_weg: m.groep_stage_samen_op_weg,
	zelfstandig: m.groep_stage_zelfstandig
};

export const statusLabel: Record<string, Message> = {
	ingediend: m.groep_status_ingediend,
	aanpassing_gevraagd: m.groep_status_aanpassing_gevraagd,
	gepubliceerd: m.groep_status_gepubliceerd,
	afgewezen: m.groep_status_afgewezen
};

export const joinModeLabel: Record<string, Message> = {
	open: m.groep_join_mode_open,
	op_verzoek: m.groep_join_mode_op_verzoek
};

export const visibilityLabel: Record<string, Message> = {
	openbaar: m.groep_visibility_openbaar,
	leden: m.groep_visibility_leden
};

export const roleLabel: Record<string, Message> = {
	trekker: m.groep_role_trekker,
	lid: m.groep_role_lid
};

export const meetingKindLabel: Record<string, Message> = {
	vergadering: m.groep_meeting_kind_vergadering,
	activiteit: m.groep_meeting_kind_activiteit,
	ronde: m.groep_meeting_kind_ronde
};

export const placeKindLabel: Record<string, Message> = {
	adres: m.groep_place_kind_adres,
	buurthuis: m.groep_place_kind_buurthuis
};

export const label = (map: Record<string, Message>, code: string): string => map[code]?.() ?? code;

/** What each kind of group notification is about, for the e-mail preferences. */
export const groepKindLabels: Record<GroepNotificationKind, Message> = {
	groep_published: m.melding_kind_groep_published,
	groep_changes_requested: m.melding_kind_groep_changes_requested,
	groep_declined: m.melding_kind_groep_declined,
	groep_join_request: m.melding_kind_groep_join_request,
	groep_join_approved: m.melding_kind_groep_join_approved,
	groep_join_declined: m.melding_kind_groep_join_declined,
	groep_member_joined: m.melding_kind_groep_member_joined,
	groep_invited: m.melding_kind_groep_invited,
	groep_removed: m.melding_kind_groep_removed,
	groep_meeting_new: m.melding_kind_groep_meeting_new,
	groep_meeting_changed: m.melding_kind_groep_meeting_changed,
	groep_meeting_cancelled: m.melding_kind_groep_meeting_cancelled,
	groep_meeting_reminder: m.melding_kind_groep_meeting_reminder,
	groep_minutes: m.melding_kind_groep_minutes,
	groep_actiepunt_assigned: m.melding_kind_groep_actiepunt_assigned,
	groep_actiepunt_due: m.melding_kind_groep_actiepunt_due,
	groep_stage: m.melding_kind_groep_stage,
	groep_post: m.melding_kind_groep_post,
	groep_quiet: m.melding_kind_groep_quiet
};
