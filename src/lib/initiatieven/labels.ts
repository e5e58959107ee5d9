// Labels for the codes the database stores, in the visitor's language.
import { m } from '$lib/paraglide/messages';

export const needLabel: Record<string, () => string> = {
	handen: m.initiatief_need_handen,
	materialen: m.initiatief_need_materialen,
	ruimte: m.initiatief_need_ruimte,
	geld: m.initiatief_need_geld
};

export const bringLabel: Record<string, () => string> = {
	handen: m.initiatief_bring_handen,
	materialen: m.initiatief_bring_materialen,
	vaardigheid: m.initiatief_bring_vaardigheid,
	anders: m.initiatief_bring_anders
};

export const stageLabel: Record<string, () => string> = {
	idee: m.initiatief_stage_idee,
	plan: m.initiatief_stage_plan,
	uitvoering: m.initiatief_stage_uitvoering,
	zelfstandig: m.initiatief_stage_zelfstandig,
	afgerond: m.initiatief_stage_afgerond
};

export const statusLabel: Record<string, () => string> = {
	concept: m.initiatief_status_concept,
	ingediend: m.initiatief_status_ingediend,
	aanpassing_gevraagd: m.initiatief_status_aanpassing_gevraagd,
	gepubliceerd: m.initiatief_status_gepubliceerd,
	afgewezen: m.initiatief_status_afgewezen
};

export const label = (map: Record<string, () => string>, code: string): string => map[code]?.() ?? code;
