import { error } from '@sveltejs/kit';
import { callGroep, loadGroep, scoped } from '$lib/groepen/queries.server';
import { contactSchema, inviteSchema, removeSchema, requestDecisionSchema, roleSchema } from '$lib/groepen/schema';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// Who is in the group: members see first names and the contact details others chose to share; whoever
// leads decides on requests and roles; the workers of the wijk also remove and invite.
export const load: PageServerLoad = async ({ locals, params }) => {
	const { groep, viewer } = await loadGroep(locals, params.id);
	if (!viewer.insider && !viewer.worker) error(403, { message: 'forbidden' });
	const db = locals.supabase;
	const [members, contacts, requests, invitations] = await Promise.all([
		db.from('groep_ledenlijst').select('user_id, first_name, full_name, role, joined_at').eq('groep_id', groep.id).order('role', { ascending: false }).order('joined_at'),
		db.from('groep_contacten').select('user_id, contact').eq('groep_id', groep.id),
		viewer.leads || viewer.worker
			? db.from('groep_verzoeken').select('id, answer, created_at, groep_namen!groep_verzoeken_user_id_fkey(first_name)').eq('groep_id', groep.id).eq('status', 'open').order('created_at')
			: null,
		viewer.leads || viewer.worker
			? db.from('groep_uitnodigingen').select('id, role, created_at, groep_namen!groep_uitnodigingen_user_id_fkey(first_name)').eq('groep_id', groep.id).eq('status', 'open').order('created_at')
			: null
	]);
	const contactOf = new Map(must(contacts, 'contacts').map((c) => [c.user_id, c.contact]));
	type Named = { groep_namen: { first_name: string } | null };
	return {
		groep,
		viewer,
		members: must(members, 'members').map((p) => ({ ...p, contact: contactOf.get(p.user_id ?? '') ?? null })),
		myContact: contactOf.get(locals.user!.id) ?? '',
		requests: requests ? (must(requests, 'requests') as unknown as (Named & { id: number; answer: string; created_at: string })[]) : [],
		invitations: invitations ? (must(invitations, 'invitations') as unknown as (Named & { id: number; role: string; created_at: string })[]) : []
	};
};

async function call(event: RequestEvent, form: string, fn: string, args: Record<string, unknown>, field?: string) {
	const result = await callGroep(event, form, fn, args, field);
	return 'failure' in result ? result.failure : { done: form };
}

export const actions: Actions = {
	contact: async (event) => {
		const parsed = await parseForm(event.request, contactSchema);
		if ('failure' in parsed) return scoped('contact', parsed.failure);
		return call(event, 'contact', 'set_groep_contact', { p_id: event.params.id, p_contact: parsed.data.contact }, 'contact');
	},
	decide: async (event) => {
		const parsed = await parseForm(event.request, requestDecisionSchema);
		if ('failure' in parsed) return scoped('decide', parsed.failure);
		const result = await callGroep(event, 'decide', 'decide_groep_request', {
			p_request: parsed.data.requestId,
			p_approve: parsed.data.decision === 'goedkeuren',
			p_reason: parsed.data.reason
		});
		if ('failure' in result) return result.failure;
		return { done: 'decide', decision: parsed.data.decision };
	},
	role: async (event) => {
		const parsed = await parseForm(event.request, roleSchema);
		if ('failure' in parsed) return scoped('role', parsed.failure);
		return call(event, 'role', 'set_groep_role', { p_id: event.params.id, p_user: parsed.data.userId, p_role: parsed.data.role });
	},
	remove: async (event) => {
		const parsed = await parseForm(event.request, removeSchema);
		if ('failure' in parsed) return scoped('remove', parsed.failure);
		return call(event, 'remove', 'remove_groep_member', { p_id: event.params.id, p_user: parsed.data.userId, p_reason: parsed.data.reason }, 'reason');
	},
	invite: async (event) => {
		const parsed = await parseForm(event.request, inviteSchema);
		if ('failure' in parsed) return scoped('invite', parsed.failure);
		return call(event, 'invite', 'invite_to_groep', { p_id: event.params.id, p_email: parsed.data.email, p_role: parsed.data.role }, 'email');
	}
};
