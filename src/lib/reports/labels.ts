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
