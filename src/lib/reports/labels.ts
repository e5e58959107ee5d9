// Words for report reasons, named one by one: a computed message lookup would pull every message of
// the site into the page's JavaScript.
import { m } from '$lib/paraglide/messages';
import type { ReportReason } from './codes';

export const reportReasonLabels: Record<ReportReason, () => string> = {
	spam: m.report_reason_spam,
	ongepast: m.report_reason_ongepast,
	onveilig: m.report_reason_onveilig,
	oplichting: m.report_reason_oplichting,
	privacy: m.report_reason_privacy,
	anders: m.report_reason_anders
};

export function reportReasonLabel(reason: string): string {
	return reportReasonLabels[reason as ReportReason]?.() ?? reason;
}

// What kind of thing a report is about, for the werkplek (one line per type in links.ts).
export const reportTypeLabels: Record<string, () => string> = {
	initiatief: m.werkplek_type_initiatief,
	initiatief_reactie: m.werkplek_type_initiatief_reactie,
	person: m.werkplek_type_person,
	help_match: m.werkplek_type_help_match,
	help_post: m.report_type_help_post,
	help_message: m.report_type_help_message,
	repair_cafe: m.report_type_repair_cafe,
	rommelroute_stand: m.report_type_rommelroute_stand,
	groep: m.groep_report_type_groep,
	groep_bericht: m.groep_report_type_bericht
};

export function reportTypeLabel(subjectType: string): string {
	return reportTypeLabels[subjectType]?.() ?? subjectType;
}
