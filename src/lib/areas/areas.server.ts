// Gemeenten, wijken and buurten (public CBS data, the same for everyone) for pickers and filters.
// Areas change with a migration or seed, not while the site runs: read once per ten minutes per process.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { must } from '$lib/server/db-errors';

export interface AreaLists {
	gemeenten: { code: string; naam: string }[];
	wijken: { code: string; naam: string; gemeente_code: string }[];
	buurten: { code: string; naam: string; wijk_code: string; lat: number; lng: number }[];
}

export interface BuurtOption {
	code: string;
	naam: string;
	wijk: string;
	gemeente: string;
	/** The buurt's centre: where a pin-picker starts. */
	lat: number;
	lng: number;
}

const CACHE_MS = 10 * 60 * 1000;
/** What a list's area selects need (AreaFilters.svelte): a page's data is written into its HTML, so no more. */
export interface AreaFilterOptions {
	gemeenten: { code: string; naam: string }[];
	wijken: { code: string; naam: string }[];
	buurten: { code: string; naam: string }[];
}

let cache: { lists: AreaLists; buurten: BuurtOption[]; filters: AreaFilterOptions; until: number } | null = null;

async function load(supabase: SupabaseClient<Database>) {
	if (cache && cache.until > Date.now()) return cache;
	const [gemeenten, wijken, buurten] = await Promise.all([
		supabase.from('gemeenten').select('code, naam').order('naam'),
		supabase.from('wijken').select('code, naam, gemeente_code').order('naam'),
		supabase.from('buurten').select('code, naam, wijk_code, lat, lng').order('naam')
	]);
	const lists = { gemeenten: must(gemeenten, 'gemeenten'), wijken: must(wijken, 'wijken'), buurten: must(buurten, 'buurten') };
	const gemeenteNaam = new Map(lists.gemeenten.map((g) => [g.code, g.naam]));
	const wijkOf = new Map(lists.wijken.map((w) => [w.code, w]));
	const options = lists.buurten
		.map((b) => {
			const wijk = wijkOf.get(b.wijk_code);
			return { code: b.code, naam: b.naam, wijk: wijk?.naam ?? '', gemeente: gemeenteNaam.get(wijk?.gemeente_code ?? '') ?? '', lat: b.lat, lng: b.lng };
		})
		.sort((a, b) => a.code.localeCompare(b.code));
	const named = ({ code, naam }: { code: string; naam: string }) => ({ code, naam });
	const filters = { gemeenten: lists.gemeenten.map(named), wijken: lists.wijken.map(named), buurten: lists.buurten.map(named) };
	cache = { lists, buurten: options, filters, until: Date.now() + CACHE_MS };
	return cache;
}

/** The gemeenten, wijken and buurten, each sorted by name, for the list filters. */
export async function areaLists(supabase: SupabaseClient<Database>): Promise<AreaLists> {
	return (await load(supabase)).lists;
}

/** The options of the gemeente, wijk and buurt filters of a list, each sorted by name. */
export async function areaFilterOptions(supabase: SupabaseClient<Database>): Promise<AreaFilterOptions> {
	return (await load(supabase)).filters;
}

/** All buurten with their wijk and gemeente, by CBS code, for pickers. */
export async function listBuurten(supabase: SupabaseClient<Database>): Promise<BuurtOption[]> {
	return (await load(supabase)).buurten;
}
