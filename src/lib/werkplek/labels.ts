// Words for the werkplek's fixed codes, named one by one (a computed message lookup would pull every
// message of the site into the page's JavaScript).
import { m } from '$lib/paraglide/messages';

const roles: Record<string, () => string> = {
	bewoner: m.role_bewoner,
	opbouwwerker: m.role_opbouwwerker,
	coordinator: m.werkplek_role_coordinator,
	admin: m.werkplek_role_admin
};
const reportStatuses: Record<string, () => string> = {
	open: m.werkplek_report_status_open,
	in_behandeling: m.werkplek_report_status_in_behandeling,
	afgehandeld: m.werkplek_report_status_afgehandeld
};

export const roleLabel = (role: string) => roles[role]?.() ?? role;
export const reportStatusLabel = (status: string) => reportStatuses[status]?.() ?? status;
