// The decision log in words: every action the database writes to audit_log, as a sentence in the
// reader's language. Named one by one (a computed message lookup would pull every message of the site
// into the page); audit.test.ts reads the migrations and fails when an action has no sentence here.
import { m } from '$lib/paraglide/messages';

export const auditSentences: Record<string, () => string> = {
	set_worker_wijken: m.werkplek_log_set_worker_wijken,
	block_account: m.werkplek_log_block_account,
	unblock_account: m.werkplek_log_unblock_account,
	erase_account: m.werkplek_log_erase_account,
	erase_own_account: m.werkplek_log_erase_own_account,
	report_open: m.werkplek_log_report_open,
	report_in_behandeling: m.werkplek_log_report_in_behandeling,
	report_afgehandeld: m.werkplek_log_report_afgehandeld,
	report_note: m.werkplek_log_report_note,
	initiatief_ingediend: m.werkplek_log_initiatief_ingediend,
	initiatief_geclaimd: m.werkplek_log_initiatief_geclaimd,
	initiatief_gepubliceerd: m.werkplek_log_initiatief_gepubliceerd,
	initiatief_aanpassing_gevraagd: m.werkplek_log_initiatief_aanpassing_gevraagd,
	initiatief_afgewezen: m.werkplek_log_initiatief_afgewezen,
	initiatief_fase: m.werkplek_log_initiatief_fase,
	initiatief_coach: m.werkplek_log_initiatief_coach,
	initiatief_groep: m.werkplek_log_initiatief_groep,
	initiatief_groep_los: m.werkplek_log_initiatief_groep_los,
	reactie_verborgen: m.werkplek_log_reactie_verborgen,
	help_approve_care: m.werkplek_log_help_approve_care,
	help_file_for_resident: m.werkplek_log_help_file_for_resident,
	rommelroute_goedgekeurd: m.werkplek_log_rommelroute_goedgekeurd,
	rommelroute_afgewezen: m.werkplek_log_rommelroute_afgewezen,
	rommelroute_wijziging_afgewezen: m.werkplek_log_rommelroute_wijziging_afgewezen,
	repair_cafe_ingediend: m.werkplek_log_repair_cafe_ingediend,
	repair_cafe_goedkeuren: m.werkplek_log_repair_cafe_goedkeuren,
	repair_cafe_afwijzen: m.werkplek_log_repair_cafe_afwijzen,
	job_retry: m.werkplek_log_job_retry,
	groep_gestart: m.werkplek_log_groep_gestart,
	groep_ingediend: m.werkplek_log_groep_ingediend,
	groep_geclaimd: m.werkplek_log_groep_geclaimd,
	groep_gepubliceerd: m.werkplek_log_groep_gepubliceerd,
	groep_aanpassing_gevraagd: m.werkplek_log_groep_aanpassing_gevraagd,
	groep_afgewezen: m.werkplek_log_groep_afgewezen,
	groep_begeleider: m.werkplek_log_groep_begeleider,
	groep_fase: m.werkplek_log_groep_fase,
	groep_verzoek_goedgekeurd: m.werkplek_log_groep_verzoek_goedgekeurd,
	groep_verzoek_afgewezen: m.werkplek_log_groep_verzoek_afgewezen,
	groep_rol: m.werkplek_log_groep_rol,
	groep_lid_verwijderd: m.werkplek_log_groep_lid_verwijderd,
	groep_uitnodiging: m.werkplek_log_groep_uitnodiging,
	groep_bericht_verborgen: m.werkplek_log_groep_bericht_verborgen,
	add_partner_contact: m.werkplek_log_add_partner_contact,
	agenda_item_created: m.werkplek_log_agenda_item_created,
	agenda_status: m.werkplek_log_agenda_status,
	zorg_beantwoord: m.werkplek_log_zorg_beantwoord,
	zorg_signaal: m.werkplek_log_zorg_signaal
};

/** The sentence for an audit action; an action without one (never, says the test) shows as itself. */
export function auditSentence(action: string): string {
	return auditSentences[action]?.() ?? action;
}
