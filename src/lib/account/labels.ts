// Labels for the fixed interests and talents. Each message is named here, not looked up by a computed
// key: a computed lookup pulls every message of the site into the page's JavaScript.
import { m } from '$lib/paraglide/messages';
import type { Tag } from './profile-options';

export const tagLabels: Record<Tag, () => string> = {
	tuinieren: m.tag_tuinieren,
	koken: m.tag_koken,
	muziek: m.tag_muziek,
	sport: m.tag_sport,
	lezen: m.tag_lezen,
	techniek: m.tag_techniek,
	klussen: m.tag_klussen,
	handwerk: m.tag_handwerk,
	computers: m.tag_computers,
	talen: m.tag_talen,
	kinderen: m.tag_kinderen,
	dieren: m.tag_dieren,
	wandelen: m.tag_wandelen,
	fietsen: m.tag_fietsen,
	kunst: m.tag_kunst,
	spelletjes: m.tag_spelletjes,
	administratie: m.tag_administratie,
	natuur: m.tag_natuur
};
