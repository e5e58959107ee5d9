// "Mijn buurtplein": every capability's section of a person's overview, read at once through the
// person's own client (RLS decides what is theirs).
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '$lib/database.types';
import { overviewSection as burenhulp } from '$lib/burenhulp/overview.server';
import { overviewSection as groepen } from '$lib/groepen/overview.server';
import { overviewSection as initiatieven } from '$lib/initiatieven/overview.server';
import { overviewSection as meldingen } from '$lib/meldingen/overview.server';
import { overviewSection as aanmeldingen } from '$lib/repair-cafe/overview.server';
import type { OverviewSection } from './sections';

export async function loadOverview(supabase: SupabaseClient<Database>, user: { id: string }): Promise<OverviewSection[]> {
	const sections = await Promise.all([meldingen(supabase), burenhulp(supabase), initiatieven(supabase, user), groepen(supabase, user), aanmeldingen(supabase, user)]);
	return sections.filter((s): s is OverviewSection => s !== null);
}
