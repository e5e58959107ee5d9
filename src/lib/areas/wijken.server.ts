// The wijken a staff member works in: their own as opbouwwerker, every wijk of their gemeente as
// coordinator, all as admin. Pages use it to narrow lists and fill pickers; RLS still decides what
// may be read and written.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { AppRole } from '$lib/account/roles';
import { must } from '$lib/server/db-errors';

export interface Wijk {
	code: string;
	naam: string;
	gemeente_code: string;
}

export async function myWijken(supabase: SupabaseClient<Database>, user: { id: string; role: AppRole }): Promise<Wijk[]> {
	const all = supabase.from('wijken').select('code, naam, gemeente_code').order('naam');
	if (user.role === 'admin') return must(await all, 'wijken');
	if (user.role === 'coordinator') {
		const own = must(await supabase.from('coordinators').select('gemeente_code').eq('user_id', user.id).maybeSingle(), 'coordinator');
		if (!own) return [];
		return must(await all.eq('gemeente_code', own.gemeente_code), 'wijken');
	}
	const mine = must(await supabase.from('worker_wijken').select('wijk_code').eq('user_id', user.id), 'worker wijken');
	return must(await all.in('code', mine.map((w) => w.wijk_code)), 'wijken');
}
