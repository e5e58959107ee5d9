// What a group notification says, from its kind and the facts the database stored with it, in the
// current language. The notifications capability (src/lib/meldingen/texts.ts) hands every groep_ kind
// to this function.
import { m } from '$lib/paraglide/messages';
import { getLocale } from '$lib/paraglide/runtime';
import { formatDate, formatDateTime } from '$lib/format';
import { label, roleLabel, stageLabel } from './labels';

interface Facts {
	kind: string;
	params: Record<string, unknown>;
	count: number;
}

function s(value: unknown): string {
	return value === null || value === undefined ? '' : String(value);
}

export function groepNotificationText(n: Facts): { title: string; detail: string } {
	const p = n.params;
	const locale = getLocale();
	const name = s(p.name);
	const person = s(p.person);
	const when = p.starts_at ? formatDateTime(s(p.starts_at), locale) : '';
	const title = p.kind === 'ronde' ? m.groep_meeting_kind_ronde() : s(p.title);
	const many = n.count > 1;
	const says = p.message ? m.melding_worker_says({ message: s(p.message) }) : '';
	const reason = p.reason ? m.melding_reason({ reason: s(p.reason) }) : '';
	const t = (text: string, detail = '') => ({ title: text, detail });
	switch (n.kind) {
		case 'groep_published':
			return t(m.melding_groep_published({ name }), m.melding_groep_published_detail());
		case 'groep_changes_requested':
			return t(m.melding_groep_changes_requested({ name }), says);
		case 'groep_declined':
			return t(m.melding_groep_declined({ name }), says);
		case 'groep_join_request':
			return t(many ? m.melding_groep_join_requests({ count: n.count, name }) : m.melding_groep_join_request({ person, name }), m.melding_groep_join_request_detail());
		case 'groep_join_approved':
			return t(m.melding_groep_join_approved({ name }), reason);
		case 'groep_join_declined':
			return t(m.melding_groep_join_declined({ name }), reason);
		case 'groep_member_joined':
			return t(many ? m.melding_groep_members_joined({ count: n.count, name }) : m.melding_groep_member_joined({ person, name }));
		case 'groep_invited':
			return t(m.melding_groep_invited({ name }), m.melding_groep_invited_detail({ role: label(roleLabel, s(p.role)) }));
		case 'groep_removed':
			return t(m.melding_groep_removed({ name }), reason);
		case 'groep_meeting_new':
			return t(many ? m.melding_groep_meetings_new({ count: n.count, name }) : m.melding_groep_meeting_new({ title, name, when }), m.melding_groep_meeting_new_detail());
		case 'groep_meeting_changed':
			return t(m.melding_groep_meeting_changed({ title, name }), m.melding_groep_meeting_changed_detail({ when, place: s(p.place) }));
		case 'groep_meeting_cancelled':
			return t(m.melding_groep_meeting_cancelled({ title, name, when }), reason);
		case 'groep_meeting_reminder':
			return t(m.melding_groep_meeting_reminder({ title, name }), m.melding_groep_meeting_reminder_detail({ when, place: s(p.place) }));
		case 'groep_minutes':
			return t(m.melding_groep_minutes({ title, name }));
		case 'groep_actiepunt_assigned':
			return t(m.melding_groep_actiepunt_assigned({ name, body: s(p.body) }), m.melding_groep_actiepunt_day({ day: formatDate(s(p.day), locale) }));
		case 'groep_actiepunt_due':
			return t(m.melding_groep_actiepunt_due({ body: s(p.body) }), m.melding_groep_actiepunt_due_detail({ name }));
		case 'groep_stage':
			return t(m.melding_groep_stage({ name, stage: label(stageLabel, s(p.stage)) }));
		case 'groep_post':
			return t(many ? m.melding_groep_posts({ count: n.count, name }) : m.melding_groep_post({ person, name }));
		case 'groep_quiet':
			return t(m.melding_groep_quiet({ name }), m.melding_groep_quiet_detail({ since: p.since ? formatDate(s(p.since), locale) : '' }));
		default:
			return t(n.kind);
	}
}
