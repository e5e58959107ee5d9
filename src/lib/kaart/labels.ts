// Labels for the codes the database stores, in the visitor's language.
import { m } from '$lib/paraglide/messages';

export function categoryLabel(category: string): string {
	const labels: Record<string, () => string> = {
		electrical: m.repair_cat_electrical,
		textile: m.repair_cat_textile,
		bicycle: m.repair_cat_bicycle,
		furniture: m.repair_cat_furniture,
		computer: m.repair_cat_computer,
		other: m.repair_cat_other
	};
	return labels[category]?.() ?? category;
}

export function outcomeLabel(outcome: string | null): string {
	const labels: Record<string, () => string> = {
		fixed: m.repair_outcome_fixed,
		repairable: m.repair_outcome_repairable,
		end_of_life: m.repair_outcome_end_of_life
	};
	return outcome ? (labels[outcome]?.() ?? outcome) : m.repair_outcome_none();
}

export function goodsLabel(good: string): string {
	const labels: Record<string, () => string> = {
		kleding: m.rommel_goods_kleding,
		boeken: m.rommel_goods_boeken,
		speelgoed: m.rommel_goods_speelgoed,
		huisraad: m.rommel_goods_huisraad,
		meubels: m.rommel_goods_meubels,
		elektronica: m.rommel_goods_elektronica,
		planten: m.rommel_goods_planten,
		'eten-drinken': m.rommel_goods_eten_drinken,
		anders: m.rommel_goods_anders
	};
	return labels[good]?.() ?? good;
}

export function standStatusLabel(status: string): string {
	const labels: Record<string, () => string> = {
		aangemeld: m.rommel_status_aangemeld,
		goedgekeurd: m.rommel_status_goedgekeurd,
		afgewezen: m.rommel_status_afgewezen,
		ingetrokken: m.rommel_status_ingetrokken
	};
	return labels[status]?.() ?? status;
}
