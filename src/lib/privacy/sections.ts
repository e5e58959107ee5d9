// The parts of my_data() as a person reads them: a title, who can see it, and the top-level keys of
// the JSON export that hold it (documented in docs/ARCHITECTURE.md, "Mijn gegevens and erasure").
import { m } from '$lib/paraglide/messages';

export type MyData = Record<string, unknown>;

export interface PrivacySection {
	id: string;
	keys: string[];
	title: () => string;
	who: () => string;
}

export const SECTIONS: PrivacySection[] = [
	{ id: 'account', keys: ['account', 'huisregels'], title: () => m.privacy_s_account(), who: () => m.privacy_w_account() },
	{ id: 'profile', keys: ['profile'], title: () => m.privacy_s_profile(), who: () => m.privacy_w_profile() },
	{ id: 'private_contact', keys: ['private_contact'], title: () => m.privacy_s_private_contact(), who: () => m.privacy_w_private_contact() },
	{ id: 'burenhulp', keys: ['burenhulp'], title: () => m.privacy_s_burenhulp(), who: () => m.privacy_w_burenhulp() },
	{ id: 'initiatieven', keys: ['initiatieven'], title: () => m.privacy_s_initiatieven(), who: () => m.privacy_w_initiatieven() },
	{ id: 'repair_cafe', keys: ['repair_cafe'], title: () => m.privacy_s_repair_cafe(), who: () => m.privacy_w_repair_cafe() },
	{ id: 'rommelroute', keys: ['rommelroute'], title: () => m.privacy_s_rommelroute(), who: () => m.privacy_w_rommelroute() },
	{ id: 'groepen', keys: ['groepen'], title: () => m.privacy_s_groepen(), who: () => m.privacy_w_groepen() },
	{ id: 'photos', keys: ['photos'], title: () => m.privacy_s_photos(), who: () => m.privacy_w_photos() },
	{ id: 'zorgen', keys: ['zorgen'], title: () => m.privacy_s_zorgen(), who: () => m.privacy_w_zorgen() },
	{ id: 'reports', keys: ['reports_filed'], title: () => m.privacy_s_reports(), who: () => m.privacy_w_reports() },
	{ id: 'notifications', keys: ['notifications', 'notification_preferences', 'calendar_feed'], title: () => m.privacy_s_notifications(), who: () => m.privacy_w_notifications() },
	{ id: 'sessions', keys: ['sessions', 'tokens'], title: () => m.privacy_s_sessions(), who: () => m.privacy_w_sessions() },
	{ id: 'audit', keys: ['audit'], title: () => m.privacy_s_audit(), who: () => m.privacy_w_audit() },
	{ id: 'staff', keys: ['staff', 'staff_actions'], title: () => m.privacy_s_staff(), who: () => m.privacy_w_staff() }
];

/** How many things a part holds: the rows in its lists, or 1 for a filled-in record. */
export function countOf(value: unknown): number {
	if (value === null || value === undefined) return 0;
	const isRecord = (v: unknown) => v !== null && typeof v === 'object' && !Array.isArray(v);
	if (Array.isArray(value)) return value.length;
	if (isRecord(value)) {
		const entries = Object.values(value as Record<string, unknown>);
		// A group of lists (burenhulp: posts, matches, …) counts its rows; a record (the profile) is one.
		if (entries.some((v) => isRecord(v) || (Array.isArray(v) && v.some(isRecord)))) return entries.reduce<number>((n, v) => n + countOf(v), 0);
		return entries.some((v) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)) ? 1 : 0;
	}
	return 1;
}

export function sectionCount(data: MyData, section: PrivacySection): number {
	return section.keys.reduce((n, key) => n + countOf(data[key]), 0);
}
