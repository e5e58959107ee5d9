// Labels for the Rommelroute's codes, in the visitor's language.
import { m } from '$lib/paraglide/messages';

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
