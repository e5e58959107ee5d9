// The reasons a report can give, as in the database enum `report_reason`. No zod here: the report
// forms import this list, and zod would follow it into the browser.
export const reportReasons = ['spam', 'ongepast', 'onveilig', 'oplichting', 'privacy', 'anders'] as const;
export type ReportReason = (typeof reportReasons)[number];
