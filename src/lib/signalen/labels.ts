// Labels for the codes signals store, in the reader's language. Named one by one: a computed m[key]
// would pull every message into the page's bundle.
import { m } from '$lib/paraglide/messages';

type Message = () => string;

export const partnerKindLabel: Record<string, Message> = {
	gemeente: m.signaal_partner_kind_gemeente,
	woningcorporatie: m.signaal_partner_kind_woningcorporatie,
	politie: m.signaal_partner_kind_politie,
	sociaal_wijkteam: m.signaal_partner_kind_sociaal_wijkteam,
	zorg: m.signaal_partner_kind_zorg,
	welzijn: m.signaal_partner_kind_welzijn,
	anders: m.signaal_partner_kind_anders
};

export const sourceLabel: Record<string, Message> = {
	bewoner: m.signaal_source_bewoner,
	eigen_waarneming: m.signaal_source_eigen_waarneming,
	partner: m.signaal_source_partner,
	vergadering: m.signaal_source_vergadering
};

export const urgencyLabel: Record<string, Message> = {
	laag: m.signaal_urgency_laag,
	normaal: m.signaal_urgency_normaal,
	hoog: m.signaal_urgency_hoog
};

export const statusLabel: Record<string, Message> = {
	open: m.signaal_status_open,
	in_behandeling: m.signaal_status_in_behandeling,
	beantwoord: m.signaal_status_beantwoord,
	afgesloten: m.signaal_status_afgesloten
};

export const personalDataLabel: Record<string, Message> = {
	name: m.signaal_pd_name,
	phone: m.signaal_pd_phone,
	email: m.signaal_pd_email,
	address: m.signaal_pd_address,
	bsn: m.signaal_pd_bsn
};

export const signalenKindLabels = {
	agenda_item_new: m.melding_kind_agenda_item_new,
	agenda_item_waiting: m.melding_kind_agenda_item_waiting,
	agenda_item_answered: m.melding_kind_agenda_item_answered,
	zorg_beantwoord: m.melding_kind_zorg_beantwoord
};

export const zorgStatusLabel: Record<string, Message> = {
	nieuw: m.signaal_zorg_status_nieuw,
	beantwoord: m.signaal_zorg_status_beantwoord,
	signaal: m.signaal_zorg_status_signaal
};

export function label(labels: Record<string, Message>, code: string): string {
	return labels[code]?.() ?? code;
}
