// Labels for the codes the database stores, in the visitor's language.
import { m } from '$lib/paraglide/messages';

export const themeLabel: Record<string, () => string> = {
	armoede: m.theme_armoede,
	eenzaamheid: m.theme_eenzaamheid,
	sociale_cohesie: m.theme_sociale_cohesie,
	gezondheid: m.theme_gezondheid,
	veiligheid: m.theme_veiligheid,
	leefbaarheid: m.theme_leefbaarheid,
	duurzaamheid: m.theme_duurzaamheid
};

export const needLabel: Record<string, () => string> = {
	handen: m.initiative_need_handen,
	materialen: m.initiative_need_materialen,
	ruimte: m.initiative_need_ruimte,
	geld: m.initiative_need_geld
};

export const bringLabel: Record<string, () => string> = {
	handen: m.initiative_bring_handen,
	materialen: m.initiative_bring_materialen,
	vaardigheid: m.initiative_bring_vaardigheid,
	anders: m.initiative_bring_anders
};

export const stageLabel: Record<string, () => string> = {
	idee: m.initiative_stage_idee,
	plan: m.initiative_stage_plan,
	uitvoering: m.initiative_stage_uitvoering,
	zelfstandig: m.initiative_stage_zelfstandig,
	afgerond: m.initiative_stage_afgerond
};

export const statusLabel: Record<string, () => string> = {
	concept: m.initiative_status_concept,
	ingediend: m.initiative_status_ingediend,
	aanpassing_gevraagd: m.initiative_status_aanpassing_gevraagd,
	gepubliceerd: m.initiative_status_gepubliceerd,
	afgewezen: m.initiative_status_afgewezen
};

export const label = (map: Record<string, () => string>, code: string): string => map[code]?.() ?? code;

/** Euro amounts as Dutch readers expect them. */
export function euro(amount: number | null, locale = 'nl'): string {
	if (amount === null) return '';
	return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { style: 'currency', currency: 'EUR' }).format(amount);
}

export function formatDate(value: string | null, locale = 'nl'): string {
	if (!value) return '';
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long' }).format(new Date(value));
}
