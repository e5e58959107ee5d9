import { error } from '@sveltejs/kit';
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import type { Database } from '$lib/database.types';
import type { Period } from '$lib/format';
import { clusterIndex, type ClusterIndex, type Viewport } from '$lib/server/clusters';
import { must } from '$lib/server/db-errors';

type Db = SupabaseClient<Database>;

/** The edition of the URL, or a 404. Editions are public. */
export async function loadEdition(supabase: Db, id: string) {
	if (!z.uuid().safeParse(id).success) error(404, { message: 'not_found' });
	const edition = must(
		await supabase
			.from('rommelroute_editions')
			.select('id, title, day, starts, ends, registration_opens, registration_closes, description, wijk_code, wijken(naam, gemeente_code)')
			.eq('id', id)
			.maybeSingle(),
		'rommelroute edition'
	);
	if (!edition) error(404, { message: 'not_found' });
	const wijk = edition.wijken as unknown as { naam: string; gemeente_code: string };
	return { ...edition, wijk: wijk.naam, gemeente: wijk.gemeente_code, starts: edition.starts.slice(0, 5), ends: edition.ends.slice(0, 5) };
}

/**
 * An edition's page in one request (issue 15): the edition, one page of its approved stands, their
 * number (exact up to 1000, else the planner's estimate) and the caller's own stands in it. A 404 for
 * an unknown edition.
 */
export async function loadEditionPage(supabase: Db, id: string, offset: number, limit: number) {
	if (!z.uuid().safeParse(id).success) error(404, { message: 'not_found' });
	const page = must(await supabase.rpc('rommelroute_edition_page', { p_edition: id, p_offset: offset, p_limit: limit }, { get: true }), 'rommelroute edition page') as unknown as {
		edition: { id: string; title: string; day: string; starts: string; ends: string; registration_opens: string; registration_closes: string; description: string; wijk_code: string; wijk: string; gemeente: string };
		total: number;
		stands: PublicStand[];
		mine: { id: number; status: string }[];
	} | null;
	if (!page) error(404, { message: 'not_found' });
	const { edition } = page;
	return { ...page, edition: { ...edition, starts: edition.starts.slice(0, 5), ends: edition.ends.slice(0, 5) } };
}

/** An approved stand as everyone may see it (rommelroute_stands_public; a view, so typed nullable). */
export interface PublicStand {
	id: number;
	street: string;
	huisnummer: number;
	toevoeging: string;
	postcode: string;
	city: string;
	/** Null while the place is being looked up: in the list, not on the map. */
	lat: number | null;
	lng: number | null;
	sells: string[];
	description: string;
	shown_name: string;
}

export interface EditionSummary {
	id: string;
	title: string;
	day: string;
	starts: string;
	ends: string;
	wijk: string;
	stands: number;
}

export async function editionsInPeriod(supabase: Db, period: Period): Promise<EditionSummary[]> {
	const rows = must(
		await supabase
			.from('rommelroute_editions')
			.select('id, title, day, starts, ends, wijken!inner(naam)')
			.gte('day', period.from)
			.lte('day', period.until)
			.order('day')
			.limit(50),
		'rommelroute editions'
	);
	return Promise.all(
		rows.map(async (e) => {
			const count = await supabase.from('rommelroute_stands_public').select('id', { count: 'exact', head: true }).eq('edition_id', e.id);
			must(count, 'stand count');
			return {
				id: e.id,
				title: e.title,
				day: e.day,
				starts: e.starts.slice(0, 5),
				ends: e.ends.slice(0, 5),
				wijk: (e.wijken as unknown as { naam: string }).naam,
				stands: count.count ?? 0
			};
		})
	);
}

// An edition's stands change only when a worker decides on one, and every visitor sees the same
// approved stands; so the map data (megabytes for a big route) is built once per half minute per
// process, and at once again after a decision made here.
const STANDS_CACHE_MS = 30_000;
const standsCache = new Map<string, { at: number; collection: Promise<GeoJSON.FeatureCollection>; text?: string; gzip?: Buffer; index?: ClusterIndex }>();

/** All approved stands of an edition as one GeoJSON FeatureCollection (built in the database). */
export async function standsGeoJSON(supabase: Db, editionId: string): Promise<GeoJSON.FeatureCollection> {
	return (await cachedStands(supabase, editionId)).collection;
}

async function cachedStands(supabase: Db, editionId: string) {
	const hit = standsCache.get(editionId);
	if (hit && Date.now() - hit.at < STANDS_CACHE_MS) return hit;
	const entry = {
		at: Date.now(),
		collection: (async () =>
			must(await supabase.rpc('rommelroute_map', { p_edition: editionId }), 'stands geojson') as unknown as GeoJSON.FeatureCollection)()
	};
	standsCache.set(editionId, entry);
	try {
		await entry.collection;
	} catch (error) {
		standsCache.delete(editionId);
		throw error;
	}
	return entry as typeof entry & { text?: string; gzip?: Buffer; index?: ClusterIndex };
}

export function forgetStands(editionId: string): void {
	standsCache.delete(editionId);
}

/** An edition's map data as a response, serialised and compressed once per cache period. */
export async function standsResponse(supabase: Db, editionId: string, request: Request): Promise<Response> {
	const entry = await cachedStands(supabase, editionId);
	entry.text ??= JSON.stringify(await entry.collection);
	const headers = { 'content-type': 'application/geo+json; charset=utf-8', 'cache-control': 'public, max-age=30', vary: 'accept-encoding' };
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
		const { gzipSync } = await import('node:zlib');
		entry.gzip ??= gzipSync(entry.text);
		return new Response(new Uint8Array(entry.gzip), { headers: { ...headers, 'content-encoding': 'gzip' } });
	}
	return new Response(entry.text, { headers });
}

/**
 * The clusters and single stands the map draws in one viewport, from a supercluster index built with
 * the cached map data (so it is rebuilt when that is: after half a minute, or at once after a decision).
 */
export async function standsInView(supabase: Db, editionId: string, viewport: Viewport) {
	const entry = await cachedStands(supabase, editionId);
	entry.index ??= clusterIndex(await entry.collection);
	return entry.index.query(viewport);
}
