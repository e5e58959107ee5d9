// What a signals notification says, from its kind and the facts the database stored with it, in the
// current language. The notifications capability hands every agenda_ kind to this function.
import { m } from '$lib/paraglide/messages';

interface Facts {
	kind: string;
	params: Record<string, unknown>;
	count: number;
}

function s(value: unknown): string {
	return value === null || value === undefined ? '' : String(value);
}

export function signalenNotificationText(n: Facts): { title: string; detail: string } {
	const p = n.params;
	const wijk = s(p.wijk);
	switch (n.kind) {
		case 'agenda_item_new': {
			const count = Number(p.count ?? 1);
			return {
				title: count > 1 ? m.melding_agenda_item_new({ count, wijk }) : m.melding_agenda_item_new_one({ wijk }),
				detail: m.melding_agenda_item_new_detail()
			};
		}
		case 'agenda_item_waiting':
			return { title: m.melding_agenda_item_waiting({ wijk }), detail: m.melding_agenda_item_new_detail() };
		case 'zorg_beantwoord':
			return { title: m.melding_zorg_beantwoord({ buurt: s(p.buurt) }), detail: '' };
		case 'agenda_item_answered':
			return { title: m.melding_agenda_item_answered({ partner: s(p.partner) }), detail: '' };
		default:
			return { title: n.kind, detail: '' };
	}
}
