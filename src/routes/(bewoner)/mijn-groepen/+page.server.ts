import { tickActiepunt } from '$lib/groepen/actions.server';
import { must } from '$lib/server/db-errors';
import type { Actions, PageServerLoad } from './$types';

// A resident's groups: where they are member (with the next meeting), invitations and requests that
// wait, their proposals with the worker's message, and the actiepunten they own.
export const load: PageServerLoad = async ({ locals, url }) => {
	const db = locals.supabase;
	const me = locals.user!.id;
	const now = new Date().toISOString();
	const [memberships, invitations, requests, proposals, actiepunten] = await Promise.all([
		db.from('groep_leden').select('role, groepen!inner(id, name, kind, stage, status, member_count)').eq('user_id', me).order('joined_at', { ascending: false }).limit(100),
		db.from('groep_uitnodigingen').select('id, role, groepen!inner(id, name)').eq('user_id', me).eq('status', 'open').order('created_at', { ascending: false }),
		db.from('groep_verzoeken').select('id, created_at, groepen!inner(id, name)').eq('user_id', me).eq('status', 'open').order('created_at', { ascending: false }),
		db.from('groepen').select('id, name, status, updated_at, groep_beslissingen(message)').eq('created_by', me).neq('status', 'gepubliceerd')
			.order('updated_at', { ascending: false }).order('id', { referencedTable: 'groep_beslissingen', ascending: false }).limit(1, { referencedTable: 'groep_beslissingen' }).limit(50),
		db.from('groep_actiepunten').select('id, body, due_on, groep_id, bijeenkomst_id, groepen(name)').eq('owner_id', me).is('done_at', null).order('due_on').limit(100)
	]);
	type Groep = { id: string; name: string; kind: string; stage: string; status: string; member_count: number };
	const mine = must(memberships, 'my groups').map((r) => ({ role: r.role, ...(r.groepen as unknown as Groep) })).filter((g) => g.status === 'gepubliceerd');
	const next = mine.length
		? must(await db.from('groep_bijeenkomsten').select('groep_id, id, title, starts_at').in('groep_id', mine.map((g) => g.id)).is('cancelled_at', null).gte('starts_at', now).order('starts_at').limit(200), 'next meetings')
		: [];
	return {
		groups: mine.map((g) => ({ ...g, next: next.find((n) => n.groep_id === g.id) ?? null })),
		invitations: must(invitations, 'invitations').map((i) => ({ id: i.id, role: i.role, groep: i.groepen as unknown as { id: string; name: string } })),
		requests: must(requests, 'requests').map((r) => ({ id: r.id, created_at: r.created_at, groep: r.groepen as unknown as { id: string; name: string } })),
		proposals: must(proposals, 'proposals').map(({ groep_beslissingen: decisions, ...g }) => ({ ...g, message: decisions[0]?.message ?? '' })),
		actiepunten: must(actiepunten, 'actiepunten').map((a) => ({ ...a, groep: (a.groepen as unknown as { name: string } | null)?.name ?? '' })),
		withdrawn: url.searchParams.has('ingetrokken')
	};
};

export const actions: Actions = {
	tick: (event) => tickActiepunt(event)
};
