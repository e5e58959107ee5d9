import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages';
import { contactSchema, partnerSchema } from '$lib/signalen/schema';
import { refused, scoped } from '$lib/signalen/queries.server';
import { bufferToBytea, randomId, sha256 } from '$lib/server/auth/tokens';
import { must } from '$lib/server/db-errors';
import { parseForm } from '$lib/server/forms';
import { nudgeJobs } from '$lib/server/jobs/site';
import type { Actions, PageServerLoad } from './$types';

// The coordinator's page: the gemeente's partner organisations and their contact people.
export const load: PageServerLoad = async ({ locals }) => {
	const user = locals.user!;
	if (user.role !== 'coordinator') error(403, { message: 'forbidden' });
	const own = must(await locals.supabase.from('coordinators').select('gemeente_code, gemeenten(naam)').eq('user_id', user.id).single(), 'coordinator');
	const orgs = must(
		await locals.supabase
			.from('partner_organisaties')
			.select('id, name, kind, partner_contacten(user_id, profiles(display_name, users(email)))')
			.eq('gemeente_code', own.gemeente_code)
			.order('name'),
		'partners'
	);
	return {
		gemeente: (own.gemeenten as unknown as { naam: string }).naam,
		partners: orgs.map((o) => ({
			id: o.id,
			name: o.name,
			kind: o.kind,
			contacts: (o.partner_contacten as unknown as { user_id: string; profiles: { display_name: string; users: { email: string } | null } | null }[]).map((c) => ({
				id: c.user_id,
				name: c.profiles?.display_name ?? '',
				email: c.profiles?.users?.email ?? ''
			}))
		})),
		gemeenteCode: own.gemeente_code
	};
};

export const actions: Actions = {
	addPartner: async ({ request, locals }) => {
		const parsed = await parseForm(request, partnerSchema);
		if ('failure' in parsed) return scoped('partner', parsed.failure);
		const own = must(await locals.supabase.from('coordinators').select('gemeente_code').eq('user_id', locals.user!.id).maybeSingle(), 'coordinator');
		if (!own) error(403, { message: 'forbidden' });
		const { error: err, status } = await locals.supabase
			.from('partner_organisaties')
			.insert({ gemeente_code: own.gemeente_code, name: parsed.data.name, kind: parsed.data.kind });
		if (err) return refused('partner', err, status, err.code === '23505' ? 'name' : '_form');
		return { form: 'partner', added: true };
	},
	// The account and its invitation in one call: the link is a one-time token (only its hash is
	// stored) to choose a password, as a reset is. The database checks that the organisation is of the
	// coordinator's gemeente, writes the mail to the outbox and logs it.
	addContact: async ({ request, locals, url }) => {
		const parsed = await parseForm(request, contactSchema);
		if ('failure' in parsed) return scoped(`contact-${(parsed.failure.data.values.organisatieId as string) ?? ''}`, parsed.failure);
		const { organisatieId, displayName, email } = parsed.data;
		const form = `contact-${organisatieId}`;
		const org = must(await locals.supabase.from('partner_organisaties').select('name').eq('id', organisatieId).maybeSingle(), 'partner');
		if (!org) error(404, { message: 'not found' });
		const token = randomId(32);
		const { error: err, status } = await locals.supabase.rpc('add_partner_contact', {
			p_organisatie: organisatieId,
			p_email: email,
			p_display_name: displayName,
			p_token_hash: bufferToBytea(sha256(token)),
			p_subject: m.signaal_invite_subject({ org: org.name }),
			p_body: m.signaal_invite_body({ name: displayName, org: org.name, url: `${url.origin}/wachtwoord-herstellen?token=${token}` })
		});
		if (err) return refused(form, err, status);
		nudgeJobs();
		return { form, invited: email };
	}
};
