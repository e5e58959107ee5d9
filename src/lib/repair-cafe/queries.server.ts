// Repair Cafés as the map shows them, read as the visitor (RLS decides), and the cancel action that
// the resident's and the organiser's pages share.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { MapPoint } from '$lib/components/map/types';
import { addDays, amsterdamTimestamp, type Period } from '$lib/format';
import { idSchema } from './schema';
import { messageKeyFor, must } from '$lib/server/db-errors';
import { formError, parseForm } from '$lib/server/forms';

type Db = SupabaseClient<Database>;

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
