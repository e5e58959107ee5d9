// The seven themes of opbouwwerk, used by every capability that files something under a theme
// (initiatives now; groups and signals share the same list). The database's checks hold the same codes.
import { m } from '$lib/paraglide/messages';

export const themes = ['armoede', 'eenzaamheid', 'sociale_cohesie', 'gezondheid', 'veiligheid', 'leefbaarheid', 'duurzaamheid'] as const;
export type Theme = (typeof themes)[number];

export const themeLabel: Record<string, () => string> = {
	armoede: m.theme_armoede,
	eenzaamheid: m.theme_eenzaamheid,
	sociale_cohesie: m.theme_sociale_cohesie,
	gezondheid: m.theme_gezondheid,
	veiligheid: m.theme_veiligheid,
	leefbaarheid: m.theme_leefbaarheid,
	duurzaamheid: m.theme_duurzaamheid
};

/** A few plain words beside each theme's name, so "Sociale cohesie" or "Leefbaarheid" says what it is (B1). */
export const themeHint: Record<string, () => string> = {
	armoede: m.theme_hint_armoede,
	eenzaamheid: m.theme_hint_eenzaamheid,
	sociale_cohesie: m.theme_hint_sociale_cohesie,
	gezondheid: m.theme_hint_gezondheid,
	veiligheid: m.theme_hint_veiligheid,
	leefbaarheid: m.theme_hint_leefbaarheid,
	duurzaamheid: m.theme_hint_duurzaamheid
};
