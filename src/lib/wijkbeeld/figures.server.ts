// The wijkbeeld's figures, each from its own function in the database (supabase/migrations/*_wijkbeeld.sql),
// so the page, the CSV exports and the report show the same numbers. Read as the user: the database
// decides whether they may see the wijk or the gemeente.
import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { AppRole } from '$lib/account/roles';
import { areaLists } from '$lib/areas/areas.server';
import { myWijken } from '$lib/areas/wijken.server';
import { must } from '$lib/server/db-errors';
import { today } from '$lib/format';
import { periodFrom } from './chart';

type Db = SupabaseClient<Database>;

export interface Scope {
	gemeente: string;
	gemeenteNaam: string;
	/** null: the whole gemeente (coordinators only). */
	wijk: string | null;
	wijkNaam: string;
	from: string;
	to: string;
	/** The wijken the person may choose between. */
	choices: { code: string; naam: string }[];
	wholeGemeente: boolean;
}

/** Which gemeente, wijk and period the request asks for, within what the person may see. */
export async function scopeFor(supabase: Db, user: { id: string; role: AppRole }, url: URL): Promise<Scope> {
	if (user.role !== 'coordinator' && user.role !== 'opbouwwerker') error(403, { message: 'forbidden' });
	const period = periodFrom(url.searchParams, today());
	if (!period) error(400, { message: 'bad period' });
	const wijken = await myWijken(supabase, user);
	if (wijken.length === 0) error(403, { message: 'forbidden' });
	const asked = url.searchParams.get('wijk') ?? '';
	const coordinator = user.role === 'coordinator';
	const wijk = wijken.find((w) => w.code === asked) ?? (coordinator ? null : wijken[0]);
	const gemeente = wijk?.gemeente_code ?? wijken[0].gemeente_code;
	const { gemeenten } = await areaLists(supabase);
	const { error: refused } = await supabase.rpc('wijkbeeld_access', { p_gemeente: gemeente, p_wijk: wijk?.code ?? null as unknown as string, p_from: period.from, p_to: period.to });
	if (refused) error(refused.code === '42501' ? 403 : 400, { message: 'forbidden' });
	return {
		gemeente,
		gemeenteNaam: gemeenten.find((g) => g.code === gemeente)?.naam ?? gemeente,
		wijk: wijk?.code ?? null,
		wijkNaam: wijk?.naam ?? '',
		from: period.from,
		to: period.to,
		choices: wijken.map((w) => ({ code: w.code, naam: w.naam })),
		wholeGemeente: coordinator
	};
}

function args(scope: Scope) {
	return { p_gemeente: scope.gemeente, p_wijk: scope.wijk as string, p_from: scope.from, p_to: scope.to };
}

export async function loadFigures(supabase: Db, scope: Scope) {
	const a = args(scope);
	const [signalen, stijgers, initiatieven, burenhulp, repairs, visitors, rommelroute, groepen, bereik, areas] = await Promise.all([
		supabase.rpc('wijkbeeld_signalen', a),
		supabase.rpc('wijkbeeld_stijgers', a),
		supabase.rpc('wijkbeeld_initiatieven', a),
		supabase.rpc('wijkbeeld_burenhulp', a),
		supabase.rpc('wijkbeeld_repairs', a),
		supabase.rpc('wijkbeeld_repair_visitors', a),
		supabase.rpc('wijkbeeld_rommelroute', a),
		supabase.rpc('wijkbeeld_groepen', a),
		supabase.rpc('wijkbeeld_bereik', a),
		areaLists(supabase)
	]);
	const buurtNaam = new Map(areas.buurten.map((b) => [b.code, b.naam]));
	const naam = (code: string) => buurtNaam.get(code) ?? code;
	return {
		signalen: must(signalen, 'signalen').map((r) => ({ ...r, buurt: naam(r.buurt_code) })),
		stijgers: must(stijgers, 'stijgers').map((r) => ({ ...r, buurt: naam(r.buurt_code) })),
		initiatieven: must(initiatieven, 'initiatieven'),
		burenhulp: must(burenhulp, 'burenhulp'),
		repairs: must(repairs, 'repairs').map((r) => ({ ...r, kg_saved: Number(r.kg_saved) })),
		visitors: must(visitors, 'visitors') ?? 0,
		rommelroute: must(rommelroute, 'rommelroute'),
		groepen: must(groepen, 'groepen'),
		bereik: must(bereik, 'bereik').map((r) => ({ ...r, buurt: naam(r.buurt_code) }))
	};
}
export type Figures = Awaited<ReturnType<typeof loadFigures>>;
