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
