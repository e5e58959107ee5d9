// Words for codes, in the visitor's language: categories, time slots, tags and match states.
// Explicit maps rather than m[`help_cat_${code}`]: a dynamic lookup would pull every message of the
// site into the browser bundle of each page that shows a label.
import { m } from '$lib/paraglide/messages';
import type { Tag } from '$lib/account/profile-options';
import { tagLabels } from '$lib/account/labels';

type Message = () => string;

const categories: Record<string, Message> = {
	boodschappen: m.help_cat_boodschappen,
	klussen: m.help_cat_klussen,
	gezelschap: m.help_cat_gezelschap,
	vervoer: m.help_cat_vervoer,
	administratie: m.help_cat_administratie,
	digitaal: m.help_cat_digitaal,
	taal: m.help_cat_taal,
	tuin: m.help_cat_tuin,
	huisdieren: m.help_cat_huisdieren,
	anders: m.help_cat_anders
};
const statuses: Record<string, Message> = {
	open: m.help_status_open,
	gematcht: m.help_status_gematcht,
	gesloten: m.help_status_gesloten,
	voorgesteld: m.help_status_voorgesteld,
	actief: m.help_status_actief,
	afgewezen: m.help_status_afgewezen,
	gestopt: m.help_status_gestopt,
	afgesloten: m.help_status_afgesloten
};
const outcomes: Record<string, Message> = {
	geholpen: m.help_outcome_geholpen,
	niet_geholpen: m.help_outcome_niet_geholpen,
	contact_blijft: m.help_outcome_contact_blijft
};
const dayNames: Record<string, Message> = { ma: m.day_ma, di: m.day_di, wo: m.day_wo, do: m.day_do, vr: m.day_vr, za: m.day_za, zo: m.day_zo };
const partNames: Record<string, Message> = { ochtend: m.part_ochtend, middag: m.part_middag, avond: m.part_avond };

export const categoryLabel = (code: string) => categories[code]?.() ?? code;
export const statusLabel = (code: string) => statuses[code]?.() ?? code;
export const outcomeLabel = (code: string) => outcomes[code]?.() ?? code;
export const tagLabel = (code: string) => tagLabels[code as Tag]?.() ?? code;

/** "di-middag" → "dinsdag middag" */
export function slotLabel(slot: string): string {
	const [day, part] = slot.split('-');
	return `${dayNames[day]?.() ?? day} ${(partNames[part]?.() ?? part).toLowerCase()}`;
}

/** "600 m", "1,2 km" in Dutch, "1.2 km" in English. */
export function distanceText(meters: number, locale: string): string {
	if (meters < 1000) return `${meters} m`;
	return `${(meters / 1000).toLocaleString(locale === 'en' ? 'en-GB' : 'nl-NL', { maximumFractionDigits: 1 })} km`;
}

function list(items: string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} ${m.help_and()} ${items.at(-1)}`;
}

/** One suggestion's reasons as a plain sentence: "woont 600 m verderop, ook dinsdag middag, houdt ook van tuinieren". */
export function reasonsText(reasons: import('./rank').Reason[], locale: string): string {
	return reasons
		.map((r) => {
			switch (r.kind) {
				case 'category':
					return m.help_why_category();
				case 'distance':
					return m.help_why_distance({ distance: distanceText(r.meters, locale) });
				case 'time':
					return m.help_why_time({ slots: list(r.slots.map(slotLabel)) });
				case 'date':
					return m.help_why_date();
				case 'shared':
					return m.help_why_shared({ tags: list(r.tags.map(tagLabel)) });
			}
		})
		.join(', ');
}

/** When, in words: "op 3 december" or "wekelijks: dinsdag middag, donderdag middag". */
export function whenText(post: { when_kind: string; on_date: string | null; slots: string[] }, locale: string): string {
	if (post.when_kind === 'eenmalig' && post.on_date) {
		const date = new Date(`${post.on_date}T12:00:00Z`).toLocaleDateString(locale === 'en' ? 'en-GB' : 'nl-NL', { weekday: 'long', day: 'numeric', month: 'long' });
		return m.help_when_on({ date });
	}
	return m.help_when_every({ slots: list(post.slots.map(slotLabel)) });
}
