// The wijken a worker may act in, for pickers. Only a convenience: RLS refuses other wijken anyway.
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { must } from './db-errors';

export async function myWijken(supabase: SupabaseClient<Database>, user: { id: string; role: string }) {
	const all = must(await supabase.from('wijken').select('code, naam, gemeente_code, gemeenten(naam)').order('naam'), 'wijken');
	if (user.role === 'admin') return all;
	if (user.role === 'coordinator') {
		const own = must(await supabase.from('coordinators').select('gemeente_code').eq('user_id', user.id).maybeSingle(), 'coordinator');
		return all.filter((w) => w.gemeente_code === own?.gemeente_code);
	}
	const mine = must(await supabase.from('worker_wijken').select('wijk_code').eq('user_id', user.id), 'worker wijken');
	const codes = new Set(mine.map((w) => w.wijk_code));
	return all.filter((w) => codes.has(w.code));
}
