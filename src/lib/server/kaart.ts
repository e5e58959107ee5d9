// What the maps show, read as the visitor (RLS decides): Repair Cafés with their next date in a
// period, Rommelroute editions in it, and an edition's approved stands as compact GeoJSON.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { MapPoint } from '$lib/components/map/types';
import { addDays, amsterdamTimestamp } from '$lib/format';
import { idSchema } from '$lib/schemas/kaart';
import { must } from './db-errors';
import { formError, parseForm } from './forms';
import { messageKeyFor } from './kaart-errors';

type Db = SupabaseClient<Database>;

export interface Period {
	from: string;
	until: string;
}

export interface RepairCafePoint extends MapPoint {
	nextDate: string;
	free: number;
	venue: string;
}

/** One point per Repair Café with a date in the period, at its venue, carrying its next date. */
export async function repairCafePoints(supabase: Db, period: Period): Promise<RepairCafePoint[]> {
	const rows = must(
		await supabase
			.from('repair_cafe_dates')
			.select('starts_at, capacity, booked, repair_cafe_series!inner(id, name, venue, lat, lng)')
			.eq('cancelled', false)
			.gte('starts_at', amsterdamTimestamp(period.from))
			.lt('starts_at', amsterdamTimestamp(addDays(period.until, 1)))
			.gt('starts_at', new Date().toISOString())
			.order('starts_at')
			.limit(500),
		'repair café dates'
	);
	const points = new Map<string, RepairCafePoint>();
	for (const row of rows) {
		const s = row.repair_cafe_series as unknown as { id: string; name: string; venue: string; lat: number; lng: number };
		if (points.has(s.id)) continue;
		points.set(s.id, {
			id: `r${s.id}`,
			kind: 'repair_cafe',
			lat: s.lat,
			lng: s.lng,
			title: s.name,
			href: `/repair-cafe/${s.id}`,
			venue: s.venue,
			nextDate: row.starts_at,
			free: row.capacity - row.booked
		});
	}
	return [...points.values()];
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
const standsCache = new Map<string, { at: number; collection: Promise<GeoJSON.FeatureCollection>; text?: string; gzip?: Buffer }>();

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
	return entry as typeof entry & { text?: string; gzip?: Buffer };
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

/** A JSON response, gzipped when the browser accepts it: the map data is the biggest thing we send. */
export async function jsonResponse(body: unknown, request: Request, maxAge = 60): Promise<Response> {
	const text = JSON.stringify(body);
	const headers: Record<string, string> = {
		'content-type': 'application/geo+json; charset=utf-8',
		'cache-control': `public, max-age=${maxAge}`,
		vary: 'accept-encoding'
	};
	if (/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '') && text.length > 1024) {
		const { gzipSync } = await import('node:zlib');
		return new Response(gzipSync(text), { headers: { ...headers, 'content-encoding': 'gzip' } });
	}
	return new Response(text, { headers });
}

/**
 * The form action that cancels a Repair Café sign-up, for the resident ("mijn") and the organiser
 * alike: the database decides who may, and moves the first on the waiting list up.
 */
export async function cancelSignup({ request, locals }: { request: Request; locals: App.Locals }) {
	const parsed = await parseForm(request, idSchema);
	if ('failure' in parsed) return parsed.failure;
	const { error, status } = await locals.supabase.rpc('repair_cafe_cancel', { p_signup: parsed.data.id });
	if (error) return formError(messageKeyFor(error, status));
	return { done: 'signup_cancelled' as const };
}
