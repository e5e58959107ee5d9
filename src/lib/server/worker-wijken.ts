// The wijken a staff member works in: their own as opbouwwerker, every wijk of their gemeente as
// coordinator, all as admin. Pages use it to narrow lists; RLS still decides what may be read.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import type { AppRole } from '$lib/roles';
import { must } from './db-errors';

export async function myWijken(supabase: SupabaseClient<Database>, userId: string, role: AppRole): Promise<{ code: string; naam: string }[]> {
	if (role === 'admin') return must(await supabase.from('wijken').select('code, naam').order('naam'), 'wijken');
	if (role === 'coordinator') {
		const own = must(await supabase.from('coordinators').select('gemeente_code').eq('user_id', userId).maybeSingle(), 'coordinator');
		if (!own) return [];
		return must(await supabase.from('wijken').select('code, naam').eq('gemeente_code', own.gemeente_code).order('naam'), 'wijken');
	}
	const rows = must(await supabase.from('worker_wijken').select('wijken(code, naam)').eq('user_id', userId), 'worker wijken');
	return rows.map((r) => r.wijken as unknown as { code: string; naam: string }).sort((a, b) => a.naam.localeCompare(b.naam));
}
