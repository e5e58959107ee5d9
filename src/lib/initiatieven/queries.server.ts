// Saving an initiative (new, or the author's own concept) through the one database function that
// writes it, with the database's refusals turned into messages a resident understands.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { filterByArea } from '$lib/areas/filter';
import { initiatiefSchema, type ListFilter } from './schema';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm, postedValues } from '$lib/server/forms';
import { fail } from '@sveltejs/kit';
import { resolvePlace } from '$lib/adres/place.server';
import { currentEvent } from '$lib/server/db-errors';
import { m } from '$lib/paraglide/messages';
import { paged } from '$lib/paging';

export const INITIATIEF_ARRAYS = ['themes', 'needs'];

export async function saveInitiatief(request: Request, supabase: SupabaseClient<Database>, id: string | null) {
	const parsed = await parseForm(request, initiatiefSchema, { arrays: INITIATIEF_ARRAYS });
	if ('failure' in parsed) return { failure: parsed.failure };
	const v = parsed.data;
	const place = await resolvePlace(supabase, v);
	if ('error' in place) {
		const event = currentEvent();
		const values = (event && postedValues(event)) ?? {};
		const message = place.error === 'adres_err_outside' ? m.adres_err_outside({ gemeente: place.gemeente }) : m.adres_err_unknown();
		return { failure: fail(400, { values, errors: { address: message } }) };
	}
	const { data, error, status } = await supabase.rpc('save_initiatief', {
		p_id: id as string,
		p_title: v.title,
		p_body: v.body,
		p_themes: v.themes,
		p_buurt_code: v.buurtCode,
		p_lat: place.lat as number,
		p_lng: place.lng as number,
		p_address: place.address,
		p_needs: v.needs,
		p_hands_count: v.needs.includes('handen') ? (v.handsCount as number) : (null as unknown as number),
		p_materials: v.needs.includes('materialen') ? v.materials : '',
		p_space: v.needs.includes('ruimte') ? v.space : '',
		p_money_amount: v.needs.includes('geld') ? (v.moneyAmount as number) : (null as unknown as number),
		p_starts_on: v.startsOn as string,
		p_when_text: v.whenText,
		p_submit: v.intent === 'indienen'
	});
	if (error?.code === '23503' || error?.code === '23502') return { failure: formError('err_buurt', 'buurtCode') };
	if (error?.hint === 'place_outside_gemeente') return { failure: formError('adres_err_pin_outside', 'address') };
	if (error) return { failure: formError(messageKeyFor(error, status, { '55000': 'initiatief_err_locked' })) };
	return { id: data as string, submitted: v.intent === 'indienen', later: place.later };
}

export const LIST_PAGE_SIZE = 20;

type Db = SupabaseClient<Database>;

const PHOTO = 'fotos(id, alt, width, height, widths, hash)' as const;
/** What a card in the list shows; a page's data is written into its HTML, so nothing more (issue 15). */
const CARD = `id, title, summary, themes, stage, joiner_count, buurten(naam), ${PHOTO}` as const;
/** A card beside the map also has its place. */
const PLACED = 'id, title, stage, lat, lng, place_status, buurten(naam, lat, lng)' as const;

/** The published initiatives matching the filters, one page of cards, newest first. */
export async function listPublished(supabase: Db, f: ListFilter, pageSize = LIST_PAGE_SIZE) {
	const { rows, ...paging } = await publishedPage(supabase, f, pageSize, CARD);
	return {
		...paging,
		rows: rows.map(({ buurten, ...card }) => ({ ...card, buurt: (buurten as { naam: string } | null)?.naam ?? '' }))
	};
}

/** The same page for the map's side list: each with its place (see withPlace). */
export async function listPublishedPlaced(supabase: Db, f: ListFilter, pageSize = LIST_PAGE_SIZE) {
	const { rows, ...paging } = await publishedPage(supabase, f, pageSize, PLACED);
	return {
		...paging,
		rows: rows.map((r) => {
			const { lat: _lat, lng: _lng, place_status: _status, buurten: _buurten, ...rest } = withPlace(r);
			return rest;
		})
	};
}

async function publishedPage<S extends string>(supabase: Db, f: ListFilter, pageSize: number, select: S) {
	const query = applyFilter(supabase.from('initiatieven').select(select, { count: 'estimated' }).eq('status', 'gepubliceerd'), f);
	const result = await query
		.order('published_at', { ascending: false })
		.order('id')
		.range((f.pagina - 1) * pageSize, f.pagina * pageSize - 1);
	// A page past the end answers 416 from PostgREST; show it as an empty page instead.
	const rows = result.status === 416 ? [] : must(result, 'initiatieven list');
	return { ...paged(result.count, f.pagina, pageSize, rows.length), rows };
}

/** Every published initiative matching the filters as map points (id, title, place), at most `limit`. */
export async function pointsPublished(supabase: Db, f: ListFilter, limit = 5000) {
	const query = applyFilter(supabase.from('initiatieven').select('id, title, lat, lng, place_status, buurten(naam, lat, lng)').eq('status', 'gepubliceerd').is('place_status', null), f);
	const rows = must(await query.order('published_at', { ascending: false }).limit(limit), 'initiatieven points');
	return rows.map(withPlace);
}

// Filters are applied identically to the list and the map, so they always show the same initiatives.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function applyFilter<Q extends { textSearch: any; contains: any; eq: any }>(query: Q, f: ListFilter): Q {
	let q = query;
	if (f.q) q = q.textSearch('search', f.q, { config: 'dutch', type: 'websearch' });
	if (f.thema) q = q.contains('themes', [f.thema]);
	if (f.nodig) q = q.contains('needs', [f.nodig]);
	if (f.fase) q = q.eq('stage', f.fase);
	return filterByArea(q, f);
}

/**
 * An initiative without its own pin is shown at the centre of its buurt; one whose address is still
 * being looked up (or waits for a worker) is in the list, not on the map.
 */
function withPlace<R extends { lat: number | null; lng: number | null; buurten: unknown; place_status?: string | null }>(row: R) {
	const buurt = row.buurten as { naam: string; lat: number; lng: number } | null;
	const pending = !!row.place_status;
	return {
		...row,
		buurt: buurt?.naam ?? '',
		place: pending
			? { lat: undefined, lng: undefined, exact: false }
			: { lat: row.lat ?? buurt?.lat ?? 52.3, lng: row.lng ?? buurt?.lng ?? 5.3, exact: row.lat !== null }
	};
}
