import { myWijken } from '$lib/areas/wijken.server';
import { isQuiet, quietBefore } from '$lib/groepen/minutes';
import { placeName } from '$lib/groepen/queries.server';
import { must } from '$lib/server/db-errors';
import type { PageServerLoad } from './$types';

// The worker's groups: proposals waiting in their wijken, the groups they facilitate with the date
// each stage was reached, groups that went quiet (no meeting or post for eight weeks) and groups
// without a facilitator. RLS still decides what may be read.
export const load: PageServerLoad = async ({ locals }) => {
	const me = locals.user!;
	const wijken = (await myWijken(locals.supabase, me)).map((w) => w.code);
	const db = locals.supabase;
	const cols = 'id, name, kind, stage, member_count, last_activity_at, opstart_at, samen_op_weg_at, zelfstandig_at, facilitator_id, buurten(naam), wijken(naam)';
	const [waiting, mine, quiet, orphans] = await Promise.all([
		db.from('groepen').select('id, name, kind, submitted_at, buurten(naam), wijken(naam), claimer:profile_names!groepen_claimed_by_fkey(display_name)').eq('status', 'ingediend').in('wijk_code', wijken).order('submitted_at').limit(100),
		db.from('groepen').select(cols).eq('status', 'gepubliceerd').eq('facilitator_id', me.id).order('name').limit(200),
		db.from('groepen').select(cols).eq('status', 'gepubliceerd').in('wijk_code', wijken).lt('last_activity_at', quietBefore()).order('last_activity_at').limit(100),
		db.from('groepen').select(cols).eq('status', 'gepubliceerd').in('wijk_code', wijken).is('facilitator_id', null).order('name').limit(100)
	]);
	const withPlace = <R extends { buurten: unknown; wijken: unknown }>(r: R) => ({ ...r, area: placeName(r) });
	return {
		waiting: must(waiting, 'waiting groups').map((g) => ({ ...withPlace(g), claimer: (g.claimer as unknown as { display_name: string } | null)?.display_name ?? null })),
		mine: must(mine, 'facilitated groups').map((g) => ({ ...withPlace(g), quiet: isQuiet(g.last_activity_at) })),
		quiet: must(quiet, 'quiet groups').map((g) => ({ ...withPlace(g), mine: g.facilitator_id === me.id })),
		orphans: must(orphans, 'groups without facilitator').map(withPlace)
	};
};
